package vn.tiendo.events.emulation;

/** A form of award (Giấy khen, Bằng khen), who grants it and, where the plan says so, who proposes it. */
public record AwardForm(String code, String name, String grantedBy, String proposedBy) {
}
