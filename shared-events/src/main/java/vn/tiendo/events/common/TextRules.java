package vn.tiendo.events.common;

import java.util.Optional;

/**
 * What text the platform accepts from people and files, in one place. Events are immutable and projected into
 * PostgreSQL, which cannot store U+0000, and terminals and spreadsheets act on other control characters, so no C0
 * control character but tab, line feed and carriage return (nor DEL or the C1 block) ever enters an event.
 */
public final class TextRules {

    /** The longest string anywhere in a request body; fields have tighter limits of their own. */
    public static final int MAX_ANY_TEXT = 10_000;
    /** Names of indicators, tasks and agencies, task contents (the longest task in the plans has about 1,000 characters). */
    public static final int MAX_NAME = 2_000;
    /** Notes, reasons, products, free-text values. */
    public static final int MAX_NOTE = 2_000;
    /** Short labels: document numbers, units, a target or deadline as written, titles. */
    public static final int MAX_LABEL = 500;
    /** Identifiers of agencies and plans named in a body. */
    public static final int MAX_ID = 100;
    /** Lists in a body: evidence, targets, coordinators, levels. */
    public static final int MAX_ITEMS = 50;

    private TextRules() {
    }

    /** Why {@code text} may not be stored, or empty when it may. */
    public static Optional<String> violationOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isForbidden(c)) {
                return Optional.of(String.format("contains the control character U+%04X at position %d; only tab, line feed and "
                        + "carriage return are allowed", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }

    public static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
