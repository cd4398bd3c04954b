package vn.tiendo.command.importing;

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
        int[] counts = new int[2];
        apply(dryRun, () -> {
            for (AgencyRows.Draft draft : result.drafts()) {
                if (registry.agencyExists(draft.command().agencyId())) {
                    counts[1]++;
                } else {
                    send(draft.command(), caller, fileName, sha, draft.row());
                    counts[0]++;
                }
            }
        });
        return new Outcome("agencies", fileName, sha, sheet.rows().size(), counts[0], 0, counts[1], dryRun, List.of());
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
        int[] counts = new int[3];
        apply(dryRun, () -> {
            for (IndicatorRows.Draft draft : result.drafts()) {
                DefineIndicator c = draft.command();
                Optional<String> existing = registry.indicatorWithCode(planId, c.code());
                if (existing.isEmpty()) {
                    send(c, caller, fileName, sha, draft.row());
                    counts[0]++;
                } else {
                    int applied = send(new SyncIndicatorDefinition(existing.get(), c.targets(), c.leadAgencyId(), reason,
                            fileName, LocalDate.now(clock)), caller, fileName, sha, draft.row());
                    counts[applied > 0 ? 1 : 2]++;
                }
            }
        });
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
        int[] counts = new int[3];
        apply(dryRun, () -> {
            for (TaskRows.Draft draft : result.drafts()) {
                AssignTask c = draft.command();
                if (!registry.taskExists(c.taskId())) {
                    send(c, caller, fileName, sha, draft.row());
                    counts[0]++;
                } else {
                    int applied = send(new SyncTaskDefinition(c.taskId(), c.leadAgencyId(), c.deadline(), reason, fileName,
                            LocalDate.now(clock)), caller, fileName, sha, draft.row());
                    counts[applied > 0 ? 1 : 2]++;
                }
            }
        });
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
        return result instanceof Integer n ? n : 1;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
