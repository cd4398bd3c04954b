package vn.tiendo.query.status;

/** See {@link StatusRules#assess}. Vietnamese labels are what the dashboards show. */
public enum IndicatorStatus {
    ACHIEVED("Đạt"),
    ON_TRACK("Đúng tiến độ"),
    BEHIND("Chậm tiến độ"),
    OVERDUE("Quá hạn, chưa đạt"),
    NO_DATA("Chưa có số liệu"),
    NOT_ASSESSED("Không tự đánh giá được");

    private final String label;

    IndicatorStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
