package vn.tiendo.events.emulation;

/** A record a claim rests on: an indicator or task, and the period of it the claim speaks of (a month or a year). */
public record Citation(String recordId, String period) {
}
