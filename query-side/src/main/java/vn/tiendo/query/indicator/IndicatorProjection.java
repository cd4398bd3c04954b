package vn.tiendo.query.indicator;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.indicator.IndicatorCorrectionAccepted;
import vn.tiendo.events.indicator.IndicatorCorrectionProposed;
import vn.tiendo.events.indicator.IndicatorCorrectionRejected;
import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.indicator.IndicatorLinked;
import vn.tiendo.events.indicator.IndicatorMonitoringReassigned;
import vn.tiendo.events.indicator.IndicatorUnlinked;
import vn.tiendo.events.indicator.RollUpRuleDeclared;
import vn.tiendo.events.indicator.IndicatorReportApproved;
import vn.tiendo.events.indicator.IndicatorProgressCorrected;
import vn.tiendo.events.indicator.IndicatorProgressReported;
import vn.tiendo.events.indicator.IndicatorReassigned;
import vn.tiendo.events.indicator.IndicatorTargetRevised;
import vn.tiendo.query.config.BatchedAppends;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.status.StatusColumns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

import static vn.tiendo.query.config.Times.utc;
import java.util.Comparator;

/**
 * Indicators as they stand (definition after revisions and reassignments) and their time series (one row per
 * reported period). Statuses depend on the clock and are computed when read; each row keeps the span the lists filter
 * by ({@link StatusColumns}). Reports and approvals, most of its events, are written together per batch
 * ({@link ReportSteps}); every other handler first has them written.
 * <p>
 * Its table names are unqualified on purpose: they resolve to schema {@code projection}, or while a rebuild replays
 * into new tables to the rebuild's schema ({@link vn.tiendo.query.admin.ProjectionRebuild}).
 */
@Component
@ProcessingGroup(IndicatorProjection.PROCESSING_GROUP)
public class IndicatorProjection {

    public static final String PROCESSING_GROUP = "indicator-projection";
    static final TypeReference<List<Target>> TARGETS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final BatchedAppends appends;
    private final JsonColumns json;

    public IndicatorProjection(JdbcTemplate jdbc, BatchedAppends appends, JsonColumns json) {
        this.jdbc = jdbc;
        this.appends = appends;
        this.json = json;
    }

    @EventHandler
    void on(IndicatorDefined e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        ReportSteps.writtenBefore(appends);
        jdbc.update("insert into indicator (indicator_id, plan_id, code, name, unit, measure, direction, baseline, "
                        + "baseline_as_written, targets, lead_agency_id, monitoring_agency_id, plan_start, plan_end, version, updated_at, defined_at, "
                        + "group_path) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
                e.indicatorId(), e.planId(), e.code(), e.name(), e.unit(), json.write(e.measure()), e.direction().name(),
                json.write(e.baseline()), e.baselineAsWritten(), json.write(e.targets()), e.leadAgencyId(),
                e.monitoringAgencyId(), e.planStart(), e.planEnd(), version, utc(recordedAt), utc(recordedAt), json.write(e.groupPath()));
        restatus(e.indicatorId());
        lead(e.indicatorId(), version, recordedAt, e.leadAgencyId());
        snapshot(e.indicatorId(), recordedAt);
    }

    @EventHandler
    void on(IndicatorTargetRevised e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        ReportSteps.writtenBefore(appends);
        String current = jdbc.queryForObject("select targets::text from indicator where indicator_id = ?",
                String.class, e.indicatorId());
        List<Target> targets = new ArrayList<>(json.read(current, TARGETS));
        targets.removeIf(t -> t.period().equals(e.period()));
        targets.add(e.newTarget());
        targets.sort(Comparator.comparing(Target::period));
        jdbc.update("update indicator set targets = ?::jsonb, version = ?, updated_at = ? where indicator_id = ?",
                json.write(targets), version, utc(recordedAt), e.indicatorId());
        restatus(e.indicatorId());
        snapshot(e.indicatorId(), recordedAt);
    }

    @EventHandler
    void on(IndicatorReassigned e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        ReportSteps.writtenBefore(appends);
        jdbc.update("update indicator set lead_agency_id = ?, version = ?, updated_at = ? where indicator_id = ?",
                e.toAgencyId(), version, utc(recordedAt), e.indicatorId());
        lead(e.indicatorId(), version, recordedAt, e.toAgencyId());
        snapshot(e.indicatorId(), recordedAt);
    }

    @EventHandler
    void on(IndicatorMonitoringReassigned e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        ReportSteps.writtenBefore(appends);
        jdbc.update("update indicator set monitoring_agency_id = ?, version = ?, updated_at = ? where indicator_id = ?",
                e.toAgencyId(), version, utc(recordedAt), e.indicatorId());
        snapshot(e.indicatorId(), recordedAt);
    }

    /** The same link again (another weight or date) changes its open span; a new one opens a span. */
    @EventHandler
    void on(IndicatorLinked e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        ReportSteps.writtenBefore(appends);
        jdbc.update("update indicator set implements_id = ?, implements_weight = ? where indicator_id = ?",
                e.implementsIndicatorId(), e.weight(), e.indicatorId());
        int open = jdbc.update("update indicator_link_span set weight = ?, effective_from = ? where indicator_id = ? and implements_id = ? "
                + "and unlinked_at is null", e.weight(), e.effectiveFrom(), e.indicatorId(), e.implementsIndicatorId());
        if (open == 0) {
            jdbc.update("insert into indicator_link_span (indicator_id, version, implements_id, weight, effective_from, linked_at) "
                    + "values (?, ?, ?, ?, ?, ?)", e.indicatorId(), version, e.implementsIndicatorId(), e.weight(), e.effectiveFrom(), utc(recordedAt));
        }
        touch(e.indicatorId(), version, recordedAt);
    }

    @EventHandler
    void on(IndicatorUnlinked e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        ReportSteps.writtenBefore(appends);
        jdbc.update("update indicator set implements_id = null, implements_weight = null where indicator_id = ?", e.indicatorId());
        jdbc.update("update indicator_link_span set effective_to = ?, unlinked_at = ? where indicator_id = ? and unlinked_at is null",
                e.effectiveFrom(), utc(recordedAt), e.indicatorId());
        touch(e.indicatorId(), version, recordedAt);
    }

    @EventHandler
    void on(RollUpRuleDeclared e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        ReportSteps.writtenBefore(appends);
        jdbc.update("update indicator set roll_up_rule = ?, roll_up_weight_label = ? where indicator_id = ?",
                e.rule().name(), e.weightLabel(), e.indicatorId());
        touch(e.indicatorId(), version, recordedAt);
    }

    /** Collected with the batch's other reports and approvals ({@link ReportSteps}). */
    @EventHandler
    void on(IndicatorProgressReported e, @SequenceNumber long version, @Timestamp Instant recordedAt,
            @MetaDataValue(MetadataKeys.ACTOR) String actor, @MetaDataValue(MetadataKeys.ON_BEHALF_OF) String onBehalfOf) {
        step(ReportSteps.Step.report(e.indicatorId(), version, utc(recordedAt), actor, e.period().code(), e.period().end(), e.reportId(),
                json.write(e.value()), e.note(), json.write(e.evidence()), onBehalfOf));
    }

    @EventHandler
    void on(IndicatorProgressCorrected e, @SequenceNumber long version, @Timestamp Instant recordedAt,
            @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        ReportSteps.writtenBefore(appends);
        jdbc.update("update indicator_period set value = ?::jsonb, correction_count = correction_count + 1, "
                        + "last_corrected_at = ?, last_corrected_by = ?, last_correction_reason = ?, "
                        + "evidence = evidence || ?::jsonb where indicator_id = ? and report_id = ?",
                json.write(e.newValue()), utc(recordedAt), actor, e.reason(), json.write(e.evidence()), e.indicatorId(), e.reportId());
        touchAndRestatus(e.indicatorId(), version, recordedAt);
        snapshotPeriod(e.indicatorId(), e.period().code(), version, recordedAt);
    }

    /** Collected with the batch's other reports and approvals ({@link ReportSteps}). */
    @EventHandler
    void on(IndicatorReportApproved e, @SequenceNumber long version, @Timestamp Instant recordedAt,
            @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        step(ReportSteps.Step.approval(e.indicatorId(), version, utc(recordedAt), actor, e.reportId()));
    }

    @EventHandler
    void on(IndicatorCorrectionProposed e, @SequenceNumber long version, @Timestamp Instant recordedAt,
            @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        ReportSteps.writtenBefore(appends);
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("proposalId", e.proposalId());
        proposal.put("newValue", e.newValue());
        proposal.put("reason", e.reason());
        proposal.put("proposedBy", actor);
        proposal.put("proposedAt", recordedAt.toString());
        pending(e.indicatorId(), e.reportId(), json.write(proposal), version, recordedAt, e.period().code());
    }

    @EventHandler
    void on(IndicatorCorrectionAccepted e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        ReportSteps.writtenBefore(appends);
        pending(e.indicatorId(), e.reportId(), null, version, recordedAt, e.period().code());
    }

    @EventHandler
    void on(IndicatorCorrectionRejected e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        ReportSteps.writtenBefore(appends);
        pending(e.indicatorId(), e.reportId(), null, version, recordedAt, e.period().code());
    }

    private void pending(String indicatorId, String reportId, String proposal, long version, Instant recordedAt, String period) {
        jdbc.update("update indicator_period set pending_correction = ?::jsonb where indicator_id = ? and report_id = ?",
                proposal, indicatorId, reportId);
        touch(indicatorId, version, recordedAt);
        snapshotPeriod(indicatorId, period, version, recordedAt);
    }

    private void step(ReportSteps.Step step) {
        ReportSteps batch = appends.collect(ReportSteps.class, () -> new ReportSteps(jdbc, json));
        if (batch == null) {
            ReportSteps.writtenBefore(appends); // this batch's earlier steps, when it turned to event by event midway
            ReportSteps.write(jdbc, json, List.of(step));
        } else {
            batch.add(step);
        }
    }

    /** The status the lists filter by, after a change to what the rules read: targets, or the latest period's value. */
    private void restatus(String indicatorId) {
        StatusColumns.restatusIndicators(jdbc, json, "i.indicator_id = ?", indicatorId);
    }

    /** Who leads the indicator from this event on, for the reporting calendar (V25). */
    private void lead(String indicatorId, long version, Instant recordedAt, String agencyId) {
        jdbc.update("insert into indicator_lead (indicator_id, version, recorded_at, lead_agency_id) values (?, ?, ?, ?)",
                indicatorId, version, utc(recordedAt), agencyId);
    }

    /** What the indicator's row says after this event, for "as of" queries. */
    private void snapshot(String indicatorId, Instant recordedAt) {
        jdbc.update("insert into indicator_history (indicator_id, recorded_at, version, state) "
                + "select indicator_id, ?, version, to_jsonb(i) from indicator i where indicator_id = ?", utc(recordedAt), indicatorId);
    }

    /** The history row of the indicator as a statement that changed it returned it (null: no row changed). */
    private void history(String indicatorId, long version, Instant recordedAt, String state) {
        if (state != null) {
            appends.append("insert into indicator_history (indicator_id, recorded_at, version, state) values (?, ?, ?, ?::jsonb)",
                    indicatorId, utc(recordedAt), version, state);
        }
    }

    private void snapshotPeriod(String indicatorId, String period, long version, Instant recordedAt) {
        jdbc.update("insert into indicator_period_history (indicator_id, period, recorded_at, version, state) "
                + "select indicator_id, period, ?, ?, to_jsonb(p) from indicator_period p where indicator_id = ? and period = ?",
                utc(recordedAt), version, indicatorId, period);
    }

    /** {@link #touch} after a change to the periods' values: the new version, and the status span if it changed. */
    private void touchAndRestatus(String indicatorId, long version, Instant recordedAt) {
        history(indicatorId, version, recordedAt, StatusColumns.touchAndRestatus(jdbc, json, indicatorId, version, utc(recordedAt)));
    }

    private void touch(String indicatorId, long version, Instant recordedAt) {
        List<String> row = jdbc.queryForList("update indicator i set version = ?, updated_at = ? where indicator_id = ? "
                + "returning to_jsonb(i)::text", String.class, version, utc(recordedAt), indicatorId);
        history(indicatorId, version, recordedAt, row.isEmpty() ? null : row.get(0));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from indicator_link_span");
        jdbc.update("delete from indicator_lead");
        jdbc.update("delete from indicator_history");
        jdbc.update("delete from indicator_period_history");
        jdbc.update("delete from indicator_period");
        jdbc.update("delete from indicator");
    }
}
