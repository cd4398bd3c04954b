package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.common.AgencyKind;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.indicator.IndicatorProgressReported;
import vn.tiendo.events.plan.PlanRegistered;
import vn.tiendo.query.QuerySideApplication;
import vn.tiendo.query.admin.ProjectionRebuild;
import vn.tiendo.query.admin.Projections;
import vn.tiendo.shared.EventHash;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projections at province scale, not part of the test suite ({@code ./tiendo-benchmark.sh projections [EVENTS]}): a
 * deterministic history (200 agencies, indicators each reported monthly for five years, seed 1305) written straight
 * into PostgreSQL; then, against the same database, the physical baselines (a sequential read of the event table and a
 * batched upsert of as many rows), the query side's first build of its projections from nothing, the dashboard
 * queries' latency at rest, and a rebuild without downtime while the dashboard queries keep being asked (their
 * latency and failures meanwhile). Prints the table and writes it to {@code target/benchmarks/projections.md}.
 */
class ProjectionBenchmark {

    private static final String DATABASE = "tiendo_bench_projections";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    private static final int MONTHS = 60;
    private static final int AGENCIES = 200;
    private static final Map<String, String> LAST_HASH = new java.util.HashMap<>();
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void projectionsAtProvinceScale() throws Exception {
        long events = Long.getLong("tiendo.bench.events", 1_000_000L);
        int indicators = (int) Math.max(1, events / MONTHS);
        Platform.freshDatabase(DATABASE);
        Flyway.configure().dataSource(URL, "postgres", "").schemas("event_store", "command_side").locations("classpath:db/command-side")
                .placeholders(Map.of("runtimeuser", "postgres", "queryuser", "")).load().migrate();
        List<String[]> rows = new ArrayList<>();

        int failures;
        Instant begun = Instant.now();
        long written = generate(indicators);
        rows.add(row("generate and insert " + written + " events (JDBC batches)", Duration.between(begun, Instant.now()), written, null));
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("vacuum analyze event_store.domain_event_entry");
        }
        Duration read = rawRead();
        rows.add(row("baseline: sequential read of every event row", read, written, null));
        Duration upsert = rawUpsert(written);
        rows.add(row("baseline: batched upsert of " + written + " rows (500 per statement batch)", upsert, written, null));
        Duration physical = read.plus(upsert);

        begun = Instant.now();
        ConfigurableApplicationContext querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .properties(QuerySideApplication.CONFIG_NAME)
                .run("--server.port=0", "--spring.datasource.url=" + URL, "--tiendo.security.demo-password=" + Http.PASSWORD,
                        "--tiendo.security.internal-key=" + Platform.INTERNAL_KEY);
        try {
            Projections projections = querySide.getBean(Projections.class);
            while (!projections.upToDate()) {
                Thread.sleep(200);
            }
            Duration firstBuild = Duration.between(begun, Instant.now());
            rows.add(row("query side's first build of every projection (start-up and its first checkpoint over every event included)",
                    firstBuild, written, physical));
            String queries = "http://127.0.0.1:" + querySide.getEnvironment().getProperty("local.server.port");
            Http http = new Http();
            Dashboard dashboard = new Dashboard(http, PageSession.signIn(queries, "dieu-phoi"), queries, indicators);
            dashboard.ask(50); // warm up
            Latencies atRest = dashboard.ask(400);
            rows.add(new String[]{"dashboard queries at rest (" + atRest.count() + ": indicator lists, an agency's list and summary, "
                    + "a series)", "p50 " + atRest.p(50) + " ms, p99 " + atRest.p(99) + " ms", "—", "—"});
            atRest.byKind.forEach((kind, latencies) -> rows.add(new String[]{"· " + kind + " (" + latencies.count()
                    + (latencies.failures() > 0 ? ", " + latencies.failures() + " failed" : "") + ")",
                    "p50 " + latencies.p(50) + " ms, p99 " + latencies.p(99) + " ms", "—", "—"}));

            dashboard.overview(1); // warm up
            Latencies overview = dashboard.overview(10);
            rows.add(new String[]{"the overview page (/app, the coordinator; " + overview.count()
                    + (overview.failures() > 0 ? ", " + overview.failures() + " failed" : "") + ")",
                    "p50 " + overview.p(50) + " ms, max " + overview.p(100) + " ms", "—", "—"});

            ProjectionRebuild rebuild = querySide.getBean(ProjectionRebuild.class);
            AtomicReference<ProjectionRebuild.Progress> ended = new AtomicReference<>();
            begun = Instant.now();
            rebuild.start("benchmark", ended::set);
            Latencies during = new Latencies();
            while (ended.get() == null) {
                during.add(dashboard.ask(20));
            }
            Duration rebuilt = Duration.between(begun, Instant.now());
            assertThat(ended.get().stage()).isEqualTo(ProjectionRebuild.Stage.DONE);
            rows.add(row("rebuild without downtime (replay into new tables, switch; projections paused " + ended.get().pausedMillis()
                    + " ms)", rebuilt, written, physical));
            rows.add(new String[]{"dashboard queries during that rebuild (" + during.count() + ", " + during.failures() + " failed)",
                    "p50 " + during.p(50) + " ms, p99 " + during.p(99) + " ms", "—", "—"});
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            rows.add(new String[]{"heap in use after the rebuild (query side and this benchmark, one JVM)",
                    heap / (1024 * 1024) + " MB", "—", "—"});
            failures = atRest.failures() + overview.failures() + during.failures();
        } finally {
            querySide.close();
        }

        StringBuilder table = new StringBuilder("| what (" + written + " events, " + indicators + " indicators, " + AGENCIES
                + " agencies) | time | events/s | × the physical baseline (read + upsert) |\n|---|---|---|---|\n");
        rows.forEach(r -> table.append("| ").append(String.join(" | ", r)).append(" |\n"));
        System.out.println("\nPROJECTION BENCHMARK (" + Instant.now() + ")\n" + table);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/projections.md"), table.toString());
        assertThat(failures).as("questions not answered 200").isZero();
    }

    /** A browser's session for the pages (form sign-in, a session cookie), as the coordinator opens them. */
    private record PageSession(HttpClient client) {

        static PageSession signIn(String queries, String user) throws Exception {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String login = client.send(HttpRequest.newBuilder(URI.create(queries + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
            String form = "username=" + user + "&password=" + Http.PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(queries + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signed in").endsWith("/app");
            return new PageSession(client);
        }

        int get(String url) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                return 0;
            }
        }
    }

    /**
     * The province, its agencies, one plan, and {@code indicators} indicators each defined once and reported every
     * month for five years, month by month across all of them (as reports arrive), in one global order.
     */
    private long generate(int indicators) throws Exception {
        Random random = new Random(1305);
        long written = 0;
        try (Connection c = DriverManager.getConnection(URL + "?reWriteBatchedInserts=true", "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into event_store.domain_event_entry (event_identifier, "
                    + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Instant start = LocalDate.of(2025, 12, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
                append(insert, "ubnd-tinh", "Agency", 0, start, new AgencyRegistered("ubnd-tinh", "UBND tỉnh Bắc Ninh", AgencyKind.PROVINCE, null), "1");
                for (int a = 0; a < AGENCIES; a++) {
                    String id = agency(a);
                    append(insert, id, "Agency", 0, start, new AgencyRegistered(id, "Đơn vị " + (a + 1), a < 40 ? AgencyKind.DEPARTMENT
                            : AgencyKind.COMMUNE_WARD, "ubnd-tinh"), "1");
                }
                append(insert, "KH-TINH-2026", "Plan", 0, start, new PlanRegistered("KH-TINH-2026", "01/KH-UBND", LocalDate.of(2025, 12, 1),
                        "UBND tỉnh Bắc Ninh", "Kế hoạch chuyển đổi số giai đoạn 2026-2030", LocalDate.of(2026, 1, 1),
                        LocalDate.of(2030, 12, 31)), "1");
                written += AGENCIES + 2;
                List<Target> targets = List.of(
                        new Target(Period.year(2026), Comparator.GE, new MeasuredValue.Percent(BigDecimal.valueOf(60)), "≥ 60%"),
                        new Target(Period.year(2030), Comparator.GE, new MeasuredValue.Percent(BigDecimal.valueOf(100)), "100%"));
                for (int i = 0; i < indicators; i++) {
                    String agency = agency(i % AGENCIES);
                    append(insert, indicator(i), "Indicator", 0, start, new IndicatorDefined(indicator(i), "KH-TINH-2026",
                            "I-" + (i + 1), "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình", "%", Measure.of(MeasureKind.PERCENT),
                            Direction.INCREASE, null, null, targets, agency, "so-khcn", LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31),
                            List.of("A. Chính quyền số")), "2");
                    written++;
                    if (written % 5_000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                for (int m = 0; m < MONTHS - 1; m++) {
                    YearMonth month = YearMonth.of(2026, 1).plusMonths(m);
                    Instant at = month.plusMonths(1).atDay(15).atTime(9, 0).toInstant(ZoneOffset.UTC);
                    for (int i = 0; i < indicators; i++) {
                        append(insert, indicator(i), "Indicator", m + 1, at, new IndicatorProgressReported(indicator(i),
                                UUID.randomUUID().toString(), Period.month(month), new MeasuredValue.Percent(BigDecimal.valueOf(random.nextInt(101))),
                                "số liệu tháng " + month.getMonthValue() + "/" + month.getYear(), List.of()), "1");
                        written++;
                        if (written % 5_000 == 0) {
                            insert.executeBatch();
                            c.commit();
                        }
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        return written;
    }

    private static void append(PreparedStatement insert, String aggregate, String type, long sequence, Instant at, Object payload,
                               String revision) throws Exception {
        String eventId = UUID.randomUUID().toString();
        Map<String, String> meta = new TreeMap<>();
        meta.put(MetadataKeys.ACTOR, "dieu-phoi");
        meta.put(MetadataKeys.ON_BEHALF_OF, "so-khcn");
        meta.put(MetadataKeys.REQUEST_ID, eventId);
        meta.put("correlationId", eventId);
        meta.put(MetadataKeys.RECORDED_AT, at.toString());
        // sealed as the command side seals, so that the query side's checkpoints and verification hold
        byte[] bytes = JSON.writeValueAsBytes(payload);
        meta.put(MetadataKeys.PREVIOUS_HASH, LAST_HASH.getOrDefault(aggregate, EventHash.GENESIS));
        String hash = EventHash.compute(eventId, aggregate, sequence, payload.getClass().getName(), revision, at.toString(), bytes, meta);
        meta.put(MetadataKeys.HASH, hash);
        LAST_HASH.put(aggregate, hash);
        insert.setString(1, eventId);
        insert.setString(2, aggregate);
        insert.setLong(3, sequence);
        insert.setString(4, type);
        insert.setString(5, at.toString());
        insert.setString(6, payload.getClass().getName());
        insert.setString(7, revision);
        insert.setBytes(8, bytes);
        insert.setBytes(9, JSON.writeValueAsString(meta).getBytes(StandardCharsets.UTF_8));
        insert.addBatch();
    }

    private static String agency(int n) {
        return String.format(Locale.ROOT, "don-vi-%03d", n + 1);
    }

    private static String indicator(int n) {
        return String.format(Locale.ROOT, "KH-TINH-2026.I-%05d", n + 1);
    }

    private static Duration rawRead() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            Instant begun = Instant.now();
            s.executeQuery("select sum(length(payload) + length(meta_data) + length(event_identifier)) from event_store.domain_event_entry")
                    .close();
            return Duration.between(begun, Instant.now());
        }
    }

    /** What a projection does at the least: one upsert of a row with a JSON value per event, batched. */
    private static Duration rawUpsert(long count) throws Exception {
        try (Connection c = DriverManager.getConnection(URL + "?reWriteBatchedInserts=true", "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create unlogged table if not exists public.bench_upsert (id text primary key, version bigint, value jsonb)");
                s.execute("truncate public.bench_upsert");
            }
            c.setAutoCommit(false);
            Instant begun = Instant.now();
            try (PreparedStatement upsert = c.prepareStatement("insert into public.bench_upsert (id, version, value) values (?, ?, ?::jsonb) "
                    + "on conflict (id) do update set version = excluded.version, value = excluded.value")) {
                for (long n = 0; n < count; n++) {
                    upsert.setString(1, "row-" + (n % (count / MONTHS + 1)) + "-" + (n % MONTHS));
                    upsert.setLong(2, n);
                    upsert.setString(3, "{\"kind\":\"PERCENT\",\"value\":" + (n % 101) + "}");
                    upsert.addBatch();
                    if ((n + 1) % 500 == 0) {
                        upsert.executeBatch();
                        c.commit();
                    }
                }
                upsert.executeBatch();
                c.commit();
            }
            Duration took = Duration.between(begun, Instant.now());
            try (Statement s = c.createStatement()) {
                s.execute("drop table public.bench_upsert");
                c.commit();
            }
            return took;
        }
    }

    private static String[] row(String what, Duration took, long events, Duration baseline) {
        double seconds = Math.max(0.001, took.toMillis() / 1000.0);
        return new String[]{what, String.format(Locale.ROOT, "%.1f s", seconds), String.format(Locale.ROOT, "%,.0f", events / seconds),
                baseline == null ? "—" : String.format(Locale.ROOT, "%.1f", seconds / Math.max(0.001, baseline.toMillis() / 1000.0))};
    }

    /**
     * The dashboard's questions: the first and a later page of indicators (by offset and by cursor), a page of those
     * behind their path, one agency's list and summary, one series; apart, the overview page the coordinator opens first.
     */
    private record Dashboard(Http http, PageSession pages, String queries, int indicators) {

        static final List<String> KINDS = List.of("first page of indicators", "a later page of indicators", "a later page by cursor",
                "a page of indicators behind (status filter)", "an agency's indicators", "an agency's summary", "an indicator's series");

        /** The overview page, signed in as the coordinator: {@code times} in a row. */
        Latencies overview(int times) {
            Latencies latencies = new Latencies();
            for (int n = 0; n < times; n++) {
                long begun = System.nanoTime();
                int status = pages.get(queries + "/app");
                latencies.add((System.nanoTime() - begun) / 1_000_000.0, status == 200);
            }
            return latencies;
        }

        Latencies ask(int times) {
            Latencies latencies = new Latencies();
            Random random = new Random(times);
            for (int n = 0; n < times; n++) {
                String agency = agency(random.nextInt(AGENCIES));
                String kind = KINDS.get(n % KINDS.size());
                String url = switch (n % KINDS.size()) {
                    case 0 -> "/api/indicators?page=0&size=50";
                    case 1 -> "/api/indicators?page=" + random.nextInt(Math.max(1, indicators / 50)) + "&size=50";
                    case 2 -> "/api/indicators?after=" + indicator(random.nextInt(indicators)) + "&size=50";
                    case 3 -> "/api/indicators?status=BEHIND&size=50";
                    case 4 -> "/api/indicators?agencyId=" + agency + "&size=50";
                    case 5 -> "/api/agencies/" + agency + "/summary?planId=KH-TINH-2026";
                    default -> "/api/indicators/" + indicator(random.nextInt(indicators)) + "/series";
                };
                long begun = System.nanoTime();
                int status = http.get(queries + url).status();
                double ms = (System.nanoTime() - begun) / 1_000_000.0;
                latencies.add(ms, status == 200);
                latencies.byKind.computeIfAbsent(kind, k -> new Latencies()).add(ms, status == 200);
            }
            return latencies;
        }
    }

    /** Latencies in milliseconds and the answers that were not 200. */
    private static final class Latencies {
        private final List<Double> millis = new ArrayList<>();
        private final Map<String, Latencies> byKind = new java.util.LinkedHashMap<>();
        private int failures;

        void add(double ms, boolean ok) {
            millis.add(ms);
            if (!ok) {
                failures++;
            }
        }

        void add(Latencies other) {
            millis.addAll(other.millis);
            failures += other.failures;
        }

        int count() {
            return millis.size();
        }

        int failures() {
            return failures;
        }

        String p(int percentile) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "—";
            }
            double value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
            return String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
