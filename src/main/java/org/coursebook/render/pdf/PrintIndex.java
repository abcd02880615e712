package org.coursebook.render.pdf;

import org.coursebook.model.Attrs;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Element;
import org.coursebook.model.Node;
import org.coursebook.render.Pagination.Extent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The print book's index in two columns, set from the first layout of the book (openhtmltopdf's CSS columns leave
 * their text out of the PDF's structure tree, PDF/UA-1 §7.1). In the first layout the index runs in one column of
 * the width of a final column ({@link #NARROW_CSS}), each main entry kept whole; its entries' heights are read from
 * that layout. The second layout gets the index cut into pages of two columns ({@code div.index-page} holding two
 * {@code div.index-col}), each column filled with whole entries up to the height the first layout gave a column
 * on that page, a letter's heading kept with the entry after it; reading order is the left column, then the right.
 */
public final class PrintIndex {
    /** The first layout's index: one column as wide as one of the two, entries unbroken (print.css has the rest). */
    public static final String NARROW_CSS = ".index-groups { width: 48.5%; } .index-entries > li, .index-letter { page-break-inside: avoid; }\n";

    private PrintIndex() {}

    /** A unit that goes into a column whole: a letter's heading or a main entry (with its sub-entries). */
    private record Unit(Element node, Element group, boolean heading, Extent extent) {}

    /**
     * The index part with its letter groups set in pages of two columns.
     *
     * @param index   the generated index part (its blocks as BuildIndex made them)
     * @param extents the first layout's extent of each unit, by its id as the print document writes it
     *                ({@code <part>--ixe-…}, {@code <part>--ixg-…})
     * @param printId the print document's id of a part's local id
     * @return the part as it was when some unit has no extent (nothing is cut then)
     */
    public static Chapter inColumns(Chapter index, Map<String, Extent> extents, java.util.function.Function<String, String> printId) {
        List<Block> head = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        for (Block b : index.blocks()) {
            if (!(b instanceof Element e && e.attrs().hasClass("index-groups"))) {
                head.add(b);
                continue;
            }
            for (Node g : e.content()) {
                if (!(g instanceof Element group)) continue;
                for (Node k : group.content()) {
                    if (!(k instanceof Element el)) continue;
                    if (el.tag().equals("h2")) {
                        Extent x = extents.get(printId.apply(el.attrs().id()));
                        if (x == null) return index;
                        units.add(new Unit(el, group, true, x));
                    } else if (el.tag().equals("ul")) {
                        for (Node li : el.content()) {
                            if (!(li instanceof Element item)) continue;
                            Extent x = extents.get(printId.apply(item.attrs().id()));
                            if (x == null) return index;
                            units.add(new Unit(item, group, false, x));
                        }
                    }
                }
            }
        }
        if (units.isEmpty()) return index;
        // each page's column: from its first unit's top to the lowest bottom of any page (a full column's height)
        double bottom = 0;
        for (Unit u : units) bottom = Math.max(bottom, u.extent().top() + u.extent().height());
        List<List<Unit>> columns = new ArrayList<>();
        int i = 0;
        int firstPage = units.get(0).extent().page();
        while (i < units.size()) {
            // the column's capacity: on the index's first page below the title, elsewhere the whole page
            double top = columns.size() < 2 ? units.get(0).extent().top() : minTop(units, firstPage);
            double room = bottom - top;
            List<Unit> col = new ArrayList<>();
            double used = 0;
            while (i < units.size()) {
                Unit u = units.get(i);
                double h = height(units, i);
                if (!col.isEmpty() && used + h > room) break;
                col.add(u);
                used += h;
                i++;
            }
            // a letter's heading does not end a column
            while (col.size() > 1 && col.get(col.size() - 1).heading()) {
                col.remove(col.size() - 1);
                i--;
            }
            columns.add(col);
        }
        balanceLast(columns, units);
        List<Node> pages = new ArrayList<>();
        for (int c = 0; c < columns.size(); c += 2) {
            List<Node> cols = new ArrayList<>();
            cols.add(column(columns.get(c), "index-col index-col-left", index));
            if (c + 1 < columns.size()) cols.add(column(columns.get(c + 1), "index-col index-col-right", index));
            pages.add(new Element("div", Attrs.of("class", c + 2 < columns.size() ? "index-page" : "index-page index-page-last"),
                    cols, index.pos()));
        }
        List<Block> blocks = new ArrayList<>(head);
        blocks.add(new Element("div", Attrs.of("class", "index-groups index-paged"), pages, index.pos()));
        return index.withBlocks(blocks);
    }

    /**
     * The last page's entries in two columns of about equal height, when they stand in one (a page begins at an
     * even column): its first column keeps its first half, a letter's heading not ending it.
     */
    private static void balanceLast(List<List<Unit>> columns, List<Unit> units) {
        if (columns.size() % 2 == 0) return;
        List<Unit> last = columns.get(columns.size() - 1);
        if (last.size() < 2) return;
        double total = 0;
        double[] h = new double[last.size()];
        int start = units.indexOf(last.get(0));
        for (int k = 0; k < last.size(); k++) total += h[k] = height(units, start + k);
        double sum = 0;
        int cut = 0;
        while (cut < last.size() - 1 && sum + h[cut] <= total / 2 + 0.5 * h[cut]) sum += h[cut++];
        while (cut > 1 && last.get(cut - 1).heading()) cut--;
        if (cut == 0 || cut >= last.size()) return;
        columns.set(columns.size() - 1, new ArrayList<>(last.subList(0, cut)));
        columns.add(new ArrayList<>(last.subList(cut, last.size())));
    }

    /** The top of the highest unit on a page after the index's first (the content area's top). */
    private static double minTop(List<Unit> units, int firstPage) {
        double top = Double.MAX_VALUE;
        for (Unit u : units) if (u.extent().page() > firstPage) top = Math.min(top, u.extent().top());
        return top == Double.MAX_VALUE ? units.get(0).extent().top() : top;
    }

    /**
     * A unit's height with the space before the next unit (its margins): the next unit's top less this one's on
     * the same page, else its own height.
     */
    private static double height(List<Unit> units, int i) {
        Extent x = units.get(i).extent();
        if (i + 1 < units.size()) {
            Extent n = units.get(i + 1).extent();
            if (n.page() == x.page() && n.top() > x.top()) return n.top() - x.top();
        }
        return x.height();
    }

    /** One column: its units, each letter's run of entries in a list of its own, headed when its heading is here. */
    private static Element column(List<Unit> units, String cls, Chapter index) {
        List<Node> out = new ArrayList<>();
        List<Node> items = new ArrayList<>();
        Element group = null;
        for (Unit u : units) {
            if (u.heading() || u.group() != group) {
                if (!items.isEmpty()) out.add(list(items, index));
                items = new ArrayList<>();
                group = u.group();
            }
            if (u.heading()) out.add(u.node());
            else items.add(u.node());
        }
        if (!items.isEmpty()) out.add(list(items, index));
        return new Element("div", Attrs.of("class", cls), out, index.pos());
    }

    private static Element list(List<Node> items, Chapter index) {
        return new Element("ul", Attrs.of("class", "index-entries", "epub:type", "index-entry-list"), List.copyOf(items), index.pos());
    }

    /**
     * A page range as an index prints it, the second number shortened as The Chicago Manual of Style abbreviates
     * inclusive numbers (§9.61): 3–10, 71–72, 100–104, 1100–1113, 101–8, 808–33, 321–28, 498–532, 1496–1504. Roman folios,
     * and ranges whose end is not after their start, are written in full; a range within one page is that page.
     */
    public static String range(String from, String to) {
        if (from.equals(to)) return from;
        int a, b;
        try {
            a = Integer.parseInt(from);
            b = Integer.parseInt(to);
        } catch (NumberFormatException e) {
            return from + "\u2013" + to;
        }
        if (b <= a || a < 100 || a % 100 == 0) return from + "\u2013" + to;
        String x = Integer.toString(a), y = Integer.toString(b);
        if (x.length() != y.length()) return x + "\u2013" + y;
        int keep = a % 100 < 10 ? 1 : 2; // 101–8, but 111–13
        int common = 0;
        while (common < x.length() && x.charAt(common) == y.charAt(common)) common++;
        if (y.length() - common >= 3) return x + "\u2013" + y; // 498–532, 1496–1504: three digits change
        int from2 = Math.min(common, y.length() - keep);
        return x + "\u2013" + y.substring(Math.max(0, from2));
    }
}
