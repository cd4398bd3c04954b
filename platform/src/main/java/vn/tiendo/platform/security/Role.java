package vn.tiendo.platform.security;

/** What a person may do. Scope follows the agency hierarchy for officers and heads. */
public enum Role {
    /** Cán bộ: drafts reports for their own agency. */
    OFFICER,
    /** Người đứng đầu: reports and corrects for their agency and its children, completes its tasks. */
    HEAD,
    /** Sở KH&CN: defines plans, indicators, tasks; revises targets; reassigns; imports. */
    COORDINATOR,
    /** Hội đồng thi đua: reads everything, writes nothing here. */
    COUNCIL,
    /** Kiểm toán: reads everything and the audit trail, writes nothing but checkpoints. */
    AUDITOR,
    /** Quản trị: users, agencies, rebuilds. */
    ADMIN;

    /** Roles that see every agency's data. */
    public boolean seesEverything() {
        return this != OFFICER && this != HEAD;
    }
}
