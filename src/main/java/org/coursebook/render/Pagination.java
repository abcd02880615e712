package org.coursebook.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The print book's pagination, read from its layout (see {@code render.pdf.LayoutReader}): for every page of the
 * print PDF, its folio as printed and where its first line of body text begins; and the page of every element id of
 * the print document ({@code part--id}, as {@link XhtmlWriter#print} writes ids). The EPUB takes its page-break
 * markers and its page-list from it (EPUB 3.3 §7.4.2.2, DPUB-ARIA {@code doc-pagebreak}); the print index takes its
 * locators from {@link #pageOf}.
 *
 * <p>Pages are counted from 0 ({@code index}); folios are the printed page numbers, the front matter's in lower-case
 * roman numerals (i, ii, …) and the body's in arabic numerals from 1, as the PDF's page labels and running feet
 * show them. Immutable.
 *
 * @param pages     every page of the print PDF, in order; page {@code i} is {@code pages.get(i)}
 * @param bodyStart the 0-based index of the page numbered 1 (the first page of the body); 0 when the whole book is
 *                  numbered in arabic numerals
 * @param ids       the 0-based page of each element id of the print document: the page of the element's first
 *                  line of text or image (its box may begin at the foot of the page before), or of its box's top
 *                  when it has neither
 * @param extents   the {@link Extent} of each id {@link #wantsExtent} accepts
 */
public record Pagination(List<Page> pages, int bodyStart, Map<String, Integer> ids, Map<String, Extent> extents) {
    public Pagination {
        pages = List.copyOf(pages);
        ids = Collections.unmodifiableMap(new HashMap<>(ids));
        extents = extents == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(extents));
        if (bodyStart < 0 || bodyStart > Math.max(0, pages.size() - 1)) throw new IllegalArgumentException("body start " + bodyStart + " outside the pages");
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).index() != i) throw new IllegalArgumentException("page " + i + " has index " + pages.get(i).index());
        }
    }

    /** A pagination without extents. */
    public Pagination(List<Page> pages, int bodyStart, Map<String, Integer> ids) {
        this(pages, bodyStart, ids, Map.of());
    }

    /**
     * Where the box of an element is on its page, for the print index's columns (only ids that ask for it, see
     * {@link #EXTENT_IDS}): its 0-based page, and its top (from the page's top) and height, in the layout's units.
     */
    public record Extent(int page, double top, double height) {}

    /** The ids whose {@link Extent} the layout records: the print index's letters and main entries ({@code --ixg-}, {@code --ixe-}). */
    public static boolean wantsExtent(String id) {
        return id.contains("--ixe-") || id.contains("--ixg-");
    }

    /**
     * One page of the print book.
     *
     * @param index 0-based page index in the PDF
     * @param folio the printed page number (i, ii, … in the front matter; 1, 2, … in the body)
     * @param start where the page's first line of body text begins, or null for a page without body text (a blank
     *              left-hand page, a page with only a running head)
     */
    public record Page(int index, String folio, Place start) {
        public Page {
            Objects.requireNonNull(folio);
        }

        /** Where the page's first line of body text begins; empty for a page without body text. */
        public Optional<Place> first() {
            return Optional.ofNullable(start);
        }
    }

    /**
     * A place in the book's text, in terms every output can find again: a part, a top-level block of it and a word
     * of that block.
     *
     * @param part  the part's slug ({@code Chapter.slug()}), or one of {@link #TITLE_PAGE}, {@link #COPYRIGHT_PAGE},
     *              {@link #CONTENTS} for the pages the print book makes itself
     * @param block the 0-based index of the block in the part's top-level blocks ({@code Chapter.blocks()}), or
     *              {@link #PART_START} for text of the part outside them (its opener, its lecture points)
     * @param word  the 0-based index of the word in that block (words are runs of characters between white space;
     *              soft hyphens are not characters; block elements separate words), or 0 at {@link #PART_START}
     * @param item  the 0-based index, in document order, of the innermost item of the block that holds the line (an
     *              element of {@link #ITEM_TAGS}: a list item, a heading, a paragraph), -1 for none: where a part's
     *              text differs between outputs (the index's locators are section numbers in the e-book and page
     *              numbers in print), the line is found by its item
     */
    public record Place(String part, int block, int word, int item) {
        /** {@link #block} of a place in a part's own text before its blocks (the opener). */
        public static final int PART_START = -1;
        /** The parts the print book makes itself, named by the ids their elements have in the print document. */
        public static final String TITLE_PAGE = "title-page", COPYRIGHT_PAGE = "copyright-page", CONTENTS = "contents";

        /** The elements counted as items (see {@link #item}). */
        public static final java.util.Set<String> ITEM_TAGS = java.util.Set.of("li", "h1", "h2", "h3", "h4", "h5", "h6", "p", "dt", "dd");

        /** A place in no item. */
        public Place(String part, int block, int word) {
            this(part, block, word, -1);
        }

        public Place {
            Objects.requireNonNull(part);
            if (item < -1) throw new IllegalArgumentException("no such item: " + item);
            if (block < PART_START || word < 0) throw new IllegalArgumentException("no such place: " + block + ", " + word);
            if (block == PART_START) word = 0;
        }
    }

    /** The number of pages. */
    public int size() {
        return pages.size();
    }

    /** The printed folio of the page with 0-based index {@code page}. */
    public String folio(int page) {
        return pages.get(page).folio();
    }

    /** Every page's folio, in page order. */
    public List<String> folios() {
        List<String> out = new ArrayList<>(pages.size());
        for (Page p : pages) out.add(p.folio());
        return out;
    }

    /**
     * The 0-based index of the page on which the element with print id {@code id} begins, its first line ({@code part--local},
     * as {@link XhtmlWriter#id} writes it in one document), or -1 when the print document has no such id.
     */
    public int pageOf(String id) {
        Integer p = ids.get(id);
        return p == null ? -1 : p;
    }

    /** The folio of the page on which the element with print id {@code id} begins, or empty. */
    public Optional<String> folioOf(String id) {
        int p = pageOf(id);
        return p < 0 ? Optional.empty() : Optional.of(folio(p));
    }

    /**
     * The folios of a book of {@code pages} pages whose body starts on page {@code bodyStart} (0-based): lower-case
     * roman numerals before it, arabic numerals from 1 on it and after it.
     */
    public static List<String> folios(int pages, int bodyStart) {
        List<String> out = new ArrayList<>(pages);
        for (int i = 0; i < pages; i++) out.add(i < bodyStart ? roman(i + 1) : Integer.toString(i - bodyStart + 1));
        return out;
    }

    /** {@code n} (at least 1) in lower-case roman numerals. */
    public static String roman(int n) {
        String[] r = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) while (n >= v[i]) { sb.append(r[i]); n -= v[i]; }
        return sb.toString();
    }
}
