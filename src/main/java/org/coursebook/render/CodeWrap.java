package org.coursebook.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the long lines of code listings at a given number of columns, with a visible continuation mark: a line of
 * a listing ({@code pre.code span.line}, as {@code read.Listings} writes them) wider than the measure is cut
 * into pieces, each after the first on a line of its own that starts with the line's indentation and
 * {@value #MARK} in a {@code span.wrap-mark} marked {@code aria-hidden="true"} (a screen reader reads the line
 * as written). Lines break after a space where they can, so that every word of the code stays whole; a token
 * too long for a line of its own breaks after {@code / , ; = & ? | ( [ {} in the second half of the line, and
 * only failing that at the measure. Nothing is dropped: the pieces hold every character of the line, in order.
 *
 * <p>The print renderers know their measure (text block width and code size) and pass its columns; the EPUB,
 * whose screens vary, wraps at {@link #EPUB_COLUMNS} and leaves the rest to {@code white-space: pre-wrap}.
 * A listing nested in a list, a quotation, a sidebar or a pull-quote gets fewer columns (the insets of
 * {@code base.css}, rounded up).
 */
public final class CodeWrap {
    /** The continuation mark, U+21AA (drawn from DejaVu Sans Mono in print: Liberation Mono lacks it). */
    public static final String MARK = "\u21AA";
    /** The EPUB's wrap column: fits a phone held upright at the usual text sizes; pre-wrap does the rest. */
    public static final int EPUB_COLUMNS = 64;
    /** Advance of Liberation Mono (and nearly DejaVu Sans Mono) in em: 1229/2048. */
    public static final double MONO_ADVANCE_EM = 1229.0 / 2048;
    /** {@code pre.code} in base.css: horizontal padding on each side in em of the code size, and the left rule in pt. */
    public static final double PADDING_EM = 0.8, RULE_PT = 3;
    /**
     * openhtmltopdf's user-agent stylesheet gives {@code body} a margin of 8px (6 pt), which print.css and
     * handout.css keep: the print text is that much narrower on each side than the page's margins say.
     */
    public static final double PRINT_BODY_MARGIN_PT = 6;
    /** The fewest columns a listing is wrapped at, however narrow its box. */
    public static final int MIN_COLUMNS = 16;
    private static final String BREAK_AFTER = "/,;=&?|([{";

    private CodeWrap() {}

    /**
     * The columns of code that fit in a text block: {@code measurePt} wide, code set at {@code codeSizePt} in
     * Liberation Mono inside {@code pre.code}'s padding and rule, less one column to spare.
     */
    public static int columns(double measurePt, double codeSizePt) {
        double inner = measurePt - 2 * PADDING_EM * codeSizePt - RULE_PT;
        return Math.max(MIN_COLUMNS, (int) Math.floor(inner / (MONO_ADVANCE_EM * codeSizePt)) - 1);
    }

    /**
     * A code listing's XHTML (the shape {@code read.Listings} documents: a box, an optional caption and language
     * label, {@code pre.code} with one {@code span.line} per source line, highlighted runs in spans), with every
     * line longer than {@code columns} wrapped (see the class comment); {@link Integer#MAX_VALUE} wraps nothing.
     *
     * @param info        the fence's info string
     * @param code        the code as written
     * @param captionXhtml the caption as inline XHTML, or null for none
     */
    public static String listing(String info, String code, String captionXhtml, int columns) {
        org.coursebook.read.Highlighter.Language language = org.coursebook.read.Highlighter.language(info);
        List<String> lines = org.coursebook.read.Listings.lines(code);
        StringBuilder sb = new StringBuilder();
        String box = captionXhtml == null ? "div" : "figure";
        sb.append('<').append(box).append(" class=\"listing\">");
        if (captionXhtml != null) sb.append("<figcaption>").append(captionXhtml).append("</figcaption>");
        if (language != null) sb.append("<p class=\"listing-lang\">").append(XhtmlWriter.esc(language.label(), false)).append("</p>");
        sb.append("<pre class=\"code\"><code");
        if (language != null) {
            sb.append(" class=\"language-").append(XhtmlWriter.esc(org.coursebook.read.Highlighter.name(info)
                    .toLowerCase(java.util.Locale.ROOT), true)).append('"');
        }
        sb.append('>');
        List<List<org.coursebook.read.Highlighter.Run>> highlighted = org.coursebook.read.Highlighter.highlight(language, lines);
        for (int i = 0; i < highlighted.size(); i++) {
            if (i > 0) sb.append('\n');
            sb.append("<span class=\"line\">");
            line(highlighted.get(i), columns, sb);
            sb.append("</span>");
        }
        sb.append("</code></pre></").append(box).append('>');
        return sb.toString();
    }

    /** One line's runs, cut where {@link #breaks} says, each piece after the first behind its indentation and mark. */
    private static void line(List<org.coursebook.read.Highlighter.Run> runs, int columns, StringBuilder sb) {
        StringBuilder all = new StringBuilder();
        for (org.coursebook.read.Highlighter.Run r : runs) all.append(r.text());
        String text = all.toString();
        List<Integer> cuts = columns == Integer.MAX_VALUE ? List.of() : breaks(text, columns);
        String indent = cuts.isEmpty() ? "" : indent(text, columns);
        int at = 0, next = 0;
        for (org.coursebook.read.Highlighter.Run r : runs) {
            int start = at, end = at + r.text().length();
            int from = start;
            while (next < cuts.size() && cuts.get(next) < end) {
                int cut = cuts.get(next);
                if (cut > from) run(r.cls(), text.substring(from, cut), sb);
                sb.append("\n<span class=\"wrap-mark\" aria-hidden=\"true\">").append(indent).append(MARK).append(" </span>");
                from = cut;
                next++;
            }
            if (end > from) run(r.cls(), text.substring(from, end), sb);
            at = end;
        }
    }

    private static void run(String cls, String text, StringBuilder sb) {
        if (cls == null) {
            sb.append(XhtmlWriter.esc(text, false));
        } else {
            sb.append("<span class=\"").append(cls).append("\">").append(XhtmlWriter.esc(text, false)).append("</span>");
        }
    }

    /** The indentation a continuation takes: the line's own, unless that leaves too little room. */
    static String indent(String text, int columns) {
        int n = 0;
        while (n < text.length() && text.charAt(n) == ' ') n++;
        return n + 2 <= columns / 2 ? " ".repeat(n) : "";
    }

    /**
     * Where to cut {@code text} (character offsets, increasing) so that the first piece takes at most
     * {@code columns} columns and each further piece, behind its indentation and mark, the same.
     */
    static List<Integer> breaks(String text, int columns) {
        int n = text.length();
        int[] col = new int[n + 1];
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int w = width(cp);
            int len = Character.charCount(cp);
            for (int k = 1; k <= len; k++) col[i + k] = col[i] + (k == len ? w : 0);
            i += len;
        }
        List<Integer> out = new ArrayList<>();
        if (col[n] <= columns) return out;
        int contCap = columns - indent(text, columns).length() - 2;
        int start = 0, cap = columns;
        while (col[n] - col[start] > cap) {
            int end = start;
            while (end < n && col[nextBoundary(text, end)] - col[start] <= cap) end = nextBoundary(text, end);
            if (end == start) end = nextBoundary(text, start); // one character wider than the measure
            int brk = choose(text, col, start, end, cap, contCap);
            out.add(brk);
            start = brk;
            cap = contCap;
        }
        return out;
    }

    private static int choose(String text, int[] col, int start, int end, int cap, int contCap) {
        int n = text.length();
        int space = -1, content = start;
        while (content < end && text.charAt(content) == ' ') content++;
        // a space at a break may hang past the measure: the piece ends in it, invisible
        for (int p = Math.min(n - 1, end + 1); p > content; p--) {
            if (text.charAt(p - 1) == ' ' && text.charAt(p) != ' ' && col[p - 1] - col[start] <= cap) {
                space = p;
                break;
            }
        }
        if (space > 0) {
            int tokenEnd = text.indexOf(' ', space);
            if (tokenEnd < 0) tokenEnd = n;
            if (col[tokenEnd] - col[space] <= contCap) return space;
        }
        int half = start + (end - start) / 2;
        for (int p = end; p > half; p--) {
            if (p < n && BREAK_AFTER.indexOf(text.charAt(p - 1)) >= 0 && isBoundary(text, p)) return p;
        }
        return space > 0 ? space : end;
    }

    /** The offset after the character (with its combining marks) that starts at {@code i}. */
    private static int nextBoundary(String text, int i) {
        int j = i + Character.charCount(text.codePointAt(i));
        while (j < text.length() && !isBoundary(text, j)) j += Character.charCount(text.codePointAt(j));
        return j;
    }

    /** Whether a line may be cut before offset {@code p}: not inside a surrogate pair, not before a combining mark or joiner. */
    private static boolean isBoundary(String text, int p) {
        if (p <= 0 || p >= text.length()) return true;
        if (Character.isLowSurrogate(text.charAt(p))) return false;
        int cp = text.codePointAt(p);
        int type = Character.getType(cp);
        return type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && type != Character.COMBINING_SPACING_MARK
                && cp != 0x200D && !(cp >= 0xFE00 && cp <= 0xFE0F);
    }

    /** Columns a character takes: 0 for combining marks, 2 for East Asian wide characters and emoji, else 1. */
    static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        if (cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1F64F || cp >= 0x1F900 && cp <= 0x1F9FF
                || cp >= 0x20000 && cp <= 0x3FFFD) return 2;
        return 1;
    }

}
