package vn.tiendo.command.catalog;

import java.text.Normalizer;
import java.util.Locale;

/** Compares Vietnamese names the way people write them: without diacritics, case or repeated spaces. */
public final class Names {

    private Names() {
    }

    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
