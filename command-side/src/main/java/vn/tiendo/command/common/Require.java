package vn.tiendo.command.common;

import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;

import java.util.List;

/** Guards the aggregates use; each names the field it checks so that the client knows what to fix. */
public final class Require {

    private Require() {
    }

    public static void notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(field, field + " is required");
        }
    }

    public static void notNull(Object value, String field) {
        if (value == null) {
            throw new RuleViolation(field, field + " is required");
        }
    }

    public static void that(boolean condition, String field, String message) {
        if (!condition) {
            throw new RuleViolation(field, message);
        }
    }

    /** The value fits the indicator's measure (its kind, levels and bounds); 400 naming {@code field} otherwise. */
    public static void fits(Measure measure, MeasuredValue value, String field) {
        measure.violationOf(value).ifPresent(reason -> {
            throw new RuleViolation(field, reason);
        });
    }

    /** Each evidence reference must say where the document is, and its hash must look like SHA-256. */
    public static void validEvidence(List<EvidenceRef> evidence, String field) {
        List<EvidenceRef> list = orEmpty(evidence);
        for (int i = 0; i < list.size(); i++) {
            EvidenceRef e = list.get(i);
            that(e != null && (present(e.documentNumber()) || present(e.uri())), field + "[" + i + "]",
                    "evidence needs a document number or a uri");
            that(e.sha256() == null || e.sha256().matches("[0-9a-fA-F]{64}"), field + "[" + i + "].sha256",
                    "sha256 must be 64 hexadecimal characters");
        }
    }

    /** An immutable copy, empty for null: events never carry null lists. */
    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
