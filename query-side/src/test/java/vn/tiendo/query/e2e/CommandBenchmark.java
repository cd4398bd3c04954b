package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import vn.tiendo.command.CommandSideApplication;
import vn.tiendo.query.QuerySideApplication;

import java.io.InputStream;
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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands at load, not part of the test suite ({@code ./tiendo-benchmark.sh commands [SECONDS]}): both services on a
 * database of their own, Decision 1305's 41 indicators adopted by twenty units (820 indicators), and monthly progress
 * reports sent over HTTP by 1, 4 and 16 concurrent clients for a fixed time each. For each: reports accepted per second,
 * latency p50/p99, how long a report takes to show in the query side's projection (sampled: every fifth report is
 * watched in the projection table), and each service's memory (each runs in a JVM of its own, as deployed). Beside it,
 * in the same run and database, PostgreSQL alone: single-row insert transactions of event-sized rows into a copy of the
 * event table (same indexes), with as many clients.
 */
class CommandBenchmark {

    private static final String DATABASE = "tiendo_bench_commands";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    private static final int UNITS = 20;
    private static final List<Integer> CLIENTS = List.of(1, 4, 16);

    @Test
    void commandsAtLoad() throws Exception {
        Duration each = Duration.ofSeconds(Long.getLong("tiendo.bench.seconds", 15L));
        Platform.freshDatabase(DATABASE);
        // each service in a JVM of its own, as deployed, so that each one's memory can be told apart
        List<String> common = Platform.processArgs(DATABASE);
        List<String> commandArgs = new ArrayList<>(common);
        commandArgs.add("--tiendo.reminders.enabled=false");
        List<String> queryArgs = new ArrayList<>(common);
        List<String[]> rows = new ArrayList<>();
        List<String[]> memory = new ArrayList<>();
        try (ServiceProcess commandSide = new ServiceProcess(CommandSideApplication.class.getName(), commandArgs,
                ServiceProcess.logFile("bench-command-side"))) {
            commandSide.start();
            queryArgs.add("--tiendo.command-side.url=" + commandSide.url);
            try (ServiceProcess querySide = new ServiceProcess(QuerySideApplication.class.getName(), queryArgs,
                    ServiceProcess.logFile("bench-query-side"))) {
                querySide.start();
                Http http = new Http();
                String commands = commandSide.url;
                Platform.registerStrategyPlan(http, commands);
                List<String> indicators = defineIndicators(http, commands);
                ConcurrentLinkedQueue<String[]> reports = new ConcurrentLinkedQueue<>();
                for (YearMonth month = YearMonth.of(2025, 1); !month.isAfter(YearMonth.of(2026, 10)); month = month.plusMonths(1)) {
                    for (String indicator : indicators) {
                        reports.add(new String[]{indicator, month.toString()});
                    }
                }
                memory.add(memory("at rest, before the load", commandSide, querySide));
                sendReports(http, commands, reports, 1, Duration.ofSeconds(3)); // warm up
                for (int clients : CLIENTS) {
                    Run run = sendReports(http, commands, reports, clients, each);
                    double raw = rawInserts(clients, each);
                    rows.add(new String[]{clients + " client(s)", String.format(Locale.ROOT, "%.0f", run.perSecond()),
                            "p50 " + p(run.latencies, 50) + " ms, p99 " + p(run.latencies, 99) + " ms",
                            "p50 " + p(run.lags, 50) + " ms, p99 " + p(run.lags, 99) + " ms (" + run.lags.size() + ")",
                            String.format(Locale.ROOT, "%.0f", raw), String.format(Locale.ROOT, "%.0f%%", 100 * run.perSecond() / raw),
                            String.valueOf(run.failures.get())});
                    assertThat(run.failures.get()).as("refused reports").isZero();
                    memory.add(memory("after " + clients + " client(s)", commandSide, querySide));
                }
            }
        }
        StringBuilder table = new StringBuilder("| clients (" + each.toSeconds() + " s each) | reports/s over HTTP | latency | "
                + "report → projection | PostgreSQL alone: single-row insert transactions/s | ratio | failed |\n|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> table.append("| ").append(String.join(" | ", r)).append(" |\n"));
        table.append("\n| memory (each service a JVM of its own, -Xmx768m) | command side: heap in use / resident (peak) | "
                + "query side: heap in use / resident (peak) |\n|---|---|---|\n");
        memory.forEach(r -> table.append("| ").append(String.join(" | ", r)).append(" |\n"));
        System.out.println("\nCOMMAND BENCHMARK (" + Instant.now() + ")\n" + table);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/commands.md"), table.toString());
    }

    /** Each service's heap in use (its own gauge, read as the administrator) and its resident memory now and at its peak. */
    private static String[] memory(String when, ServiceProcess commandSide, ServiceProcess querySide) throws Exception {
        return new String[]{when, memory(commandSide), memory(querySide)};
    }

    private static String memory(ServiceProcess service) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.url + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("quan-tri:" + Http.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).as("the administrator reads " + service.url + "/actuator/prometheus").isEqualTo(200);
        double heap = metrics.body().lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        long[] resident = service.residentMiB();
        return String.format(Locale.ROOT, "%.0f MiB / %d MiB (%d MiB)", heap / (1024 * 1024), resident[0], resident[1]);
    }

    /** Decision 1305's 41 indicators, adopted by {@value #UNITS} units each (ids and codes suffixed with the unit). */
    private static List<String> defineIndicators(Http http, String commands) throws Exception {
        JsonNode catalog;
        try (InputStream in = CommandBenchmark.class.getResourceAsStream("/catalog/000_indicators.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        List<String> ids = new ArrayList<>();
        for (int unit = 1; unit <= UNITS; unit++) {
            for (JsonNode row : catalog.path("rows")) {
                String code = row.path("code").asText() + "." + unit;
                String name = row.path("name").asText().replace("\"", "'");
                Http.Response created = http.post(commands + "/api/indicators", Fixtures.indicator(code, name, "so-khcn", "so-khcn"));
                assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
                ids.add("QD-1305-2025." + code);
            }
        }
        return ids;
    }

    /** What one run measured. */
    private record Run(long sent, Duration took, List<Double> latencies, List<Double> lags, AtomicInteger failures) {
        double perSecond() {
            return sent / Math.max(0.001, took.toMillis() / 1000.0);
        }
    }

    /** A report whose arrival in the projection is watched: when its command was answered. */
    private record Watched(String indicatorId, String period, long answeredNanos) {
    }

    private static Run sendReports(Http http, String commands, ConcurrentLinkedQueue<String[]> reports, int clients, Duration each)
            throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<Watched> watched = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        Instant begun = Instant.now();
        Instant end = begun.plus(each);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    String[] report = reports.poll();
                    if (report == null) {
                        return null;
                    }
                    long start = System.nanoTime();
                    Http.Response answer = http.post(commands + "/api/indicators/" + report[0] + "/reports", """
                            {"period":"%s","value":{"kind":"PERCENT","value":%d},"note":"số liệu tháng"}"""
                            .formatted(report[1], Math.abs(report[0].hashCode() + report[1].hashCode()) % 101));
                    long answered = System.nanoTime();
                    latencies.add((answered - start) / 1_000_000.0);
                    if (answer.status() != 201) {
                        failures.incrementAndGet();
                    } else if (sent.incrementAndGet() % 5 == 0) {
                        watched.add(new Watched(report[0], report[1], answered));
                    }
                }
                return null;
            }));
        }
        // one watcher asks the projection table every few milliseconds which of the watched reports it holds now
        Future<?> watcher = pool.submit(() -> {
            List<Watched> pending = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                 PreparedStatement shown = c.prepareStatement("select indicator_id || '|' || period from projection.indicator_period "
                         + "where indicator_id = any(?)")) {
                while (Instant.now().isBefore(end.plusSeconds(30)) && (Instant.now().isBefore(end) || !pending.isEmpty()
                        || !watched.isEmpty())) {
                    for (Watched w; (w = watched.poll()) != null; ) {
                        pending.add(w);
                    }
                    if (!pending.isEmpty()) {
                        shown.setArray(1, c.createArrayOf("varchar", pending.stream().map(Watched::indicatorId).distinct().toArray()));
                        java.util.Set<String> found = new java.util.HashSet<>();
                        try (ResultSet rs = shown.executeQuery()) {
                            while (rs.next()) {
                                found.add(rs.getString(1));
                            }
                        }
                        long now = System.nanoTime();
                        pending.removeIf(w -> {
                            if (found.contains(w.indicatorId() + "|" + w.period())) {
                                lags.add((now - w.answeredNanos()) / 1_000_000.0);
                                return true;
                            }
                            return false;
                        });
                    }
                    Thread.sleep(2);
                }
            }
            return null;
        });
        for (Future<?> f : running) {
            f.get();
        }
        Duration took = Duration.between(begun, Instant.now());
        watcher.get();
        pool.shutdown();
        return new Run(sent.get(), took, latencies, lags, failures);
    }

    /** PostgreSQL alone: event-sized rows (payload and metadata as the platform writes them), one transaction each. */
    private static double rawInserts(int clients, Duration each) throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop table if exists public.bench_events");
            s.execute("drop sequence if exists public.bench_events_index");
            s.execute("create table public.bench_events (like event_store.domain_event_entry including all)");
            // its own sequence: taking numbers from the event store's would leave gaps in the events' indexes, which
            // the query side's processors then track (and which cost them a third of their time in a first version)
            s.execute("create sequence public.bench_events_index");
            s.execute("alter table public.bench_events alter column global_index set default nextval('public.bench_events_index')");
        }
        byte[] payload = ("{\"indicatorId\":\"QD-1305-2025.C.29.1\",\"reportId\":\"" + UUID.randomUUID() + "\",\"period\":\"2026-03\","
                + "\"value\":{\"kind\":\"PERCENT\",\"value\":72.5},\"note\":\"số liệu tháng\",\"evidence\":[]}").getBytes();
        byte[] meta = ("{\"actor\":\"dieu-phoi\",\"onBehalfOf\":\"so-khcn\",\"requestId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\""
                + UUID.randomUUID() + "\",\"recordedAt\":\"2026-04-15T02:00:00Z\",\"previousHash\":\"" + "a".repeat(64)
                + "\",\"hash\":\"" + "b".repeat(64) + "\",\"traceId\":\"" + UUID.randomUUID() + "\"}").getBytes();
        AtomicInteger inserted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant begun = Instant.now();
        Instant end = begun.plus(each);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            running.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                     PreparedStatement insert = c.prepareStatement("insert into public.bench_events (event_identifier, aggregate_identifier, "
                             + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                             + "values (?, ?, ?, 'Indicator', '2026-04-15T02:00:00Z', 'vn.tiendo.events.indicator.IndicatorProgressReported', "
                             + "'1', ?, ?)")) {
                    long sequence = 0;
                    while (Instant.now().isBefore(end)) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, "client-" + client);
                        insert.setLong(3, sequence++);
                        insert.setBytes(4, payload);
                        insert.setBytes(5, meta);
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double seconds = Duration.between(begun, Instant.now()).toMillis() / 1000.0;
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop table public.bench_events");
            s.execute("drop sequence public.bench_events_index");
        }
        return inserted.get() / seconds;
    }

    private static String p(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f", sorted.get(Math.min(sorted.size() - 1,
                (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)));
    }
}
