package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Attrs;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Element;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Target;
import org.coursebook.model.Tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills the generated lists of tables and of figures ({@code - generate: tables}, {@code - generate: figures} in
 * the manifest): one entry a numbered table or figure, in reading order, "Table 6.2 Caption" linking to it (the
 * print book adds its page number, as the contents does). A table or figure without an id gets one
 * ({@code tbl-6-2}, {@code fig-4-1}) when a list needs it.
 */
final class BuildLists implements Transform {
    @Override
    public Book apply(Book book, Diagnostics diag) {
        boolean tables = book.allParts().stream().anyMatch(c -> c.generated().equals("tables"));
        boolean figures = book.allParts().stream().anyMatch(c -> c.generated().equals("figures"));
        if (!tables && !figures) return book;
        List<Node> tableItems = new ArrayList<>(), figureItems = new ArrayList<>();
        List<Chapter> body = new ArrayList<>();
        for (Chapter ch : book.chapters()) {
            List<Block> blocks = Tree.map(ch.blocks(), n -> {
                if (tables && n instanceof Block.Table t && !t.number().isEmpty()) {
                    String id = t.attrs().has("id") ? t.attrs().id() : "tbl-" + t.number().replace('.', '-');
                    tableItems.add(item(ch, id, t.label(), t.caption() == null ? List.of() : t.caption().content(), t.pos()));
                    return List.<Node>of(t.attrs().has("id") ? t : new Block.Table(t.attrs().with("id", id), t.caption(),
                            t.sections(), t.source(), t.fit(), t.number(), t.pos()));
                }
                if (figures && n instanceof Block.Figure f && !f.number().isEmpty()) {
                    String id = f.attrs().has("id") ? f.attrs().id() : "fig-" + f.number().replace('.', '-');
                    figureItems.add(item(ch, id, f.label(), f.caption(), f.pos()));
                    return List.<Node>of(f.attrs().has("id") ? f : new Block.Figure(f.image(), f.caption(), f.attrs().with("id", id),
                            f.number(), f.pos()));
                }
                return List.of(n);
            });
            body.add(blocks == ch.blocks() ? ch : ch.withBlocks(blocks));
        }
        return book.withParts(fill(book.frontMatter(), tableItems, figureItems), body, fill(book.backMatter(), tableItems, figureItems));
    }

    /** One entry: "Table 6.2 Caption" linking to the table. */
    private static Node item(Chapter ch, String id, String label, List<Inline> caption, org.coursebook.diag.SourcePos pos) {
        List<Inline> text = new ArrayList<>();
        text.add(new Element("span", Attrs.of("class", "toc-number"), List.of(new Inline.Text(label)), pos));
        if (!caption.isEmpty()) {
            text.add(new Inline.Text(" "));
            text.add(new Element("span", Attrs.of("class", "toc-title"), List.copyOf(caption), pos));
        }
        Inline.Link link = new Inline.Link(new Target.Ref(ch.id(), id), text, Attrs.NONE);
        return new Element("li", Attrs.NONE, List.of(link), pos);
    }

    private static List<Chapter> fill(List<Chapter> parts, List<Node> tableItems, List<Node> figureItems) {
        List<Chapter> out = new ArrayList<>();
        for (Chapter c : parts) {
            List<Node> items = c.generated().equals("tables") ? tableItems : c.generated().equals("figures") ? figureItems : null;
            if (items == null) {
                out.add(c);
            } else if (items.isEmpty()) {
                out.add(c.withBlocks(List.of(new Block.Para(List.of(new Inline.Text("The book has no "
                        + (c.generated().equals("tables") ? "numbered tables." : "numbered figures."))), Attrs.NONE, c.pos()))));
            } else {
                out.add(c.withBlocks(List.of(new Element("ol", Attrs.of("class", "toc-list list-of"), items, c.pos()))));
            }
        }
        return out;
    }
}
