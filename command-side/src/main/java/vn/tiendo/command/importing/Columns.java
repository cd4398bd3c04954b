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
    /** "năm 2025", "đến năm 2030", "giai đoạn đến năm 2030" (normalized: no diacritics, lower case). */
    private static final Pattern YEAR_OF_TARGETS = Pattern.compile("\\bnam (20\\d{2})\\b");
    private final List<String> normalized;
    private final List<String> headers;
    private final List<String> titles;

    Columns(List<String> headers) {
        this(headers, List.of());
    }

    Columns(List<String> headers, List<String> titles) {
        this.headers = headers;
        this.normalized = headers.stream().map(Names::normalize).toList();
        this.titles = titles;
    }

    /**
     * The year the table's title gives its targets ("DANH MỤC CÁC CHỈ TIÊU … NĂM 2025", "GIAI ĐOẠN ĐẾN NĂM 2030"),
     * from the first title line that names one; lines in brackets are left out, since there the year is the plan's
     * date ("(Ban hành kèm theo Kế hoạch số … năm 2025 …)").
     */
    Optional<Integer> titleYear() {
        for (String title : titles) {
            String t = Names.normalize(title);
            if (t.startsWith("(")) {
                continue;
            }
            Matcher m = YEAR_OF_TARGETS.matcher(t);
            if (m.find()) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** A year a header or a section row names ("Chỉ tiêu năm 2025", "Đến năm 2030"). */
    static Optional<Integer> yearIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = YEAR_OF_TARGETS.matcher(Names.normalize(text));
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
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
