package vn.tiendo.command.importing;

import vn.tiendo.command.common.Handled;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import vn.tiendo.events.common.MetadataKeys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
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

    /**
     * How many rows made new records, revised existing ones, or found them as the file says. A dry run cannot know
     * whether an existing record differs until its aggregate compares it: such rows are counted as {@code toCompare}.
     */
    record Counts(int created, int revised, int unchanged, int toCompare) {
    }

    /**
     * What an import did, or (dry run) would do: {@code created} new records, {@code revised} and {@code unchanged}
     * existing ones, and in a dry run {@code toCompare} existing records the import would compare with the file.
     * {@code flags} are rows kept as written that deserve a look; they did not stop the import.
     */
    public record Outcome(String kind, String fileName, String sha256, int rows, int created, int revised, int unchanged,
                          int toCompare, boolean dryRun, List<ImportProblem> flags) {

        Outcome(String kind, String fileName, String sha256, int rows, Counts counts, boolean dryRun, List<ImportProblem> flags) {
            this(kind, fileName, sha256, rows, counts.created(), counts.revised(), counts.unchanged(), counts.toCompare(), dryRun, flags);
        }
    }

    private final CommandGateway commands;
    private final Registry registry;
    private final TransactionTemplate transaction;
    private final AgencyDirectory spellings;
    private final Clock clock = Clock.systemDefaultZone();

    public ImportService(CommandGateway commands, Registry registry, TransactionTemplate transaction, ObjectMapper json) {
        this.commands = commands;
        this.registry = registry;
        this.transaction = transaction;
        this.spellings = AgencyDirectory.fromCatalog(json);
    }

    public Outcome importAgencies(String fileName, byte[] content, Caller caller, boolean dryRun) {
        Sheet sheet = read(fileName, content);
        TableRows.Result<RegisterAgency> result = TableRows.map(sheet, new AgencyRows(knownAgencies()));
        reject(result.problems());
        String sha = sha256(content);
        // agencies are never renamed by an import: one that exists is left as it is
        Counts counts = apply(dryRun, () -> result.drafts().stream().map(d -> registry.agencyExists(d.command().agencyId())
                ? (RowPlan) new Unchanged(d.row()) : new Create(d.row(), d.command())).toList(), caller, fileName, sha);
        return new Outcome("agencies", fileName, sha, sheet.rows().size(), counts, dryRun, List.of());
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
                (indicator, reason) -> registry.indicatorWithCode(planId, indicator.code())
                        .map(existing -> (Object) new SyncIndicatorDefinition(existing, indicator.targets(), indicator.leadAgencyId(),
                                reason, fileName, LocalDate.now(clock))));
    }

    /**
     * The commands a plan's indicator table would send before the plan is registered, read against the catalog's
     * agencies: how the demo loader plans a history ahead of the moment it imports the table.
     */
    public TableRows.Result<DefineIndicator> previewIndicators(String planId, Registry.PlanPeriod plan, String fileName, byte[] content) {
        TableRows.Result<DefineIndicator> result = TableRows.map(read(fileName, content), new IndicatorRows(new PlanTable(planId, plan, spellings)));
        reject(result.problems());
        return result;
    }

    /** As {@link #previewIndicators}, for a task table. */
    public TableRows.Result<AssignTask> previewTasks(String planId, Registry.PlanPeriod plan, String fileName, byte[] content) {
        TableRows.Result<AssignTask> result = TableRows.map(read(fileName, content), new TaskRows(new PlanTable(planId, plan, spellings)));
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
                (task, reason) -> registry.taskExists(task.taskId()) ? Optional.of(new SyncTaskDefinition(task.taskId(),
                        task.leadAgencyId(), task.deadline(), reason, fileName, LocalDate.now(clock))) : Optional.empty());
    }

    /**
     * Applies a plan's table: each row creates its record, or, where the record exists, sends the command that brings
     * it in line with the row ({@code syncOf}, given the row's command and the reason to record).
     */
    private <C> Outcome importTable(String kind, String fileName, byte[] content, TableRows.Result<C> result, Caller caller,
                                    boolean dryRun, BiFunction<C, String, Optional<Object>> syncOf) {
        String sha = sha256(content);
        String reason = "import of " + fileName;
        Counts counts = apply(dryRun, () -> result.drafts().stream().map(d -> syncOf.apply(d.command(), reason)
                .map(sync -> (RowPlan) new Sync(d.row(), sync)).orElse(new Create(d.row(), d.command()))).toList(), caller, fileName, sha);
        return new Outcome(kind, fileName, sha, result.drafts().size(), counts, dryRun, result.flags());
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
        return spellings.withAgencies(registry.agencies());
    }

    private static void reject(List<ImportProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems);
        }
    }

    /** What importing one row comes to: a new record, a sync of an existing one (which may change nothing), or nothing. */
    private sealed interface RowPlan permits Create, Sync, Unchanged {
    }

    private record Create(int row, Object command) implements RowPlan {
    }

    private record Sync(int row, Object command) implements RowPlan {
    }

    private record Unchanged(int row) implements RowPlan {
    }

    /**
     * Applies the rows, planned inside the transaction, and counts them. A sync answers how many changes it made;
     * none means the record was already as the file says. All rows go in one transaction: with the PostgreSQL event
     * store, a failure on any row leaves nothing applied. A dry run applies and counts nothing.
     */
    private Counts apply(boolean dryRun, Supplier<List<RowPlan>> rows, Caller caller, String fileName, String sha) {
        if (dryRun) {
            // what the rows come to, without sending anything: the preview the coordinator confirms
            List<RowPlan> plans = rows.get();
            return new Counts((int) plans.stream().filter(Create.class::isInstance).count(), 0,
                    (int) plans.stream().filter(Unchanged.class::isInstance).count(), (int) plans.stream().filter(Sync.class::isInstance).count());
        }
        return transaction.execute(tx -> {
            int created = 0;
            int revised = 0;
            int unchanged = 0;
            for (RowPlan row : rows.get()) {
                if (row instanceof Create create) {
                    send(create.command(), caller, fileName, sha, create.row());
                    created++;
                } else if (row instanceof Sync sync && send(sync.command(), caller, fileName, sha, sync.row()) > 0) {
                    revised++;
                } else {
                    unchanged++;
                }
            }
            return new Counts(created, revised, unchanged, 0);
        });
    }

    private int send(Object command, Caller caller, String fileName, String sha, int row) {
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, caller.actor())
                .and(MetadataKeys.ON_BEHALF_OF, caller.onBehalfOf())
                .and(MetadataKeys.REQUEST_ID, caller.requestId())
                .and(MetadataKeys.REASON, "import of " + fileName)
                .and(MetadataKeys.IMPORT_FILE, fileName)
                .and(MetadataKeys.IMPORT_SHA256, sha)
                .and(MetadataKeys.IMPORT_ROW, row);
        Object result = commands.sendAndWait(command, metaData);
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
