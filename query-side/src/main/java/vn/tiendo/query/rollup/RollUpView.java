package vn.tiendo.query.rollup;

import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.indicator.RollUpRule;
import vn.tiendo.query.status.IndicatorStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An indicator's figure for a period built by its roll-up rule from the indicators implementing it, beside the figure
 * it reported itself: {@code mismatch} when both exist and differ. {@code complete}: every contributor has a figure
 * (and, for a weighted average, a weight). {@code hidden}: contributors outside the reader's agencies, counted in
 * the figure but not listed.
 */
public record RollUpView(String indicatorId, String planId, String code, String name, String leadAgencyId, String leadAgencyName,
                         RollUpRule rule, String weightLabel, String period, MeasuredValue rolledUp, MeasuredValue reported,
                         boolean mismatch, int contributors, int withFigure, boolean complete, List<Contribution> contributions, int hidden) {

    /** Where a contributor's figure comes from: its own report for the period, its own roll-up, or nowhere yet. */
    public enum Source { REPORTED, ROLLED_UP, MISSING }

    /**
     * One indicator implementing the rolled-up one, with the figure that counted ({@code figure}), whether it meets its
     * own target in force for the period ({@code achieved}; null without a figure), its status, and, for a reported
     * figure, the report behind it (drill down: {@code /api/indicators/{id}/series}, {@code /api/audit/history/{id}});
     * {@code rollUp}: its own roll-up, where it has a rule (the next level down).
     */
    public record Contribution(String indicatorId, String planId, String code, String name, String leadAgencyId, String leadAgencyName,
                               BigDecimal weight, MeasuredValue figure, Source source, Boolean achieved, IndicatorStatus status,
                               String statusLabel, String reportId, OffsetDateTime reportedAt, String reportedBy, Boolean approved,
                               int evidenceCount, RollUpView rollUp) {
    }
}
