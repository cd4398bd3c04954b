package vn.tiendo.command.importing;

import vn.tiendo.command.catalog.AgencyDirectory;
import vn.tiendo.command.catalog.DeadlineText;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.task.TaskCommands.AssignTask;
import vn.tiendo.events.common.TaskDeadline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the rows of a task table (STT, nội dung, chủ trì, phối hợp, thời gian hoàn thành, sản phẩm) into AssignTask
 * commands. A task is known by its plan and STT (by its row number where the plan left STT empty, flagged), so a
 * re-import finds it again.
 */
public final class TaskRows {

    public record Result(List<Draft> drafts, List<ImportProblem> problems, List<ImportProblem> flags) {
    }

    public record Draft(int row, AssignTask command) {
    }

    private TaskRows() {
    }

    static Result map(Sheet sheet, String planId, Registry.PlanPeriod plan, AgencyDirectory agencies) {
        Columns columns = new Columns(sheet.headers());
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> flags = new ArrayList<>();
        Optional<Integer> content = columns.find("Nội dung", "Tên nhiệm vụ", "Nhiệm vụ");
        Optional<Integer> stt = columns.find("STT", "TT");
        Optional<Integer> lead = columns.find("Chủ trì", "Cơ quan chủ trì");
        Optional<Integer> coordinators = columns.find("Phối hợp", "Cơ quan phối hợp");
        Optional<Integer> deadline = columns.find("Thời gian hoàn thành", "Thời hạn", "Thời gian");
        Optional<Integer> product = columns.find("Sản phẩm", "Kết quả/sản phẩm", "Kết quả");
        if (content.isEmpty()) {
            problems.add(new ImportProblem(0, "Nội dung", "no column \"Nội dung\" in the header row"));
        }
        if (lead.isEmpty()) {
            problems.add(new ImportProblem(0, "Chủ trì", "no column \"Chủ trì\" in the header row"));
        }
        if (deadline.isEmpty()) {
            problems.add(new ImportProblem(0, "Thời gian hoàn thành", "no column \"Thời gian hoàn thành\" in the header row"));
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems, flags);
        }
        Set<String> keys = new HashSet<>();
        List<Draft> drafts = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            int before = problems.size();
            String text = row.cell(content.get());
            if (text == null) {
                problems.add(new ImportProblem(row.number(), columns.header(content.get()), "the task's content is empty"));
            }
            String key = stt.map(row::cell).orElse(null);
            if (key == null) {
                key = "R" + row.number();
                flags.add(new ImportProblem(row.number(), "STT", "no STT: the task is known by its row number (" + key + ")"));
            } else if (!key.matches("[A-Za-z0-9._-]{1,40}")) {
                problems.add(new ImportProblem(row.number(), "STT", "\"" + key + "\" is not a number or code"));
            }
            if (!keys.add(key)) {
                problems.add(new ImportProblem(row.number(), "STT", "STT " + key + " appears twice in the file"));
            }
            String leadHeader = columns.header(lead.get());
            String leadCell = row.cell(lead.get());
            if (leadCell == null && plan.issuer() != null && agencies.resolve(plan.issuer()).isPresent()) {
                // the plans leave a few leads empty: the issuer owns the task until someone is named
                leadCell = plan.issuer();
                flags.add(new ImportProblem(row.number(), leadHeader, "no lead agency in the file: assigned to the plan's issuer, "
                        + plan.issuer() + ", until one is named"));
            }
            AgencyDirectory.Resolution leads = agencies.resolveAll(leadCell);
            if (leads.agencyIds().isEmpty()) {
                problems.add(new ImportProblem(row.number(), leadHeader, leadCell == null ? "no lead agency named"
                        : agencies.unknown(leadCell)));
            }
            leads.unknownParts().forEach(part -> flags.add(new ImportProblem(row.number(), leadHeader,
                    "names no known agency, not taken as one: \"" + part + "\"")));
            leads.ambiguities().forEach(flag -> flags.add(new ImportProblem(row.number(), leadHeader, flag)));
            List<String> coordinatorIds = new ArrayList<>(leads.agencyIds().stream().skip(1).toList());
            if (coordinators.isPresent()) {
                AgencyDirectory.Resolution named = agencies.resolveAll(row.cell(coordinators.get()));
                named.agencyIds().stream().filter(id -> !leads.agencyIds().contains(id) && !coordinatorIds.contains(id)).forEach(coordinatorIds::add);
                named.unknownParts().forEach(part -> problems.add(new ImportProblem(row.number(), columns.header(coordinators.get()),
                        agencies.unknown(part))));
                named.ambiguities().forEach(flag -> flags.add(new ImportProblem(row.number(), columns.header(coordinators.get()), flag)));
            }
            if (problems.size() > before) {
                continue;
            }
            String deadlineText = row.cell(deadline.get());
            TaskDeadline due = DeadlineText.parse(deadlineText, plan.start().getYear());
            if (due.recurrence() == TaskDeadline.Recurrence.AS_DIRECTED && !DeadlineText.awaitsGuidance(deadlineText)) {
                flags.add(new ImportProblem(row.number(), columns.header(deadline.get()),
                        "no date could be read; kept as written, never overdue: \"" + deadlineText + "\""));
            }
            drafts.add(new Draft(row.number(), new AssignTask(planId + ".NV-" + key, planId, text, leads.agencyIds().get(0),
                    coordinatorIds, due, product.map(row::cell).orElse(null))));
        }
        return new Result(drafts, problems, flags);
    }
}
