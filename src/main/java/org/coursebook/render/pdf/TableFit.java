package org.coursebook.render.pdf;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Tree;

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
            List<Block> blocks = new ArrayList<>(ch.blocks().size());
            boolean changed = false;
            for (Block b : ch.blocks()) {
                Block fitted = (Block) fit(b, 1f, 0f, page, diag);
                changed |= fitted != b;
                blocks.add(fitted);
            }
            out.add(changed ? ch.withBlocks(blocks) : ch);
        }
        return out;
    }

    /**
     * The node with every table in it fitted. {@code scale} is the type of the box it stands in relative to the
     * body's (a sidebar's is smaller), {@code indentPt} how far the boxes around it take it in.
     */
    private static Node fit(Node n, float scale, float indentPt, PageGeometry page, Diagnostics diag) {
        if (n instanceof Inline) {
            if (!(n instanceof org.coursebook.model.Element)) return n;
        }
        float fontPt = scale * BODY_PT;
        float inner = indentPt;
        float innerScale = scale;
        if (n instanceof Block.Quote) inner += 4 * fontPt;
        else if (n instanceof Block.ListBlock) inner += 1.6f * fontPt;
        else if (n instanceof Block.Cell) inner += 2 * PAD_EM * fontPt;
        else if (n instanceof Block.Sidebar) {
            // the sidebar's box: 1 em of padding a side in its own smaller type, and a 1 pt rule
            innerScale = SIDEBAR_EM;
            inner += 2 * SIDEBAR_EM * BODY_PT + 2f;
        } else if (n instanceof org.coursebook.model.Element e) {
            switch (e.tag()) {
                case "blockquote" -> inner += 4 * fontPt;
                case "ul", "ol" -> inner += 1.6f * fontPt;
                case "dd" -> inner += 1.5f * fontPt;
                case "td", "th" -> inner += 2 * PAD_EM * fontPt;
                default -> { }
            }
        }
        List<Node> kids = n.children();
        List<Node> fittedKids = null;
        for (int i = 0; i < kids.size(); i++) {
            Node k = fit(kids.get(i), innerScale, inner, page, diag);
            if (k != kids.get(i)) {
                if (fittedKids == null) fittedKids = new ArrayList<>(kids);
                fittedKids.set(i, k);
            }
        }
        Node node = fittedKids == null ? n : n.withChildren(fittedKids);
        if (node instanceof Block.Table t) return table(t, scale, indentPt, page, diag);
        return node;
    }

    private static Block.Table table(Block.Table table, float scale, float indentPt, PageGeometry page, Diagnostics diag) {
        float indent = indentPt + 2 * BODY_MARGIN_PT;
        Columns cols = Columns.of(table);
        if (cols.count() == 0) return table;
        Plan plan = plan(cols, scale * BODY_PT * TABLE_EM, page.textWidthPt() - indent, page.wideTextWidthPt() - indent);
        Block.Table t = markLongWords(table);
        if (plan.layout() == Layout.AS_IS) return t;
        t = apply(t, plan, page.wideTextWidthPt() - indent);
        if (plan.fontPt() < MIN_LEGIBLE_PT) {
            diag.warning(table.pos(), String.format(Locale.ROOT, "the table is too wide for the page: its %d columns fit a landscape page "
                            + "only in %.1f pt type, smaller than the %.0f pt that is legible in print", cols.count(),
                            plan.fontPt(), MIN_LEGIBLE_PT),
                    "split it into two tables, shorten its longest words (" + cols.longestWord()
                            + "), or turn it round so that its rows become columns");
        }
        return t;
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

    private static Block.Table apply(Block.Table table, Plan plan, float widePt) {
        Block.Table t = table;
        if (plan.layout() == Layout.SMALLER || plan.layout() == Layout.LANDSCAPE_SMALLER) {
            String size = String.format(Locale.ROOT, "font-size: %.1fpt", plan.fontPt());
            List<Block.Section> sections = new ArrayList<>();
            for (Block.Section s : t.sections()) {
                List<Block.Row> rows = new ArrayList<>();
                for (Block.Row r : s.rows()) rows.add(r.withAttrs(r.attrs().with("style", size)));
                sections.add(new Block.Section(s.kind(), rows, s.pos()));
            }
            t = t.withSections(sections);
        }
        // openhtmltopdf lays out every page at the width of the first: the landscape page's width is given here
        String wrapStyle = plan.layout() == Layout.LANDSCAPE || plan.layout() == Layout.LANDSCAPE_SMALLER
                ? "width: " + PageGeometry.pts(widePt) : "";
        return t.withFit(new Block.Table.Fit(plan.layout().name(), plan.fontPt(), wrapStyle));
    }

    /**
     * Lets a cell with a word of more than {@value #LONG_WORD} characters break it anywhere, as a last resort
     * against openhtmltopdf cutting off what passes the page's edge. Only such cells: were every cell allowed
     * to, the table layout would count each column's least width as one letter and split years, numbers and
     * headers ("191/3", "10./2").
     */
    private static Block.Table markLongWords(Block.Table table) {
        boolean marked = false;
        List<Block.Section> sections = new ArrayList<>();
        for (Block.Section s : table.sections()) {
            List<Block.Row> rows = new ArrayList<>();
            for (Block.Row r : s.rows()) {
                List<Block.Cell> cells = new ArrayList<>();
                for (Block.Cell c : r.cells()) {
                    if (java.util.Arrays.stream(Tree.plainText(c.content()).split("[\\s\\u200B]+"))
                            .anyMatch(w -> w.codePointCount(0, w.length()) > LONG_WORD)) {
                        c = c.withAttrs(c.attrs().withClass(BREAK_CLASS));
                        marked = true;
                    }
                    cells.add(c);
                }
                rows.add(new Block.Row(cells, r.attrs(), r.pos()));
            }
            sections.add(new Block.Section(s.kind(), rows, s.pos()));
        }
        return marked ? table.withSections(sections) : table;
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

        static Columns of(Block.Table table) {
            Columns cols = new Columns();
            List<int[]> spans = new ArrayList<>(); // per column: rows still covered by a rowspan above
            for (Block.Row tr : table.rows()) {
                int c = 0;
                for (Block.Cell cell : tr.cells()) {
                    while (c < spans.size() && spans.get(c)[0] > 0) c++;
                    int colspan = span(cell.attrs().get("colspan")), rowspan = span(cell.attrs().get("rowspan"));
                    float scale = cell.header() ? HEAD_EM : 1f;
                    Word word = new Word();
                    measure(cell.content(), cell.header() ? TextWidths.Face.SANS_BOLD : TextWidths.Face.SERIF, word);
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
        private static void measure(List<? extends Node> nodes, TextWidths.Face face, Word word) {
            for (Node n : nodes) {
                if (n instanceof Inline.Text t) {
                    text(t.text(), face, word);
                } else if (n instanceof Inline.Code c) {
                    text(c.text(), TextWidths.Face.MONO, word);
                } else if (n instanceof Inline.NoteRef r) {
                    text(Integer.toString(r.number()), face, word);
                } else if (n instanceof Inline.Wbr || n instanceof Inline.LineBreak || n instanceof Inline.Image) {
                    word.end(); // an image's width is not known here; its own limit keeps it in the cell
                } else if (n instanceof Inline.Strong s) {
                    measure(s.content(), bold(face), word);
                } else if (n instanceof org.coursebook.model.Element e) {
                    switch (e.tag()) {
                        case "wbr", "br", "img" -> word.end();
                        case "code", "kbd", "samp", "tt" -> measure(e.content(), TextWidths.Face.MONO, word);
                        case "strong", "b" -> measure(e.content(), bold(face), word);
                        default -> measure(e.content(), face, word);
                    }
                } else {
                    measure(n.children(), face, word);
                }
            }
        }

        private static TextWidths.Face bold(TextWidths.Face face) {
            return face == TextWidths.Face.SANS || face == TextWidths.Face.SANS_BOLD ? TextWidths.Face.SANS_BOLD
                    : face == TextWidths.Face.MONO ? face : TextWidths.Face.SERIF_BOLD;
        }

        private static void text(String s, TextWidths.Face face, Word word) {
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
