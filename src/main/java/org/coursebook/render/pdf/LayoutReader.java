package org.coursebook.render.pdf;

import com.openhtmltopdf.css.style.CalculatedStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.LineBox;
import com.openhtmltopdf.render.PageBox;
import org.coursebook.render.Pagination;
import org.coursebook.render.WordCounter;
import org.w3c.dom.Element;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@link Pagination} of a print document from openhtmltopdf's layout (after {@code PdfBoxRenderer.layout()},
 * before or without drawing): the pages ({@code Layer.getPages()}, each a band {@code [getTop(), getBottom())} of the
 * laid-out document, in layout units), and for each page the first line of body text on it, found by walking the box
 * tree ({@code BlockBox} → {@code LineBox} → {@code InlineLayoutBox} → {@code InlineText}) and keeping, for every page,
 * the topmost line that shows text or an image (the leftmost of equals, in document order).
 *
 * <p>What the walk leaves out: running heads and feet ({@code position: running}: they are drawn in the margin
 * boxes), footnote bodies ({@code float: footnote}: openhtmltopdf moves them out of the text into the page's
 * footnote area, which is not in the box tree), generated content ({@code ::before}, {@code ::after},
 * {@code target-counter()}: the e-book has none of it) and a wrapped code line's continuation mark.
 *
 * <p>A line is named by its place in the text ({@link Pagination.Place}): the part ({@code section.part} with the
 * part's slug as id, or the print book's own title page, copyright page and contents, by id), the top-level block of
 * the part (the print writer gives each a {@code data-b="<slug>:<n>"} key, {@link #BLOCK_KEY}), and the word of that
 * block at which the line starts, counted by {@link WordCounter} over the laid-out text (its soft hyphens ignored).
 */
final class LayoutReader {
    /** The attribute that holds a top-level block's key in the print document: {@code <part slug>:<0-based index>}. */
    static final String BLOCK_KEY = "data-b";

    /** Ids of the print book's own pages (see {@link Pagination.Place#TITLE_PAGE}). */
    private static final Set<String> OWN_PAGES = Set.of(Pagination.Place.TITLE_PAGE, Pagination.Place.COPYRIGHT_PAGE,
            Pagination.Place.CONTENTS);

    /** The text being counted in one part or block. */
    private static final class Scope {
        Element element;
        final String part;
        final int block;
        final WordCounter words = new WordCounter();
        /** The laid-out text (one text node's, hyphenated) that the last text run came from, and how far it was fed. */
        String master;
        int fed;
        /** The items met in this scope, in document order (an item's box may be split into several). */
        final java.util.Set<Element> items = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        Scope(Element element, String part, int block) {
            this.element = element;
            this.part = part;
            this.block = block;
        }

        /** Feeds the rest of the current text: its trailing space (trimmed at a line end) separates words too. */
        void flush() {
            if (master != null && fed < master.length()) words.text(master, fed, master.length());
            master = null;
            fed = 0;
        }

        void separator() {
            flush();
            words.separator();
        }
    }

    /** A line that may be the first on its page. */
    private record Candidate(int y, long order, Pagination.Place place) {}

    private final int[] tops;
    private final Candidate[] first;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    /** The items ({@link Pagination.Place#ITEM_TAGS}) the walk is in, innermost first: their 0-based indexes in their block. */
    private final Deque<Integer> items = new ArrayDeque<>();
    /** The scopes of the keyed blocks, by part and index. */
    private final Map<String, Scope> keyed = new HashMap<>();
    private long order;

    private LayoutReader(List<PageBox> pages) {
        tops = new int[pages.size()];
        for (int i = 0; i < tops.length; i++) tops[i] = pages.get(i).getTop();
        first = new Candidate[pages.size()];
        scopes.push(new Scope(null, null, Pagination.Place.PART_START));
    }

    /**
     * The pagination of a laid-out document.
     *
     * @param renderer    a renderer after {@code layout()}
     * @param bodyStartId the print id of the element whose page is numbered 1 (the first part of the body), or null
     *                    when every page is numbered in arabic numerals
     */
    static Pagination read(PdfBoxRenderer renderer, String bodyStartId) {
        List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
        LayoutReader reader = new LayoutReader(pages);
        reader.visit(renderer.getRootBox());
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Pagination.Extent> extents = new HashMap<>();
        for (Map.Entry<String, Box> e : renderer.getSharedContext().getIdMap().entrySet()) {
            int y = contentTop(e.getValue());
            int page = reader.pageAt(y == Integer.MIN_VALUE ? e.getValue().getAbsY() : y);
            ids.put(e.getKey(), page);
            if (Pagination.wantsExtent(e.getKey())) {
                Box b = e.getValue();
                extents.put(e.getKey(), new Pagination.Extent(page, b.getAbsY() - reader.tops[page], b.getHeight()));
            }
        }
        int bodyStart = 0;
        if (bodyStartId != null && ids.containsKey(bodyStartId)) bodyStart = ids.get(bodyStartId);
        List<String> folios = Pagination.folios(pages.size(), bodyStart);
        List<Pagination.Page> out = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            Candidate c = reader.first[i];
            out.add(new Pagination.Page(i, folios.get(i), c == null ? null : c.place()));
        }
        return new Pagination(out, bodyStart, ids, extents);
    }

    /**
     * Where a box's first line (or image) is, or {@link Integer#MIN_VALUE} if it has none: an element's page is the
     * page of its first line, not of its box's top, which may be left at the foot of the page before (its margin).
     */
    static int contentTop(Box box) {
        if (box instanceof LineBox line) return line.getChildCount() > 0 ? line.getAbsY() : Integer.MIN_VALUE;
        if (box instanceof InlineLayoutBox inline) return inline.getLineBox() != null ? inline.getLineBox().getAbsY() : inline.getAbsY();
        if (box instanceof BlockBox b && b.isReplaced()) return b.getAbsY();
        for (int i = 0; i < box.getChildCount(); i++) {
            int y = contentTop(box.getChild(i));
            if (y != Integer.MIN_VALUE) return y;
        }
        return Integer.MIN_VALUE;
    }

    /** The 0-based page whose band holds {@code y} (the last page for anything below it). */
    int pageAt(int y) {
        int lo = 0, hi = tops.length - 1;
        if (hi < 0) return 0;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (tops[mid] <= y) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private void visit(Box box) {
        CalculatedStyle style = box.getStyle();
        if (style != null && (style.isRunning() || style.isFootnote())) return;
        Element el = box.getElement();
        boolean pushed = false;
        if (box instanceof BlockBox && el != null && el != scopes.peek().element) {
            Scope s = scopeOf(el);
            if (s != null) {
                scopes.peek().flush();
                scopes.push(s);
                pushed = true;
            }
        }
        boolean block = box instanceof BlockBox && !(box instanceof LineBox);
        if (block) scopes.peek().separator();
        boolean item = block && el != null && Pagination.Place.ITEM_TAGS.contains(el.getLocalName()) && scopes.peek().items.add(el);
        if (item) items.push(scopes.peek().items.size() - 1);
        if (box instanceof BlockBox b && b.isReplaced()) {
            Scope s = scopes.peek();
            s.flush();
            candidate(box.getAbsY(), s, s.words.nextWord());
        }
        if (box instanceof InlineLayoutBox inline) {
            inline(inline);
        } else {
            for (int i = 0; i < box.getChildCount(); i++) visit(box.getChild(i));
        }
        if (block) scopes.peek().separator();
        if (item) items.pop();
        if (pushed) {
            scopes.peek().flush();
            scopes.pop();
        }
    }

    /** The scope an element opens: a part, one of the print book's own pages, a keyed top-level block; else null. */
    private Scope scopeOf(Element el) {
        String id = el.getAttribute("id");
        if (el.getLocalName() != null && el.getLocalName().equals("section") && WordCounter.hasClass(el.getAttribute("class"), "part")
                && !id.isEmpty()) {
            return new Scope(el, id, Pagination.Place.PART_START);
        }
        if (OWN_PAGES.contains(id)) return new Scope(el, id, Pagination.Place.PART_START);
        String key = el.getAttribute(BLOCK_KEY);
        if (!key.isEmpty() && scopes.peek().part != null) {
            int colon = key.lastIndexOf(':');
            int block;
            try {
                block = Integer.parseInt(key.substring(colon + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            // a block written as several elements (a table and its source line) is one block: its count goes on
            Scope s = keyed.get(scopes.peek().part + ":" + block);
            if (s == null) {
                s = new Scope(el, scopes.peek().part, block);
                keyed.put(scopes.peek().part + ":" + block, s);
            }
            s.element = el;
            return s;
        }
        return null;
    }

    private void inline(InlineLayoutBox box) {
        Element el = box.getElement();
        Scope s = scopes.peek();
        if (el != null) {
            if (WordCounter.hasClass(el.getAttribute("class"), WordCounter.WRAP_MARK)) {
                s.flush();
                s.words.wrapMark();
                return;
            }
            if ("br".equals(el.getLocalName())) {
                s.separator();
                return;
            }
            if (generated(box)) return;
        }
        for (Object child : box.getInlineChildren()) {
            if (child instanceof InlineText t) text(t, box);
            else if (child instanceof InlineLayoutBox ilb) inline(ilb);
            else if (child instanceof Box b) visit(b);
        }
    }

    /**
     * Whether the box holds generated content ({@code ::before}, {@code ::after}): openhtmltopdf lays it out in an
     * inline box of the element's own, inside the element's box, styled by the pseudo-element's style.
     */
    private static boolean generated(InlineLayoutBox box) {
        Box parent = box.getParent();
        return parent instanceof InlineLayoutBox p && p.getElement() == box.getElement();
    }

    private void text(InlineText t, InlineLayoutBox box) {
        if (t.isDynamicFunction()) return; // target-counter(), counter(): generated
        Scope s = scopes.peek();
        String master = t.getMasterText();
        if (master == null) return;
        if (master != s.master || t.getStart() < s.fed) {
            s.flush();
            s.master = master;
            s.fed = 0;
        }
        int start = t.getStart(), end = t.getEnd();
        if (start > s.fed) s.words.text(master, s.fed, start);
        s.fed = Math.max(s.fed, start);
        int from = start;
        while (from < end && (WordCounter.isSpace(master.charAt(from)) || WordCounter.ignorable(master.charAt(from)))) from++;
        if (from < end) {
            if (from > start) s.words.text(master, start, from);
            LineBox line = box.getLineBox();
            candidate(line != null ? line.getAbsY() : box.getAbsY(), s, s.words.wordAt(master.charAt(from)));
            s.words.text(master, from, end);
        } else {
            s.words.text(master, start, end);
        }
        s.fed = end;
    }

    private void candidate(int y, Scope s, int word) {
        if (s.part == null) return;
        int page = pageAt(y);
        int item = items.isEmpty() || s.block == Pagination.Place.PART_START ? -1 : items.peek();
        Candidate c = new Candidate(y, order++, new Pagination.Place(s.part, s.block, s.block == Pagination.Place.PART_START ? 0 : word, item));
        Candidate best = first[page];
        if (best == null || y < best.y()) first[page] = c;
    }
}
