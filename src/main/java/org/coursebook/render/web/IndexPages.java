package org.coursebook.render.web;

import org.coursebook.model.Attrs;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.ChapterId;
import org.coursebook.model.Element;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Target;
import org.coursebook.model.Tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The web edition's back-of-book index as several pages, each under the edition's page budget: the index's letter
 * groups are cut into runs ("Index: A–F", "Index: G–O"…), each run a page ({@code book-index.html},
 * {@code book-index-2.html}…) that opens with links to every letter, and the index's own links (see, see also) go
 * to the page that holds their entry. The EPUB and the print book keep the index whole.
 */
final class IndexPages {
    /** Estimated bytes a page of the index may hold: about half the 100 KB budget: the estimate runs low, and the page has its frame. */
    static final int BUDGET = 52 * 1024;

    private IndexPages() {}

    /** {@code parts} with the generated index (if any) cut into pages of at most about {@link #BUDGET} bytes. */
    static List<Chapter> split(List<Chapter> parts) {
        List<Chapter> out = new ArrayList<>();
        for (Chapter c : parts) {
            if (c.generated().equals("index")) out.addAll(split(c));
            else out.add(c);
        }
        return out;
    }

    private static List<Chapter> split(Chapter index) {
        List<Block> head = new ArrayList<>();
        List<Element> groups = new ArrayList<>();
        for (Block b : index.blocks()) {
            if (b instanceof Element e && e.attrs().hasClass("index-groups")) {
                for (Node n : e.content()) if (n instanceof Element g) groups.add(g);
            } else {
                head.add(b);
            }
        }
        List<List<Element>> runs = new ArrayList<>();
        List<Element> run = new ArrayList<>();
        int size = 0;
        for (Element g : groups) {
            int s = estimate(g);
            if (!run.isEmpty() && size + s > BUDGET) {
                runs.add(run);
                run = new ArrayList<>();
                size = 0;
            }
            run.add(g);
            size += s;
        }
        if (!run.isEmpty()) runs.add(run);
        if (runs.size() <= 1) return List.of(index);

        // which page each anchor of the index is on
        List<ChapterId> ids = new ArrayList<>();
        Map<String, ChapterId> pageOf = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            ChapterId id = new ChapterId(i == 0 ? index.slug() : index.slug() + "-" + (i + 1));
            ids.add(id);
            for (Element g : runs.get(i)) {
                Tree.forEach(List.of(g), n -> {
                    if (n instanceof Element e && e.attrs().has("id")) pageOf.put(e.attrs().id(), id);
                });
            }
        }
        // the letters, each a link to its group on its page
        List<Node> letters = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (Element g : runs.get(i)) {
                String gid = g.attrs().get("aria-labelledby");
                String letter = Tree.plainText(g.content().isEmpty() ? List.of() : List.of(g.content().get(0)));
                letters.add(new Element("li", Attrs.NONE, List.of(new Inline.Link(new Target.Ref(ids.get(i), gid),
                        List.of(new Inline.Text(letter)), Attrs.NONE)), index.pos()));
            }
        }
        Element nav = new Element("nav", Attrs.of("class", "index-letters", "aria-label", "Index letters"),
                List.of(new Element("ul", Attrs.NONE, letters, index.pos())), index.pos());
        List<Chapter> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<Block> blocks = new ArrayList<>();
            if (i == 0) blocks.addAll(head);
            blocks.add(nav);
            blocks.add(new Element("div", Attrs.of("class", "index-groups"), List.copyOf(runs.get(i)), index.pos()));
            List<Block> relinked = Tree.map(blocks, n -> {
                if (n instanceof Inline.Link l && l.target() instanceof Target.Ref r && r.chapter().equals(index.id())
                        && pageOf.containsKey(r.anchor())) {
                    return List.of(l.withTarget(new Target.Ref(pageOf.get(r.anchor()), r.anchor())));
                }
                return List.of(n);
            });
            String first = Tree.plainText(List.of(runs.get(i).get(0).content().get(0)));
            List<Element> last = runs.get(i);
            String end = Tree.plainText(List.of(last.get(last.size() - 1).content().get(0)));
            String title = index.title() + ": " + (first.equals(end) ? first : first + "–" + end);
            out.add(new Chapter(index.kind(), index.number(), ids.get(i).value(), index.sourceName(), index.pos(), title,
                    index.subtitle(), index.summary(), index.lecturePoints(), index.terms(), relinked, index.footnotes(),
                    index.assets(), index.titleId(), index.part(), index.sectionFiles()));
        }
        return out;
    }

    /** About how many bytes a letter group takes on a page: its text, and a link's markup for each locator. */
    static int estimate(Element group) {
        int[] n = {Tree.rawText(List.of(group)).length()};
        Tree.forEach(List.of(group), x -> {
            if (x instanceof Inline.IndexLocators l) n[0] += 60 * l.locators().size();
            else if (x instanceof Element e && e.tag().equals("li")) n[0] += 110;
        });
        return n[0];
    }
}
