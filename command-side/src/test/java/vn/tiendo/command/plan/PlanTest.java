package vn.tiendo.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.plan.ReportingCommands.DeclareReportingObligation;
import vn.tiendo.command.plan.ReportingCommands.SubmitPeriodicReport;
import vn.tiendo.command.plan.ReportingCommands.WithdrawReportingObligation;
import vn.tiendo.command.reminder.ReportingRules;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.plan.PeriodicReportSubmitted;
import vn.tiendo.events.plan.PlanRegistered;
import vn.tiendo.events.plan.ReportingCycle;
import vn.tiendo.events.plan.ReportingObligationDeclared;
import vn.tiendo.events.plan.ReportingObligationWithdrawn;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static vn.tiendo.command.common.Refusals.violation;

/**
 * A plan's reporting duties, as the DTI plan (002) writes them: Sở KH&CN reports to the provincial chairman before the
 * 25th of each month. Each period's report is sent once, under a duty still in force, for a period of the duty's cycle
 * within the plan's year.
 */
class PlanTest {

    private static final String PLAN = "KH-SKHCN-DTI-2025";
    private static final PlanRegistered DTI = new PlanRegistered(PLAN, "/KH-SKHCN", null, "Sở Khoa học và Công nghệ",
            "Kế hoạch nâng cao chỉ số chuyển đổi số (DTI) tỉnh Bắc Ninh năm 2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    private static final ReportingObligationDeclared TO_CHAIRMAN = new ReportingObligationDeclared(PLAN, "chu-tich", "so-khcn", "ubnd-tinh",
            ReportingCycle.MONTHLY, 25, 0, "báo cáo Chủ tịch UBND tỉnh (trước ngày 25 hằng tháng)");
    private static final List<EvidenceRef> REPORT = List.of(new EvidenceRef("135/BC-SKHCN", null, null, null, null, null));

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        // the calendar's defaults: a reminder 3 days before the due day, "overdue" the day after, escalation 5 days after
        fixture.registerInjectableResource(new ReportingRules(null, null, null, null, null, null, Map.of()));
    }

    @Test
    void aDutyIsDeclaredOnceAndChecked() {
        fixture.given(DTI)
                .when(new DeclareReportingObligation(PLAN, "chu-tich", "so-khcn", "ubnd-tinh", ReportingCycle.MONTHLY, 25, 0,
                        "báo cáo Chủ tịch UBND tỉnh (trước ngày 25 hằng tháng)"))
                .expectEvents(TO_CHAIRMAN);
        fixture.given(DTI, TO_CHAIRMAN)
                .when(new DeclareReportingObligation(PLAN, "chu-tich", "so-khcn", "ubnd-tinh", ReportingCycle.MONTHLY, 20, 0, "lại"))
                .expectException(StateConflict.class);
        fixture.given(DTI)
                .when(new DeclareReportingObligation(PLAN, "x", "so-khcn", "so-khcn", ReportingCycle.MONTHLY, 25, 0, "tự báo cáo"))
                .expectException(violation("recipientAgencyId", "an agency does not report to itself"));
    }

    @Test
    void aReportIsSentOnceForAPeriodOfTheDutysCycleWithinThePlan() {
        fixture.given(DTI, TO_CHAIRMAN)
                .when(new SubmitPeriodicReport(PLAN, "chu-tich", Period.parse("2025-10"), "so-khcn", null, REPORT))
                .expectEvents(new PeriodicReportSubmitted(PLAN, "chu-tich", Period.parse("2025-10"), "so-khcn", null, REPORT));
        fixture.given(DTI, TO_CHAIRMAN, new PeriodicReportSubmitted(PLAN, "chu-tich", Period.parse("2025-10"), "so-khcn", null, REPORT))
                .when(new SubmitPeriodicReport(PLAN, "chu-tich", Period.parse("2025-10"), "so-khcn", null, REPORT))
                .expectException(StateConflict.class);
        fixture.given(DTI, TO_CHAIRMAN)
                .when(new SubmitPeriodicReport(PLAN, "chu-tich", Period.parse("2025-Q4"), "so-khcn", null, REPORT))
                .expectException(violation("period", "duty chu-tich is MONTHLY: 2025-Q4 is not one of its periods"));
        fixture.given(DTI, TO_CHAIRMAN)
                .when(new SubmitPeriodicReport(PLAN, "chu-tich", Period.parse("2026-01"), "so-khcn", null, REPORT))
                .expectException(violation("period", "2026-01 is outside the plan's period 2025-01-01 to 2025-12-31"));
        fixture.given(DTI, TO_CHAIRMAN)
                .when(new SubmitPeriodicReport(PLAN, "chu-tich", Period.parse("2025-10"), "so-khcn", null, List.of()))
                .expectException(violation("evidence", "a periodic report names its document or file"));
        fixture.given(DTI, TO_CHAIRMAN)
                .when(new SubmitPeriodicReport(PLAN, "khong-co", Period.parse("2025-10"), "so-khcn", null, REPORT))
                .expectException(violation("obligationId", "plan " + PLAN + " has no reporting duty khong-co"));
    }

    @Test
    void aWithdrawnDutyTakesNoMoreReports() {
        fixture.given(DTI, TO_CHAIRMAN)
                .when(new WithdrawReportingObligation(PLAN, "chu-tich", "Kế hoạch được sửa đổi"))
                .expectEvents(new ReportingObligationWithdrawn(PLAN, "chu-tich", "Kế hoạch được sửa đổi"));
        fixture.given(DTI, TO_CHAIRMAN, new ReportingObligationWithdrawn(PLAN, "chu-tich", "Kế hoạch được sửa đổi"))
                .when(new SubmitPeriodicReport(PLAN, "chu-tich", Period.parse("2025-10"), "so-khcn", null, REPORT))
                .expectException(StateConflict.class);
    }
}
