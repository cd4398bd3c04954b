package vn.tiendo.command.indicator;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import vn.tiendo.command.common.Handled;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.indicator.IndicatorCommands.CorrectIndicatorProgress;
import vn.tiendo.command.indicator.IndicatorCommands.DeclareRollUpRule;
import vn.tiendo.command.indicator.IndicatorCommands.LinkIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.UnlinkIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.ReassignIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.ReportIndicatorProgress;
import vn.tiendo.command.indicator.IndicatorCommands.ReviseIndicatorTarget;
import vn.tiendo.command.reminder.ReportingRules;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Notice;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.indicator.IndicatorCorrectionAccepted;
import vn.tiendo.events.indicator.IndicatorCorrectionProposed;
import vn.tiendo.events.indicator.IndicatorCorrectionRejected;
import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.indicator.IndicatorLinked;
import vn.tiendo.events.indicator.IndicatorMonitoringReassigned;
import vn.tiendo.events.indicator.IndicatorUnlinked;
import vn.tiendo.events.indicator.RollUpRule;
import vn.tiendo.events.indicator.RollUpRuleDeclared;
import vn.tiendo.events.indicator.IndicatorProgressCorrected;
import vn.tiendo.events.indicator.IndicatorProgressReported;
import vn.tiendo.events.indicator.IndicatorReassigned;
import vn.tiendo.events.indicator.IndicatorReportApproved;
import vn.tiendo.events.indicator.IndicatorTargetRevised;
import vn.tiendo.events.indicator.ReportEscalated;
import vn.tiendo.events.indicator.ReportReminderSent;
import vn.tiendo.platform.scope.Scope;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static vn.tiendo.command.common.Refusals.conflict;
import static vn.tiendo.command.common.Refusals.violation;


/**
 * The indicator's rules, on indicators of the real plans: A.1 of Decision 1305/QĐ-UBND (5G coverage, ≥ 60% by 2025)
 * and DTI 2025 indicators measured as pass/fail, ratio and level.
 */
class IndicatorTest {

    private static final String ID = "QD-1305-2025.A.1";
    private static final Period Y2025 = Period.year(2025);
    private static final Period JUNE = Period.parse("2025-06");
    private static final Target COVERAGE_2025 = new Target(Y2025, Comparator.GE, percent("60"), "≥ 60%");

    /** The plans' calendar: due the 20th of the next month, a reminder 3 days before, escalation 5 days after, at 08:00. */
    private static final ReportingRules RULES = new ReportingRules(null, null, null, null, null, null, Map.of("officers:so-khcn", "so-khcn@example.invalid"));

    private AggregateTestFixture<Indicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indicator.class);
        fixture.registerInjectableResource(RULES);
    }

    private static MeasuredValue percent(String value) {
        return new MeasuredValue.Percent(new BigDecimal(value));
    }

    private static IndicatorDefined defined(Measure measure, List<Target> targets) {
        return new IndicatorDefined(ID, "QD-1305-2025", "A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "% dân số", measure,
                Direction.INCREASE, null, null, targets, "so-khcn", "so-khcn", LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31), List.of());
    }

    private static IndicatorDefined coverage() {
        return defined(Measure.of(MeasureKind.PERCENT), List.of(COVERAGE_2025));
    }

    private static ReportIndicatorProgress report(String reportId, String period, MeasuredValue value) {
        return new ReportIndicatorProgress(ID, null, reportId, Period.parse(period), value, null, List.of(), false);
    }

    private static IndicatorCommands.DefineIndicator define(String indicatorId, String code, String lead, IndicatorCommands.Share share) {
        return new IndicatorCommands.DefineIndicator(indicatorId, "KH-TU-SON-NQ57", code, "Mỗi người dân có 01 định danh số", "%",
                Measure.of(MeasureKind.PERCENT), Direction.INCREASE, null, null, List.of(new Target(Y2025, Comparator.GE, percent("100"),
                "100% người dân có định danh số")), lead, "ubnd-tp-tu-son", LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31),
                List.of("3. Xã hội số"), share);
    }

    private static IndicatorDefined definedBy(IndicatorCommands.DefineIndicator c) {
        return new IndicatorDefined(c.indicatorId(), c.planId(), c.code(), c.name(), c.unit(), c.measure(), c.direction(), null, null, c.targets(),
                c.leadAgencyId(), c.monitoringAgencyId(), c.planStart(), c.planEnd(), c.groupPath());
    }

    @Test
    void aRowAssignedToAGroupRollsUpItsMembersSharesEachLinkedToIt() {
        String whole = "KH-TU-SON-NQ57.3.1";
        var owner = define(whole, "3.1", "ubnd-tp-tu-son", new IndicatorCommands.Share("tu-son.cac-phuong", "UBND các phường", null, RollUpRule.MINIMUM));
        fixture.givenNoPriorActivity().when(owner).expectEvents(definedBy(owner),
                new RollUpRuleDeclared(whole, RollUpRule.MINIMUM, null, "giao chung cho UBND các phường: tổng hợp từ phần của từng thành viên"));
        var share = define(whole + ":phuong-dong-ngan", "3.1:phuong-dong-ngan", "phuong-dong-ngan",
                new IndicatorCommands.Share("tu-son.cac-phuong", "UBND các phường", whole, null));
        fixture.givenNoPriorActivity().when(share).expectEvents(definedBy(share), new IndicatorLinked(share.indicatorId(), whole, null,
                "phần của phuong-dong-ngan trong chỉ tiêu giao chung cho UBND các phường"));
        fixture.givenNoPriorActivity()
                .when(define(whole, "3.1", "ubnd-tp-tu-son", new IndicatorCommands.Share("tu-son.cac-phuong", "UBND các phường", null, RollUpRule.ALL_ACHIEVED)))
                .expectException(violation("share.rule", "ALL_ACHIEVED does not give a PERCENT figure"));
    }

    @Test
    void aLinkAndItsEndTakeEffectFromADate() {
        LocalDate december = LocalDate.of(2025, 12, 1);
        IndicatorLinked fromDecember = new IndicatorLinked(ID, "QD-1305-2025.C.16", BigDecimal.ONE, "trực thuộc tỉnh", december);
        fixture.given(coverage())
                .when(new LinkIndicator(ID, null, "QD-1305-2025.C.16", BigDecimal.ONE, "trực thuộc tỉnh", december))
                .expectEvents(fromDecember);
        fixture.given(coverage(), fromDecember)
                .when(new LinkIndicator(ID, null, "QD-1305-2025.C.16", BigDecimal.ONE, null, december))
                .expectNoEvents();
        fixture.given(coverage(), fromDecember)
                .when(new LinkIndicator(ID, null, "QD-1305-2025.C.16", BigDecimal.ONE, "từ đầu năm", LocalDate.of(2025, 1, 1)))
                .expectEvents(new IndicatorLinked(ID, "QD-1305-2025.C.16", BigDecimal.ONE, "từ đầu năm", LocalDate.of(2025, 1, 1)));
        fixture.given(coverage(), fromDecember)
                .when(new UnlinkIndicator(ID, null, "sắp xếp lại", LocalDate.of(2025, 11, 1)))
                .expectException(violation("effectiveFrom", "it can end only after that"));
        fixture.given(coverage(), fromDecember)
                .when(new UnlinkIndicator(ID, null, "sắp xếp lại", LocalDate.of(2026, 7, 1)))
                .expectEvents(new IndicatorUnlinked(ID, "QD-1305-2025.C.16", "sắp xếp lại", LocalDate.of(2026, 7, 1)));
    }

    @Test
    void theMonitoringAgencyChangesFromADateForAReason() {
        IndicatorMonitoringReassigned passed = new IndicatorMonitoringReassigned(ID, "so-khcn", "so-noi-vu", "so-khcn merged into so-noi-vu (NQ)",
                LocalDate.of(2025, 7, 1));
        fixture.given(coverage())
                .when(new IndicatorCommands.ReassignMonitoring(ID, null, "so-noi-vu", "so-khcn merged into so-noi-vu (NQ)", LocalDate.of(2025, 7, 1)))
                .expectEvents(passed);
        fixture.given(coverage(), passed)
                .when(new IndicatorCommands.ReassignMonitoring(ID, null, "so-noi-vu", "lặp lại", LocalDate.of(2025, 8, 1)))
                .expectException(violation("toAgencyId", "already monitored by so-noi-vu"));
        fixture.given(coverage())
                .when(new IndicatorCommands.ReassignMonitoring(ID, null, "so-noi-vu", " ", LocalDate.of(2025, 7, 1)))
                .expectException(violation("reason", ""));
    }

    @Test
    void aLinkCountsOnceAndChangesOnlyItsWeightUntilUnlinked() {
        IndicatorLinked linked = new IndicatorLinked(ID, "QD-1305-2025.C.16", new BigDecimal("12"), "kế hoạch cấp dưới");
        fixture.given(coverage())
                .when(new LinkIndicator(ID, null, "QD-1305-2025.C.16", new BigDecimal("12"), "kế hoạch cấp dưới"))
                .expectEvents(linked);
        fixture.given(coverage(), linked)
                .when(new LinkIndicator(ID, null, "QD-1305-2025.C.16", new BigDecimal("12.0"), null))
                .expectNoEvents();
        fixture.given(coverage(), linked)
                .when(new LinkIndicator(ID, null, "QD-1305-2025.C.16", new BigDecimal("13"), "số phường sau sắp xếp"))
                .expectEvents(new IndicatorLinked(ID, "QD-1305-2025.C.16", new BigDecimal("13"), "số phường sau sắp xếp"));
        fixture.given(coverage(), linked)
                .when(new LinkIndicator(ID, null, "QD-1305-2025.C.15", null, null))
                .expectException(StateConflict.class);
        fixture.given(coverage(), linked, new IndicatorUnlinked(ID, "QD-1305-2025.C.16", "sắp xếp lại"))
                .when(new LinkIndicator(ID, null, "QD-1305-2025.C.15", null, null))
                .expectEvents(new IndicatorLinked(ID, "QD-1305-2025.C.15", null, null));
        fixture.given(coverage())
                .when(new UnlinkIndicator(ID, null, "không còn"))
                .expectException(StateConflict.class);
    }

    @Test
    void aRollUpRuleFitsTheIndicatorsOwnMeasure() {
        fixture.given(coverage())
                .when(new DeclareRollUpRule(ID, null, RollUpRule.SHARE_ACHIEVING, null, "tỷ lệ phường đạt"))
                .expectEvents(new RollUpRuleDeclared(ID, RollUpRule.SHARE_ACHIEVING, null, "tỷ lệ phường đạt"));
        fixture.given(coverage())
                .when(new DeclareRollUpRule(ID, null, RollUpRule.ALL_ACHIEVED, null, null))
                .expectException(RuleViolation.class);
        fixture.given(defined(Measure.of(MeasureKind.PASS_FAIL), List.of()))
                .when(new DeclareRollUpRule(ID, null, RollUpRule.ALL_ACHIEVED, null, null))
                .expectEvents(new RollUpRuleDeclared(ID, RollUpRule.ALL_ACHIEVED, null, null));
        fixture.given(defined(Measure.of(MeasureKind.PASS_FAIL), List.of()))
                .when(new DeclareRollUpRule(ID, null, RollUpRule.SUM, null, null))
                .expectException(RuleViolation.class);
    }

    @Test
    void reportsAValueThatFitsTheMeasure() {
        fixture.given(coverage())
                .when(report("r1", "2025-06", percent("48.5")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IndicatorProgressReported(ID, "r1", Period.parse("2025-06"), percent("48.5"), null, List.of()))
                .expectResultMessagePayload(new Handled(1, 1, null, null));
    }

    @Test
    void refusesAPercentageAbove100() {
        fixture.given(coverage())
                .when(report("r1", "2025-06", percent("100.5")))
                .expectException(violation("value", "a percentage must be between 0 and 100"))
                .expectNoEvents();
    }

    @Test
    void refusesAValueOfAnotherKind() {
        fixture.given(coverage())
                .when(report("r1", "2025-06", new MeasuredValue.Count(BigDecimal.TEN)))
                .expectException(violation("value", "this indicator is measured as PERCENT, not COUNT"))
                .expectNoEvents();
    }

    @Test
    void refusesANegativeCountAndAFractionalCount() {
        fixture.given(defined(Measure.of(MeasureKind.COUNT), List.of()))
                .when(report("r1", "2025-06", new MeasuredValue.Count(new BigDecimal("-1"))))
                .expectException(violation("value", "a count must be a whole number, 0 or more"));
        fixture.given(defined(Measure.of(MeasureKind.COUNT), List.of()))
                .when(report("r1", "2025-06", new MeasuredValue.Count(new BigDecimal("2.5"))))
                .expectException(violation("value", "a count must be a whole number, 0 or more"));
    }

    @Test
    void refusesARatioWhoseNumeratorExceedsItsDenominator() {
        // DTI 2025, indicator 3.7.a is written "Đạt: 7/7"
        fixture.given(defined(Measure.of(MeasureKind.RATIO), List.of()))
                .when(report("r1", "2025-06", new MeasuredValue.Ratio(BigDecimal.valueOf(8), BigDecimal.valueOf(7))))
                .expectException(violation("value", "a ratio's numerator must not exceed its denominator"));
    }

    @Test
    void passFailNeedsABoolean() {
        fixture.given(defined(Measure.of(MeasureKind.PASS_FAIL), List.of()))
                .when(report("r1", "2025-06", new MeasuredValue.PassFail(null)))
                .expectException(violation("value", "passed must be true (Đạt) or false (Chưa đạt)"));
    }

    @Test
    void aLevelMustComeFromTheIndicatorsList() {
        Measure levels = new Measure(MeasureKind.LEVEL, List.of("D", "C", "B", "A"));
        fixture.given(defined(levels, List.of()))
                .when(report("r1", "2025-06", new MeasuredValue.Level("E")))
                .expectException(violation("value", "level must be one of [D, C, B, A]"));
        fixture.given(defined(levels, List.of()))
                .when(report("r1", "2025-06", new MeasuredValue.Level("B")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAPeriodOutsideThePlan() {
        fixture.given(coverage())
                .when(report("r1", "2031-01", percent("70")))
                .expectException(violation("period", "period 2031-01 is outside the plan (2025-01-01 to 2030-12-31)"))
                .expectNoEvents();
    }

    /** On 22 November 2026, this month may be reported (the plans ask before the 20th of the next), next month not. */
    @Test
    void aPeriodThatHasNotBegunCannotBeReported() {
        Instant november22 = Instant.parse("2026-11-22T03:00:00Z");
        fixture.given(coverage()).andGivenCurrentTime(november22)
                .when(report("r1", "2029-05", percent("70")))
                .expectException(violation("period", "period 2029-05 has not begun (today is 2026-11-22)"))
                .expectNoEvents();
        fixture.given(coverage()).andGivenCurrentTime(november22)
                .when(report("r1", "2026-12", percent("70")))
                .expectException(violation("period", "period 2026-12 has not begun"));
        fixture.given(coverage()).andGivenCurrentTime(november22)
                .when(report("r1", "2026-11", percent("70")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPeriodIsReportedOnceAndThenCorrected() {
        fixture.given(coverage(), new IndicatorProgressReported(ID, "r1", Period.parse("2025-06"), percent("48.5"), null, List.of()))
                .when(report("r2", "2025-06", percent("50")))
                .expectException(conflict("period 2025-06 is already reported; send a correction with a reason instead"));
    }

    @Test
    void aCorrectionNeedsAReasonAndKeepsTheOldValue() {
        IndicatorProgressReported reported = new IndicatorProgressReported(ID, "r1", Period.parse("2025-06"), percent("48.5"), null, List.of());
        fixture.given(coverage(), reported)
                .when(new CorrectIndicatorProgress(ID, null, "r1", percent("51.2"), " ", List.of(), "p1"))
                .expectException(violation("reason", "reason is required"));
        fixture.given(coverage(), reported)
                .when(new CorrectIndicatorProgress(ID, null, "r1", percent("51.2"), "số liệu nhà mạng cập nhật", List.of(), "p1"))
                .expectEvents(new IndicatorProgressCorrected(ID, "r1", Period.parse("2025-06"), percent("48.5"), percent("51.2"),
                        "số liệu nhà mạng cập nhật", List.of()));
    }

    @Test
    void aCorrectionOfAnUnknownReportIsRefused() {
        fixture.given(coverage())
                .when(new CorrectIndicatorProgress(ID, null, "nope", percent("51.2"), "lý do", List.of(), "p1"))
                .expectException(violation("reportId", "no report nope on this indicator"));
    }

    @Test
    void aTargetRevisionNeedsAReasonAndRecordsTheOldTarget() {
        Target lowered = new Target(Y2025, Comparator.GE, percent("55"), "≥ 55%");
        fixture.given(coverage())
                .when(new ReviseIndicatorTarget(ID, null, lowered, "", "QĐ điều chỉnh"))
                .expectException(violation("reason", "reason is required"));
        fixture.given(coverage())
                .when(new ReviseIndicatorTarget(ID, null, lowered, "điều chỉnh theo lộ trình", "QĐ điều chỉnh"))
                .expectEvents(new IndicatorTargetRevised(ID, Y2025, COVERAGE_2025, lowered, "điều chỉnh theo lộ trình", "QĐ điều chỉnh"));
    }

    @Test
    void reassigningToTheCurrentHolderIsRefused() {
        fixture.given(coverage())
                .when(new ReassignIndicator(ID, null, "so-khcn", "không đổi", LocalDate.of(2026, 1, 1)))
                .expectException(violation("toAgencyId", "the indicator is already assigned to so-khcn"));
        fixture.given(coverage())
                .when(new ReassignIndicator(ID, null, "vien-thong", "phân công lại", LocalDate.of(2026, 1, 1)))
                .expectEvents(new IndicatorReassigned(ID, "so-khcn", "vien-thong", "phân công lại", LocalDate.of(2026, 1, 1)));
    }

    @Test
    void evidenceMustSayWhereTheDocumentIs() {
        fixture.given(coverage())
                .when(new ReportIndicatorProgress(ID, null, "r1", Period.parse("2025-06"), percent("48"), null,
                        List.of(new EvidenceRef(null, null, null, "báo cáo", null, null)), false))
                .expectException(violation("evidence[0]", "evidence needs a document number or a uri"));
        fixture.given(coverage())
                .when(new ReportIndicatorProgress(ID, null, "r1", Period.parse("2025-06"), percent("48"), null,
                        List.of(new EvidenceRef("125/BC-STTTT", LocalDate.of(2025, 7, 5), "Sở KH&CN", "Báo cáo", null, "abc")), false))
                .expectException(violation("evidence[0].sha256", "sha256 must be 64 hexadecimal characters"));
    }

    @Test
    void syncingWithAnImportedRowRevisesOnlyWhatChanged() {
        Target lowered = new Target(Period.year(2030), Comparator.GE, percent("95"), "≥ 95%");
        fixture.given(coverage())
                .when(new IndicatorCommands.SyncIndicatorDefinition(ID, List.of(COVERAGE_2025), "so-khcn", "import of a.xlsx", "a.xlsx",
                        LocalDate.of(2026, 1, 1), false))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(changes(0));
        // a preview applies nothing and names what it would change
        fixture.given(coverage())
                .when(new IndicatorCommands.SyncIndicatorDefinition(ID, List.of(COVERAGE_2025, lowered), "so-noi-vu", "import of b.xlsx",
                        "b.xlsx", LocalDate.of(2026, 1, 1), true))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<Handled>("a preview of two changes") {
                    @Override
                    protected boolean matchesSafely(Handled handled) {
                        return handled.preview().equals(List.of(FieldChange.of("target[2030]", null, lowered),
                                FieldChange.of("leadAgencyId", "so-khcn", "so-noi-vu")));
                    }
                });
        fixture.given(coverage())
                .when(new IndicatorCommands.SyncIndicatorDefinition(ID, List.of(COVERAGE_2025, lowered), "so-noi-vu", "import of b.xlsx",
                        "b.xlsx", LocalDate.of(2026, 1, 1), false))
                .expectEvents(new IndicatorTargetRevised(ID, Period.year(2030), null, lowered, "import of b.xlsx", "b.xlsx"),
                        new IndicatorReassigned(ID, "so-khcn", "so-noi-vu", "import of b.xlsx", LocalDate.of(2026, 1, 1)))
                .expectResultMessagePayloadMatching(changes(2));
    }

    @Test
    void aStaleExpectedVersionIsAConflict() {
        fixture.given(coverage(), new IndicatorProgressReported(ID, "r1", Period.parse("2025-06"), percent("48.5"), null, List.of()))
                .when(new ReportIndicatorProgress(ID, 0L, "r2", Period.parse("2025-07"), percent("50"), null, List.of(), false))
                .expectException(ConflictingAggregateVersionException.class);
        fixture.given(coverage(), new IndicatorProgressReported(ID, "r1", Period.parse("2025-06"), percent("48.5"), null, List.of()))
                .when(new ReportIndicatorProgress(ID, 1L, "r2", Period.parse("2025-07"), percent("50"), null, List.of(), false))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new Handled(2, 1, null, null));
    }

    @Test
    void aReportByAHeadIsApprovedAsSent() {
        fixture.given(coverage())
                .when(new ReportIndicatorProgress(ID, null, "r1", JUNE, percent("48.5"), null, List.of(), true))
                .expectEvents(new IndicatorProgressReported(ID, "r1", JUNE, percent("48.5"), null, List.of()),
                        new IndicatorReportApproved(ID, "r1", JUNE));
    }

    @Test
    void aDraftIsCorrectedAtOnceButAnApprovedReportOnlyThroughTheCoordinator() {
        IndicatorProgressReported reported = new IndicatorProgressReported(ID, "r1", JUNE, percent("48.5"), null, List.of());
        fixture.given(coverage(), reported)
                .when(new CorrectIndicatorProgress(ID, null, "r1", percent("49"), "gõ nhầm", List.of(), "p1"))
                .expectEvents(new IndicatorProgressCorrected(ID, "r1", JUNE, percent("48.5"), percent("49"), "gõ nhầm", List.of()));
        IndicatorReportApproved approved = new IndicatorReportApproved(ID, "r1", JUNE);
        fixture.given(coverage(), reported, approved)
                .when(new CorrectIndicatorProgress(ID, null, "r1", percent("52"), "số liệu chính thức", List.of(), "p1"))
                .expectEvents(new IndicatorCorrectionProposed(ID, "p1", "r1", JUNE, percent("48.5"), percent("52"), "số liệu chính thức", List.of()))
                .expectResultMessagePayload(new Handled(3, 1, "p1", null));
        IndicatorCorrectionProposed proposed = new IndicatorCorrectionProposed(ID, "p1", "r1", JUNE, percent("48.5"), percent("52"),
                "số liệu chính thức", List.of());
        fixture.given(coverage(), reported, approved, proposed)
                .when(new CorrectIndicatorProgress(ID, null, "r1", percent("53"), "lần nữa", List.of(), "p2"))
                .expectException(conflict("a correction of report r1 already awaits the coordinator"));
        fixture.given(coverage(), reported, approved, proposed)
                .when(new IndicatorCommands.AcceptIndicatorCorrection(ID, null, "p1"))
                .expectEvents(new IndicatorCorrectionAccepted(ID, "p1", "r1", JUNE),
                        new IndicatorProgressCorrected(ID, "r1", JUNE, percent("48.5"), percent("52"), "số liệu chính thức", List.of()));
        fixture.given(coverage(), reported, approved, proposed)
                .when(new IndicatorCommands.RejectIndicatorCorrection(ID, null, "p1", ""))
                .expectException(violation("reason", "reason is required"));
        fixture.given(coverage(), reported, approved, proposed, new IndicatorCorrectionRejected(ID, "p1", "r1", JUNE, "không có căn cứ"))
                .when(new IndicatorCommands.AcceptIndicatorCorrection(ID, null, "p1"))
                .expectException(violation("proposalId", "no pending correction p1 on this indicator"));
        fixture.given(coverage(), reported, approved)
                .when(new IndicatorCommands.ApproveIndicatorReport(ID, null, "r1"))
                .expectException(conflict("report r1 is already approved"));
    }

    /** The aggregate's own scope check: what a lagging lookup or a missed route would let through, it refuses. */
    @Test
    void aSenderOutsideTheLeadAgencysScopeIsRefusedByTheIndicatorItself() {
        fixture.given(coverage())
                .when(report("r9", "2025-06", percent("50")), MetaData.with(Scope.METADATA, "cong-an-tinh"))
                .expectException(AccessDeniedException.class)
                .expectExceptionMessage(ID + " is led by so-khcn, outside the sender's scope");
        fixture.given(coverage())
                .when(report("r9", "2025-06", percent("50")), MetaData.with(Scope.METADATA, "cong-an-tinh,so-khcn"))
                .expectSuccessfulHandlerExecution();
    }

    /** Direction and comparator must agree: the status rules read the way to go from the comparator. */
    @Test
    void aTargetMustPointTheWayTheIndicatorGoes() {
        Target ceiling = new Target(Y2025, Comparator.LE, percent("60"), "≤ 60%");
        fixture.givenNoPriorActivity()
                .when(new IndicatorCommands.DefineIndicator(ID, "QD-1305-2025", "A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "% dân số",
                        Measure.of(MeasureKind.PERCENT), Direction.INCREASE, null, null, List.of(ceiling), "so-khcn", "so-khcn",
                        LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31), List.of()))
                .expectException(violation("targets[0].comparator", "a target <= does not fit an indicator whose direction is INCREASE"));
        fixture.given(coverage())
                .when(new ReviseIndicatorTarget(ID, null, ceiling, "điều chỉnh", "QĐ điều chỉnh"))
                .expectException(violation("newTarget.comparator", "does not fit an indicator whose direction is INCREASE"));
    }

    private static Matcher<Handled> changes(int count) {
        return new CustomTypeSafeMatcher<>(count + " changes") {
            @Override
            protected boolean matchesSafely(Handled handled) {
                return handled.changes() == count;
            }
        };
    }

    private static IndicatorCommands.DefineIndicator defineCoverage() {
        return new IndicatorCommands.DefineIndicator(ID, "QD-1305-2025", "A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "% dân số",
                Measure.of(MeasureKind.PERCENT), Direction.INCREASE, null, null, List.of(COVERAGE_2025), "so-khcn", "so-khcn",
                LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31), List.of());
    }

    /**
     * Defined on 22/11/2026 at 10:00 (Hà Nội): October's report was due on 20/11 and is overdue already, so the first
     * deadline is its escalation on 25/11 at 08:00. Unreported by then, the head and the coordinator are told (in the
     * log: no address is configured for them) and November's reminder is scheduled for 17/12.
     */
    @Test
    void aMonthStillUnreportedIsEscalatedAndTheNextDeadlineScheduled() {
        Instant escalation = Instant.parse("2026-11-25T01:00:00Z");
        fixture.givenCurrentTime(Instant.parse("2026-11-22T03:00:00Z"))
                .when(defineCoverage())
                .expectScheduledDeadline(escalation, new ReportingRules.Deadline(Period.parse("2026-10"), ReportingRules.Stage.ESCALATION));
        setUp(); // a fixture's deadline clock is set once
        fixture.givenCurrentTime(Instant.parse("2026-11-22T03:00:00Z"))
                .andGivenCommands(defineCoverage())
                .whenTimeAdvancesTo(escalation.plusSeconds(1))
                .expectEvents(new ReportEscalated(ID, Period.parse("2026-10"), LocalDate.of(2026, 11, 20), "so-khcn",
                        List.of(new Notice("head:so-khcn", "LOG", null), new Notice("coordinator:so-khcn", "LOG", null))))
                .expectScheduledDeadline(Instant.parse("2026-12-17T01:00:00Z"),
                        new ReportingRules.Deadline(Period.parse("2026-11"), ReportingRules.Stage.REMINDER));
    }

    @Test
    void aReportedMonthBringsNoNoticeAndAReminderGoesToTheOfficersAddress() {
        fixture.givenCurrentTime(Instant.parse("2026-11-22T03:00:00Z"))
                .andGivenCommands(defineCoverage(), report("r1", "2026-10", percent("70")))
                .whenTimeAdvancesTo(Instant.parse("2026-11-25T01:00:01Z"))
                .expectNoEvents();
        setUp();
        fixture.givenCurrentTime(Instant.parse("2026-11-22T03:00:00Z"))
                .andGivenCommands(defineCoverage(), report("r1", "2026-10", percent("70")))
                .whenTimeAdvancesTo(Instant.parse("2026-12-17T01:00:01Z"))
                .expectEvents(new ReportReminderSent(ID, Period.parse("2026-11"), LocalDate.of(2026, 12, 20), "so-khcn",
                        List.of(new Notice("officers:so-khcn", "EMAIL", "so-khcn@example.invalid"))));
    }
}
