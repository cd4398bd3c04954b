package vn.tiendo.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.indicator.IndicatorProgressReported;
import vn.tiendo.events.upcasting.EventUpcasters;
import vn.tiendo.shared.EventHash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification benchmark ({@code ./tiendo-benchmark.sh verification}; not part of {@code ./mvnw verify}): a
 * province-sized store of sealed events (default 1,000,000: monthly reports of 16,666 indicators over five years,
 * {@code -Dtiendo.bench.events=N}) written straight into PostgreSQL, then a signed, witnessed checkpoint, a full
 * verification, an incremental one with nothing new and one after another month of reports, and the auditors' anomaly
 * flags (first answer, again, after the month), each timed, beside the database's own sequential read of the same rows.
 */
class VerificationBenchmark {

    private static final String DATABASE = "tiendo_bench_verification";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "?reWriteBatchedInserts=true";
    private static final int MONTHS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<String, String> lastHash = new HashMap<>();

    @Test
    void verificationAtProvinceScale() throws Exception {
        long events = Long.getLong("tiendo.bench.events", 1_000_000L);
        int streams = (int) Math.max(1, events / MONTHS);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        }
        migrate("event_store,command_side", "db/command-side", Map.of("runtimeuser", "postgres", "queryuser", ""));
        migrate("projection,audit", "db/query-side", Map.of("runtimeuser", "postgres"));

        List<String[]> rows = new ArrayList<>();
        Instant begun = Instant.now();
        long written = append(events, streams, YearMonth.of(2021, 1));
        Duration writing = Duration.between(begun, Instant.now());
        rows.add(row("generate and insert " + written + " sealed events (JDBC batches of 5,000)", writing, null));
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("vacuum analyze event_store.domain_event_entry");
        }

        DriverManagerDataSource dataSource = new DriverManagerDataSource(URL, "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        Path outside = Files.createTempDirectory("tiendo-bench");
        CheckpointSigner signer = new CheckpointSigner(outside.resolve("checkpoint-key").toString(), List.of());
        Witness witness = new Witness(outside.resolve("witness.jsonl").toString(), json);
        StoredEvents stored = new StoredEvents(jdbc, JacksonSerializer.builder().objectMapper(json).build(),
                () -> new EventUpcasterChain(EventUpcasters.all()));
        TamperEvidence evidence = new TamperEvidence(new ChainScan(jdbc, transaction, json), jdbc, Clock.systemUTC(), signer, witness,
                false, new VerifiedPoints(jdbc, transaction, json, signer), stored);

        Duration rawRead = time(() -> jdbc.queryForObject("select sum(length(payload) + length(meta_data) + length(event_identifier)) "
                + "from event_store.domain_event_entry", Long.class));
        rows.add(row("baseline: PostgreSQL reads every row (sum of lengths, one sequential scan)", rawRead, null));
        Duration checkpoint = time(evidence::checkpoint);
        rows.add(row("signed checkpoint with the witness copy of every event", checkpoint, rawRead));
        TamperEvidence.Report[] report = new TamperEvidence.Report[1];
        Duration full = time(() -> report[0] = evidence.verify(null, null, null, true));
        assertThat(report[0].intact()).isTrue();
        rows.add(row("full verification: " + report[0].eventsChecked() + " events rehashed, chains, checkpoint, witness file"
                , full, rawRead));
        Duration nothingNew = time(() -> report[0] = evidence.verify(null, null, null, false));
        assertThat(report[0].mode()).isEqualTo("incremental");
        rows.add(row("incremental verification, nothing new (checks no row up to the point was written again)", nothingNew, rawRead));

        AnomalyDetector anomalies = new AnomalyDetector(stored, new AnomalyRules(null, null, null, null), Clock.systemUTC());
        int[] flags = {0};
        Duration firstAnomalies = time(() -> flags[0] = anomalies.detect(null).size());
        rows.add(row("anomaly flags, first answer: the whole history read and decoded (" + flags[0] + " flags)", firstAnomalies, rawRead));
        Duration againAnomalies = time(() -> flags[0] = anomalies.detect(null).size());
        rows.add(row("anomaly flags again, nothing new", againAnomalies, rawRead));

        long month = append(streams, streams, YearMonth.of(2026, 1));
        Duration monthAnomalies = time(() -> flags[0] = anomalies.detect(null).size());
        rows.add(row("anomaly flags after another month (" + month + " new events read)", monthAnomalies, rawRead));
        Duration monthCheckpoint = time(evidence::checkpoint);
        rows.add(row("signed checkpoint after that month, from the verified point (" + month + " events read and witnessed)",
                monthCheckpoint, rawRead));
        Duration oneMonth = time(() -> report[0] = evidence.verify(null, null, null, false));
        assertThat(report[0].intact()).isTrue();
        assertThat(report[0].mode()).isEqualTo("incremental");
        assertThat(report[0].eventsChecked()).isEqualTo(month);
        rows.add(row("incremental verification after another month (" + month + " new events, a new checkpoint)", oneMonth, rawRead));

        StringBuilder table = new StringBuilder("| what (" + written + " events, " + streams + " streams) | time | × the raw read |\n|---|---|---|\n");
        rows.forEach(r -> table.append("| ").append(String.join(" | ", r)).append(" |\n"));
        System.out.println("\nVERIFICATION BENCHMARK (" + Instant.now() + ")\n" + table);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/verification.md"), table.toString());
    }

    /** Monthly reports of {@code streams} indicators from {@code firstMonth}, sealed and chained, in global order. */
    private long append(long count, int streams, YearMonth firstMonth) throws Exception {
        long written = 0;
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into event_store.domain_event_entry (event_identifier, "
                    + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                    + "values (?, ?, ?, 'Indicator', ?, ?, '1', ?, ?)")) {
                for (long n = 0; n < count; n++) {
                    YearMonth month = firstMonth.plusMonths(n / streams);
                    String indicator = String.format(Locale.ROOT, "BENCH-2026.I-%05d", n % streams);
                    String agency = String.format(Locale.ROOT, "don-vi-%03d", n % streams % 200);
                    long sequence = nextSequence.getOrDefault(indicator, 0L);
                    String eventId = UUID.randomUUID().toString();
                    String recordedAt = month.atDay(20).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC).toString();
                    byte[] payload = JSON.writeValueAsBytes(Map.of("indicatorId", indicator, "reportId", UUID.randomUUID().toString(),
                            "period", month.toString(), "value", Map.of("kind", "PERCENT", "value", (n * 7) % 101),
                            "note", "số liệu tháng " + month.getMonthValue() + "/" + month.getYear(), "evidence", List.of()));
                    Map<String, String> meta = new TreeMap<>();
                    meta.put(MetadataKeys.ACTOR, "can-bo." + agency);
                    meta.put(MetadataKeys.ON_BEHALF_OF, agency);
                    meta.put(MetadataKeys.REQUEST_ID, UUID.randomUUID().toString());
                    meta.put("correlationId", eventId);
                    meta.put(MetadataKeys.RECORDED_AT, recordedAt);
                    meta.put(MetadataKeys.PREVIOUS_HASH, lastHash.getOrDefault(indicator, EventHash.GENESIS));
                    String hash = EventHash.compute(eventId, indicator, sequence, IndicatorProgressReported.class.getName(), "1", recordedAt,
                            payload, meta);
                    meta.put(MetadataKeys.HASH, hash);
                    insert.setString(1, eventId);
                    insert.setString(2, indicator);
                    insert.setLong(3, sequence);
                    insert.setString(4, recordedAt);
                    insert.setString(5, IndicatorProgressReported.class.getName());
                    insert.setBytes(6, payload);
                    insert.setBytes(7, JSON.writeValueAsString(meta).getBytes(StandardCharsets.UTF_8));
                    insert.addBatch();
                    nextSequence.put(indicator, sequence + 1);
                    lastHash.put(indicator, hash);
                    written++;
                    if (written % 5_000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        return written;
    }

    private static void migrate(String schemas, String location, Map<String, String> placeholders) {
        Flyway.configure().dataSource(URL, "postgres", "").schemas(schemas.split(",")).locations("classpath:" + location)
                .placeholders(placeholders).load().migrate();
    }

    private static Duration time(Supplier<?> work) {
        Instant begun = Instant.now();
        work.get();
        return Duration.between(begun, Instant.now());
    }

    private static String[] row(String what, Duration took, Duration baseline) {
        return new String[]{what, String.format(Locale.ROOT, "%.2f s", took.toMillis() / 1000.0),
                baseline == null ? "—" : String.format(Locale.ROOT, "%.1f", (double) took.toMillis() / Math.max(1, baseline.toMillis()))};
    }

}
