package org.coursebook.read;

import org.coursebook.diag.SourcePos;
import org.coursebook.model.Attrs;
import org.coursebook.model.Block;
import org.coursebook.model.Element;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Target;
import org.coursebook.model.Tree;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Turns sanitised HTML (what Flexmark wrote for one block of a chapter, with the author's raw HTML in it, after
 * {@link XhtmlCleaner} has checked it) into document-tree nodes, once, in the reader: every element a typed node
 * stands for becomes that node (paragraphs, lists, quotations, tables, emphasis, code, links, images, line
 * breaks, lifted phrases, note references, listings); any other element is kept as an {@link Element} with its
 * attributes. White space between blocks is not content and is dropped; text is kept character for character.
 *
 * <p>Two placeholders that the reader's Flexmark renderers write are recognised: a note reference
 * {@code <a class="noteref" href="#cb-note-N">} (N indexes {@code noteLabels}) and a listing
 * {@code <div class="listing" id="cb-listing-N">} (N indexes {@code listings}).
 */
public final class TreeBuilder {
    static final String NOTE_PREFIX = "#cb-note-", LISTING_PREFIX = "cb-listing-";

    private final SourcePos pos;
    private final IntFunction<String> noteLabels;
    private final IntFunction<Block.Listing> listings;
    private java.util.function.Function<String, SourcePos> linkPositions = href -> null;

    /**
     * @param pos        the position every node built gets (the block's)
     * @param noteLabels the label of note reference N, or null if there is none
     * @param listings   listing N, or null if there is none
     */
    TreeBuilder(SourcePos pos, IntFunction<String> noteLabels, IntFunction<Block.Listing> listings) {
        this.pos = pos;
        this.noteLabels = noteLabels;
        this.listings = listings;
    }

    /**
     * An HTML fragment as nodes: parsed, sanitised (problems reported to {@code diag} at {@code pos}) and built. For
     * fragments that are not a chapter's (tests, tools); a chapter is read by {@code MarkdownReader}.
     */
    public static List<Node> read(String html, SourcePos pos, org.coursebook.diag.Diagnostics diag) {
        org.jsoup.nodes.Element body = XhtmlCleaner.parse(html);
        XhtmlCleaner.sanitize(body, pos, diag);
        return plain(pos).children(body);
    }

    /**
     * This builder with the places links are written at: {@code positions} gives, for a link's href, the place of
     * the next link written with it (or null). The reader finds them in Flexmark's tree.
     */
    TreeBuilder withLinkPositions(java.util.function.Function<String, SourcePos> positions) {
        this.linkPositions = positions;
        return this;
    }

    /** A builder for fragments with no notes or listings (a title, a summary, an attribution). */
    static TreeBuilder plain(SourcePos pos) {
        return new TreeBuilder(pos, i -> null, i -> null);
    }

    /** The children of {@code parent} as nodes. */
    List<Node> children(org.jsoup.nodes.Element parent) {
        List<Node> out = new ArrayList<>();
        for (org.jsoup.nodes.Node c : parent.childNodes()) {
            Node n = node(c);
            if (n != null) out.add(n);
        }
        return blockContext(out) ? dropSpaceBetweenBlocks(out) : out;
    }

    /** The children of {@code parent} as inlines; a block among them makes the parent's caller fall back to an Element. */
    List<Inline> inlines(org.jsoup.nodes.Element parent) {
        return Node.inlines(children(parent));
    }

    /**
     * Nodes of a one-line field (a subtitle, a lecture point) as inlines: a block among them (raw HTML such as
     * {@code <p>}) keeps its text, as the field's line can hold no block.
     */
    static List<Inline> inlinesOrText(List<Node> nodes) {
        List<Inline> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof Inline i) out.add(i);
            else out.add(new Inline.Text(Tree.plainText(List.of(n))));
        }
        return out;
    }

    /** Whether the nodes are all inlines (so that their parent may be a typed inline container). */
    static boolean allInline(List<Node> nodes) {
        for (Node n : nodes) if (!(n instanceof Inline) || n instanceof Element e && Tree.isBlockTag(e.tag())) return false;
        return true;
    }

    private static boolean allBlocks(List<Node> nodes) {
        for (Node n : nodes) {
            if (n instanceof Inline.Text t && t.text().isBlank()) continue;
            if (!(n instanceof Block) || n instanceof Element e && !Tree.isBlockTag(e.tag())) return false;
        }
        return true;
    }

    private static boolean blockContext(List<Node> nodes) {
        for (Node n : nodes) {
            if (n instanceof Block && !(n instanceof Element e && !Tree.isBlockTag(e.tag()))) return true;
        }
        return false;
    }

    /** Drops the white space that only separates blocks (the writer puts its own line breaks between blocks). */
    private static List<Node> dropSpaceBetweenBlocks(List<Node> nodes) {
        List<Node> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n instanceof Inline.Text t && t.text().isBlank()) {
                boolean blockBefore = i == 0 || isBlock(nodes.get(i - 1));
                boolean blockAfter = i == nodes.size() - 1 || isBlock(nodes.get(i + 1));
                if (blockBefore || blockAfter) continue;
            }
            out.add(n);
        }
        return out;
    }

    private static boolean isBlock(Node n) {
        return n instanceof Block && !(n instanceof Element e && !Tree.isBlockTag(e.tag()));
    }

    /** One HTML node as a tree node; null for nothing (a comment). */
    Node node(org.jsoup.nodes.Node html) {
        if (html instanceof TextNode t) return new Inline.Text(t.getWholeText());
        if (html instanceof org.jsoup.nodes.DataNode d) return new Inline.Text(d.getWholeData());
        if (!(html instanceof org.jsoup.nodes.Element el)) return null;
        String tag = el.normalName();
        Attrs attrs = attrs(el);
        switch (tag) {
            case "p" -> {
                List<Node> kids = children(el);
                if (allInline(kids)) return new Block.Para(Node.inlines(kids), attrs, pos);
                return new Element(tag, attrs, kids, pos);
            }
            case "em", "strong" -> {
                List<Node> kids = children(el);
                if (attrs.isEmpty() && allInline(kids)) {
                    return tag.equals("em") ? new Inline.Emph(Node.inlines(kids)) : new Inline.Strong(Node.inlines(kids));
                }
                return new Element(tag, attrs, kids, pos);
            }
            case "code" -> {
                if (attrs.isEmpty() && el.children().isEmpty()) return new Inline.Code(el.wholeText());
                return new Element(tag, attrs, children(el), pos);
            }
            case "br" -> {
                if (attrs.isEmpty()) return new Inline.LineBreak();
            }
            case "wbr" -> {
                if (attrs.isEmpty()) return new Inline.Wbr();
            }
            case "hr" -> {
                if (attrs.isEmpty()) return new Block.Rule(pos);
            }
            case "img" -> {
                return new Inline.Image(el.attr("src"), el.attr("alt"), attrs.without("src").without("alt"));
            }
            case "a" -> {
                if (attrs.hasClass("noteref") && el.attr("href").startsWith(NOTE_PREFIX)) {
                    String label = index(el.attr("href").substring(NOTE_PREFIX.length()), noteLabels);
                    if (label != null) return new Inline.NoteRef(label, 0, false);
                }
                List<Node> kids = children(el);
                if (el.hasAttr("href") && allInline(kids)) {
                    return new Inline.Link(new Target.Unresolved(el.attr("href")), Node.inlines(kids), attrs.without("href"),
                            linkPositions.apply(el.attr("href")));
                }
                return new Element(tag, attrs, kids, pos);
            }
            case "span" -> {
                List<Node> kids = children(el);
                if (attrs.equals(Attrs.of("class", "lifted")) && allInline(kids)) return new Inline.Lifted(Node.inlines(kids));
                if ((attrs.hasClass("index") || attrs.has("data-index")) && allInline(kids)) {
                    // an index mark, [text]{.index} or [text]{index="entry"}; its other attributes stay on a span inside
                    Attrs rest = attrs.without("data-index").withoutClass("index");
                    List<Inline> content = rest.isEmpty() ? Node.inlines(kids) : List.of(new Element(tag, rest, kids, pos));
                    return new Inline.IndexMark(attrs.has("data-index") ? attrs.get("data-index").strip() : "", "", false, content, pos);
                }
                return new Element(tag, attrs, kids, pos);
            }
            case "div" -> {
                if (attrs.hasClass("listing") && el.id().startsWith(LISTING_PREFIX)) {
                    Block.Listing l = index(el.id().substring(LISTING_PREFIX.length()), listings);
                    if (l != null) return l;
                }
                return new Element(tag, attrs, children(el), pos);
            }
            case "ul", "ol" -> {
                List<Block.Item> items = new ArrayList<>();
                for (org.jsoup.nodes.Node c : el.childNodes()) {
                    if (c instanceof TextNode t && t.isBlank()) continue;
                    if (c instanceof org.jsoup.nodes.Element li && li.normalName().equals("li")) {
                        items.add(new Block.Item(children(li), attrs(li), pos));
                    } else {
                        return new Element(tag, attrs, children(el), pos);
                    }
                }
                return new Block.ListBlock(tag.equals("ol"), attrs, items, pos);
            }
            case "blockquote" -> {
                List<Node> kids = children(el);
                if (allBlocks(kids)) return new Block.Quote(Node.blocks(kids.stream().filter(TreeBuilder::isBlock).toList()), attrs, pos);
                return new Element(tag, attrs, kids, pos);
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                // a heading inside a quotation or list gets an id too, by the same rule as the chapter's headings
                List<Node> kids = children(el);
                Attrs a = attrs.has("id") ? attrs : Attrs.of("id", org.coursebook.model.Slugs.headingId(el.text())).withAll(attrs);
                return new Element(tag, a, kids, pos);
            }
            case "figure" -> {
                Block.Figure f = figure(el, attrs);
                if (f != null) return f;
                return new Element(tag, attrs, children(el), pos);
            }
            case "table" -> {
                Block.Table t = table(el, attrs);
                if (t != null) return t;
                return new Element(tag, attrs, children(el), pos);
            }
            default -> { }
        }
        return new Element(tag, attrs, children(el), pos);
    }

    /**
     * An HTML figure of one image (or one image in a link or paragraph) and at most one caption, as a typed figure;
     * null for any other figure (kept as an element).
     */
    private Block.Figure figure(org.jsoup.nodes.Element el, Attrs attrs) {
        Inline image = null;
        List<Inline> caption = List.of();
        for (Node n : children(el)) {
            if (n instanceof Inline.Text t && t.text().isBlank()) continue;
            if (n instanceof Element e && e.tag().equals("figcaption") && caption.isEmpty() && allInline(e.content())) {
                caption = Node.inlines(e.content());
            } else if (image == null && singleImage(n) != null) {
                image = singleImage(n);
            } else {
                return null;
            }
        }
        return image == null ? null : new Block.Figure(image, caption, attrs, pos);
    }

    /** The image a node is (or is the only content of: a paragraph, a link), else null. */
    static Inline singleImage(Node n) {
        if (n instanceof Inline.Image i) return i;
        if (n instanceof Inline.Link l) {
            List<Inline> kids = l.content().stream().filter(k -> !(k instanceof Inline.Text t && t.text().isBlank())).toList();
            return kids.size() == 1 && kids.get(0) instanceof Inline.Image ? l : null;
        }
        if (n instanceof Block.Para p && p.attrs().isEmpty()) {
            List<Inline> kids = p.content().stream().filter(k -> !(k instanceof Inline.Text t && t.text().isBlank())).toList();
            return kids.size() == 1 ? singleImage(kids.get(0)) : null;
        }
        return null;
    }

    private static <T> T index(String n, IntFunction<T> f) {
        try {
            return f.apply(Integer.parseInt(n));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** A table of caption, row groups and rows of cells as a typed table; null if it holds anything else. */
    private Block.Table table(org.jsoup.nodes.Element el, Attrs attrs) {
        Block.Caption caption = null;
        List<Block.Section> sections = new ArrayList<>();
        for (org.jsoup.nodes.Node c : el.childNodes()) {
            if (c instanceof TextNode t && t.isBlank()) continue;
            if (!(c instanceof org.jsoup.nodes.Element part)) return null;
            switch (part.normalName()) {
                case "caption" -> {
                    List<Node> kids = children(part);
                    Attrs capAttrs = attrs(part);
                    // an id written in the caption line ([Caption {#tbl-steel}]) names the table
                    if (capAttrs.has("id") && !attrs.has("id")) {
                        attrs = attrs.with("id", capAttrs.id());
                        capAttrs = capAttrs.without("id");
                    }
                    if (caption != null || !capAttrs.isEmpty() || !allInline(kids)) return null;
                    caption = new Block.Caption(Node.inlines(kids), pos);
                }
                case "thead", "tbody", "tfoot" -> {
                    if (!attrs(part).isEmpty()) return null;
                    List<Block.Row> rows = rows(part);
                    if (rows == null) return null;
                    sections.add(new Block.Section(part.normalName(), rows, pos));
                }
                default -> {
                    return null;
                }
            }
        }
        return new Block.Table(attrs, caption, sections, null, Block.Table.Fit.AS_IS, pos);
    }

    private List<Block.Row> rows(org.jsoup.nodes.Element group) {
        List<Block.Row> rows = new ArrayList<>();
        for (org.jsoup.nodes.Node c : group.childNodes()) {
            if (c instanceof TextNode t && t.isBlank()) continue;
            if (!(c instanceof org.jsoup.nodes.Element tr) || !tr.normalName().equals("tr")) return null;
            List<Block.Cell> cells = new ArrayList<>();
            for (org.jsoup.nodes.Node k : tr.childNodes()) {
                if (k instanceof TextNode t && t.isBlank()) continue;
                if (!(k instanceof org.jsoup.nodes.Element cell) || !(cell.normalName().equals("td") || cell.normalName().equals("th"))) return null;
                cells.add(new Block.Cell(cell.normalName().equals("th"), children(cell), attrs(cell), pos));
            }
            rows.add(new Block.Row(cells, attrs(tr), pos));
        }
        return rows;
    }

    static Attrs attrs(org.jsoup.nodes.Element el) {
        if (el.attributesSize() == 0) return Attrs.NONE;
        Map<String, String> m = new LinkedHashMap<>();
        for (Attribute a : el.attributes()) m.put(a.getKey(), a.getValue());
        return new Attrs(m);
    }
}
