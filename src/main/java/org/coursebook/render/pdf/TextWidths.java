package org.coursebook.render.pdf;

import org.apache.fontbox.afm.FontMetrics;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;

/**
 * Estimates how wide a string is set, in ems, from the Adobe font metrics of the standard PDF fonts that ship
 * with PDFBox: Times for the text face and Helvetica for the sans-serif face, whose widths the Liberation fonts
 * copy glyph for glyph (they were drawn metric-compatible with Times New Roman and Arial). Characters those
 * metrics lack are estimated: none for combining marks and format characters, a full em for East Asian wide
 * characters, and for any other character a generous width for its case (Cyrillic, Greek and the like: capitals
 * 0.76 em, small letters 0.6 em, others 0.62 em). Monospaced text is 0.6 em a character. Thread-safe.
 */
final class TextWidths {
    /** The faces a table's cells are set in. */
    enum Face {
        SERIF("Times-Roman"), SERIF_BOLD("Times-Bold"), SANS("Helvetica"), SANS_BOLD("Helvetica-Bold"), MONO(null);

        private final String afm;

        Face(String afm) {
            this.afm = afm;
        }
    }

    private static final float CAPITAL = 0.76f, SMALL = 0.6f, OTHER = 0.62f, WIDE = 1.0f, MONO = 0.6f;
    private static final java.util.Map<Face, FontMetrics> METRICS = new java.util.EnumMap<>(Face.class);

    static {
        for (Face f : Face.values()) if (f.afm != null) METRICS.put(f, Standard14Fonts.getAFM(f.afm));
    }

    private TextWidths() {}

    /** The advance width of {@code s} in {@code face}, in ems (multiply by the font size for points). */
    static float em(String s, Face face) {
        float w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += em(cp, face);
            i += Character.charCount(cp);
        }
        return w;
    }

    static float em(int cp, Face face) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || type == Character.CONTROL) return 0;
        if (isWide(cp)) return WIDE;
        if (face == Face.MONO) return MONO;
        String name = GlyphList.getAdobeGlyphList().codePointToName(cp);
        float w = name == null || ".notdef".equals(name) ? 0 : METRICS.get(face).getCharacterWidth(name) / 1000f;
        if (w > 0) return w;
        return Character.isUpperCase(cp) ? CAPITAL : Character.isLowerCase(cp) ? SMALL : OTHER;
    }

    /** East Asian wide and fullwidth characters, emoji: a full em (UAX #11, roughly). */
    private static boolean isWide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1FAFF || cp >= 0x20000 && cp <= 0x3FFFD;
    }
}
