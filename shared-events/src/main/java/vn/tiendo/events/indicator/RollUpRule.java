package vn.tiendo.events.indicator;

/**
 * How an indicator's figure is built from the indicators that implement it (the level below: a city's from its wards,
 * the province's from its cities and departments). Each contributor's figure for the period is its own report, else
 * its own roll-up.
 */
public enum RollUpRule {
    /** Σ of the contributors' figures: counts, amounts (e.g. enterprises supported, online dossiers). */
    SUM,
    /** Σ(figure × weight) / Σ weight, the weight on each link: a share weighted by population or by number of procedures. */
    WEIGHTED_AVERAGE,
    /** The lowest figure: "every ward at least 70%" holds when the lowest does. */
    MINIMUM,
    /** Đạt when every contributor achieved its own target for the period (a contributor without a figure has not). */
    ALL_ACHIEVED,
    /** The percentage of contributors that achieved their own target for the period. */
    SHARE_ACHIEVING
}
