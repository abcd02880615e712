package org.coursebook.render;

import org.coursebook.model.Book;
import org.coursebook.model.Chapter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The print book's page breaks in a reflowable edition: a page-break marker where each print page begins
 * (DPUB-ARIA 1.1 {@code doc-pagebreak}, EPUB 3 Structural Semantics {@code pagebreak}, labelled with the page's
 * folio as EPUB Accessibility 1.1 §"Page navigation" and the Ace rule {@code pagebreak-label} ask:
 * {@code <span epub:type="pagebreak" role="doc-pagebreak" id="page-12" aria-label="12"/>}), and the entries of the
 * page list (EPUB 3.3 §7.4.2.2 {@code page-list} nav) that lead to them, from a {@link Pagination}.
 *
 * <p>A marker stands right before the word that begins the page in print (counted as {@link WordCounter} counts),
 * outside the inline elements that start with that word and outside any link (so that it never becomes part of a
 * link's name), or before the block when the page begins with it. A page without body text (a blank left-hand
 * page) gets its marker where the next page with text begins, before that page's marker; pages at the very end
 * without text get theirs at the end of the last part. The print book's own pages go to the e-book's namesakes: the
 * title page to {@code title.xhtml}, the copyright page to {@code copyright.xhtml}, the printed contents to the
 * navigation document (their markers at the start of the document's body).
 */
public final class PageBreakMarkers implements XhtmlWriter.BlockHook {
    /**
     * One marker: the page it stands for, and the word before which it stands in its block, or the item (its
     * 0-based index in the block, {@link Pagination.Place#item}) at whose start it stands (-1: by word).
     */
    record Marker(int page, String folio, int word, int item) {}

    /** An entry of the page list: the page's folio and the marker it leads to ({@code file#id}). */
    public record Entry(String label, String href) {}

    /** The documents of the print book's own pages, by {@link Pagination.Place#part}. */
    public static final Map<String, String> OWN_PAGES = Map.of(Pagination.Place.TITLE_PAGE, "title.xhtml",
            Pagination.Place.COPYRIGHT_PAGE, "copyright.xhtml", Pagination.Place.CONTENTS, "nav.xhtml");

    private final Map<String, Map<Integer, List<Marker>>> inBlocks = new HashMap<>();
    /** Markers at the start (and, for trailing blank pages, the end) of a document's body, by file name. */
    private final Map<String, List<Marker>> atStart = new HashMap<>(), atEnd = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    /**
     * @param pagination the print book's pagination
     * @param book       the book the e-book is made of (the parts' file names and blocks)
     */
    public PageBreakMarkers(Pagination pagination, Book book) {
        Map<String, Chapter> parts = new LinkedHashMap<>();
        for (Chapter c : book.allParts()) parts.put(c.slug(), c);
        List<Chapter> all = book.allParts();
        String lastFile = all.isEmpty() ? "nav.xhtml" : all.get(all.size() - 1).fileName();
        List<Pagination.Page> pages = pagination.pages();
        Pagination.Place[] places = new Pagination.Place[pages.size()];
        Pagination.Place next = null;
        for (int i = pages.size() - 1; i >= 0; i--) {
            Pagination.Place p = pages.get(i).start();
            if (p != null && (parts.containsKey(p.part()) || OWN_PAGES.containsKey(p.part()))) next = p;
            places[i] = next; // a page without text takes the next page's place; null: none after it
        }
        for (Pagination.Page page : pages) {
            Pagination.Place p = places[page.index()];
            Chapter inPart = p == null ? null : parts.get(p.part());
            // The index is the one part whose text is not the same in both outputs (its locators are section numbers
            // in the e-book, page numbers in print): its markers go by entry.
            boolean byItem = inPart != null && inPart.generated().equals("index") && p.item() >= 0;
            Marker m = new Marker(page.index(), page.folio(), p == null ? 0 : p.word(), byItem ? p.item() : -1);
            String file;
            if (p == null) {
                file = lastFile;
                atEnd.computeIfAbsent(file, k -> new ArrayList<>()).add(m);
            } else if (OWN_PAGES.containsKey(p.part())) {
                file = OWN_PAGES.get(p.part());
                atStart.computeIfAbsent(file, k -> new ArrayList<>()).add(m);
            } else {
                Chapter c = parts.get(p.part());
                file = c.fileName();
                if (p.block() == Pagination.Place.PART_START || p.block() >= c.blocks().size()) {
                    atStart.computeIfAbsent(file, k -> new ArrayList<>()).add(m);
                } else {
                    inBlocks.computeIfAbsent(c.slug(), k -> new HashMap<>()).computeIfAbsent(p.block(), k -> new ArrayList<>()).add(m);
                }
            }
            entries.add(new Entry(page.folio(), file + "#" + id(page.folio())));
        }
    }

    /** The page list's entries, one a page in page order. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The id of the marker of the page with folio {@code folio}. */
    public static String id(String folio) {
        return "page-" + folio;
    }

    /** The marker of the page with folio {@code folio}, as XHTML. */
    public static String marker(String folio) {
        String label = XhtmlWriter.esc(folio, true);
        return "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"" + XhtmlWriter.esc(id(folio), true)
                + "\" aria-label=\"" + label + "\"/>";
    }

    /**
     * A whole document ({@code file}, an XHTML page of the e-book) with the markers that go at the start of its body
     * (pages that begin with the part's opener, blank pages before it, the print book's own pages) and at its end.
     */
    public String document(String file, String xhtml) {
        List<Marker> start = atStart.getOrDefault(file, List.of()), end = atEnd.getOrDefault(file, List.of());
        if (start.isEmpty() && end.isEmpty()) return xhtml;
        int body = xhtml.indexOf("<body");
        int open = body < 0 ? -1 : xhtml.indexOf('>', body);
        int close = xhtml.lastIndexOf("</body>");
        if (open < 0 || close < 0) throw new IllegalStateException(file + " has no body to hold its page-break markers");
        StringBuilder sb = new StringBuilder(xhtml.length() + 128 * (start.size() + end.size()));
        sb.append(xhtml, 0, open + 1);
        for (Marker m : start) sb.append('\n').append(marker(m.folio()));
        sb.append(xhtml, open + 1, close);
        for (Marker m : end) sb.append(marker(m.folio())).append('\n');
        sb.append(xhtml, close, xhtml.length());
        return sb.toString();
    }

    @Override
    public String written(Chapter ch, int index, String xhtml) {
        Map<Integer, List<Marker>> blocks = inBlocks.get(ch.slug());
        List<Marker> markers = blocks == null ? null : blocks.get(index);
        if (markers == null) return xhtml;
        List<Marker> byWord = new ArrayList<>();
        for (Marker m : markers) {
            if (m.item() < 0) {
                byWord.add(m);
                continue;
            }
            // at the start of the item's content, after the markers of earlier pages there; by word if it is not there
            int end = itemStart(xhtml, m.item());
            if (end < 0) {
                byWord.add(new Marker(m.page(), m.folio(), m.word(), -1));
                continue;
            }
            int put = end;
            while (xhtml.startsWith("<span epub:type=\"pagebreak\"", put)) put = tagEnd(xhtml, put) + 1;
            xhtml = xhtml.substring(0, put) + marker(m.folio()) + xhtml.substring(put);
        }
        return byWord.isEmpty() ? xhtml : insert(xhtml, byWord);
    }

    /**
     * The offset right after the start tag of the {@code n}-th (0-based) item ({@link Pagination.Place#ITEM_TAGS})
     * of {@code xhtml}, or -1.
     */
    static int itemStart(String xhtml, int n) {
        int seen = 0;
        for (int i = xhtml.indexOf('<'); i >= 0; i = xhtml.indexOf('<', i + 1)) {
            if (i + 1 >= xhtml.length() || !Character.isLetter(xhtml.charAt(i + 1))) continue;
            if (!Pagination.Place.ITEM_TAGS.contains(tagName(xhtml, i + 1))) continue;
            int end = tagEnd(xhtml, i);
            if (seen++ == n) return xhtml.charAt(end - 1) == '/' ? -1 : end + 1;
        }
        return -1;
    }

    /** Elements the scanner steps out of when a marker would stand just inside them. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em",
            "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var");

    /**
     * {@code xhtml} (one block as the e-book writer wrote it) with each marker before its word: word 0 before the
     * block, a word beyond the block's last after it.
     */
    static String insert(String xhtml, List<Marker> markers) {
        List<Marker> todo = new ArrayList<>(markers);
        todo.sort(java.util.Comparator.comparingInt(Marker::word).thenComparingInt(Marker::page));
        StringBuilder out = new StringBuilder(xhtml.length() + 128 * todo.size());
        int next = 0;
        while (next < todo.size() && todo.get(next).word() == 0) out.append(marker(todo.get(next++).folio()));
        if (next == todo.size()) return out.append(xhtml).toString();
        WordCounter words = new WordCounter();
        Deque<int[]> openLinks = new ArrayDeque<>(); // start offsets of open <a> elements
        Deque<String> open = new ArrayDeque<>();
        int hop = -1; // where the inline start tags right before the current position begin
        int copied = 0;
        int n = xhtml.length();
        int i = 0;
        while (i < n && next < todo.size()) {
            char c = xhtml.charAt(i);
            if (c == '<') {
                if (xhtml.startsWith("<!--", i)) {
                    int e = xhtml.indexOf("-->", i);
                    i = e < 0 ? n : e + 3;
                    continue;
                }
                if (xhtml.startsWith("<?", i)) {
                    int e = xhtml.indexOf("?>", i);
                    i = e < 0 ? n : e + 2;
                    continue;
                }
                if (xhtml.startsWith("<![CDATA[", i)) {
                    int e = xhtml.indexOf("]]>", i);
                    int end = e < 0 ? n : e;
                    words.text(xhtml, i + 9, end); // markers go before a CDATA section's words, not inside it
                    i = e < 0 ? n : e + 3;
                    hop = -1;
                    continue;
                }
                int end = tagEnd(xhtml, i);
                boolean closing = xhtml.charAt(i + 1) == '/';
                String name = tagName(xhtml, closing ? i + 2 : i + 1);
                boolean selfClosing = !closing && xhtml.charAt(end - 1) == '/';
                if (closing) {
                    if (!open.isEmpty()) open.pop();
                    if (name.equals("a") && !openLinks.isEmpty()) openLinks.pop();
                    if (WordCounter.BLOCK_TAGS.contains(name)) words.separator();
                    hop = -1;
                    i = end + 1;
                    continue;
                }
                String cls = attribute(xhtml, i, end, "class");
                if (WordCounter.hasClass(cls, WordCounter.WRAP_MARK) && !selfClosing) {
                    words.wrapMark();
                    i = skipElement(xhtml, end + 1, name);
                    continue;
                }
                if (WordCounter.BLOCK_TAGS.contains(name) || name.equals("br")) {
                    words.separator();
                    hop = -1;
                } else if (INLINE.contains(name) && !selfClosing) {
                    if (hop < 0) hop = i;
                } else {
                    hop = -1;
                }
                if (!selfClosing) {
                    open.push(name);
                    if (name.equals("a")) openLinks.push(new int[] {i});
                }
                i = end + 1;
                continue;
            }
            int len = 1;
            char ch = c;
            if (c == '&') {
                int semi = xhtml.indexOf(';', i);
                if (semi > i) {
                    ch = entity(xhtml.substring(i + 1, semi));
                    len = semi - i + 1;
                }
            }
            if (!WordCounter.ignorable(ch) && !WordCounter.isSpace(ch) && !words.inWord()) {
                // a word starts here: the markers for it go before it (outside the inline elements it starts, outside links)
                int at = hop >= 0 ? hop : i;
                if (!openLinks.isEmpty()) at = Math.min(at, openLinks.peekLast()[0]);
                while (next < todo.size() && todo.get(next).word() == words.nextWord()) {
                    out.append(xhtml, copied, at).append(marker(todo.get(next++).folio()));
                    copied = at;
                }
            }
            words.text(String.valueOf(ch));
            if (!WordCounter.ignorable(ch)) hop = -1;
            i += len;
        }
        out.append(xhtml, copied, n);
        while (next < todo.size()) out.append(marker(todo.get(next++).folio()));
        return out.toString();
    }

    /**
     * The offset of the {@code >} that ends the tag starting at {@code start} (quoted attribute values skipped), in
     * XHTML this build wrote; the last offset when there is none.
     */
    public static int tagEnd(String s, int start) {
        char quote = 0;
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return s.length() - 1;
    }

    /** The element name at {@code from}, in lower case, without a namespace prefix. */
    static String tagName(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '>' && s.charAt(i) != '/') i++;
        String name = s.substring(from, i).toLowerCase(java.util.Locale.ROOT);
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    /** The value of attribute {@code name} in the start tag {@code s[start..end]}, entities left as written; null if absent. */
    static String attribute(String s, int start, int end, String name) {
        int i = start + 1;
        while (i < end && !Character.isWhitespace(s.charAt(i))) i++;
        while (i < end) {
            while (i < end && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '/')) i++;
            int nameStart = i;
            while (i < end && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '/') i++;
            String attr = s.substring(nameStart, i);
            while (i < end && Character.isWhitespace(s.charAt(i))) i++;
            if (i < end && s.charAt(i) == '=') {
                i++;
                while (i < end && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= end) break;
                char q = s.charAt(i);
                int valueStart = q == '"' || q == '\'' ? i + 1 : i;
                int valueEnd = q == '"' || q == '\'' ? s.indexOf(q, valueStart) : valueStart;
                if (q != '"' && q != '\'') while (valueEnd < end && !Character.isWhitespace(s.charAt(valueEnd))) valueEnd++;
                if (valueEnd < 0 || valueEnd > end) valueEnd = end;
                if (attr.equals(name)) return s.substring(valueStart, valueEnd);
                i = q == '"' || q == '\'' ? valueEnd + 1 : valueEnd;
            } else if (attr.isEmpty()) {
                i++;
            }
        }
        return null;
    }

    /** The offset after the end tag that closes the element {@code name} whose content starts at {@code from}. */
    private static int skipElement(String s, int from, String name) {
        int depth = 1;
        int i = from;
        while (i < s.length()) {
            int lt = s.indexOf('<', i);
            if (lt < 0) return s.length();
            int end = tagEnd(s, lt);
            if (s.startsWith("<!--", lt)) {
                int e = s.indexOf("-->", lt);
                i = e < 0 ? s.length() : e + 3;
                continue;
            }
            boolean closing = lt + 1 < s.length() && s.charAt(lt + 1) == '/';
            String n = tagName(s, closing ? lt + 2 : lt + 1);
            if (n.equals(name)) {
                if (closing) {
                    if (--depth == 0) return end + 1;
                } else if (s.charAt(end - 1) != '/') {
                    depth++;
                }
            }
            i = end + 1;
        }
        return s.length();
    }

    /** The character an entity reference ({@code amp}, {@code #xa0}, …) stands for; an unknown one counts as a letter. */
    static char entity(String ref) {
        switch (ref) {
            case "amp": return '&';
            case "lt": return '<';
            case "gt": return '>';
            case "quot": return '"';
            case "apos": return '\'';
            case "nbsp": return '\u00A0';
            case "shy": return '\u00AD';
            default: break;
        }
        try {
            if (ref.startsWith("#x") || ref.startsWith("#X")) return (char) Integer.parseInt(ref.substring(2), 16);
            if (ref.startsWith("#")) return (char) Integer.parseInt(ref.substring(1));
        } catch (NumberFormatException e) {
            return 'x';
        }
        return 'x';
    }
}
