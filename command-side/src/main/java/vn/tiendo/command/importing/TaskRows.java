package vn.tiendo.command.importing;

import vn.tiendo.command.task.TaskCommands.AssignTask;
import vn.tiendo.events.common.TaskDeadline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the rows of a task table (STT, nội dung, chủ trì, phối hợp, thời gian hoàn thành, sản phẩm) into AssignTask
 * commands. A task is known by its plan and STT (by its row number where the plan left STT empty, flagged), so a
 * re-import finds it again.
 */
final class TaskRows implements TableRows.Rules<AssignTask> {

    private final PlanTable table;
    private final Set<String> keys = new HashSet<>();
    private Columns columns;
    private Optional<Integer> content;
    private Optional<Integer> stt;
    private Optional<Integer> lead;
    private Optional<Integer> coordinators;
    private Optional<Integer> deadline;
    private Optional<Integer> product;
    private final Headings headings = new Headings();
    /** The table numbers its tasks again from 1 under each heading (plan 001): a task's key then carries the heading's number. */
    private boolean numberedWithinHeadings;

    TaskRows(PlanTable table) {
        this.table = table;
    }

    @Override
    public void findColumns(Columns columns, TableRows.Findings findings) {
        this.columns = columns;
        content = TableRows.required(columns.find("Nội dung", "Tên nhiệm vụ", "Nhiệm vụ", "Tên dự án"), "Nội dung", findings);
        stt = columns.find("STT", "TT");
        lead = TableRows.required(columns.find("Chủ trì", "Cơ quan chủ trì"), "Chủ trì", findings);
        coordinators = columns.find("Phối hợp", "Cơ quan phối hợp");
        deadline = TableRows.required(columns.find("Thời gian hoàn thành", "Thời hạn", "Thời gian"), "Thời gian hoàn thành", findings);
        product = columns.find("Sản phẩm", "Kết quả/sản phẩm", "Kết quả");
    }

    /** Whether the same STT comes again under another heading: then "1" under "II" is task II.1, not a second task 1. */
    @Override
    public void scan(List<Sheet.Row> rows) {
        Set<String> seen = new HashSet<>();
        Set<String> seenUnderThisHeading = new HashSet<>();
        for (Sheet.Row row : rows) {
            String number = stt.map(row::cell).orElse(null);
            if (isHeading(row)) {
                seenUnderThisHeading.clear();
            } else if (number != null) {
                boolean firstUnderThisHeading = seenUnderThisHeading.add(number);
                if (!seen.add(number) && firstUnderThisHeading) {
                    numberedWithinHeadings = true;
                }
            }
        }
    }

    private boolean isHeading(Sheet.Row row) {
        return row.cell(content.get()) != null && Stream.of(lead, coordinators, deadline, product).allMatch(column -> column.map(row::cell).isEmpty());
    }

    @Override
    public List<AssignTask> map(Sheet.Row row, TableRows.RowFindings findings) {
        String text = row.cell(content.get());
        if (isHeading(row)) {
            // a number and a title, nothing else: a heading the tasks below are grouped under
            headings.enter(stt.map(row::cell).orElse(null), text);
            return List.of();
        }
        if (text == null) {
            findings.problem(columns.header(content.get()), "the task's content is empty");
        }
        String key = stt.map(row::cell).orElse(null);
        if (key == null) {
            key = "R" + row.number();
            findings.flag("STT", "no STT: the task is known by its row number (" + key + ")");
        } else if (!key.matches("[A-Za-z0-9._-]{1,40}")) {
            findings.problem("STT", "\"" + key + "\" is not a number or code");
        }
        if (numberedWithinHeadings && stt.map(row::cell).isPresent() && headings.outermost().isPresent()) {
            key = headings.outermost().get() + "." + key;
        }
        if (!keys.add(key)) {
            // the document numbers two tasks alike (plan 001 goes 1…28, then 22 again): the later one is another task
            String written = key;
            int occurrence = 2;
            while (!keys.add(written + "-" + occurrence)) {
                occurrence++;
            }
            key = written + "-" + occurrence;
            findings.flag("STT", "STT " + written + " appears again: this row is kept as another task, " + key);
        }
        String leadHeader = columns.header(lead.get());
        String leadCell = row.cell(lead.get());
        if (leadCell == null && table.plan().issuer() != null && table.agencies().resolve(table.plan().issuer()).isPresent()) {
            // the plans leave a few leads empty: the issuer owns the task until someone is named
            leadCell = table.plan().issuer();
            findings.flag(leadHeader, "no lead agency in the file: assigned to the plan's issuer, " + table.plan().issuer() + ", until one is named");
        }
        Optional<AgencyDirectory.Group> group = table.agencies().group(leadCell);
        AgencyDirectory.Resolution leads = group.isPresent() ? new AgencyDirectory.Resolution(group.get().memberIds(), List.of(), List.of())
                : table.agencies().resolveAll(leadCell);
        if (leadCell == null) {
            findings.problem(leadHeader, "no lead agency named");
        } else if (leads.agencyIds().isEmpty()) {
            findings.unknownAgency(leadHeader, leadCell, table.agencies());
        }
        leads.unknownParts().forEach(part -> findings.flag(leadHeader, "names no known agency, not taken as one: \"" + part + "\""));
        leads.ambiguities().forEach(flag -> findings.flag(leadHeader, flag));
        // a group's members each lead their own share; otherwise the first agency named leads and the others coordinate
        List<String> coordinatorIds = new ArrayList<>(group.isPresent() ? List.of() : leads.agencyIds().stream().skip(1).toList());
        if (coordinators.isPresent()) {
            String header = columns.header(coordinators.get());
            AgencyDirectory.Resolution named = table.agencies().resolveAll(row.cell(coordinators.get()));
            named.agencyIds().stream().filter(id -> (group.isPresent() || !leads.agencyIds().contains(id)) && !coordinatorIds.contains(id))
                    .forEach(coordinatorIds::add);
            named.unknownParts().forEach(part -> findings.unknownAgency(header, part, table.agencies()));
            named.ambiguities().forEach(flag -> findings.flag(header, flag));
        }
        if (findings.hasProblems()) {
            return List.of();
        }
        String deadlineText = row.cell(deadline.get());
        TaskDeadline due = DeadlineText.parse(deadlineText, table.plan().start().getYear());
        if (due.recurrence() == TaskDeadline.Recurrence.AS_DIRECTED && !DeadlineText.awaitsGuidance(deadlineText)) {
            findings.flag(columns.header(deadline.get()), "no date could be read; kept as written, never overdue: \"" + deadlineText + "\"");
        }
        String taskId = table.planId() + ".NV-" + key;
        String expected = product.map(row::cell).orElse(null);
        if (group.isEmpty()) {
            return List.of(new AssignTask(taskId, table.planId(), text, leads.agencyIds().get(0), coordinatorIds, due, expected, headings.path()));
        }
        // each member its own share, known by the row's key and the member ("NV-10:phuong-dong-ngan")
        return group.get().memberIds().stream().map(member -> new AssignTask(taskId + ":" + member, table.planId(), text, member,
                coordinatorIds.stream().filter(id -> !id.equals(member)).toList(), due, expected, headings.path(), group.get().id())).toList();
    }
}
