package vn.tiendo.command.importing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The headings a plan's table lists its rows under ("A | Phát triển hạ tầng", "I | NHÓM NHIỆM VỤ THƯỜNG XUYÊN"):
 * rows with a number and a title and nothing else. Their depth is read from how they are numbered, as a reader of the
 * document does: a heading numbered the way an open one is (I, II…; A, B…; 1, 2…; 1.1, 1.2…) closes that one and
 * everything under it; a new way of numbering opens a level below.
 */
final class Headings {

    private record Heading(String numbering, String number, String title) {
        String asWritten() {
            return number == null ? title : number + ". " + title;
        }
    }

    private final Deque<Heading> open = new ArrayDeque<>();

    /** A heading row: its number as written (may be null) and its title. */
    void enter(String number, String title) {
        String bare = number == null ? null : number.replaceAll("[.)]+$", "");
        String numbering = numberingOf(bare, open.stream().anyMatch(h -> h.numbering().equals("letter")));
        if (open.stream().anyMatch(h -> h.numbering().equals(numbering))) {
            while (!open.peekLast().numbering().equals(numbering)) {
                open.removeLast();
            }
            open.removeLast();
        }
        open.addLast(new Heading(numbering, bare, title));
    }

    /** The open headings, outermost first, as the document writes them ("A. Phát triển hạ tầng"). */
    List<String> path() {
        return open.stream().map(Heading::asWritten).toList();
    }

    /** The number of the outermost open heading ("II"), which keys the rows of a table numbered again under each heading. */
    Optional<String> outermost() {
        return open.isEmpty() ? Optional.empty() : Optional.ofNullable(open.peekFirst().number());
    }

    /** The innermost open heading numbered by one capital letter (A, B, C), which prefixes its rows' codes: A.1. */
    Optional<String> letter() {
        for (Iterator<Heading> it = open.descendingIterator(); it.hasNext(); ) {
            Heading h = it.next();
            if (h.numbering().equals("letter")) {
                return Optional.of(h.number());
            }
        }
        return Optional.empty();
    }

    /** One capital letter is a letter (A, B, C…) while lettered headings are open, else a Roman numeral if it can be one. */
    static String numberingOf(String number, boolean lettersOpen) {
        if (number == null || number.isBlank()) {
            return "none";
        }
        if (number.matches("[A-Z]") && (lettersOpen || !number.matches("[IVX]"))) {
            return "letter";
        }
        if (number.matches("[IVXLC]+")) {
            return "roman";
        }
        if (number.matches("[a-zđ]")) {
            return "small letter";
        }
        if (number.matches("\\d+(\\.\\d+)*")) {
            return "number" + ".n".repeat(number.length() - number.replace(".", "").length());
        }
        return "other";
    }
}
