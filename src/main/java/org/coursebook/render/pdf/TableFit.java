package org.coursebook.render.pdf;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.read.XhtmlCleaner;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits every table of the print book to its page, so that no column is lost: openhtmltopdf lays a table out at
 * the width its longest words need and silently cuts off whatever passes the edge of the page. From a table's
 * content (its columns and, per column, the longest word that cannot break, measured with {@link TextWidths})
 * and the text block's width ({@link PageGeometry}), each table is set
 * <ol>
 * <li>as the stylesheet sets it, when it fits;</li>
 * <li>else in smaller type, down to {@value #MIN_LEGIBLE_PT} pt, with tighter cells ({@code class="table-fit"},
 *     a font size on each row);</li>
 * <li>else on a landscape page of its own ({@code class="table-landscape"} on its {@code .table-wrap}, which
 *     print.css puts on the {@value PageGeometry#WIDE} page), in the largest type that fits there;</li>
 * <li>and if even that is below {@value #MIN_LEGIBLE_PT} pt, in the type that fits, with a warning at the
 *     table's line.</li>
 * </ol>
 * The measures mirror base.css and print.css ({@value #BODY_PT} pt text, tables at {@value #TABLE_EM} em, header
 * cells at {@value #HEAD_EM} em, cells padded {@value #PAD_EM} em a side, the first column at least 1.2 in); the
 * estimate errs wide by {@value #SAFETY}, and print.css lets a cell break a word anywhere as a last resort.
 */
final class TableFit {
    static final float BODY_PT = 10.5f, TABLE_EM = 0.88f, HEAD_EM = 0.95f, SIDEBAR_EM = 0.92f;
    static final float PAD_EM = 0.6f, TIGHT_PAD_EM = 0.25f, FIRST_COLUMN_PT = 1.2f * 72f;
    static final float MIN_LEGIBLE_PT = 7f;
    static final float SAFETY = 1.06f;
    /** openhtmltopdf's default body margin, 8 CSS pixels a side, which the stylesheets keep. */
    static final float BODY_MARGIN_PT = 6f;
    /** A word longer than this (in characters) may break anywhere in a narrowed table's cell. */
    static final int LONG_WORD = 12;
    static final String BREAK_CLASS = "break-anywhere";
    static final String FIT_CLASS = "table-fit", LANDSCAPE_CLASS = "table-landscape", WRAP_CLASS = "table-wrap";

    /** How a table is set: its layout and the size of its cells' type in points. */
    record Plan(Layout layout, float fontPt) {}

    enum Layout {
        /** As the stylesheet sets it. */
        AS_IS,
        /** Upright, in smaller type with tighter cells. */
        SMALLER,
        /** On a landscape page, with the stylesheet's cells and type. */
        LANDSCAPE,
        /** On a landscape page, in smaller type with tighter cells. */
        LANDSCAPE_SMALLER
    }

    private TableFit() {}

    /** The book with every table that does not fit its page narrowed or turned; problems are reported to {@code diag}. */
    static Book apply(Book book, PageGeometry page, Diagnostics diag) {
        return book.withParts(fit(book.frontMatter(), page, diag), fit(book.chapters(), page, diag),
                fit(book.backMatter(), page, diag));
    }

    private static List<Chapter> fit(List<Chapter> parts, PageGeometry page, Diagnostics diag) {
        List<Chapter> out = new ArrayList<>(parts.size());
        for (Chapter ch : parts) {
            boolean changed = false;
            List<Block> blocks = new ArrayList<>(ch.blocks().size());
            for (Block b : ch.blocks()) {
                Block fitted = b;
                if (b instanceof Block.Prose p && p.xhtml().contains("<table")) {
                    fitted = new Block.Prose(fit(p.xhtml(), 1f, 0f, p.pos(), page, diag), p.pos());
                } else if (b instanceof Block.Sidebar s && s.xhtml().contains("<table")) {
                    // the sidebar's box: 1 em of padding a side in its own smaller type, and a 1 pt rule
                    float indent = 2 * SIDEBAR_EM * BODY_PT + 2f;
                    fitted = new Block.Sidebar(s.titleHtml(), fit(s.xhtml(), SIDEBAR_EM, indent, s.pos(), page, diag), s.pos());
                }
                changed |= fitted != b;
                blocks.add(fitted);
            }
            out.add(changed ? ch.withBlocks(blocks) : ch);
        }
        return out;
    }

    private static String fit(String xhtml, float scale, float indentPt, SourcePos pos, PageGeometry page, Diagnostics diag) {
        Element body = XhtmlCleaner.parse(xhtml);
        boolean changed = false;
        for (Element table : body.select("table")) {
            float indent = indentPt + indent(table, scale * BODY_PT) + 2 * BODY_MARGIN_PT;
            Columns cols = Columns.of(table);
            if (cols.count() == 0) continue;
            Plan plan = plan(cols, scale * BODY_PT * TABLE_EM, page.textWidthPt() - indent, page.wideTextWidthPt() - indent);
            changed |= markLongWords(table);
            if (plan.layout() == Layout.AS_IS) continue;
            changed = true;
            apply(table, plan, page.wideTextWidthPt() - indent);
            if (plan.fontPt() < MIN_LEGIBLE_PT) {
                diag.warning(pos, String.format(Locale.ROOT, "the table is too wide for the page: its %d columns fit a landscape page "
                                + "only in %.1f pt type, smaller than the %.0f pt that is legible in print", cols.count(),
                                plan.fontPt(), MIN_LEGIBLE_PT),
                        "split it into two tables, shorten its longest words (" + cols.longestWord()
                                + "), or turn it round so that its rows become columns");
            }
        }
        return changed ? XhtmlCleaner.toXhtml(body) : xhtml;
    }

    /**
     * How to set a table whose columns are {@code cols}, with type of {@code basePt} points, in a text block
     * {@code uprightPt} wide on the upright page and {@code widePt} wide on the landscape page.
     */
    static Plan plan(Columns cols, float basePt, float uprightPt, float widePt) {
        if (cols.widthPt(basePt, PAD_EM, true) * SAFETY <= uprightPt) return new Plan(Layout.AS_IS, basePt);
        float tightEm = cols.widthPt(1f, TIGHT_PAD_EM, false) * SAFETY; // points per point of type
        float upright = round(uprightPt / tightEm);
        if (upright >= MIN_LEGIBLE_PT) return new Plan(Layout.SMALLER, Math.min(basePt, upright));
        if (cols.widthPt(basePt, PAD_EM, true) * SAFETY <= widePt) return new Plan(Layout.LANDSCAPE, basePt);
        return new Plan(Layout.LANDSCAPE_SMALLER, Math.min(basePt, round(widePt / tightEm)));
    }

    /** Type sizes in tenths of a point, rounded down (so the type fits). */
    private static float round(float pt) {
        return (float) Math.floor(pt * 10f) / 10f;
    }

    private static void apply(Element table, Plan plan, float widePt) {
        if (plan.layout() == Layout.SMALLER || plan.layout() == Layout.LANDSCAPE_SMALLER) {
            table.addClass(FIT_CLASS);
            String size = String.format(Locale.ROOT, "font-size: %.1fpt", plan.fontPt());
            for (Element tr : table.select("tr")) tr.attr("style", size);

        }
        if (plan.layout() == Layout.LANDSCAPE || plan.layout() == Layout.LANDSCAPE_SMALLER) {
            Element wrap = table.parent();
            if (wrap == null || !wrap.hasClass(WRAP_CLASS)) {
                wrap = new Element("div").addClass(WRAP_CLASS);
                table.before(wrap);
                wrap.appendChild(table);
            }
            // openhtmltopdf lays out every page at the width of the first: the landscape page's width is given here
            wrap.addClass(LANDSCAPE_CLASS).attr("style", "width: " + PageGeometry.pts(widePt));
        }
    }

    /**
     * Lets a cell with a word of more than {@value #LONG_WORD} characters break it anywhere, as a last resort
     * against openhtmltopdf cutting off what passes the page's edge. Only such cells: were every cell allowed
     * to, the table layout would count each column's least width as one letter and split years, numbers and
     * headers ("191/3", "10./2"). Returns whether a cell was marked.
     */
    private static boolean markLongWords(Element table) {
        boolean marked = false;
        for (Element cell : table.select("td, th")) {
            if (java.util.Arrays.stream(cell.text().split("[\\s\\u200B]+")).anyMatch(w -> w.codePointCount(0, w.length()) > LONG_WORD)) {
                cell.addClass(BREAK_CLASS);
                marked = true;
            }
        }
        return marked;
    }

    /** How far the containers around a table inside a fragment indent it, in points (lists, block quotes). */
    private static float indent(Element table, float fontPt) {
        float pt = 0;
        for (Element a = table.parent(); a != null && !a.normalName().equals("body"); a = a.parent()) {
            switch (a.normalName()) {
                case "blockquote" -> pt += 4 * fontPt;
                case "ul", "ol" -> pt += 1.6f * fontPt;
                case "dd" -> pt += 1.5f * fontPt;
                case "td", "th" -> pt += 2 * PAD_EM * fontPt;
                default -> { }
            }
        }
        return pt;
    }

    /**
     * A table's columns, each as the cells in it: per cell the longest word that cannot break, in ems of the
     * table's type (a header cell's type is {@value #HEAD_EM} of it), and the cell's type relative to the table's.
     */
    static final class Columns {
        private final List<List<float[]>> cells = new ArrayList<>();
        private String longest = "";
        private int longestColumn;
        private float longestEm;

        int count() {
            return cells.size();
        }

        /** The table's least width with type of {@code fontPt} and cells padded {@code padEm} a side, in points. */
        float widthPt(float fontPt, float padEm, boolean firstColumnMinimum) {
            float total = 0;
            for (int c = 0; c < cells.size(); c++) {
                float col = 0;
                for (float[] cell : cells.get(c)) col = Math.max(col, (cell[0] + 2 * padEm * cell[1]) * fontPt);
                if (c == 0 && firstColumnMinimum) col = Math.max(col, FIRST_COLUMN_PT);
                total += col;
            }
            return total;
        }

        /** The longest word that cannot break, and its column, for the warning's hint. */
        String longestWord() {
            String w = longest.length() > 40 ? longest.substring(0, 39) + "…" : longest;
            return "column " + (longestColumn + 1) + ": '" + w + "'";
        }

        static Columns of(Element table) {
            Columns cols = new Columns();
            List<int[]> spans = new ArrayList<>(); // per column: rows still covered by a rowspan above
            for (Element tr : table.select("tr")) {
                if (tr.closest("table") != table) continue;
                int c = 0;
                for (Element cell : tr.children()) {
                    if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) continue;
                    while (c < spans.size() && spans.get(c)[0] > 0) c++;
                    int colspan = span(cell.attr("colspan")), rowspan = span(cell.attr("rowspan"));
                    float scale = cell.normalName().equals("th") ? HEAD_EM : 1f;
                    Word word = new Word();
                    measure(cell, cell.normalName().equals("th") ? TextWidths.Face.SANS_BOLD : TextWidths.Face.SERIF, word);
                    word.end();
                    for (int k = 0; k < colspan; k++) {
                        while (cols.cells.size() <= c + k) cols.cells.add(new ArrayList<>());
                        while (spans.size() <= c + k) spans.add(new int[] {0});
                        cols.cells.get(c + k).add(new float[] {word.maxEm * scale / colspan, scale});
                        spans.get(c + k)[0] = rowspan;
                    }
                    if (word.maxEm * scale > cols.longestEm) {
                        cols.longestEm = word.maxEm * scale;
                        cols.longest = word.maxText;
                        cols.longestColumn = c;
                    }
                    c += colspan;
                }
                for (int[] s : spans) if (s[0] > 0) s[0]--;
            }
            return cols;
        }

        private static int span(String attr) {
            try {
                return Math.max(1, Math.min(1000, Integer.parseInt(attr.strip())));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        /** Walks a cell's content, measuring the words between break opportunities in the face each is set in. */
        private static void measure(Element el, TextWidths.Face face, Word word) {
            for (Node n : el.childNodes()) {
                if (n instanceof TextNode t) {
                    String s = t.getWholeText();
                    for (int i = 0; i < s.length(); ) {
                        int cp = s.codePointAt(i);
                        i += Character.charCount(cp);
                        if (Character.isWhitespace(cp) && cp != 0xA0 && cp != 0x202F) {
                            word.end();
                        } else {
                            word.add(cp, face);
                            // the line breaker may break after a hyphen between letters, or at a zero-width space
                            if (cp == 0x200B || cp == '-' && i < s.length() && Character.isLetter(s.codePointAt(i))
                                    && word.text.length() > 1) word.end();
                        }
                    }
                } else if (n instanceof Element e) {
                    switch (e.normalName()) {
                        case "wbr", "br" -> word.end();
                        case "img" -> word.end(); // its width is not known here; its own limit keeps it in the cell
                        case "code", "kbd", "samp", "tt" -> measure(e, TextWidths.Face.MONO, word);
                        case "strong", "b" -> measure(e, face == TextWidths.Face.SANS || face == TextWidths.Face.SANS_BOLD
                                ? TextWidths.Face.SANS_BOLD : face == TextWidths.Face.MONO ? face : TextWidths.Face.SERIF_BOLD, word);
                        default -> measure(e, face, word);
                    }
                }
            }
        }
    }

    /** The word being measured and the longest so far. */
    private static final class Word {
        final StringBuilder text = new StringBuilder();
        float em, maxEm;
        String maxText = "";

        void add(int cp, TextWidths.Face face) {
            if (cp != 0) text.appendCodePoint(cp);
            em += TextWidths.em(cp, face);
        }

        void end() {
            if (em > maxEm) {
                maxEm = em;
                maxText = text.toString();
            }
            em = 0;
            text.setLength(0);
        }
    }
}
