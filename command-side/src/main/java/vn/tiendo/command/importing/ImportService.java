package vn.tiendo.command.importing;

import vn.tiendo.command.common.Handled;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tiendo.command.catalog.AgencyDirectory;
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

    /** What an import did. {@code flags} are rows kept as written that deserve a look; they did not stop the import. */
    public record Outcome(String kind, String fileName, String sha256, int rows, int created, int revised, int unchanged,
                          boolean dryRun, List<ImportProblem> flags) {
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
        AgencyRows.Result result = AgencyRows.map(sheet, knownAgencies());
        reject(result.problems());
        String sha = sha256(content);
        // agencies are never renamed by an import: one that exists is left as it is
        int[] counts = applyRows(dryRun, () -> result.drafts().stream().map(d -> new RowCommands(d.row(), d.command(),
                registry.agencyExists(d.command().agencyId()) ? Optional.of(UNCHANGED) : Optional.empty())).toList(), caller, fileName, sha);
        return new Outcome("agencies", fileName, sha, sheet.rows().size(), counts[0], counts[1], counts[2], dryRun, List.of());
    }

    /** Reads an indicator table without applying it: the commands it would send (refused whole if any row is bad). */
    public IndicatorRows.Result readIndicators(String planId, String fileName, byte[] content) {
        Registry.PlanPeriod plan = plan(planId);
        IndicatorRows.Result result = IndicatorRows.map(read(fileName, content), planId, plan, knownAgencies());
        reject(result.problems());
        return result;
    }

    public Outcome importIndicators(String planId, String fileName, byte[] content, Caller caller, boolean dryRun) {
        IndicatorRows.Result result = readIndicators(planId, fileName, content);
        String sha = sha256(content);
        String reason = "import of " + fileName;
        int[] counts = applyRows(dryRun, () -> result.drafts().stream().map(d -> {
            DefineIndicator c = d.command();
            return new RowCommands(d.row(), c, registry.indicatorWithCode(planId, c.code()).map(existing -> (Object)
                    new SyncIndicatorDefinition(existing, c.targets(), c.leadAgencyId(), reason, fileName, LocalDate.now(clock))));
        }).toList(), caller, fileName, sha);
        return new Outcome("indicators", fileName, sha, result.drafts().size(), counts[0], counts[1], counts[2], dryRun, result.flags());
    }

    public TaskRows.Result readTasks(String planId, String fileName, byte[] content) {
        Registry.PlanPeriod plan = plan(planId);
        TaskRows.Result result = TaskRows.map(read(fileName, content), planId, plan, knownAgencies());
        reject(result.problems());
        return result;
    }

    public Outcome importTasks(String planId, String fileName, byte[] content, Caller caller, boolean dryRun) {
        TaskRows.Result result = readTasks(planId, fileName, content);
        String sha = sha256(content);
        String reason = "import of " + fileName;
        int[] counts = applyRows(dryRun, () -> result.drafts().stream().map(d -> {
            AssignTask c = d.command();
            return new RowCommands(d.row(), c, registry.taskExists(c.taskId()) ? Optional.of((Object) new SyncTaskDefinition(c.taskId(),
                    c.leadAgencyId(), c.deadline(), reason, fileName, LocalDate.now(clock))) : Optional.empty());
        }).toList(), caller, fileName, sha);
        return new Outcome("tasks", fileName, sha, result.drafts().size(), counts[0], counts[1], counts[2], dryRun, result.flags());
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

    /** A row's command if its record is new, and the one that brings an existing record in line ({@link #UNCHANGED}: none). */
    private record RowCommands(int row, Object create, Optional<Object> sync) {
    }

    private static final Object UNCHANGED = new Object();

    /**
     * Applies the rows (read inside the transaction) and counts them: created, revised, unchanged. A sync command
     * answers how many events it applied; none means the row was already as the file says.
     */
    private int[] applyRows(boolean dryRun, java.util.function.Supplier<List<RowCommands>> rows, Caller caller, String fileName, String sha) {
        int[] counts = new int[3];
        apply(dryRun, () -> {
            for (RowCommands row : rows.get()) {
                if (row.sync().isEmpty()) {
                    send(row.create(), caller, fileName, sha, row.row());
                    counts[0]++;
                } else if (row.sync().get() == UNCHANGED) {
                    counts[2]++;
                } else {
                    counts[send(row.sync().get(), caller, fileName, sha, row.row()) > 0 ? 1 : 2]++;
                }
            }
        });
        return counts;
    }

    /** All rows in one transaction: with the PostgreSQL event store, a failure on any row leaves nothing applied. */
    private void apply(boolean dryRun, Runnable rows) {
        if (!dryRun) {
            transaction.executeWithoutResult(tx -> rows.run());
        }
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
