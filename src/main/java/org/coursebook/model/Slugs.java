package org.coursebook.model;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles and headings into ids and file names. */
public final class Slugs {
    private Slugs() {}

    public static String slugify(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("['’]", "");
        s = s.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "section" : s;
    }
}
