package vn.tiendo.query.e2e;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.query.admin.Projections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * Two command-side and two query-side processes on one database, as a province would run them behind a load
 * balancer (here four Spring contexts in one JVM, each its own process as far as the database can tell; the query
 * sides named apart with {@code tiendo.node-id}). The query sides split each projection's two segments between them
 * through the token claims; the command sides take reports for the same indicators at the same moments.
 */
class TwoProcessesTest {

    private static final String DATABASE = "tiendo_test_two_processes";
    private static final Http http = new Http();
    private static Platform platform;
    private static ConfigurableApplicationContext secondCommandSide;
    private static ConfigurableApplicationContext secondQuerySide;
    private static String secondCommands;

    @BeforeAll
    static void twoOfEach() throws Exception {
        platform = Platform.start(DATABASE, null, List.of(), "--tiendo.node-id=query-a");
        platform.registerStrategyPlan(http);
        secondCommandSide = Platform.commandSide(DATABASE, List.of());
        secondCommands = "http://127.0.0.1:" + secondCommandSide.getEnvironment().getProperty("local.server.port");
        secondQuerySide = Platform.querySide(DATABASE, null, platform.commands, "--tiendo.node-id=query-b");
        // the first query side claimed every segment at its start; it lets segment 0 go, which the second one claims
        for (String group : Projections.PROCESSING_GROUPS) {
            processor(platform.querySide, group).releaseSegment(0, 60, java.util.concurrent.TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String group : Projections.PROCESSING_GROUPS) {
                assertThat(processor(platform.querySide, group).processingStatus().keySet()).as("query-a " + group).containsExactly(1);
                assertThat(processor(secondQuerySide, group).processingStatus().keySet()).as("query-b " + group).containsExactly(0);
            }
        });
    }

    @AfterAll
    static void stop() {
        if (secondQuerySide != null) {
            secondQuerySide.close();
        }
        if (secondCommandSide != null) {
            secondCommandSide.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * Eight clients send 60 reports to the two command sides alternately, several on the same indicator at once; a
     * report refused for a concurrent write (409) is sent again with its Idempotency-Key, as a client would. Every
     * report is stored exactly once, each indicator's stream has no gap and no double, and the two query sides
     * together project each report once.
     */
    @Test
    void reportsToTheSameIndicatorsThroughTwoCommandSidesAreEachStoredAndProjectedOnce() throws Exception {
        List<String> codes = List.of("A.1", "A.2", "B.3", "B.4", "B.5");
        List<String> names = List.of("Tỷ lệ phủ sóng 5G trên địa bàn",
                "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s.",
                "Tỷ lệ chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số/ tổng chi ngân sách",
                "Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số/GRDP",
                "Tỷ lệ cán bộ, công chức cấp xã, phường được bồi dưỡng kỹ năng số căn bản.");
        for (int i = 0; i < codes.size(); i++) {
            created(http.post(platform.commands + "/api/indicators", Fixtures.indicator(codes.get(i), names.get(i), "so-khcn", "so-khcn")));
        }
        List<String[]> reports = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            for (String code : codes) {
                reports.add(new String[]{code, "2025-%02d".formatted(month)});
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> retries = new ArrayList<>();
        for (int n = 0; n < reports.size(); n++) {
            String[] report = reports.get(n);
            String first = n % 2 == 0 ? platform.commands : secondCommands;
            String other = n % 2 == 0 ? secondCommands : platform.commands;
            retries.add(clients.submit(() -> send(report, first, other)));
        }
        int resent = 0;
        for (Future<Integer> r : retries) {
            resent += r.get();
        }
        clients.shutdown();
        System.out.println("two command sides: 60 reports, " + resent + " sent again after a refusal");

        JdbcTemplate jdbc = platform.querySide.getBean(JdbcTemplate.class);
        List<Map<String, Object>> stored = jdbc.queryForList("select convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' as k, "
                + "count(*) as n from event_store.domain_event_entry where payload_type like '%IndicatorProgressReported' "
                + "and aggregate_identifier like 'QD-1305-2025.%' group by 1");
        assertThat(stored).as("60 reports, " + resent + " sent again").hasSize(60).allMatch(row -> ((Number) row.get("n")).intValue() == 1);
        assertThat(jdbc.queryForObject("select count(*) from (select aggregate_identifier, count(*) c, max(sequence_number) m "
                + "from event_store.domain_event_entry where aggregate_identifier like 'QD-1305-2025.%' group by 1) s where m + 1 <> c",
                Long.class)).as("streams with a gap").isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from projection.indicator_period where indicator_id like 'QD-1305-2025.%'",
                    Long.class)).isEqualTo(60);
            assertThat(jdbc.queryForObject("select count(*) from projection.audit_log where aggregate_id like 'QD-1305-2025.%' "
                    + "and event_type = 'IndicatorProgressReported'", Long.class)).isEqualTo(60);
            assertThat(jdbc.queryForObject("select count(*) from projection.indicator i join (select aggregate_identifier, "
                    + "max(sequence_number) last from event_store.domain_event_entry group by 1) e on e.aggregate_identifier = i.indicator_id "
                    + "where i.version <> e.last", Long.class)).as("indicators whose projected version is not their stream's last").isZero();
        });
        assertThat(jdbc.queryForObject("select count(*) from projection.dead_letter_entry", Long.class)).isZero();
        // each query side projected a share: the indicators fall into both segments, and each side's segment reached the head
        org.axonframework.eventhandling.Segment[] halves = org.axonframework.eventhandling.Segment.ROOT_SEGMENT.split();
        assertThat(codes).anyMatch(code -> halves[0].matches("QD-1305-2025." + code)).anyMatch(code -> halves[1].matches("QD-1305-2025." + code));
        long head = jdbc.queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(processor(secondQuerySide, "indicator-projection").processingStatus().get(0).getCurrentPosition().orElse(-1))
                    .isGreaterThanOrEqualTo(head);
            assertThat(processor(platform.querySide, "indicator-projection").processingStatus().get(1).getCurrentPosition().orElse(-1))
                    .isGreaterThanOrEqualTo(head);
        });
    }

    /** Sends a report until it is stored, with the same key each time; answers how many times it was sent again. */
    private static int send(String[] report, String first, String other) throws InterruptedException {
        String body = """
                {"period":"%s","value":{"kind":"PERCENT","value":%d}}""".formatted(report[1], 40 + Math.floorMod(report[1].hashCode(), 50));
        String key = "hai-tien-trinh-" + report[0] + "-" + report[1];
        for (int attempt = 0; attempt < 30; attempt++) {
            String target = attempt % 2 == 0 ? first : other;
            Http.Response answer = http.post(target + "/api/indicators/QD-1305-2025." + report[0] + "/reports", body, "Idempotency-Key", key);
            if (answer.status() == 201 || answer.status() == 200) {
                return attempt;
            }
            // 409: another process wrote the indicator at the same moment; 429: a burst before this process knew the user
            assertThat(answer.status()).as(String.valueOf(answer.body())).isIn(409, 429, 503);
            Thread.sleep(answer.status() == 429 ? 1_000 : 20);
        }
        throw new AssertionError("report " + key + " never stored");
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext querySide, String group) {
        return querySide.getBean(EventProcessingConfiguration.class).eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
    }
}
