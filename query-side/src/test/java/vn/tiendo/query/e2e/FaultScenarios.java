package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.tiendo.command.CommandSideApplication;
import vn.tiendo.command.demo.CatalogFiles;
import vn.tiendo.events.indicator.IndicatorProgressReported;
import vn.tiendo.query.QuerySideApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault-test command ({@code ./tiendo-faults.sh}; not part of {@code ./mvnw verify}, as its name says). Both
 * services run as processes of their own on database {@code tiendo_faults}, with the province strategy's 137 tasks
 * and 41 indicators imported from the real plan; each scenario sends task progress reports, each with its own
 * Idempotency-Key, hurts the platform while they arrive, lets it recover, and counts:
 * <ul>
 *     <li>accepted: answered 201 (a client whose request failed sends it again with the same key, as a client should);
 *     <li>stored: operations with a {@code TaskProgressReported} event carrying their key;
 *     <li>lost: accepted but not stored; duplicated: stored more than once;
 *     <li>and the projections: equal, row for row, to a clean rebuild, and each task's version equal to its stream.
 * </ul>
 * Prints the table that {@code docs/reliability.md} records and fails if anything was lost or applied twice.
 */
class FaultScenarios {

    private static final String DATABASE = "tiendo_faults";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(("dieu-phoi:" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8));

    record Row(String scenario, int operations, int accepted, int stored, int lost, int duplicated, String recovery, String notes) {
        String markdown() {
            return "| " + scenario + " | " + operations + " | " + accepted + " | " + stored + " | " + lost + " | " + duplicated + " | "
                    + recovery + " | " + notes + " |";
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ServiceProcess commandSide;
    private ServiceProcess querySide;
    private List<String> tasks;

    @Test
    void nothingAcceptedIsLostAndNothingIsAppliedTwice() throws Exception {
        Platform.freshDatabase(DATABASE);
        List<String> common = Platform.processArgs(DATABASE);
        List<String> commandArgs = new ArrayList<>(common);
        commandArgs.add("--tiendo.reminders.enabled=false");
        commandSide = new ServiceProcess(CommandSideApplication.class.getName(), commandArgs, ServiceProcess.logFile("command-side"));
        querySide = new ServiceProcess(QuerySideApplication.class.getName(), common, ServiceProcess.logFile("query-side"));
        try {
            commandSide.start();
            querySide.start();
            seedTheStrategyPlan();
            List<Row> rows = new ArrayList<>();
            rows.add(concurrentClients());
            rows.add(oneRecordOneVersionManyWriters());
            rows.add(querySideKilledWhileProjecting());
            rows.add(commandSideKilledUnderLoad());
            rows.add(databaseOutOfReachUnderLoad());
            rows.add(aPoisonEvent());

            StringBuilder table = new StringBuilder("| scenario | operations | accepted | stored | lost | duplicated | time to recover | notes |\n"
                    + "|---|---|---|---|---|---|---|---|\n");
            rows.forEach(r -> table.append(r.markdown()).append('\n'));
            System.out.println("\nFAULT SCENARIOS (" + Instant.now() + ")\n" + table);
            Files.writeString(Path.of("target/fault-scenarios/table.md"), table.toString());
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.lost()).as(r.scenario() + ": lost").isZero();
                assertThat(r.duplicated()).as(r.scenario() + ": duplicated").isZero();
            });
        } finally {
            querySide.close();
            commandSide.close();
        }
    }

    // 1. Many clients at once

    private Row concurrentClients() throws Exception {
        Load load = new Load("concurrent", YearMonth.of(2025, 1), 800);
        Duration took = load.run(16, n -> { });
        return load.count("16 clients at once", "—", "all " + load.operations + " in " + seconds(took) + " s; "
                + projectionsMatchARebuild());
    }

    // 2. Stale versions: many writers, one record, one version

    private Row oneRecordOneVersionManyWriters() throws Exception {
        String task = tasks.get(0);
        long version = JSON.readTree(get(querySide.url + "/api/tasks/" + task)).path("version").asLong();
        int writers = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String key = "faults-version-" + i;
            String body = """
                    {"expectedVersion":%d,"period":"2026-05","percentComplete":%d}""".formatted(version, 50 + i);
            answers.add(pool.submit(() -> {
                go.await();
                return post(commandSide.url + "/api/tasks/" + task + "/reports", body, key);
            }));
        }
        go.countDown();
        int accepted = 0;
        int conflicts = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            accepted += status == 201 ? 1 : 0;
            conflicts += status == 409 ? 1 : 0;
        }
        pool.shutdown();
        Map<String, Integer> stored = storedByKey("faults-version-");
        int duplicated = (int) stored.values().stream().filter(n -> n > 1).count();
        return new Row("16 writers, one task, the same expected version", writers, accepted, stored.size(),
                Math.max(0, accepted - stored.size()), duplicated, "—", conflicts + " answered 409 (stale version); exactly one applied: "
                + (accepted == 1 && stored.size() == 1));
    }

    // 3. The query side killed with SIGKILL while it projects

    private Row querySideKilledWhileProjecting() throws Exception {
        Load load = new Load("query-killed", YearMonth.of(2025, 7), 400);
        Instant[] killedAt = new Instant[1];
        load.run(4, n -> {
            if (n == 200) {
                killedAt[0] = Instant.now();
                kill(querySide);
            }
        });
        querySide.start();
        Duration recovery = Duration.between(killedAt[0], untilProjectionsCaughtUp());
        return load.count("query side SIGKILLed while projecting", seconds(recovery) + " s (restart and catch up)",
                projectionsMatchARebuild());
    }

    // 4. The command side killed with SIGKILL under load

    private Row commandSideKilledUnderLoad() throws Exception {
        Load load = new Load("command-killed", YearMonth.of(2025, 10), 400);
        Instant[] killedAt = new Instant[1];
        Thread restarter = new Thread(() -> {
            try {
                while (load.sent.get() < 150) {
                    Thread.sleep(10);
                }
                killedAt[0] = Instant.now();
                kill(commandSide);
                commandSide.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        restarter.start();
        load.run(4, n -> { });
        restarter.join();
        untilProjectionsCaughtUp();
        Duration recovery = Duration.between(killedAt[0], load.firstAcceptedAfter(killedAt[0]));
        return load.count("command side SIGKILLed under load", seconds(recovery) + " s (restart)",
                load.failedAttempts.get() + " attempts failed meanwhile and were sent again with their key; " + projectionsMatchARebuild());
    }

    // 5. PostgreSQL out of reach under load

    private Row databaseOutOfReachUnderLoad() throws Exception {
        Load load = new Load("database-out", YearMonth.of(2026, 1), 300);
        Instant[] restoredAt = new Instant[1];
        Thread outage = new Thread(() -> {
            try {
                while (load.sent.get() < 100) {
                    Thread.sleep(10);
                }
                outage(true);
                Thread.sleep(5_000);
                outage(false);
                restoredAt[0] = Instant.now();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        outage.start();
        load.run(4, n -> { });
        outage.join();
        untilProjectionsCaughtUp();
        Duration recovery = Duration.between(restoredAt[0], load.firstAcceptedAfter(restoredAt[0]));
        return load.count("PostgreSQL refusing connections for 5 s under load", seconds(recovery) + " s after it is back",
                load.unavailable.get() + " answers 503 with a problem body meanwhile, sent again with their key; " + projectionsMatchARebuild());
    }

    // 6. An event a projection cannot apply

    private Row aPoisonEvent() throws Exception {
        // as stored before text was checked: a note PostgreSQL cannot hold in text (U+0000), sealed into its stream
        String poisoned = "QD-1305-2025.A.1";
        storeSealed(poisoned, "Indicator", IndicatorProgressReported.class.getName(), """
                {"indicatorId":"QD-1305-2025.A.1","reportId":"poison","period":"2026-04","value":{"kind":"PERCENT","value":41},\
                "note":"ghi chú\\u0000","evidence":[]}""");
        Load load = new Load("poison", YearMonth.of(2026, 4), 100);
        load.run(4, n -> { });
        untilProjectionsCaughtUpExceptParked();
        JsonNode parked = JSON.readTree(get(querySide.url + "/api/admin/projections/parked-events", "quan-tri"));
        return load.count("one event a projection cannot apply, then 100 reports", "—",
                parked.size() + " event(s) parked with the reason; every other projection and record caught up");
    }

    /** Task progress reports with keys, spread over the plan's tasks, one period per task per operation. */
    private final class Load {
        final String name;
        final YearMonth firstMonth;
        final int operations;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failedAttempts = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        /** When each accepted attempt was sent and answered. */
        final ConcurrentLinkedQueue<Instant[]> acceptedAttempts = new ConcurrentLinkedQueue<>();
        final AtomicInteger accepted = new AtomicInteger();

        Load(String name, YearMonth firstMonth, int operations) {
            this.name = name;
            this.firstMonth = firstMonth;
            this.operations = operations;
        }

        Duration run(int clients, IntConsumer afterEach) throws Exception {
            Instant begun = Instant.now();
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < operations; n = next.getAndIncrement()) {
                        send(n);
                        afterEach.accept(sent.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            return Duration.between(begun, Instant.now());
        }

        /** Sends one operation until it is accepted, with the same key each time, as a careful client does. */
        private void send(int n) throws InterruptedException {
            String task = tasks.get(n % tasks.size());
            YearMonth month = firstMonth.plusMonths(n / tasks.size());
            String body = """
                    {"period":"%s","percentComplete":%d}""".formatted(month, n % 101);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline)) {
                Instant attempt = Instant.now();
                int status = post(commandSide.url + "/api/tasks/" + task + "/reports", body, key(n));
                if (status == 201) {
                    accepted.incrementAndGet();
                    acceptedAttempts.add(new Instant[]{attempt, Instant.now()});
                    return;
                }
                failedAttempts.incrementAndGet();
                if (status == 503) {
                    unavailable.incrementAndGet();
                }
                Thread.sleep(200);
            }
        }

        String key(int n) {
            return "faults-" + name + "-" + n;
        }

        /** When the first attempt sent after {@code moment} was accepted. */
        Instant firstAcceptedAfter(Instant moment) {
            return acceptedAttempts.stream().filter(a -> a[0].isAfter(moment)).map(a -> a[1]).min(Instant::compareTo).orElse(moment);
        }

        Row count(String scenario, String recovery, String notes) throws Exception {
            Map<String, Integer> stored = storedByKey("faults-" + name + "-");
            int lost = 0;
            for (int n = 0; n < operations; n++) {
                lost += stored.containsKey(key(n)) ? 0 : 1;
            }
            int duplicated = (int) stored.values().stream().filter(c -> c > 1).count();
            return new Row(scenario, operations, accepted.get(), stored.size(), lost, duplicated, recovery, notes);
        }
    }

    private void seedTheStrategyPlan() throws Exception {
        assertThat(postJson(commandSide.url + "/api/plans", """
                {"planId":"QD-1305-2025","documentNumber":"1305/QĐ-UBND","issuedOn":"2025-10-29","issuer":"UBND tỉnh Bắc Ninh",
                 "title":"Chiến lược chuyển đổi số tỉnh Bắc Ninh giai đoạn 2025-2030","periodStart":"2025-01-01","periodEnd":"2030-12-31"}""")).isEqualTo(201);
        CatalogFiles files = new CatalogFiles(new ObjectMapper());
        upload("/api/imports/agencies", "co-quan.csv", files.agencies());
        upload("/api/imports/indicators?planId=QD-1305-2025", "phu-luc-I.csv", files.indicators("QD-1305-2025"));
        upload("/api/imports/tasks?planId=QD-1305-2025", "phu-luc-II.csv", files.tasks("QD-1305-2025"));
        tasks = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select task_id from command_side.task order by task_id")) {
            while (rs.next()) {
                tasks.add(rs.getString(1));
            }
        }
        assertThat(tasks).hasSize(137);
        untilProjectionsCaughtUp();
    }

    private String projectionsMatchARebuild() throws Exception {
        untilProjectionsCaughtUp();
        String before = projected();
        assertThat(versionsMatchTheEventStore()).as("each task's projected version is its stream's last event").isTrue();
        HttpResponse<String> rebuild = client.send(HttpRequest.newBuilder(URI.create(querySide.url + "/api/admin/projections/rebuild"))
                .header("Authorization", auth("quan-tri")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        String stage;
        do {
            Thread.sleep(200);
            stage = JSON.readTree(get(querySide.url + "/api/admin/projections/rebuild", "quan-tri")).path("stage").asText();
        } while (!stage.equals("DONE") && !stage.equals("FAILED") && Instant.now().isBefore(deadline));
        assertThat(stage).as("the rebuild switched").isEqualTo("DONE");
        untilProjectionsCaughtUp();
        String after = projected();
        assertThat(after).as("the projection equals a clean rebuild").isEqualTo(before);
        return "projection = clean rebuild (" + tasks.size() + " tasks)";
    }

    private String projected() throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select task_id, percent_complete, last_reported_period, last_report_id, version "
                     + "from projection.task order by task_id")) {
            while (rs.next()) {
                rows.append(rs.getString(1)).append('|').append(rs.getInt(2)).append('|').append(rs.getString(3)).append('|')
                        .append(rs.getString(4)).append('|').append(rs.getLong(5)).append('\n');
            }
        }
        return rows.toString();
    }

    private boolean versionsMatchTheEventStore() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from projection.task t join (select aggregate_identifier, "
                     + "max(sequence_number) as last from event_store.domain_event_entry group by aggregate_identifier) e "
                     + "on e.aggregate_identifier = t.task_id where t.version <> e.last")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    private Instant untilProjectionsCaughtUp() throws Exception {
        return until(states -> {
            // (after a rebuild Axon reports "replaying" until a new event passes the reset point: caughtUp is what counts)
            for (JsonNode state : states) {
                if (!state.path("caughtUp").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    private Instant untilProjectionsCaughtUpExceptParked() throws Exception {
        return until(states -> {
            for (JsonNode state : states) {
                if (state.path("parkedEvents").asLong() == 0 && !state.path("caughtUp").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    private Instant until(java.util.function.Predicate<JsonNode> holds) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (holds.test(JSON.readTree(get(querySide.url + "/api/admin/projections", "quan-tri")))) {
                    return Instant.now();
                }
            } catch (IllegalStateException notAnswering) {
                // restarting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the projections did not catch up within 5 minutes");
    }

    private Map<String, Integer> storedByKey(String prefix) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
             PreparedStatement s = c.prepareStatement("select k, count(*) from (select convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' as k "
                     + "from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.task.TaskProgressReported') e "
                     + "where k like ? group by k")) {
            s.setString(1, prefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return stored;
    }

    /** This database only: no new connections, and the open ones cut (as when PostgreSQL goes down). */
    private static void outage(boolean begin) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("alter database " + DATABASE + " allow_connections " + !begin);
            if (begin) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE + "' and pid <> pg_backend_pid()");
            }
        }
    }

    /** An event appended straight to the store, sealed into its stream as the command side seals. */
    private static void storeSealed(String aggregateId, String aggregateType, String payloadType, String payloadJson) throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            SealedEvents.append(c, aggregateId, aggregateType, payloadType, "1", payloadJson, null);
        }
    }

    private static void kill(ServiceProcess service) {
        try {
            service.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The status, or 0 when no answer came (connection refused or cut). */
    private int post(String url, String body, String idempotencyKey) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", AUTH).header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private int postJson(String url, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void upload(String path, String fileName, byte[] content) throws Exception {
        String boundary = "tiendo-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(commandSide.url + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    }

    private String get(String url) {
        return get(url, "dieu-phoi");
    }

    private String get(String url, String user) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", auth(user)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String seconds(Duration d) {
        return String.format("%.1f", d.toMillis() / 1000.0);
    }
}
