package vn.tiendo.command.importing;

import vn.tiendo.command.common.Handled;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tiendo.command.agency.RegisterAgency;
import vn.tiendo.command.indicator.IndicatorCommands.DefineIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.SyncIndicatorDefinition;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.task.TaskCommands.AssignTask;
import vn.tiendo.command.task.TaskCommands.SyncTaskDefinition;
import vn.tiendo.command.web.Caller;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.MetadataKeys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Imports agency lists, indicator tables and task tables. Each row becomes commands, so the import is audited like
 * any other change (actor, file name, the file's SHA-256 and the row number in every event's metadata). A file with
 * any bad row is refused whole, with every problem named; a good file is applied in one transaction. Importing the
 * same file again creates no events; a changed row creates the revision events, with the reason "import of <file>".
 */
@Service
public class ImportService {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 5_000;

    /** What one row did, or (dry run) would do, to its record: {@code create}, {@code revise} or {@code unchanged}. */
    public enum Action { CREATE, REVISE, UNCHANGED }

    /**
     * One row of the file and its record: what it creates (the record's title) or, for an existing record, each field
     * the import changes with its value before and after, as the record itself judges them.
     */
    public record RowChange(int row, String recordId, String title, Action action, List<FieldChange> changes) {
    }

    /**
     * What an import did, or (dry run) would do: {@code created} new records, {@code revised} and {@code unchanged}
     * existing ones, and row by row what changes ({@code changes}: rows that create or revise; unchanged rows only
     * counted). {@code flags} are rows kept as written that deserve a look; they did not stop the import.
     */
    public record Outcome(String kind, String fileName, String sha256, int rows, int created, int revised, int unchanged,
                          boolean dryRun, List<RowChange> changes, List<ImportProblem> flags) {

        Outcome(String kind, String fileName, String sha256, int rows, List<RowChange> all, boolean dryRun, List<ImportProblem> flags) {
            this(kind, fileName, sha256, rows, count(all, Action.CREATE), count(all, Action.REVISE), count(all, Action.UNCHANGED), dryRun,
                    all.stream().filter(r -> r.action() != Action.UNCHANGED).toList(), flags);
        }

        private static int count(List<RowChange> rows, Action action) {
            return (int) rows.stream().filter(r -> r.action() == action).count();
        }
    }

    private final CommandGateway commands;
    private final Registry registry;
    private final TransactionTemplate transaction;
    private final AgencyNames names;
    private final Clock clock = Clock.systemDefaultZone();

    public ImportService(CommandGateway commands, Registry registry, TransactionTemplate transaction, AgencyNames names) {
        this.commands = commands;
        this.registry = registry;
        this.transaction = transaction;
        this.names = names;
    }

    public Outcome importAgencies(String fileName, byte[] content, Caller caller, boolean dryRun) {
        Sheet sheet = read(fileName, content);
        TableRows.Result<RegisterAgency> result = TableRows.map(sheet, new AgencyRows(knownAgencies()));
        reject(result.problems());
        String sha = sha256(content);
        // agencies are never renamed by an import: one that exists is left as it is
        List<RowChange> rows = apply(dryRun, () -> result.drafts().stream().map(d -> {
            RegisterAgency agency = d.command();
            return registry.agencyExists(agency.agencyId())
                    ? (RowPlan) new Unchanged(d.row(), agency.agencyId(), agency.name())
                    : new Create(d.row(), agency.agencyId(), agency.name(), agency);
        }).toList(), caller, fileName, sha);
        return new Outcome("agencies", fileName, sha, sheet.rows().size(), rows, dryRun, List.of());
    }

    /** Reads an indicator table without applying it: the commands it would send (refused whole if any row is bad). */
    public TableRows.Result<DefineIndicator> readIndicators(String planId, String fileName, byte[] content) {
        Registry.PlanPeriod plan = plan(planId);
        TableRows.Result<DefineIndicator> result = TableRows.map(read(fileName, content), new IndicatorRows(new PlanTable(planId, plan, knownAgencies())));
        reject(result.problems());
        return result;
    }

    public Outcome importIndicators(String planId, String fileName, byte[] content, Caller caller, boolean dryRun) {
        return importTable("indicators", fileName, content, readIndicators(planId, fileName, content), caller, dryRun,
                indicator -> new Created(indicator.indicatorId(), indicator.name()),
                (indicator, reason) -> registry.indicatorWithCode(planId, indicator.code())
                        .map(existing -> preview -> new SyncIndicatorDefinition(existing, indicator.targets(), indicator.leadAgencyId(),
                                reason, fileName, LocalDate.now(clock), preview)));
    }

    /**
     * The commands a plan's indicator table would send before the plan is registered, read against the catalog's
     * agencies: how the demo loader plans a history ahead of the moment it imports the table.
     */
    public TableRows.Result<DefineIndicator> previewIndicators(String planId, Registry.PlanPeriod plan, String fileName, byte[] content) {
        return previewIndicators(planId, plan, fileName, content, List.of(), List.of());
    }

    /**
     * As above, with agencies and groups the plan's history registers before the table comes in (a city, its divisions,
     * its wards as "UBND các phường").
     */
    public TableRows.Result<DefineIndicator> previewIndicators(String planId, Registry.PlanPeriod plan, String fileName, byte[] content,
                                                               List<AgencyDirectory.Agency> registeredBefore, List<AgencyDirectory.Group> groupsBefore) {
        List<AgencyDirectory.Agency> agencies = new ArrayList<>(names.catalog().agencies());
        agencies.addAll(registeredBefore);
        TableRows.Result<DefineIndicator> result = TableRows.map(read(fileName, content),
                new IndicatorRows(new PlanTable(planId, plan, names.catalog().withAgencies(agencies).withGroups(groupsBefore))));
        reject(result.problems());
        return result;
    }

    /** As {@link #previewIndicators}, for a task table. */
    public TableRows.Result<AssignTask> previewTasks(String planId, Registry.PlanPeriod plan, String fileName, byte[] content) {
        TableRows.Result<AssignTask> result = TableRows.map(read(fileName, content), new TaskRows(new PlanTable(planId, plan, names.catalog())));
        reject(result.problems());
        return result;
    }

    public TableRows.Result<AssignTask> readTasks(String planId, String fileName, byte[] content) {
        Registry.PlanPeriod plan = plan(planId);
        TableRows.Result<AssignTask> result = TableRows.map(read(fileName, content), new TaskRows(new PlanTable(planId, plan, knownAgencies())));
        reject(result.problems());
        return result;
    }

    public Outcome importTasks(String planId, String fileName, byte[] content, Caller caller, boolean dryRun) {
        return importTable("tasks", fileName, content, readTasks(planId, fileName, content), caller, dryRun,
                task -> new Created(task.taskId(), task.content()),
                (task, reason) -> registry.taskExists(task.taskId()) ? Optional.of(preview -> new SyncTaskDefinition(task.taskId(),
                        task.leadAgencyId(), task.deadline(), reason, fileName, LocalDate.now(clock), preview)) : Optional.empty());
    }

    /** The record a creating command makes, as a preview names it. */
    private record Created(String recordId, String title) {
    }

    /**
     * Applies a plan's table: each row creates its record, or, where the record exists, sends the command that brings
     * it in line with the row ({@code syncOf}, given the row's command and the reason to record; it makes the command
     * in its previewing or its applying form).
     */
    private <C> Outcome importTable(String kind, String fileName, byte[] content, TableRows.Result<C> result, Caller caller,
                                    boolean dryRun, Function<C, Created> created, BiFunction<C, String, Optional<Function<Boolean, Object>>> syncOf) {
        String sha = sha256(content);
        String reason = "import of " + fileName;
        List<RowChange> rows = apply(dryRun, () -> result.drafts().stream().map(d -> {
            Created record = created.apply(d.command());
            return syncOf.apply(d.command(), reason)
                    .map(sync -> (RowPlan) new Sync(d.row(), record.recordId(), record.title(), sync))
                    .orElse(new Create(d.row(), record.recordId(), record.title(), d.command()));
        }).toList(), caller, fileName, sha);
        // a row assigned to a group gives several records: the file's rows are counted once each
        int fileRows = (int) result.drafts().stream().mapToInt(TableRows.Draft::row).distinct().count();
        return new Outcome(kind, fileName, sha, fileRows, rows, dryRun, result.flags());
    }

    private Sheet read(String fileName, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new ImportRejected(List.of(new ImportProblem(0, "file", "the file is larger than " + MAX_BYTES / 1024 / 1024 + " MB")));
        }
        Sheet sheet = SheetReader.read(fileName, content);
        if (sheet.rows().size() > MAX_ROWS) {
            throw new ImportRejected(List.of(new ImportProblem(0, "file", "the file has " + sheet.rows().size()
                    + " rows; at most " + MAX_ROWS + " can be imported at once")));
        }
        return sheet;
    }

    private Registry.PlanPeriod plan(String planId) {
        return registry.planPeriod(planId).orElseThrow(() ->
                new ImportRejected(List.of(new ImportProblem(0, "planId", "no plan " + planId + "; register the plan first"))));
    }

    private AgencyDirectory knownAgencies() {
        return names.registered();
    }

    private static void reject(List<ImportProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems);
        }
    }

    /** What importing one row comes to: a new record, a sync of an existing one (which may change nothing), or nothing. */
    private sealed interface RowPlan permits Create, Sync, Unchanged {
    }

    private record Create(int row, String recordId, String title, Object command) implements RowPlan {
    }

    /** {@code command}: the sync command, in its previewing ({@code true}) or applying form. */
    private record Sync(int row, String recordId, String title, Function<Boolean, Object> command) implements RowPlan {
    }

    private record Unchanged(int row, String recordId, String title) implements RowPlan {
    }

    /**
     * Applies the rows, planned inside the transaction, and says what each did. A sync answers the changes it made;
     * none means the record was already as the file says. All rows go in one transaction: with the PostgreSQL event
     * store, a failure on any row leaves nothing applied. A dry run applies nothing: each existing record is asked
     * what the row would change in it (a previewing sync applies no event), which the coordinator sees before applying.
     */
    private List<RowChange> apply(boolean dryRun, Supplier<List<RowPlan>> rows, Caller caller, String fileName, String sha) {
        if (dryRun) {
            return rows.get().stream().map(row -> preview(row, caller, fileName, sha)).toList();
        }
        return transaction.execute(tx -> rows.get().stream().map(row -> applyRow(row, caller, fileName, sha)).toList());
    }

    private RowChange preview(RowPlan row, Caller caller, String fileName, String sha) {
        if (row instanceof Create create) {
            return new RowChange(create.row(), create.recordId(), create.title(), Action.CREATE, List.of());
        }
        if (row instanceof Sync sync) {
            Handled preview = (Handled) commands.sendAndWait(sync.command().apply(true), metaData(caller, fileName, sha, sync.row()));
            return new RowChange(sync.row(), sync.recordId(), sync.title(), preview.preview().isEmpty() ? Action.UNCHANGED : Action.REVISE,
                    preview.preview());
        }
        Unchanged same = (Unchanged) row;
        return new RowChange(same.row(), same.recordId(), same.title(), Action.UNCHANGED, List.of());
    }

    private RowChange applyRow(RowPlan row, Caller caller, String fileName, String sha) {
        if (row instanceof Create create) {
            send(create.command(), caller, fileName, sha, create.row());
            return new RowChange(create.row(), create.recordId(), create.title(), Action.CREATE, List.of());
        }
        if (row instanceof Sync sync) {
            int changes = send(sync.command().apply(false), caller, fileName, sha, sync.row());
            return new RowChange(sync.row(), sync.recordId(), sync.title(), changes > 0 ? Action.REVISE : Action.UNCHANGED, List.of());
        }
        Unchanged same = (Unchanged) row;
        return new RowChange(same.row(), same.recordId(), same.title(), Action.UNCHANGED, List.of());
    }

    private static MetaData metaData(Caller caller, String fileName, String sha, int row) {
        return MetaData.with(MetadataKeys.ACTOR, caller.actor())
                .and(MetadataKeys.ON_BEHALF_OF, caller.onBehalfOf())
                .and(MetadataKeys.REQUEST_ID, caller.requestId())
                .and(MetadataKeys.REASON, "import of " + fileName)
                .and(MetadataKeys.IMPORT_FILE, fileName)
                .and(MetadataKeys.IMPORT_SHA256, sha)
                .and(MetadataKeys.IMPORT_ROW, row);
    }

    private int send(Object command, Caller caller, String fileName, String sha, int row) {
        Object result = commands.sendAndWait(command, metaData(caller, fileName, sha, row));
        // a creating handler answers with the new id: one change
        return result instanceof Handled handled ? handled.changes() : 1;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
