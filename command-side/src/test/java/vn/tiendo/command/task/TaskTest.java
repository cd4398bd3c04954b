package vn.tiendo.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tiendo.command.task.TaskCommands.AssignTask;
import vn.tiendo.command.task.TaskCommands.CancelTask;
import vn.tiendo.command.task.TaskCommands.CompleteTask;
import vn.tiendo.command.task.TaskCommands.ReassignTask;
import vn.tiendo.command.task.TaskCommands.ReportTaskProgress;
import vn.tiendo.command.task.TaskCommands.ReviseTaskDeadline;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.events.task.TaskAssigned;
import vn.tiendo.events.task.TaskCancelled;
import vn.tiendo.events.task.TaskCompleted;
import vn.tiendo.events.task.TaskDeadlineRevised;
import vn.tiendo.events.task.TaskProgressReported;
import vn.tiendo.events.task.TaskReportApproved;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static vn.tiendo.command.common.Refusals.conflict;
import static vn.tiendo.command.common.Refusals.violation;

/** The task's rules, on a task of Decision 1305/QĐ-UBND, Appendix II (deadline "Tháng 12/2025"). */
class TaskTest {

    private static final String ID = "QD-1305-2025.NV-40";
    private static final TaskDeadline DEC_2025 = TaskDeadline.due(LocalDate.of(2025, 12, 31), "Tháng 12/2025");
    private static final TaskAssigned ASSIGNED = new TaskAssigned(ID, "QD-1305-2025",
            "Xây dựng Kiến trúc chính quyền điện tử, chính quyền số tỉnh Bắc Ninh", "so-khcn", List.of("van-phong-ubnd-tinh"),
            DEC_2025, "Kiến trúc được phê duyệt", List.of());

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    @Test
    void assigningNeedsADueDateUnlessRecurring() {
        fixture.givenNoPriorActivity()
                .when(new AssignTask(ID, "QD-1305-2025", "nội dung", "so-khcn", List.of(), new TaskDeadline(null, null, "?"), null, List.of()))
                .expectException(violation("deadline.dueDate", "a task needs a due date unless it is ONGOING, YEARLY or AS_DIRECTED"));
        fixture.givenNoPriorActivity()
                .when(new AssignTask(ID, "QD-1305-2025", "nội dung", "so-khcn", List.of(),
                        new TaskDeadline(null, TaskDeadline.Recurrence.ONGOING, "Thường xuyên"), null, List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void progressIsBetween0And100() {
        fixture.given(ASSIGNED)
                .when(new ReportTaskProgress(ID, null, "p1", Period.parse("2025-11"), 120, null, List.of(), false))
                .expectException(violation("percentComplete", "percentComplete must be between 0 and 100"));
        fixture.given(ASSIGNED)
                .when(new ReportTaskProgress(ID, null, "p1", Period.parse("2025-11"), 60, "đang lấy ý kiến", List.of(), false))
                .expectEvents(new TaskProgressReported(ID, "p1", Period.parse("2025-11"), 60, "đang lấy ý kiến", List.of()));
    }

    @Test
    void anApprovedReportLocksItsPeriod() {
        TaskProgressReported draft = new TaskProgressReported(ID, "p1", Period.parse("2025-11"), 60, null, List.of());
        fixture.given(ASSIGNED, draft)
                .when(new TaskCommands.ApproveTaskReport(ID, null, "p1"))
                .expectEvents(new TaskReportApproved(ID, "p1", Period.parse("2025-11")));
        fixture.given(ASSIGNED, draft, new TaskReportApproved(ID, "p1", Period.parse("2025-11")))
                .when(new ReportTaskProgress(ID, null, "p2", Period.parse("2025-11"), 70, null, List.of(), false))
                .expectException(conflict("the report for 2025-11 is approved; the period is locked"));
        fixture.given(ASSIGNED, draft, new TaskReportApproved(ID, "p1", Period.parse("2025-11")))
                .when(new TaskCommands.ApproveTaskReport(ID, null, "p1"))
                .expectException(conflict("report p1 is already approved"));
        fixture.given(ASSIGNED)
                .when(new ReportTaskProgress(ID, null, "p1", Period.parse("2025-11"), 60, null, List.of(), true))
                .expectEvents(draft, new TaskReportApproved(ID, "p1", Period.parse("2025-11")));
    }

    @Test
    void progressForAMonthThatHasNotBegunIsRefused() {
        fixture.given(ASSIGNED).andGivenCurrentTime(Instant.parse("2026-11-22T03:00:00Z"))
                .when(new ReportTaskProgress(ID, null, "p9", Period.parse("2026-12"), 50, null, List.of(), false))
                .expectException(violation("period", "period 2026-12 has not begun (today is 2026-11-22)"));
    }

    @Test
    void aCompletedTaskTakesNoMoreProgress() {
        fixture.given(ASSIGNED, new TaskCompleted(ID, LocalDate.of(2025, 12, 20), "Kiến trúc 2.0", List.of()))
                .when(new ReportTaskProgress(ID, null, "p2", Period.parse("2026-01"), 100, null, List.of(), false))
                .expectException(conflict("task " + ID + " is completed and takes no more changes"))
                .expectNoEvents();
    }

    @Test
    void aCancelledTaskTakesNoMoreProgressNorCompletion() {
        fixture.given(ASSIGNED, new TaskCancelled(ID, "gộp vào nhiệm vụ khác"))
                .when(new CompleteTask(ID, null, LocalDate.of(2025, 12, 20), null, List.of()))
                .expectException(conflict("task " + ID + " is cancelled and takes no more changes"));
    }

    @Test
    void cancellingNeedsAReason() {
        fixture.given(ASSIGNED)
                .when(new CancelTask(ID, null, null))
                .expectException(violation("reason", "reason is required"));
    }

    @Test
    void aDeadlineRevisionNeedsAReasonAndKeepsTheOldDeadline() {
        TaskDeadline q2 = TaskDeadline.due(LocalDate.of(2026, 6, 30), "Quý II/2026");
        fixture.given(ASSIGNED)
                .when(new ReviseTaskDeadline(ID, null, q2, "", "Văn bản số 1"))
                .expectException(violation("reason", "reason is required"));
        fixture.given(ASSIGNED)
                .when(new ReviseTaskDeadline(ID, null, q2, "chờ hướng dẫn của Bộ", "Văn bản số 1"))
                .expectEvents(new TaskDeadlineRevised(ID, DEC_2025, q2, "chờ hướng dẫn của Bộ", "Văn bản số 1"));
    }

    @Test
    void reassigningToTheCurrentLeadIsRefused() {
        fixture.given(ASSIGNED)
                .when(new ReassignTask(ID, null, "so-khcn", "lý do", LocalDate.of(2026, 1, 1)))
                .expectException(violation("toAgencyId", "the task is already assigned to so-khcn"));
    }

    @Test
    void theLeadCannotAlsoCoordinate() {
        fixture.givenNoPriorActivity()
                .when(new AssignTask(ID, "QD-1305-2025", "nội dung", "so-khcn", List.of("so-khcn"), DEC_2025, null, List.of()))
                .expectException(violation("coordinatingAgencyIds", "the lead agency cannot also coordinate"));
    }
}
