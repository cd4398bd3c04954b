package vn.tiendo.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import vn.tiendo.events.agency.AgencyAliasRecorded;
import vn.tiendo.events.agency.AgencyGroupDefined;
import vn.tiendo.events.agency.AgencyGroupChanged;
import vn.tiendo.events.agency.AgencyMerged;
import vn.tiendo.events.agency.AgencyMoved;
import vn.tiendo.events.agency.AgencyRenamed;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.agency.AgencySplit;
import vn.tiendo.events.common.AgencyKind;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.events.emulation.AwardDecided;
import vn.tiendo.events.emulation.AwardForm;
import vn.tiendo.events.emulation.AwardProposed;
import vn.tiendo.events.emulation.CampaignLaunched;
import vn.tiendo.events.emulation.CampaignTarget;
import vn.tiendo.events.emulation.Citation;
import vn.tiendo.events.emulation.Claim;
import vn.tiendo.events.emulation.ClaimRejected;
import vn.tiendo.events.emulation.ClaimVerified;
import vn.tiendo.events.emulation.CoVerifierNamed;
import vn.tiendo.events.emulation.EvidenceRequested;
import vn.tiendo.events.emulation.EvidenceSupplied;
import vn.tiendo.events.emulation.NominationRejected;
import vn.tiendo.events.emulation.NominationReviewStarted;
import vn.tiendo.events.emulation.NominationSubmitted;
import vn.tiendo.events.emulation.NominationVerified;
import vn.tiendo.events.emulation.NomineeKind;
import vn.tiendo.events.emulation.Round;
import vn.tiendo.events.indicator.IndicatorCorrectionProposed;
import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.indicator.IndicatorLinked;
import vn.tiendo.events.indicator.IndicatorUnlinked;
import vn.tiendo.events.indicator.RollUpRule;
import vn.tiendo.events.indicator.RollUpRuleDeclared;
import vn.tiendo.events.indicator.IndicatorProgressCorrected;
import vn.tiendo.events.indicator.IndicatorProgressReported;
import vn.tiendo.events.indicator.IndicatorMonitoringReassigned;
import vn.tiendo.events.indicator.IndicatorReassigned;
import vn.tiendo.events.indicator.IndicatorReportApproved;
import vn.tiendo.events.indicator.IndicatorTargetRevised;
import vn.tiendo.events.plan.PeriodicReportSubmitted;
import vn.tiendo.events.plan.PlanRegistered;
import vn.tiendo.events.plan.ReportingCycle;
import vn.tiendo.events.plan.ReportingObligationDeclared;
import vn.tiendo.events.plan.ReportingObligationWithdrawn;
import vn.tiendo.events.task.TaskAssigned;
import vn.tiendo.events.task.TaskCancelled;
import vn.tiendo.events.task.TaskCompleted;
import vn.tiendo.events.task.TaskDeadlineRevised;
import vn.tiendo.events.task.TaskProgressReported;
import vn.tiendo.events.task.TaskReassigned;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The events are the contract between the sides: each survives Axon's Jackson serializer unchanged and has a revision. */
class EventContractTest {

    private static final Period JUNE = Period.parse("2025-06");
    private static final Target COVERAGE = new Target(Period.year(2025), Comparator.GE,
            new MeasuredValue.Percent(new BigDecimal("60")), "≥ 60%");
    private static final List<EvidenceRef> EVIDENCE = List.of(new EvidenceRef("125/BC-SKHCN", LocalDate.of(2025, 7, 5),
            "Sở KH&CN", "Báo cáo tháng 6", "https://example.invalid/bc.pdf", "a".repeat(64)));
    private static final Target COVERAGE_95 = new Target(Period.year(2030), Comparator.GE,
            new MeasuredValue.Percent(new BigDecimal("95")), "≥ 95%");
    private static final MeasuredValue PERCENT_55 = new MeasuredValue.Percent(new BigDecimal("55"));
    private static final MeasuredValue PERCENT_61 = new MeasuredValue.Percent(new BigDecimal("61"));
    private static final TaskDeadline DEC_2025 = TaskDeadline.due(LocalDate.of(2025, 12, 31), "Tháng 12/2025");

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();

    @Test
    void everyEventRoundTripsAndCarriesARevision() {
        List<Object> events = List.of(
                new PlanRegistered("QD-1305-2025", "1305/QĐ-UBND", LocalDate.of(2025, 10, 29), "UBND tỉnh Bắc Ninh",
                        "Chiến lược chuyển đổi số", LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31)),
                new AgencyRegistered("so-khcn", "Sở Khoa học và Công nghệ", AgencyKind.DEPARTMENT, "ubnd-tinh"),
                new AgencyAliasRecorded("so-khcn", "Sở KH&CN"),
                new AgencyRenamed("phuong-a", "UBND phường A", "UBND phường B", LocalDate.of(2025, 7, 1), "Nghị quyết"),
                new AgencyMoved("phuong-a", "ubnd-tp", "ubnd-tinh", LocalDate.of(2025, 7, 1), "Nghị quyết"),
                new AgencyMerged("ubnd-tp", "ubnd-tinh", LocalDate.of(2025, 7, 1), "Nghị quyết"),
                new AgencySplit("phong-kt", List.of("phuong-a", "so-cong-thuong"), LocalDate.of(2025, 7, 1), "Nghị quyết"),
                new AgencyGroupDefined("tu-son.cac-phuong", "UBND các phường", List.of("UBND các phường thuộc thành phố"), "ubnd-tp",
                        List.of("phuong-a", "phuong-b"), "Kế hoạch 003"),
                new AgencyGroupChanged("tu-son.cac-phuong", "ubnd-tp", "ubnd-tinh", List.of("phuong-a", "phuong-b", "phuong-c"),
                        List.of("phuong-a", "phuong-b"), LocalDate.of(2025, 7, 1), "sáp nhập"),
                new ReportingObligationDeclared("QD-1305-2025", "chu-tich", "so-khcn", "ubnd-tinh", ReportingCycle.MONTHLY, 25, 0, "trước ngày 25"),
                new ReportingObligationWithdrawn("QD-1305-2025", "chu-tich", "sửa đổi"),
                new PeriodicReportSubmitted("QD-1305-2025", "chu-tich", JUNE, "so-khcn", "ghi chú", EVIDENCE),
                new IndicatorDefined("i", "QD-1305-2025", "A.1", "Tỷ lệ phủ sóng 5G", "% dân số", Measure.of(MeasureKind.PERCENT),
                        Direction.INCREASE, new MeasuredValue.Percent(BigDecimal.TEN), "10%", List.of(COVERAGE), "so-khcn", "so-khcn",
                        LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31), List.of("A. Phát triển hạ tầng")),
                new IndicatorDefined("j", "DTI", "6.2", "Mức", null, new Measure(MeasureKind.LEVEL, List.of("D", "C", "B", "A")),
                        Direction.INCREASE, null, null, List.of(new Target(Period.year(2025), Comparator.GE, new MeasuredValue.Level("B"), "Mức B")),
                        "so-khcn", "so-khcn", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of()),
                new IndicatorTargetRevised("i", Period.year(2025), COVERAGE, COVERAGE, "lý do", "QĐ"),
                new IndicatorReassigned("i", "so-khcn", "so-noi-vu", "lý do", LocalDate.of(2026, 1, 1)),
                new IndicatorMonitoringReassigned("i", "so-khcn", "so-noi-vu", "lý do", LocalDate.of(2026, 1, 1)),
                new IndicatorLinked("i", "QD-1305-2025.C.16", new BigDecimal("12"), "kế hoạch cấp dưới"),
                new IndicatorUnlinked("i", "QD-1305-2025.C.16", "sắp xếp lại"),
                new IndicatorLinked("i", "QD-1305-2025.C.16", BigDecimal.ONE, "trực thuộc tỉnh", LocalDate.of(2025, 12, 1)),
                new IndicatorUnlinked("i", "QD-1305-2025.C.16", "sắp xếp lại", LocalDate.of(2025, 12, 1)),
                new RollUpRuleDeclared("i", RollUpRule.WEIGHTED_AVERAGE, "số phường", "bình quân theo số phường"),
                new IndicatorProgressReported("i", "r1", JUNE, new MeasuredValue.Ratio(BigDecimal.valueOf(5), BigDecimal.valueOf(7)), "ghi chú", EVIDENCE),
                new IndicatorProgressReported("i", "r2", JUNE, new MeasuredValue.PassFail(true), null, List.of()),
                new IndicatorProgressCorrected("i", "r1", JUNE, new MeasuredValue.Score(new BigDecimal("0.7")),
                        new MeasuredValue.Money(new BigDecimal("1500000000")), "lý do", EVIDENCE),
                new TaskAssigned("t", "QD-1305-2025", "nội dung", "so-khcn", List.of("so-noi-vu"), DEC_2025, "sản phẩm", List.of("I. NHÓM NHIỆM VỤ THƯỜNG XUYÊN (36 nhiệm vụ)")),
                new TaskAssigned("t:phuong-a", "KH-TU-SON-NQ57", "camera giám sát", "phuong-a", List.of(), DEC_2025, null, List.of(), "tu-son.cac-phuong"),
                new TaskReassigned("t", "so-khcn", "so-noi-vu", "lý do", LocalDate.of(2026, 1, 1)),
                new TaskDeadlineRevised("t", DEC_2025, new TaskDeadline(null, TaskDeadline.Recurrence.AS_DIRECTED, "Theo hướng dẫn"), "lý do", "QĐ"),
                new TaskProgressReported("t", "p1", JUNE, 40, null, EVIDENCE),
                new TaskCompleted("t", LocalDate.of(2025, 12, 20), "sản phẩm", EVIDENCE),
                new TaskCancelled("t", "lý do"),
                new CampaignLaunched("PT-CDS-2026", "Phong trào thi đua", "004", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 10, 10),
                        List.of(new Round(1, "Khen thưởng đợt 1", "Ngày chuyển đổi số", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30),
                                LocalDate.of(2025, 10, 10))),
                        List.of(new CampaignTarget("TD.19", "Chỉ số chuyển đổi số cấp tỉnh ≥ 0.75", Comparator.GE, new BigDecimal("0.75"),
                                List.of("QD-1305-2025.C.10"))),
                        List.of(new AwardForm("BANG_KHEN", "Bằng khen", "Chủ tịch UBND tỉnh", "Sở KH&CN")), "tập thể", "cá nhân", List.of("so-khcn")),
                new CoVerifierNamed("PT-CDS-2026", "so-noi-vu"),
                new NominationSubmitted("n", "PT-CDS-2026", 1, NomineeKind.INDIVIDUAL, "so-noi-vu", "Chuyên viên (dữ liệu mẫu)", "Chuyên viên",
                        "GIAY_KHEN", "tự đánh giá", List.of(new Claim("c1", "TD.19", "thành tích",
                        List.of(new Citation("QD-1305-2025.C.10", "2025")), EVIDENCE)), "lanh-dao.so-noi-vu"),
                new NominationReviewStarted("n", "hoi-dong.so-khcn"),
                new EvidenceRequested("n", null, "hoi-dong.so-khcn", "danh sách"),
                new EvidenceSupplied("n", "c1", EVIDENCE, "bổ sung", "lanh-dao.so-noi-vu"),
                new ClaimVerified("n", "c1", "hoi-dong.so-khcn", "đúng"),
                new ClaimRejected("n", "c1", "hoi-dong.so-khcn", "sai", new Citation("QD-1305-2025.C.10", "2025")),
                new NominationVerified("n", "hoi-dong.so-khcn", "đạt"),
                new NominationRejected("n", "hoi-dong.so-khcn", "không đạt"),
                new AwardProposed("n", "GIAY_KHEN", "hoi-dong.so-khcn", "đề nghị"),
                new AwardDecided("n", "12/QĐ", LocalDate.of(2025, 10, 10), "GIAY_KHEN", "a".repeat(64), "hoi-dong.so-khcn"));
        for (Object event : events) {
            assertThat(event.getClass().getAnnotation(Revision.class)).as(event.getClass().getSimpleName()).isNotNull();
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            assertThat(serialized.getType().getRevision()).isEqualTo(event.getClass().getAnnotation(Revision.class).value());
            Object back = serializer.deserialize(serialized);
            assertThat(back).isEqualTo(event);
            // the declared changes are for readers, never part of the stored payload
            assertThat(new String(serialized.getData(), StandardCharsets.UTF_8)).doesNotContain("\"changes\"");
        }
    }

    @Test
    void eachEventDeclaresTheFieldsItChanges() {
        assertThat(new IndicatorTargetRevised("i", Period.year(2030), COVERAGE, COVERAGE_95, "lý do", "QĐ").changes())
                .containsExactly(FieldChange.of("target[2030]", COVERAGE, COVERAGE_95));
        assertThat(new IndicatorProgressCorrected("i", "r1", JUNE, PERCENT_55, PERCENT_61, "lý do", List.of()).changes())
                .containsExactly(FieldChange.of("value[2025-06]", PERCENT_55, PERCENT_61));
        assertThat(new IndicatorCorrectionProposed("i", "p1", "r1", JUNE, PERCENT_55, PERCENT_61, "lý do", List.of()).changes())
                .containsExactly(FieldChange.of("proposed value[2025-06]", PERCENT_55, PERCENT_61));
        assertThat(new TaskReassigned("t", "so-khcn", "so-noi-vu", "lý do", LocalDate.of(2026, 1, 1)).changes())
                .containsExactly(FieldChange.of("leadAgencyId", "so-khcn", "so-noi-vu"));
        assertThat(new TaskProgressReported("t", "p1", JUNE, 40, null, List.of()).changes())
                .containsExactly(FieldChange.set("percentComplete[2025-06]", 40));
        // a registration lists what it sets, leaving out what it leaves empty
        assertThat(new AgencyRegistered("ubnd-tinh", "UBND tỉnh Bắc Ninh", AgencyKind.PROVINCE, null).changes())
                .extracting(FieldChange::field).containsExactly("name", "kind");
        assertThat(new IndicatorReportApproved("i", "r1", JUNE).changes()).isEmpty();
        assertThat(new IndicatorUnlinked("i", "QD-1305-2025.C.16", "lý do").changes())
                .containsExactly(FieldChange.of("implements", "QD-1305-2025.C.16", null));
        assertThat(new IndicatorMonitoringReassigned("i", "so-khcn", "so-noi-vu", "lý do", LocalDate.of(2026, 1, 1)).changes())
                .containsExactly(FieldChange.of("monitoringAgencyId", "so-khcn", "so-noi-vu"));
        assertThat(new AgencyGroupChanged("g", "o", "o", List.of("a", "b", "c"), List.of("a", "b"), LocalDate.of(2025, 7, 1), "lý do").changes())
                .as("the owner stays: only the members change").containsExactly(FieldChange.of("memberAgencyIds", List.of("a", "b", "c"), List.of("a", "b")));
    }

    @Test
    void aValueIsWrittenWithItsKind() throws Exception {
        String written = new ObjectMapper().writeValueAsString(new MeasuredValue.Percent(new BigDecimal("72.5")));
        assertThat(written).isEqualTo("{\"kind\":\"PERCENT\",\"value\":72.5}");
        assertThat(new ObjectMapper().readValue("{\"kind\":\"LEVEL\",\"level\":\"B\"}", MeasuredValue.class))
                .isEqualTo(new MeasuredValue.Level("B"));
    }
}
