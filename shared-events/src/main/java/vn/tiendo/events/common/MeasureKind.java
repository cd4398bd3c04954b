package vn.tiendo.events.common;

/** How an indicator is measured. The plans mix all of these; a number-only model mis-scores a third of them. */
public enum MeasureKind {
    /** 0–100, e.g. "≥ 60%". */
    PERCENT,
    /** a non-negative whole number, e.g. "50 doanh nghiệp". */
    COUNT,
    /** a non-negative decimal score, e.g. the provincial DTI index "≥ 0.7". */
    SCORE,
    /** a non-negative amount of money in VND. */
    MONEY,
    /** "Đạt" / "Chưa đạt". */
    PASS_FAIL,
    /** x/y with x ≤ y, e.g. "Đạt: 7/7". */
    RATIO,
    /** a grade from the indicator's ordered list, e.g. "Mức B". */
    LEVEL,
    /** free text; judged by people, never scored automatically. */
    TEXT
}
