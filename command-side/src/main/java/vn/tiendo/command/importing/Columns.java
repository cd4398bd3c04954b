package vn.tiendo.command.importing;


import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the columns of a plan's appendix by their Vietnamese headers, however a file spells them ("Chỉ tiêu cụ thể",
 * "Tên chỉ tiêu"; "Mục tiêu 2025", "Đến hết năm 2025"). Matching ignores diacritics, case and spacing.
 */
final class Columns {

    /** A target column and the year it speaks of. */
    record TargetColumn(int index, int year, String header) {
    }

    private static final Pattern YEAR = Pattern.compile("(20\\d{2})");
    private final List<String> normalized;
    private final List<String> headers;

    Columns(List<String> headers) {
        this.headers = headers;
        this.normalized = headers.stream().map(Names::normalize).toList();
    }

    /** The first column whose header starts with one of the names (normalized). */
    Optional<Integer> find(String... names) {
        for (String name : names) {
            String n = Names.normalize(name);
            for (int i = 0; i < normalized.size(); i++) {
                if (normalized.get(i).equals(n) || normalized.get(i).startsWith(n + " ") || normalized.get(i).startsWith(n + ",")
                        || normalized.get(i).startsWith(n + "(")) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    String header(int index) {
        return headers.get(index);
    }

    /** "Mục tiêu 2025", "Đến hết năm 2030", "Chỉ tiêu năm 2026", or just "2025". */
    List<TargetColumn> targetColumns() {
        List<TargetColumn> result = new ArrayList<>();
        for (int i = 0; i < normalized.size(); i++) {
            String h = normalized.get(i);
            Matcher m = YEAR.matcher(h);
            if (m.find() && (h.startsWith("muc tieu") || h.startsWith("den het") || h.startsWith("nam ") || h.matches("20\\d{2}")
                    || h.startsWith("chi tieu nam"))) {
                result.add(new TargetColumn(i, Integer.parseInt(m.group(1)), headers.get(i)));
            }
        }
        return result;
    }

}
