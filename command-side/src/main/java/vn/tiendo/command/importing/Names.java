package vn.tiendo.command.importing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares Vietnamese names the way people write them: without diacritics, case, repeated or non-breaking spaces, or
 * the invisible characters copied documents carry.
 */
public final class Names {

    private Names() {
    }

    /** Zero-width characters that Word and web pages leave in copied names. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    /** Any run of spaces: ordinary, non-breaking (U+00A0), narrow or figure spaces, tabs, line breaks. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    public static String normalize(String text) {
        String visible = INVISIBLE.matcher(text).replaceAll("");
        String decomposed = Normalizer.normalize(visible.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return SPACES.matcher(decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
