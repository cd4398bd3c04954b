package vn.tiendo.command.agency;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tiendo.command.agency.AgencyCommands.AppointHead;
import vn.tiendo.command.agency.AgencyCommands.MergeAgency;
import vn.tiendo.command.agency.AgencyCommands.MoveAgency;
import vn.tiendo.command.agency.AgencyCommands.RecordAlias;
import vn.tiendo.command.agency.AgencyCommands.RenameAgency;
import vn.tiendo.command.agency.AgencyCommands.RecordHeadLeft;
import vn.tiendo.events.agency.AgencyAliasRecorded;
import vn.tiendo.events.agency.AgencyMerged;
import vn.tiendo.events.agency.AgencyMoved;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.agency.HeadAppointed;
import vn.tiendo.events.agency.HeadLeft;
import vn.tiendo.events.common.AgencyKind;

import java.time.LocalDate;

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
