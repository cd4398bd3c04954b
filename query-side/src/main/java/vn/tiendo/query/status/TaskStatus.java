package vn.tiendo.query.status;

/** See {@link StatusRules#taskStatus}. */
public enum TaskStatus {
    NOT_STARTED("Chưa triển khai"),
    IN_PROGRESS("Đang thực hiện"),
    COMPLETED("Hoàn thành"),
    COMPLETED_LATE("Hoàn thành quá hạn"),
    OVERDUE("Quá hạn"),
    CANCELLED("Đã hủy");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
