package org.coursebook.render;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

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
    static final int MIN_COLUMNS = 16;
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
     * Wraps the listings of a whole XHTML document (an EPUB content document) and returns it; a document without
     * listings is returned as it is, unparsed.
     */
    public static String wrapXhtml(String xhtml, int columns) {
        if (!xhtml.contains("<pre class=\"code\"")) return xhtml;
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(xhtml, "", org.jsoup.parser.Parser.xmlParser());
        doc.outputSettings().syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
                .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml).prettyPrint(false).charset("UTF-8");
        return wrap(doc, columns) == 0 ? xhtml : doc.outerHtml();
    }

    /** Wraps every listing under {@code root} (see the class comment); returns the number of lines wrapped. */
    public static int wrap(Element root, int columns) {
        int wrapped = 0;
        for (Element pre : root.select("pre.code")) {
            int cols = Math.max(MIN_COLUMNS, columns - inset(pre, root));
            for (Element line : pre.select("span.line")) {
                if (wrapLine(line, cols)) wrapped++;
            }
        }
        return wrapped;
    }

    /** Columns taken by the boxes the listing sits in (lists, quotations, sidebars, pull-quotes). */
    static int inset(Element pre, Element root) {
        int cols = 0;
        for (Element a = pre.parent(); a != null && a != root; a = a.parent()) {
            switch (a.normalName()) {
                case "ul", "ol", "dd" -> cols += 4;     // padding-left 1.6em, margin 1.5em
                case "blockquote" -> cols += a.parent() != null && a.parent().hasClass("pullquote") ? 0 : 9; // margin 2em each side
                case "aside" -> cols += a.hasClass("sidebar") ? 5 : 0; // padding 1em each side and the border
                // margins 1.5em each side, and the quotation set at 1.2em: its code too
                case "figure" -> cols += a.hasClass("pullquote") ? 20 : 0;
                default -> { }
            }
        }
        return cols;
    }

    /** Wraps one line in place; false if it fits. */
    static boolean wrapLine(Element line, int columns) {
        String text = line.wholeText();
        List<Integer> breaks = breaks(text, columns);
        if (breaks.isEmpty()) return false;
        String indent = indent(text, columns);
        List<Element> tails = new ArrayList<>();
        for (int i = breaks.size() - 1; i >= 0; i--) tails.add(0, splitOff(line, breaks.get(i)));
        for (Element tail : tails) {
            line.appendChild(new TextNode("\n"));
            line.appendElement("span").addClass("wrap-mark").attr("aria-hidden", "true").text(indent + MARK + " ");
            for (Node n : new ArrayList<>(tail.childNodes())) line.appendChild(n);
        }
        return true;
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

    /**
     * Moves everything after text offset {@code at} of {@code el} into a shallow copy of {@code el}, which it
     * returns; an element that straddles the offset is split the same way, so each half keeps its classes.
     */
    static Element splitOff(Element el, int at) {
        Element tail = el.shallowClone();
        List<Node> kids = new ArrayList<>(el.childNodes());
        int acc = 0, i = 0;
        for (; i < kids.size(); i++) {
            Node k = kids.get(i);
            int len = length(k);
            if (acc >= at) break;
            if (acc + len <= at) {
                acc += len;
                continue;
            }
            if (k instanceof TextNode t) {
                t.splitText(at - acc);
            } else if (k instanceof Element e) {
                e.after(splitOff(e, at - acc));
            }
            kids = new ArrayList<>(el.childNodes());
            i++;
            break;
        }
        for (int j = i; j < kids.size(); j++) tail.appendChild(kids.get(j));
        return tail;
    }

    private static int length(Node n) {
        if (n instanceof TextNode t) return t.getWholeText().length();
        if (n instanceof Element e) return e.wholeText().length();
        return 0;
    }
}
