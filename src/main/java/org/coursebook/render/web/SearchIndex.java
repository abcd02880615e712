package org.coursebook.render.web;

import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Footnote;
import org.coursebook.model.LecturePoint;
import org.coursebook.model.Node;
import org.coursebook.model.Term;
import org.coursebook.model.Tree;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The web edition's search index, built from the document tree at build time: an inverted index from words to
 * the places that use them, written as JSON for the search script ({@code search.js}) to load.
 *
 * <p>A place ("document") is a part's opening (its title, subtitle, summary, lecture points, key terms, notes and
 * the text before its first section) or one of its sections (a {@code ##} heading and the text up to the next).
 * A word is a run of letters and digits (Unicode: Latin, Cyrillic, Greek … alike), in lower case, its combining
 * marks removed (so {@code за́мок} is found as {@code замок}, and {@code ё} as {@code е}); words of one character
 * are left out. The script splits a query the same way ({@link #words}), so the two agree. Each place gets a
 * weight for each of its words: how often it is used, counted {@value #TITLE} times in a title, {@value #HEADING}
 * in a section heading, {@value #TERM} for a key term or its transliteration (so {@code kolkhoz} finds the
 * chapter that declares {@code колхоз}), {@value #FRONT} in a subtitle, summary or lecture point.
 *
 * <p>The JSON: {@code {"docs": [[href, part title, section title or ""], …], "words": {word: [doc, weight, doc,
 * weight, …], …}}}, words in UTF-16 order (as JavaScript sorts strings), places in reading order. It is written inside a call,
 * {@code coursebookSearchIndex({...});}, so that the script can load it with a {@code <script>} element: a
 * browser refuses to fetch a JSON file beside a page opened from {@code file://}.
 */
public final class SearchIndex {
    static final int TITLE = 10;
    static final int HEADING = 5;
    static final int TERM = 8;
    static final int FRONT = 2;
    /** The function the index file calls with the index (defined by {@code search.js}). */
    public static final String CALLBACK = "coursebookSearchIndex";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchIndex() {}

    /** One place a search can land on. */
    private record Doc(String href, String part, String section) {}

    /**
     * The words of {@code text} as the index holds them: lower case ({@link Locale#ROOT}), decomposed (NFD) with
     * the combining marks removed, split at everything that is not a letter or digit; words of one character
     * left out. {@code search.js} does the same to a query.
     */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        forEachWord(text, out::add);
        return out;
    }

    /** Gives each word of {@code text} ({@link #words}) to {@code f}, without a list. */
    static void forEachWord(String text, java.util.function.Consumer<String> f) {
        String s = text.toLowerCase(Locale.ROOT);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!letterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean ascii = true;
            // a word runs on through the combining marks inside it (за́мок), which are removed below
            while (i < n) {
                cp = s.codePointAt(i);
                if (!letterOrDigit(cp) && !mark(cp)) break;
                if (cp >= 0x80) ascii = false;
                i += Character.charCount(cp);
            }
            String w = s.substring(start, i);
            if (!ascii) w = MARKS.matcher(Normalizer.normalize(w, Normalizer.Form.NFD)).replaceAll("");
            if (w.codePointCount(0, w.length()) > 1) f.accept(w);
        }
    }

    /** Whether a code point is a letter or a number (Unicode L and N: JavaScript's {@code [\p{L}\p{N}]}). */
    private static boolean letterOrDigit(int cp) {
        if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        if (Character.isLetter(cp)) return true;
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static boolean mark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    /**
     * The index file's text for {@code book}: {@code coursebookSearchIndex(<JSON>);}.
     *
     * @param href a part's page and an anchor in it ("" for its start) as a link from the web edition's folder
     */
    public static String build(Book book, BiFunction<Chapter, String, String> href) {
        // each part on its own (in parallel), then merged in reading order
        List<Part> parts = book.allParts().parallelStream().map(ch -> part(ch, href)).toList();
        List<Doc> docs = new ArrayList<>();
        Map<String, Postings> postings = new java.util.HashMap<>();
        for (Part p : parts) {
            int offset = docs.size();
            docs.addAll(p.docs());
            for (Map.Entry<String, Postings> e : p.words().entrySet()) {
                postings.computeIfAbsent(e.getKey(), k -> new Postings()).addAll(e.getValue(), offset);
            }
        }
        List<String> sorted = new ArrayList<>(postings.keySet());
        sorted.sort(null); // UTF-16 order, as JavaScript's sort() orders the words
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append(CALLBACK).append("({\"docs\":[");
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            if (i > 0) sb.append(",\n");
            sb.append('[');
            string(sb, d.href());
            sb.append(',');
            string(sb, d.part());
            sb.append(',');
            string(sb, d.section());
            sb.append(']');
        }
        sb.append("],\n\"words\":{");
        boolean first = true;
        for (String word : sorted) {
            if (!first) sb.append(",\n");
            first = false;
            string(sb, word);
            sb.append(":[");
            Postings p = postings.get(word);
            for (int i = 0; i < p.size; i++) {
                if (i > 0) sb.append(',');
                sb.append(p.pairs[i]);
            }
            sb.append(']');
        }
        sb.append("}});\n");
        return sb.toString();
    }

    /** One part's places, and its words with their weight in each place (numbered from 0 within the part). */
    private record Part(List<Doc> docs, Map<String, Postings> words) {}

    /** The places a word is used, as pairs (place, weight) in increasing order of place, in one int array. */
    private static final class Postings {
        int[] pairs = new int[4];
        int size;

        /** Adds {@code weight} for place {@code doc}, which is the last place added or a later one. */
        void add(int doc, int weight) {
            if (size > 0 && pairs[size - 2] == doc) {
                pairs[size - 1] += weight;
                return;
            }
            if (size + 2 > pairs.length) pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
            pairs[size++] = doc;
            pairs[size++] = weight;
        }

        /** Adds another part's pairs, its places moved by {@code offset}. */
        void addAll(Postings other, int offset) {
            for (int i = 0; i < other.size; i += 2) add(other.pairs[i] + offset, other.pairs[i + 1]);
        }
    }

    private static Part part(Chapter ch, BiFunction<Chapter, String, String> href) {
        List<Doc> docs = new ArrayList<>();
        Map<String, Postings> words = new java.util.HashMap<>();
        String part = ch.isNumbered() ? ch.label() + ". " + ch.title() : ch.title();
        int doc = 0;
        docs.add(new Doc(href.apply(ch, ""), part, ""));
        add(words, doc, ch.title(), TITLE);
        if (!ch.label().isEmpty()) add(words, doc, ch.label(), TITLE);
        add(words, doc, Tree.plainText(ch.subtitle()), FRONT);
        add(words, doc, Tree.plainText(ch.summary()), FRONT);
        for (LecturePoint p : ch.lecturePoints()) add(words, doc, Tree.plainText(p.content()), FRONT);
        for (Term t : ch.terms()) {
            add(words, doc, t.term(), TERM);
            add(words, doc, t.translit(), TERM);
            add(words, doc, t.meaning(), 1);
        }
        for (Footnote f : ch.footnotes()) add(words, doc, Tree.rawText(f.content()), 1);
        for (Block b : ch.blocks()) {
            if (b instanceof Block.Heading h && h.level() == 2) {
                doc = docs.size();
                docs.add(new Doc(href.apply(ch, h.id()), part, h.text()));
                add(words, doc, h.text(), HEADING);
                continue;
            }
            add(words, doc, Tree.rawText(List.<Node>of(b)), 1);
        }
        return new Part(docs, words);
    }

    private static void add(Map<String, Postings> postings, int doc, String text, int weight) {
        if (text.isEmpty()) return;
        forEachWord(text, w -> postings.computeIfAbsent(w, k -> new Postings()).add(doc, weight));
    }

    /**
     * Appends {@code s} as a JSON string (RFC 8259 §7): quotation mark, reverse solidus and control characters
     * escaped, and U+2028 and U+2029, which older JavaScript does not allow in a string literal.
     */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
