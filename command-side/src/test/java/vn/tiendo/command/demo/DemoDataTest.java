package vn.tiendo.command.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import vn.tiendo.command.CommandSideTest;
import vn.tiendo.command.importing.ImportService;
import vn.tiendo.command.indicator.IndicatorCommands.DefineIndicator;
import vn.tiendo.command.reminder.ReportingRules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data: the real plans' tables come in through the importer, with a reproducible history of reports. */
@CommandSideTest
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/tiendo_test_demo", "tiendo.demo.until=2026-10"})
class DemoDataTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ImportService imports;
    @Autowired
    ReportingRules calendar;

    @Test
    void everyRowOfTheCatalogIsRegistered() {
        // the province's two plans, the Từ Sơn city plan and three of its wards' plans
        assertThat(count("select count(*) from command_side.plan")).isEqualTo(6);
        // the catalog's 27 agencies, the city, three of its divisions and three wards
        assertThat(count("select count(*) from command_side.agency")).isEqualTo(34);
        assertThat(count("select count(*) from command_side.indicator_code where plan_id = 'QD-1305-2025'")).isEqualTo(41);
        assertThat(count("select count(*) from command_side.indicator_code where plan_id = 'KH-SKHCN-DTI-2025'")).isEqualTo(50);
        assertThat(count("select count(*) from command_side.task where plan_id = 'QD-1305-2025'")).isEqualTo(137);
        assertThat(count("select count(*) from command_side.task where plan_id = 'KH-SKHCN-DTI-2025'")).isEqualTo(51);
        assertThat(count("select count(*) from event_store.domain_event_entry "
                + "where payload_type = 'vn.tiendo.events.indicator.IndicatorProgressReported'")).isGreaterThan(500);
        assertThat(count("select count(*) from event_store.domain_event_entry "
                + "where payload_type = 'vn.tiendo.events.indicator.IndicatorProgressCorrected'")).isPositive();
    }

    /** Plan 003 cascades Decision 1305's C.16 to the city's 1.1 and on to three wards, whose reports feed both. */
    @Test
    void theCityAndThreeWardsImplementTheProvincesIndicatorAndReport() throws Exception {
        assertThat(jdbc.queryForList("select indicator_id || ' -> ' || implements_id from command_side.indicator_link order by 1", String.class))
                .containsExactly("KH-PHUONG-DINH-BANG-NQ57.1.1 -> KH-TU-SON-NQ57.1.1", "KH-PHUONG-DONG-NGAN-NQ57.1.1 -> KH-TU-SON-NQ57.1.1",
                        "KH-PHUONG-TAN-HONG-NQ57.1.1 -> KH-TU-SON-NQ57.1.1", "KH-TU-SON-NQ57.1.1 -> QD-1305-2025.C.16",
                        "KH-TU-SON-NQ57.3.1:phuong-dinh-bang -> KH-TU-SON-NQ57.3.1", "KH-TU-SON-NQ57.3.1:phuong-dong-ngan -> KH-TU-SON-NQ57.3.1",
                        "KH-TU-SON-NQ57.3.1:phuong-tan-hong -> KH-TU-SON-NQ57.3.1");
        // the city's appendix came in as the document lays it out: group 1, rows 1.1 and 1.2, the "Kết quả" column dated 2025
        JsonNode cityRow = json.readTree(jdbc.queryForObject("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = 'KH-TU-SON-NQ57.1.1' and payload_type like '%IndicatorDefined'", String.class));
        assertThat(cityRow.at("/measure/kind").asText()).isEqualTo("PERCENT");
        assertThat(cityRow.at("/targets/0/period").asText()).isEqualTo("2025");
        assertThat(cityRow.at("/leadAgencyId").asText()).isEqualTo("cn-tthcc-tu-son");
        assertThat(count("select count(*) from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.indicator.RollUpRuleDeclared'"))
                .isEqualTo(3);
        // row 3.1 is led by "UBND các phường": each ward reports its own share, the city's row is their roll-up
        assertThat(jdbc.queryForList("select agency_id from command_side.agency_group_member where group_id = 'tu-son.cac-phuong' order by position",
                String.class)).containsExactly("phuong-dong-ngan", "phuong-dinh-bang", "phuong-tan-hong");
        assertThat(count("select count(*) from event_store.domain_event_entry where aggregate_identifier = 'KH-TU-SON-NQ57.3.1:phuong-tan-hong' "
                + "and payload_type = 'vn.tiendo.events.indicator.IndicatorProgressReported'")).isGreaterThan(10);
        assertThat(count("select count(*) from event_store.domain_event_entry where aggregate_identifier = 'KH-TU-SON-NQ57.3.1' "
                + "and payload_type = 'vn.tiendo.events.indicator.IndicatorProgressReported'")).isZero();
        // the city links to C.16 only once the province's strategy exists (issued 29 October 2025)
        String linkedAt = jdbc.queryForObject("select time_stamp from event_store.domain_event_entry where aggregate_identifier = "
                + "'KH-TU-SON-NQ57.1.1' and payload_type = 'vn.tiendo.events.indicator.IndicatorLinked'", String.class);
        assertThat(Instant.parse(linkedAt).atZone(DemoHistory.PROVINCE).toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 30));
        for (String ward : List.of("KH-PHUONG-DONG-NGAN-NQ57.1.1", "KH-PHUONG-DINH-BANG-NQ57.1.1", "KH-PHUONG-TAN-HONG-NQ57.1.1")) {
            assertThat(count("select count(*) from event_store.domain_event_entry where aggregate_identifier = '" + ward + "' "
                    + "and payload_type = 'vn.tiendo.events.indicator.IndicatorProgressReported'")).as(ward).isGreaterThan(10);
        }
        assertThat(jdbc.queryForObject("select kind from command_side.agency where agency_id = 'ubnd-tp-tu-son'", String.class)).isEqualTo("DISTRICT");
        // 1 July 2025: the district level ends; the wards are under the province, the city and its bodies merged
        assertThat(jdbc.queryForList("select agency_id || ' -> ' || merged_into from command_side.agency where merged_into is not null order by 1",
                String.class)).containsExactly("cn-tthcc-tu-son -> van-phong-ubnd.trung-tam-phvcc", "phong-vhkhtt-tu-son -> so-khcn",
                "ubnd-tp-tu-son -> ubnd-tinh", "vp-hdnd-ubnd-tu-son -> van-phong-ubnd");
        assertThat(jdbc.queryForList("select distinct parent_agency_id from command_side.agency where agency_id like 'phuong-%'", String.class))
                .containsExactly("ubnd-tinh");
        assertThat(jdbc.queryForObject("select lead_agency_id from command_side.indicator_code where indicator_id = 'KH-TU-SON-NQ57.1.1'",
                String.class)).isEqualTo("van-phong-ubnd.trung-tam-phvcc");
        // what the city monitored passed on with it: the wards' shares of 3.1
        assertThat(jdbc.queryForList("select distinct monitoring_agency_id from command_side.indicator_code where indicator_id like 'KH-TU-SON-NQ57.3.1:%'",
                String.class)).containsExactly("ubnd-tinh");
        // and so did its place as the one answering for its wards' group
        assertThat(jdbc.queryForObject("select owner_agency_id from command_side.agency_group where group_id = 'tu-son.cac-phuong'", String.class))
                .isEqualTo("ubnd-tinh");
        // the city's branch reported before the merger, its successor after it
        assertThat(jdbc.queryForList("select distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'onBehalfOf' from event_store.domain_event_entry "
                + "where aggregate_identifier = 'KH-TU-SON-NQ57.1.1' and payload_type = 'vn.tiendo.events.indicator.IndicatorProgressReported'",
                String.class)).containsExactlyInAnyOrder("cn-tthcc-tu-son", "van-phong-ubnd.trung-tam-phvcc");
    }

    @Test
    void importedEventsNameTheFileItsHashAndTheRow() throws Exception {
        JsonNode meta = json.readTree(jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = 'QD-1305-2025.A.1' and sequence_number = 0", String.class));
        assertThat(meta.get("importFile").asText()).isEqualTo("QD-1305-2025-phu-luc-chi-tieu.csv");
        assertThat(meta.get("importSha256").asText()).hasSize(64);
        assertThat(meta.get("importRow").asInt()).isEqualTo(3); // header, heading "A | Phát triển hạ tầng", then A.1
        assertThat(meta.get("actor").asText()).isEqualTo("du-lieu-mau.so-khcn");
    }

    /** The history happened over time: reports mostly by the 20th of the next month, some late, none in the future. */
    @Test
    void theHistoryWasRecordedAsItHappenedAndIsMarkedAsDemo() {
        List<Map<String, Object>> reports = jdbc.queryForList("select time_stamp, convert_from(payload, 'UTF8')::jsonb ->> 'period' as period, "
                + "convert_from(meta_data, 'UTF8')::jsonb ->> 'demo' as demo from event_store.domain_event_entry "
                + "where payload_type = 'vn.tiendo.events.indicator.IndicatorProgressReported'");
        long late = reports.stream().filter(r -> {
            LocalDate recorded = LocalDate.ofInstant(Instant.parse((String) r.get("time_stamp")), DemoHistory.PROVINCE);
            return recorded.isAfter(YearMonth.parse((String) r.get("period")).plusMonths(1).atDay(20));
        }).count();
        assertThat(reports).allMatch(r -> "true".equals(r.get("demo")));
        assertThat((double) late / reports.size()).isBetween(0.04, 0.2);
        assertThat(reports).allMatch(r -> Instant.parse((String) r.get("time_stamp")).isBefore(Instant.now()));
        // the first reports went in during February 2025 (the DTI plan's January), the strategy's after it was issued
        assertThat(reports.stream().map(r -> (String) r.get("time_stamp")).min(String::compareTo).orElseThrow()).startsWith("2025-02");
        // events are stored in the order they happened
        List<String> times = jdbc.queryForList("select time_stamp from event_store.domain_event_entry order by global_index", String.class);
        assertThat(times).isSortedAccordingTo(Comparator.comparing(Instant::parse));
    }

    /** Reminders went out for the reports not in three days before the due day, at 08:00 on the 17th, to the officers. */
    @Test
    void remindersOverdueNoticesAndEscalationsWentOutOnTheCalendar() throws Exception {
        List<Map<String, Object>> reminders = jdbc.queryForList("select time_stamp, convert_from(payload, 'UTF8') as payload "
                + "from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.indicator.ReportReminderSent'");
        assertThat(reminders).hasSizeGreaterThan(50);
        for (Map<String, Object> reminder : reminders) {
            JsonNode payload = json.readTree((String) reminder.get("payload"));
            assertThat(Instant.parse((String) reminder.get("time_stamp")).atZone(DemoHistory.PROVINCE).toLocalDateTime())
                    .isEqualTo(YearMonth.parse(payload.get("period").asText()).plusMonths(1).atDay(17).atTime(8, 0));
            assertThat(payload.at("/notified/0/recipient").asText()).isEqualTo("officers:" + payload.get("agencyId").asText());
        }
        assertThat(count("select count(*) from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.indicator.ReportOverdue'"))
                .isPositive().isLessThan(reminders.size());
        assertThat(count("select count(*) from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.indicator.ReportEscalated'"))
                .isPositive();
        // the demo's past told nobody: nothing of it is queued to be sent now
        assertThat(count("select count(*) from command_side.notification_outbox")).isZero();
    }

    /**
     * The DTI plan's two reporting duties, and a periodic report for most months of 2025 from Sở KH&CN to the chairman
     * and from each agency leading the plan's records, each sent in the month it speaks of (on time or a few days late).
     */
    @Test
    void theDtiPlansReportingDutiesAndTheReportsSentUnderThem() throws Exception {
        assertThat(jdbc.queryForList("select convert_from(payload, 'UTF8')::jsonb ->> 'obligationId' from event_store.domain_event_entry "
                + "where payload_type = 'vn.tiendo.events.plan.ReportingObligationDeclared' order by 1", String.class))
                .containsExactly(DemoPeriodicReports.FROM_LEADS, DemoPeriodicReports.TO_CHAIRMAN);
        List<Map<String, Object>> toChairman = jdbc.queryForList("select time_stamp, convert_from(payload, 'UTF8') as payload "
                + "from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.plan.PeriodicReportSubmitted' "
                + "and convert_from(payload, 'UTF8')::jsonb ->> 'obligationId' = ?", DemoPeriodicReports.TO_CHAIRMAN);
        assertThat(toChairman).hasSizeBetween(9, 12);
        for (Map<String, Object> sent : toChairman) {
            JsonNode payload = json.readTree((String) sent.get("payload"));
            LocalDate day = Instant.parse((String) sent.get("time_stamp")).atZone(DemoHistory.PROVINCE).toLocalDate();
            assertThat(payload.get("agencyId").asText()).isEqualTo("so-khcn");
            assertThat(day.toString()).startsWith(payload.get("period").asText());
        }
        assertThat(count("select count(distinct convert_from(payload, 'UTF8')::jsonb ->> 'agencyId') from event_store.domain_event_entry "
                + "where payload_type = 'vn.tiendo.events.plan.PeriodicReportSubmitted'")).isGreaterThan(3);
    }

    /** A.2's 2030 target was lowered on 15/7/2026, by a decision and with a reason, after its reports fell behind. */
    @Test
    void aTargetWasRevisedOnAPlausibleDay() throws Exception {
        Map<String, Object> revision = jdbc.queryForMap("select time_stamp, convert_from(payload, 'UTF8') as payload, "
                + "convert_from(meta_data, 'UTF8') as meta from event_store.domain_event_entry "
                + "where aggregate_identifier = 'QD-1305-2025.A.2' and payload_type = 'vn.tiendo.events.indicator.IndicatorTargetRevised'");
        assertThat(Instant.parse((String) revision.get("time_stamp")).atZone(DemoHistory.PROVINCE).toLocalDate()).isEqualTo(LocalDate.of(2026, 7, 15));
        JsonNode payload = json.readTree((String) revision.get("payload"));
        assertThat(payload.at("/newTarget/asWritten").asText()).isEqualTo("≥ 95%");
        assertThat(payload.get("decisionReference").asText()).isNotBlank();
        assertThat(json.readTree((String) revision.get("meta")).get("reason").asText()).isEqualTo(payload.get("reason").asText());
    }

    /**
     * The council's round 1: the claim that states more than was reported is rejected naming that report, two are
     * verified and proposed for awards, one waits for evidence; round 2 is in progress. The rejected claim's figure
     * (100%) is above the figure recorded for the period it cites.
     */
    @Test
    void theCouncilJudgedRoundOneAgainstTheRecord() throws Exception {
        assertThat(count("select count(*) from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.emulation.NominationSubmitted'"))
                .isEqualTo(6);
        assertThat(count("select count(*) from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.emulation.AwardProposed'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.emulation.EvidenceRequested'"))
                .isEqualTo(1);
        JsonNode rejected = json.readTree(jdbc.queryForObject("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                + "where payload_type = 'vn.tiendo.events.emulation.ClaimRejected'", String.class));
        assertThat(rejected.get("nominationId").asText()).isEqualTo("PT-CDS-2026.dot-1.van-phong-ubnd.trung-tam-phvcc");
        String indicator = rejected.at("/contradictedBy/recordId").asText();
        String period = rejected.at("/contradictedBy/period").asText();
        assertThat(indicator).isEqualTo("KH-SKHCN-DTI-2025.6.4");
        double reported = jdbc.queryForObject("select (convert_from(payload, 'UTF8')::jsonb -> 'value' ->> 'value')::numeric "
                + "from event_store.domain_event_entry where aggregate_identifier = ? and payload_type = "
                + "'vn.tiendo.events.indicator.IndicatorProgressReported' and convert_from(payload, 'UTF8')::jsonb ->> 'period' = ?",
                Double.class, indicator, period);
        assertThat(reported).isLessThan(100);
        assertThat(rejected.get("reason").asText()).contains(period);
        assertThat(count("select count(*) from event_store.domain_event_entry where payload_type like 'vn.tiendo.events.emulation.%' "
                + "and convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' = 'du-lieu-mau.so-khcn.hoi-dong' "
                + "and aggregate_identifier = 'PT-CDS-2026.dot-1.so-khcn.trung-tam-cntt'")).as("Sở KH&CN's member judges not its own division").isZero();
    }

    @Test
    void theGeneratedHistoryIsTheSameEveryTime() {
        CatalogFiles files = new CatalogFiles(json);
        DefineIndicator coverage = imports.readIndicators(CatalogFiles.STRATEGY, "x.csv", files.indicators(CatalogFiles.STRATEGY))
                .drafts().get(0).command();
        var first = new DemoHistory(YearMonth.of(2026, 10), calendar).indicatorReports(coverage, YearMonth.of(2025, 11));
        var second = new DemoHistory(YearMonth.of(2026, 10), calendar).indicatorReports(coverage, YearMonth.of(2025, 11));
        assertThat(first).hasSizeGreaterThanOrEqualTo(12).isEqualTo(second);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
