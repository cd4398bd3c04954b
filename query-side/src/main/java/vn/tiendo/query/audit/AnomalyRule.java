package vn.tiendo.query.audit;

/** The flags an auditor may be shown; thresholds are in {@link AnomalyRules}. */
public enum AnomalyRule {
    /** A target made easier after a report that fell short of it. */
    TARGET_LOWERED_AFTER_SHORTFALL,
    /** A value corrected after its period's reporting deadline. */
    LATE_CORRECTION,
    /** A report recorded after its period's reporting deadline. */
    LATE_REPORT,
    /** A correction proposed for a report its head had approved. */
    CORRECTION_AFTER_APPROVAL,
    /** An indicator or task reassigned within the window before its deadline. */
    REASSIGNED_NEAR_DEADLINE,
    /**
     * One actor correcting many values within the window (a correction of an approved report counts for whoever
     * proposed it, not for the second person who accepted it).
     */
    MANY_CORRECTIONS
}
