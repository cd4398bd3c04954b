package vn.tiendo.command.agency;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tiendo.command.agency.AgencyCommands.AppointHead;
import vn.tiendo.command.agency.AgencyCommands.ChangeAgencyGroup;
import vn.tiendo.command.agency.AgencyCommands.DefineAgencyGroup;
import vn.tiendo.command.agency.AgencyCommands.MergeAgency;
import vn.tiendo.command.agency.AgencyCommands.MoveAgency;
import vn.tiendo.command.agency.AgencyCommands.RecordAlias;
import vn.tiendo.command.agency.AgencyCommands.RenameAgency;
import vn.tiendo.command.agency.AgencyCommands.SplitAgency;
import vn.tiendo.command.agency.AgencyCommands.RecordHeadLeft;
import vn.tiendo.events.agency.AgencyAliasRecorded;
import vn.tiendo.events.agency.AgencyGroupDefined;
import vn.tiendo.events.agency.AgencyGroupChanged;
import vn.tiendo.events.agency.AgencyMerged;
import vn.tiendo.events.agency.AgencyMoved;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.agency.AgencySplit;
import vn.tiendo.events.agency.HeadAppointed;
import vn.tiendo.events.agency.HeadLeft;
import vn.tiendo.events.common.AgencyKind;

import java.time.LocalDate;
import java.util.List;

import static vn.tiendo.command.common.Refusals.conflict;
import static vn.tiendo.command.common.Refusals.violation;

/** Who led an agency when: one head at a time, tenures that do not overlap, each change by a decision. */
class AgencyTest {

    private static final AgencyRegistered SO_KHCN = new AgencyRegistered("so-khcn", "Sở Khoa học và Công nghệ", AgencyKind.DEPARTMENT,
            "ubnd-tinh");
    private static final HeadAppointed DIRECTOR = new HeadAppointed("so-khcn", "Giám đốc Sở (nhiệm kỳ trước)", "Giám đốc", false,
            "Quyết định 101/QĐ-UBND", LocalDate.of(2025, 1, 1));

    private AggregateTestFixture<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
    }

    @Test
    void anAgencyIsRenamedMovedAndMergedFromADateAndThenChangesNoMore() {
        AgencyRegistered ward = new AgencyRegistered("phuong-dong-ngan", "UBND phường Đông Ngàn", AgencyKind.COMMUNE_WARD, "ubnd-tp-tu-son");
        LocalDate july = LocalDate.of(2025, 7, 1);
        AgencyMoved moved = new AgencyMoved("phuong-dong-ngan", "ubnd-tp-tu-son", "ubnd-tinh", july, "Nghị quyết");
        fixture.given(ward)
                .when(new MoveAgency("phuong-dong-ngan", null, "ubnd-tinh", july, "Nghị quyết"))
                .expectEvents(moved);
        fixture.given(ward, moved)
                .when(new MoveAgency("phuong-dong-ngan", null, "ubnd-tinh", july, "Nghị quyết"))
                .expectException(conflict("phuong-dong-ngan is already under ubnd-tinh"));
        fixture.given(ward)
                .when(new RenameAgency("phuong-dong-ngan", null, "UBND phường Đông Ngàn", july, "Nghị quyết"))
                .expectException(conflict("phuong-dong-ngan is already called UBND phường Đông Ngàn"));
        fixture.given(ward)
                .when(new RenameAgency("phuong-dong-ngan", null, "UBND phường Từ Sơn", july, " "))
                .expectException(violation("decisionReference", "decisionReference is required"));
        AgencyMerged merged = new AgencyMerged("phuong-dong-ngan", "phuong-tu-son", july, "Nghị quyết");
        fixture.given(ward)
                .when(new MergeAgency("phuong-dong-ngan", null, "phuong-tu-son", july, "Nghị quyết"))
                .expectEvents(merged);
        fixture.given(ward, merged)
                .when(new RenameAgency("phuong-dong-ngan", null, "UBND phường Từ Sơn", july.plusDays(1), "Nghị quyết"))
                .expectException(conflict("phuong-dong-ngan was merged into phuong-tu-son on 2025-07-01; it changes no more"));
    }

    @Test
    void anAgencyWithAHeadInOfficeIsNotMerged() {
        fixture.given(SO_KHCN, DIRECTOR)
                .when(new MergeAgency("so-khcn", null, "so-noi-vu", LocalDate.of(2025, 7, 1), "Nghị quyết"))
                .expectException(conflict("Giám đốc Sở (nhiệm kỳ trước) leads so-khcn since 2025-01-01; record their leaving before the merger"));
    }

    @Test
    void anAgencyIsSplitIntoTwoOrMorePartsAndThenChangesNoMore() {
        AgencyRegistered division = new AgencyRegistered("phong-kt-ht-dt-tu-son", "Phòng Kinh tế, Hạ tầng và Đô thị", AgencyKind.DIVISION,
                "ubnd-tp-tu-son");
        LocalDate july = LocalDate.of(2025, 7, 1);
        AgencySplit split = new AgencySplit("phong-kt-ht-dt-tu-son", List.of("phuong-dong-ngan", "so-cong-thuong"), july, "Nghị quyết");
        fixture.given(division)
                .when(new SplitAgency("phong-kt-ht-dt-tu-son", null, List.of("phuong-dong-ngan", "so-cong-thuong"), july, "Nghị quyết"))
                .expectEvents(split);
        fixture.given(division)
                .when(new SplitAgency("phong-kt-ht-dt-tu-son", null, List.of("phuong-dong-ngan"), july, "Nghị quyết"))
                .expectException(violation("intoAgencyIds", "at least two parts"));
        fixture.given(division)
                .when(new SplitAgency("phong-kt-ht-dt-tu-son", null, List.of("phuong-dong-ngan", "phong-kt-ht-dt-tu-son"), july, "Nghị quyết"))
                .expectException(violation("intoAgencyIds", "into itself"));
        fixture.given(division, split)
                .when(new RenameAgency("phong-kt-ht-dt-tu-son", null, "Phòng Kinh tế", july, "Nghị quyết"))
                .expectException(conflict("was split on 2025-07-01"));
    }

    @Test
    void aGroupHasTwoOrMoreMembersOtherThanItsOwnerAndChangesThemFromADate() {
        AggregateTestFixture<AgencyGroup> groups = new AggregateTestFixture<>(AgencyGroup.class);
        List<String> wards = List.of("phuong-dong-ngan", "phuong-dinh-bang", "phuong-tan-hong");
        AgencyGroupDefined defined = new AgencyGroupDefined("tu-son.cac-phuong", "UBND các phường", List.of(), "ubnd-tp-tu-son", wards, "Kế hoạch 003");
        groups.givenNoPriorActivity()
                .when(new DefineAgencyGroup("tu-son.cac-phuong", " UBND các phường ", null, "ubnd-tp-tu-son", wards, "Kế hoạch 003"))
                .expectEvents(defined);
        groups.givenNoPriorActivity()
                .when(new DefineAgencyGroup("g", "UBND các phường", null, "ubnd-tp-tu-son", List.of("phuong-dong-ngan", "phuong-dong-ngan"), null))
                .expectException(violation("memberAgencyIds", "an agency is a member once"));
        groups.givenNoPriorActivity()
                .when(new DefineAgencyGroup("g", "UBND các phường", null, "ubnd-tp-tu-son", List.of("ubnd-tp-tu-son", "phuong-dong-ngan"), null))
                .expectException(violation("memberAgencyIds", "the owner answers for the group"));
        LocalDate july = LocalDate.of(2025, 7, 1);
        AgencyGroupChanged changed = new AgencyGroupChanged("tu-son.cac-phuong", "ubnd-tp-tu-son", "ubnd-tp-tu-son", wards, wards.subList(0, 2),
                july, "sáp nhập");
        groups.given(defined)
                .when(new ChangeAgencyGroup("tu-son.cac-phuong", null, null, wards.subList(0, 2), july, "sáp nhập"))
                .expectEvents(changed);
        groups.given(defined, changed)
                .when(new ChangeAgencyGroup("tu-son.cac-phuong", null, "ubnd-tp-tu-son", wards.subList(0, 2), july, "lặp lại"))
                .expectNoEvents();
        groups.given(defined, changed)
                .when(new ChangeAgencyGroup("tu-son.cac-phuong", null, "ubnd-tinh", wards.subList(0, 2), july, "thành phố hợp nhất vào UBND tỉnh"))
                .expectEvents(new AgencyGroupChanged("tu-son.cac-phuong", "ubnd-tp-tu-son", "ubnd-tinh", wards.subList(0, 2), wards.subList(0, 2),
                        july, "thành phố hợp nhất vào UBND tỉnh"));
        groups.given(defined)
                .when(new ChangeAgencyGroup("tu-son.cac-phuong", null, null, wards.subList(0, 1), july, "còn một"))
                .expectException(violation("memberAgencyIds", "at least two members"));
    }

    @Test
    void aNameIsConfirmedOnceWhicheverWayItIsWritten() {
        AgencyAliasRecorded alias = new AgencyAliasRecorded("so-khcn", "Sở KH&CN");
        fixture.given(SO_KHCN)
                .when(new RecordAlias("so-khcn", null, "  Sở KH&CN "))
                .expectEvents(alias);
        fixture.given(SO_KHCN, alias)
                .when(new RecordAlias("so-khcn", null, "sở kh&cn"))
                .expectNoEvents();
        fixture.given(SO_KHCN)
                .when(new RecordAlias("so-khcn", null, " "))
                .expectException(violation("alias", "alias is required"));
    }

    @Test
    void aHeadIsAppointedByADecision() {
        fixture.given(SO_KHCN)
                .when(new AppointHead("so-khcn", null, "Giám đốc Sở (nhiệm kỳ trước)", "Giám đốc", false, "Quyết định 101/QĐ-UBND",
                        LocalDate.of(2025, 1, 1)))
                .expectEvents(DIRECTOR);
        fixture.given(SO_KHCN)
                .when(new AppointHead("so-khcn", null, "Phó Giám đốc phụ trách", "Phó Giám đốc", true, " ", LocalDate.of(2025, 1, 1)))
                .expectException(violation("decisionReference", "decisionReference is required"));
    }

    @Test
    void theNextHeadComesAfterTheOneInOfficeLeft() {
        fixture.given(SO_KHCN, DIRECTOR)
                .when(new AppointHead("so-khcn", null, "Phó Giám đốc phụ trách", "Phó Giám đốc", true, "Quyết định 55/QĐ-UBND",
                        LocalDate.of(2026, 7, 1)))
                .expectException(conflict("Giám đốc Sở (nhiệm kỳ trước) leads so-khcn since 2025-01-01; record their leaving first"));
        HeadLeft left = new HeadLeft("so-khcn", "Giám đốc Sở (nhiệm kỳ trước)", LocalDate.of(2026, 6, 30), "Quyết định 54/QĐ-UBND", "nghỉ hưu");
        fixture.given(SO_KHCN, DIRECTOR)
                .when(new RecordHeadLeft("so-khcn", null, LocalDate.of(2026, 6, 30), "Quyết định 54/QĐ-UBND", "nghỉ hưu"))
                .expectEvents(left);
        fixture.given(SO_KHCN, DIRECTOR, left)
                .when(new AppointHead("so-khcn", null, "Phó Giám đốc phụ trách", "Phó Giám đốc", true, "Quyết định 55/QĐ-UBND",
                        LocalDate.of(2026, 6, 30)))
                .expectException(violation("from", "the previous tenure ended on 2026-06-30; the next begins after it"));
        fixture.given(SO_KHCN, DIRECTOR, left)
                .when(new AppointHead("so-khcn", null, "Phó Giám đốc phụ trách", "Phó Giám đốc", true, "Quyết định 55/QĐ-UBND",
                        LocalDate.of(2026, 7, 1)))
                .expectEvents(new HeadAppointed("so-khcn", "Phó Giám đốc phụ trách", "Phó Giám đốc", true, "Quyết định 55/QĐ-UBND",
                        LocalDate.of(2026, 7, 1)));
    }

    @Test
    void nobodyLeavesAnEmptyOfficeOrBeforeTheyCame() {
        fixture.given(SO_KHCN)
                .when(new RecordHeadLeft("so-khcn", null, LocalDate.of(2026, 6, 30), "Quyết định 54/QĐ-UBND", null))
                .expectException(conflict("nobody leads so-khcn now"));
        fixture.given(SO_KHCN, DIRECTOR)
                .when(new RecordHeadLeft("so-khcn", null, LocalDate.of(2024, 12, 31), "Quyết định 54/QĐ-UBND", null))
                .expectException(violation("to", "took office on 2025-01-01; they cannot leave before"));
    }
}
