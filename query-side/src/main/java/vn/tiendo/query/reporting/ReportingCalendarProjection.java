package vn.tiendo.query.reporting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.plan.PeriodicReportSubmitted;
import vn.tiendo.events.plan.ReportingObligationDeclared;
import vn.tiendo.events.plan.ReportingObligationWithdrawn;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.directory.DirectoryProjection;

import java.time.Instant;

import static vn.tiendo.query.config.Times.utc;

/**
 * The plans' reporting duties and the periodic reports sent under them, beside the plans in the directory.
 * Its table names are unqualified on purpose: they resolve to schema {@code projection}, or while a rebuild replays
 * into new tables to the rebuild's schema ({@link vn.tiendo.query.admin.ProjectionRebuild}).
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
public class ReportingCalendarProjection {

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    public ReportingCalendarProjection(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ReportingObligationDeclared e, @Timestamp Instant recordedAt) {
        jdbc.update("insert into reporting_obligation (plan_id, obligation_id, reporter_agency_id, recipient_agency_id, cycle, "
                        + "due_day, due_month_offset, as_written, declared_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.planId(), e.obligationId(), e.reporterAgencyId(), e.recipientAgencyId(), e.cycle().name(), e.dueDay(),
                e.dueMonthOffset(), e.asWritten(), utc(recordedAt));
    }

    @EventHandler
    void on(ReportingObligationWithdrawn e, @Timestamp Instant recordedAt) {
        jdbc.update("update reporting_obligation set withdrawn_at = ?, withdrawal_reason = ? where plan_id = ? and obligation_id = ?",
                utc(recordedAt), e.reason(), e.planId(), e.obligationId());
    }

    @EventHandler
    void on(PeriodicReportSubmitted e, @Timestamp Instant recordedAt, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        jdbc.update("insert into periodic_report (plan_id, obligation_id, period, agency_id, submitted_at, submitted_by, note, evidence) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
                e.planId(), e.obligationId(), e.period().code(), e.agencyId(), utc(recordedAt), actor, e.note(), json.write(e.evidence()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from periodic_report");
        jdbc.update("delete from reporting_obligation");
    }
}
