package vn.tiendo.command.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.tiendo.command.CommandSideTest;
import vn.tiendo.command.catalog.PlanCatalog;
import vn.tiendo.command.indicator.IndicatorCommands.DefineIndicator;
import vn.tiendo.command.task.TaskCommands.AssignTask;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data: the real plans' tables go in through the commands, with a reproducible history of reports. */
@CommandSideTest
@ActiveProfiles({"test", "demo"})
@org.springframework.test.context.TestPropertySource(properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/tiendo_test_demo", "tiendo.demo.until=2026-10"})
class DemoDataTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void everyRowOfTheCatalogIsRegistered() {
        assertThat(count("select count(*) from command_side.plan")).isEqualTo(2);
        assertThat(count("select count(*) from command_side.agency")).isEqualTo(new PlanCatalog(json).agencies().size());
        assertThat(count("select count(*) from command_side.indicator_code where plan_id = 'QD-1305-2025'")).isEqualTo(41);
        assertThat(count("select count(*) from command_side.indicator_code where plan_id = 'KH-SKHCN-DTI-2025'")).isEqualTo(50);
        assertThat(count("select count(distinct aggregate_identifier) from event_store.domain_event_entry "
                + "where payload_type = 'vn.tiendo.events.task.TaskAssigned'")).isEqualTo(137 + 52);
        assertThat(count("select count(*) from event_store.domain_event_entry "
                + "where payload_type = 'vn.tiendo.events.indicator.IndicatorProgressReported'")).isGreaterThan(500);
        assertThat(count("select count(*) from event_store.domain_event_entry "
                + "where payload_type = 'vn.tiendo.events.indicator.IndicatorProgressCorrected'")).isPositive();
    }

    @Test
    void targetsAndDeadlinesAreReadAsTheDocumentsWriteThem() {
        PlanCatalog catalog = new PlanCatalog(json);
        DefineIndicator level = indicator(catalog, "KH-SKHCN-DTI-2025.6.2");
        assertThat(level.measure().kind()).isEqualTo(MeasureKind.LEVEL);
        assertThat(level.targets().get(0).value()).isEqualTo(new MeasuredValue.Level("B"));
        DefineIndicator ratio = indicator(catalog, "KH-SKHCN-DTI-2025.3.6");
        assertThat(ratio.targets().get(0).value()).isEqualTo(new MeasuredValue.Ratio(BigDecimal.valueOf(7), BigDecimal.valueOf(7)));
        assertThat(ratio.targets().get(0).asWritten()).isEqualTo("Đạt: 7/7");
        DefineIndicator freeText = indicator(catalog, "KH-SKHCN-DTI-2025.4.2");
        assertThat(freeText.measure().kind()).isEqualTo(MeasureKind.TEXT);
        DefineIndicator coverage = indicator(catalog, "QD-1305-2025.A.1");
        assertThat(coverage.targets()).extracting(t -> t.period().code()).containsExactly("2025", "2030");
        assertThat(coverage.leadAgencyId()).isEqualTo("so-khcn");
        DefineIndicator oneTarget = indicator(catalog, "QD-1305-2025.C.17");
        assertThat(oneTarget.targets()).singleElement().satisfies(t -> assertThat(t.period()).isEqualTo(Period.year(2030)));
        DefineIndicator police = indicator(catalog, "KH-SKHCN-DTI-2025.3.3");
        assertThat(police.baseline()).isEqualTo(new MeasuredValue.Percent(new BigDecimal("100")));

        AssignTask dated = catalog.tasks().stream().filter(t -> t.deadline().asWritten() != null
                && t.deadline().asWritten().equals("Trước ngày 10/12/2025")).findFirst().orElseThrow();
        assertThat(dated.deadline().dueDate()).isEqualTo(LocalDate.of(2025, 12, 10));
        assertThat(catalog.tasks()).allSatisfy(t -> assertThat(t.coordinatingAgencyIds()).doesNotContain(t.leadAgencyId()));
    }

    @Test
    void theGeneratedHistoryIsTheSameEveryTime() {
        PlanCatalog catalog = new PlanCatalog(json);
        DefineIndicator coverage = indicator(catalog, "QD-1305-2025.A.1");
        DemoHistory history = new DemoHistory(YearMonth.of(2026, 10));
        var first = history.indicatorReports(coverage, YearMonth.of(2025, 11));
        var second = new DemoHistory(YearMonth.of(2026, 10)).indicatorReports(coverage, YearMonth.of(2025, 11));
        assertThat(first).hasSizeGreaterThanOrEqualTo(12).isEqualTo(second);
    }

    private static DefineIndicator indicator(PlanCatalog catalog, String id) {
        return catalog.indicators().stream().filter(i -> i.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
