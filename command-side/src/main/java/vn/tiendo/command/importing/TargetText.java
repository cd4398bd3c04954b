package vn.tiendo.command.importing;

import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a target or baseline as the plans write it — "≥ 60%", "Trên 90%", "Đạt: 7/7", "Mức B", "Chưa đạt: 96,4%" —
 * for a given measure kind. What it cannot read is left empty, and the caller keeps the words as text.
 */
public final class TargetText {

    public record Parsed(Comparator comparator, MeasuredValue value) {
    }

    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:[.,]\\d+)?)");
    private static final Pattern RATIO = Pattern.compile("(?<!\\d)(\\d++)\\s*+/\\s*+(\\d++)");
    private static final Pattern PLAIN_FIGURE = Pattern.compile("^(chua )?(dat)?[:. ]*(tren |duoi )?[<>=≥≤ ]*\\d+([.,]\\d+)?$");
    private static final Pattern LEVEL = Pattern.compile("muc\\s*([a-d])\\b");

    private TargetText() {
    }

    public static Optional<Parsed> parse(String text, MeasureKind kind) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String n = Names.normalize(text);
        Comparator comparator = n.contains("tren") || text.matches(".*>(?!=).*") ? Comparator.GT
                : text.contains("≤") ? Comparator.LE
                : n.contains("duoi") ? Comparator.LT
                : Comparator.GE;
        switch (kind) {
            case PERCENT, SCORE, COUNT, MONEY -> {
                // "≥ 60%", "Chưa đạt: 54.58/60% theo yêu cầu" (the first figure), "Đạt: Trên 0.5"; but not the
                // "1-5 cán bộ" of "Mỗi cơ quan ... có ít nhất 1-5 cán bộ": without "%" only a bare figure counts.
                Matcher m = NUMBER.matcher(text);
                if (!text.contains("%") && !PLAIN_FIGURE.matcher(n).matches() || !m.find()) {
                    return Optional.empty();
                }
                BigDecimal number = new BigDecimal(m.group(1).replace(',', '.'));
                MeasuredValue value = switch (kind) {
                    case PERCENT -> new MeasuredValue.Percent(number);
                    case COUNT -> new MeasuredValue.Count(number);
                    case MONEY -> new MeasuredValue.Money(number);
                    default -> new MeasuredValue.Score(number);
                };
                return Optional.of(new Parsed(comparator, value));
            }
            case PASS_FAIL -> {
                if (n.startsWith("chua dat")) {
                    return Optional.of(new Parsed(Comparator.EQ, new MeasuredValue.PassFail(false)));
                }
                return n.startsWith("dat") ? Optional.of(new Parsed(Comparator.EQ, new MeasuredValue.PassFail(true))) : Optional.empty();
            }
            case RATIO -> {
                Matcher m = RATIO.matcher(text);
                return m.find() ? Optional.of(new Parsed(Comparator.GE, new MeasuredValue.Ratio(new BigDecimal(m.group(1)),
                        new BigDecimal(m.group(2))))) : Optional.empty();
            }
            case LEVEL -> {
                Matcher m = LEVEL.matcher(n);
                return m.find() ? Optional.of(new Parsed(Comparator.GE, new MeasuredValue.Level(m.group(1).toUpperCase()))) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
