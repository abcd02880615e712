package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A block of a chapter's body: what stands on its own lines. Every block keeps the source position it was read
 * from. Blocks hold blocks (a quotation, a list item, a sidebar) or inlines (a paragraph, a heading); which, each
 * record says.
 */
public sealed interface Block extends Node permits Block.Heading, Block.Para, Block.ListBlock, Block.Item, Block.Quote,
        Block.Table, Block.Caption, Block.Section, Block.Row, Block.Cell, Block.Figure, Block.Listing, Block.Rule,
        Block.Sidebar, Block.PullQuote, Element {
    SourcePos pos();

    /**
     * The node type's name, as templates know it: "heading", "para", "list", "item", "quote", "table", "caption",
     * "section", "row", "cell", "figure", "listing", "rule", "sidebar", "pullquote", "element". A template
     * {@code styles/templates/nodes/<name>.ftl} writes every node of that type.
     */
    default String type() {
        if (this instanceof Heading) return "heading";
        if (this instanceof Para) return "para";
        if (this instanceof ListBlock) return "list";
        if (this instanceof Item) return "item";
        if (this instanceof Quote) return "quote";
        if (this instanceof Table) return "table";
        if (this instanceof Caption) return "caption";
        if (this instanceof Section) return "section";
        if (this instanceof Row) return "row";
        if (this instanceof Cell) return "cell";
        if (this instanceof Figure) return "figure";
        if (this instanceof Listing) return "listing";
        if (this instanceof Rule) return "rule";
        if (this instanceof Sidebar) return "sidebar";
        if (this instanceof PullQuote) return "pullquote";
        return "element";
    }

    /**
     * A heading of the chapter's text (level 2 to 6; the chapter's title is not a block).
     *
     * @param number "3.2" once numbered, empty before and for unnumbered headings
     */
    record Heading(int level, String id, List<Inline> content, String number, SourcePos pos) implements Block {
        public Heading {
            if (level < 2 || level > 6) throw new IllegalArgumentException("heading level " + level);
            Objects.requireNonNull(id);
            content = List.copyOf(content);
            number = number == null ? "" : number;
            Objects.requireNonNull(pos);
        }

        /** The heading as plain text (for the outline, the NCX, running heads). */
        public String text() {
            return Tree.plainText(content);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(content);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Heading(level, id, Node.inlines(children), number, pos);
        }

        public Heading withNumber(String n) {
            return new Heading(level, id, content, n, pos);
        }

        public Heading withId(String newId) {
            return new Heading(level, newId, content, number, pos);
        }
    }

    /** A paragraph. */
    record Para(List<Inline> content, Attrs attrs, SourcePos pos) implements Block {
        public Para {
            content = List.copyOf(content);
            Objects.requireNonNull(attrs);
            Objects.requireNonNull(pos);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(content);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Para(Node.inlines(children), attrs, pos);
        }
    }

    /** A bulleted ({@code ordered} false) or numbered list. {@code attrs} holds start, type, reversed, class… */
    record ListBlock(boolean ordered, Attrs attrs, List<Item> items, SourcePos pos) implements Block {
        public ListBlock {
            Objects.requireNonNull(attrs);
            items = List.copyOf(items);
            Objects.requireNonNull(pos);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(items);
        }

        @Override
        public Node withChildren(List<Node> children) {
            List<Item> out = new ArrayList<>();
            for (Node n : children) {
                if (!(n instanceof Item i)) throw new IllegalArgumentException("a list holds only items");
                out.add(i);
            }
            return new ListBlock(ordered, attrs, out, pos);
        }
    }

    /** An item of a list: inlines (a tight list) or blocks (a loose one), or both. */
    record Item(List<Node> content, Attrs attrs, SourcePos pos) implements Block {
        public Item {
            content = List.copyOf(content);
            Objects.requireNonNull(attrs);
            Objects.requireNonNull(pos);
        }

        @Override
        public List<Node> children() {
            return content;
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Item(children, attrs, pos);
        }
    }

    /** A block quotation with no attribution (a quotation with one is a {@link PullQuote}). */
    record Quote(List<Block> content, Attrs attrs, SourcePos pos) implements Block {
        public Quote {
            content = List.copyOf(content);
            Objects.requireNonNull(attrs);
            Objects.requireNonNull(pos);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(content);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Quote(Node.blocks(children), attrs, pos);
        }
    }

    /**
     * A table: its caption (null for none), its row groups, and the paragraph that gives its source (null for none),
     * which follows it. {@code fit} is how the print book sets it ({@link Fit#AS_IS} until the print renderer
     * measures it).
     */
    record Table(Attrs attrs, Caption caption, List<Section> sections, Para source, Fit fit, String number, SourcePos pos) implements Block {
        public Table {
            Objects.requireNonNull(attrs);
            sections = List.copyOf(sections);
            Objects.requireNonNull(fit);
            number = number == null ? "" : number;
            Objects.requireNonNull(pos);
        }

        /** A table not yet numbered. */
        public Table(Attrs attrs, Caption caption, List<Section> sections, Para source, Fit fit, SourcePos pos) {
            this(attrs, caption, sections, source, fit, "", pos);
        }

        /** "Table 6.2", or "" before the tables are numbered (and for a part whose tables are not). */
        public String label() {
            return number.isEmpty() ? "" : "Table " + number;
        }

        public Table withNumber(String n) {
            return new Table(attrs, caption, sections, source, fit, n, pos);
        }

        /** The caption as plain text, "" for none. */
        public String captionText() {
            return caption == null ? "" : Tree.plainText(caption.content()).strip();
        }

        /** Every row, head and body, in order. */
        public List<Row> rows() {
            List<Row> out = new ArrayList<>();
            for (Section s : sections) out.addAll(s.rows());
            return out;
        }

        @Override
        public List<Node> children() {
            List<Node> out = new ArrayList<>();
            if (caption != null) out.add(caption);
            out.addAll(sections);
            if (source != null) out.add(source);
            return out;
        }

        @Override
        public Node withChildren(List<Node> children) {
            Caption c = null;
            Para s = null;
            List<Section> secs = new ArrayList<>();
            for (Node n : children) {
                if (n instanceof Caption cap) c = cap;
                else if (n instanceof Section sec) secs.add(sec);
                else if (n instanceof Para p) s = p;
                else throw new IllegalArgumentException("a table holds a caption, row groups and a source line");
            }
            return new Table(attrs, c, secs, s, fit, number, pos);
        }

        public Table withFit(Fit f) {
            return new Table(attrs, caption, sections, source, f, number, pos);
        }

        public Table withSections(List<Section> s) {
            return new Table(attrs, caption, s, source, fit, number, pos);
        }

        /**
         * How the print book sets a table too wide for its page: {@code layout} AS_IS, SMALLER (type of
         * {@code fontPt} points, tighter cells), LANDSCAPE (on a landscape page) or LANDSCAPE_SMALLER;
         * {@code wrapStyle} is the CSS the landscape region gets (its width), "" for none.
         */
        public record Fit(String layout, float fontPt, String wrapStyle) {
            public static final Fit AS_IS = new Fit("AS_IS", 0f, "");

            public boolean smaller() {
                return layout.endsWith("SMALLER");
            }

            public boolean landscape() {
                return layout.startsWith("LANDSCAPE");
            }
        }
    }

    /** A caption, or a title: of a table, a listing, a sidebar. */
    record Caption(List<Inline> content, SourcePos pos) implements Block {
        public Caption {
            content = List.copyOf(content);
            Objects.requireNonNull(pos);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(content);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Caption(Node.inlines(children), pos);
        }
    }

    /** A group of a table's rows: {@code kind} "thead", "tbody" or "tfoot". */
    record Section(String kind, List<Row> rows, SourcePos pos) implements Block {
        public Section {
            Objects.requireNonNull(kind);
            rows = List.copyOf(rows);
            Objects.requireNonNull(pos);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(rows);
        }

        @Override
        public Node withChildren(List<Node> children) {
            List<Row> out = new ArrayList<>();
            for (Node n : children) {
                if (!(n instanceof Row r)) throw new IllegalArgumentException("a row group holds only rows");
                out.add(r);
            }
            return new Section(kind, out, pos);
        }
    }

    /** A table row. */
    record Row(List<Cell> cells, Attrs attrs, SourcePos pos) implements Block {
        public Row {
            cells = List.copyOf(cells);
            Objects.requireNonNull(attrs);
            Objects.requireNonNull(pos);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(cells);
        }

        @Override
        public Node withChildren(List<Node> children) {
            List<Cell> out = new ArrayList<>();
            for (Node n : children) {
                if (!(n instanceof Cell c)) throw new IllegalArgumentException("a row holds only cells");
                out.add(c);
            }
            return new Row(out, attrs, pos);
        }

        public Row withAttrs(Attrs a) {
            return new Row(cells, a, pos);
        }
    }

    /**
     * A table cell: a header cell ({@code th}) or a data cell. {@code attrs} holds colspan, rowspan, scope and the
     * alignment class ({@code align-left}, {@code align-center}, {@code align-right}).
     */
    record Cell(boolean header, List<Node> content, Attrs attrs, SourcePos pos) implements Block {
        public Cell {
            content = List.copyOf(content);
            Objects.requireNonNull(attrs);
            Objects.requireNonNull(pos);
        }

        /** "left", "center", "right" or "" as the column's delimiter row (or the author's HTML) asks. */
        public String align() {
            for (String c : attrs.get("class").split("\\s+")) if (c.startsWith("align-")) return c.substring(6);
            return "";
        }

        @Override
        public List<Node> children() {
            return content;
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Cell(header, children, attrs, pos);
        }

        public Cell withAttrs(Attrs a) {
            return new Cell(header, content, a, pos);
        }
    }

    /** A figure: an image (or an image in its size box), its caption (empty for none), its number ("4.1", "" for none). */
    record Figure(Inline image, List<Inline> caption, Attrs attrs, String number, SourcePos pos) implements Block {
        public Figure {
            Objects.requireNonNull(image);
            caption = List.copyOf(caption);
            Objects.requireNonNull(attrs);
            number = number == null ? "" : number;
            Objects.requireNonNull(pos);
        }

        /** A figure not yet numbered. */
        public Figure(Inline image, List<Inline> caption, Attrs attrs, SourcePos pos) {
            this(image, caption, attrs, "", pos);
        }

        /** "Figure 4.1", or "" when not numbered. */
        public String label() {
            return number.isEmpty() ? "" : "Figure " + number;
        }

        public Figure withNumber(String n) {
            return new Figure(image, caption, attrs, n, pos);
        }

        @Override
        public List<Node> children() {
            List<Node> out = new ArrayList<>();
            out.add(image);
            out.addAll(caption);
            return out;
        }

        @Override
        public Node withChildren(List<Node> children) {
            List<Inline> all = Node.inlines(children);
            return new Figure(all.get(0), all.subList(1, all.size()), attrs, number, pos);
        }
    }

    /**
     * A code listing: the fence's info string ({@code java}, {@code {r}}, "" for none), the code exactly as
     * written (lines separated by {@code \n}), and its caption (null for none).
     */
    record Listing(String info, String code, Caption caption, SourcePos pos) implements Block {
        public Listing {
            Objects.requireNonNull(info);
            Objects.requireNonNull(code);
            Objects.requireNonNull(pos);
        }

        @Override
        public List<Node> children() {
            return caption == null ? List.of() : List.of(caption);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Listing(info, code, children.isEmpty() ? null : (Caption) children.get(0), pos);
        }
    }

    /** A thematic break ({@code ---}, {@code <hr>}). */
    record Rule(SourcePos pos) implements Block {
        @Override
        public List<Node> children() {
            return List.of();
        }

        @Override
        public Node withChildren(List<Node> children) {
            return this;
        }
    }

    /** A boxed sidebar ({@code > [!SIDEBAR] Title}): its title and its blocks. */
    record Sidebar(Caption title, List<Block> content, SourcePos pos) implements Block {
        public Sidebar {
            Objects.requireNonNull(title);
            content = List.copyOf(content);
            Objects.requireNonNull(pos);
        }

        @Override
        public List<Node> children() {
            List<Node> out = new ArrayList<>();
            out.add(title);
            out.addAll(content);
            return out;
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Sidebar((Caption) children.get(0), Node.blocks(children.subList(1, children.size())), pos);
        }
    }

    /**
     * A display quote. A {@link Kind#PRIMARY} quote is a quotation (blocks) with its attribution; a
     * {@link Kind#LIFTED} quote repeats a phrase of the chapter's own prose (inlines) and has no attribution.
     */
    record PullQuote(Kind kind, List<Node> content, Attribution attribution, SourcePos pos) implements Block {
        public enum Kind { PRIMARY, LIFTED }

        public PullQuote {
            Objects.requireNonNull(kind);
            content = List.copyOf(content);
            Objects.requireNonNull(pos);
            if (kind == Kind.PRIMARY && attribution == null) throw new IllegalArgumentException("primary quote needs attribution");
        }

        public boolean isPrimary() {
            return kind == Kind.PRIMARY;
        }

        @Override
        public List<Node> children() {
            return content;
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new PullQuote(kind, children, attribution, pos);
        }
    }

    /** Who said it, in which work (inlines; empty for none), and when. */
    record Attribution(String speaker, List<Inline> work, String year) {
        public Attribution {
            Objects.requireNonNull(speaker);
            work = work == null ? List.of() : List.copyOf(work);
            Objects.requireNonNull(year);
        }
    }
}
