package org.coursebook.model;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles and headings into ids and file names. */
public final class Slugs {
    private Slugs() {}

    /**
     * A heading's id from its text, by the rule GitHub and mdBook use, so that links written for those keep working:
     * lower case; letters, digits, combining marks, '-' and '_' kept (accented and Cyrillic letters too); each
     * white-space character becomes '-'; everything else is dropped ("What's new? (2024)" → "whats-new-2024").
     * "section" when nothing is left.
     */
    public static String headingId(String text) {
        StringBuilder sb = new StringBuilder();
        text.strip().toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || Character.getType(cp) == Character.NON_SPACING_MARK) {
                sb.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp)) {
                sb.append('-');
            }
        });
        return sb.length() == 0 ? "section" : sb.toString();
    }

    /** A file stem or title as an ASCII-only name: marks stripped, runs of other characters one '-'. */
    public static String slugify(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("['’]", "");
        s = s.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "section" : s;
    }
}
