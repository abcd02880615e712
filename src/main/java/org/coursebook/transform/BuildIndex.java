package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Attrs;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Element;
import org.coursebook.model.IndexTerms;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Slugs;
import org.coursebook.model.Target;
import org.coursebook.model.Term;
import org.coursebook.model.Tree;

import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fills the generated back-of-book index ({@code - generate: index} in the manifest; README "The index") and
 * places its anchors in the text. Entries come from three places:
 * <ul>
 *   <li>the index file ({@code index.yaml}, {@link IndexTerms}): each entry's words are looked for in the front
 *   matter, the chapters and the appendices, and each section ({@code ##} heading, or the text before the first)
 *   where one occurs gives one locator, at its first occurrence there. A sub-entry ("main; sub") is located only
 *   in sections where its main entry is;</li>
 *   <li>the chapters' key terms (front matter {@code terms}), which are also the glossary's: found the same way by
 *   the term and its transliteration, listed under the transliteration and, for a term in another script, under
 *   the term itself (in its own script's group), with the glossary's definition as a bold locator;</li>
 *   <li>the author's marks in the text, {@code [text]{.index}} and {@code [text]{index="entry"}} (every mark is a
 *   locator) and {@code {index="entry"}} on a heading (its section is a page range).</li>
 * </ul>
 * The index page is grouped by initial letter, Latin-script entries first in the book language's collation,
 * then each other script's in its own (Russian for Cyrillic), with sub-entries, "see" and "see also" (EPUB Indexes
 * 1.0 §2 semantics: {@code index-group}, {@code index-entry-list}, {@code index-entry}, {@code index-term},
 * {@code index-locator}, {@code index-xref-preferred}, {@code index-xref-related}). Entries of the index file
 * that are found nowhere, and "see" references to entries that do not exist, are warnings at the file's line.
 */
final class BuildIndex implements Transform {
    /** Above this many locators an entry gets style advice (with --strict): a reader cannot use them all. */
    private static final int MAX_LOCATORS_BEFORE_ADVICE = 25;

    @Override
    public Book apply(Book book, Diagnostics diag) {
        Chapter indexPart = book.allParts().stream().filter(c -> c.generated().equals("index")).findFirst().orElse(null);
        if (indexPart == null) {
            book.allParts().stream().flatMap(c -> Tree.collect(c.blocks(), Inline.IndexMark.class).stream()).findFirst()
                    .ifPresent(m -> diag.note(m.pos(), "the text marks index entries, but the book has no index",
                            "add '- generate: index' to back-matter in the manifest"));
            return book;
        }
        Entries entries = new Entries();
        for (IndexTerms.Entry e : book.indexTerms().entries()) entries.fromFile(e);
        Chapter glossary = book.allParts().stream().filter(Chapter::isGlossary).findFirst().orElse(null);
        List<Chapter> indexed = new ArrayList<>();
        for (Chapter c : book.frontMatter()) if (c.generated().isEmpty()) indexed.add(c);
        indexed.addAll(book.chapters());
        for (Chapter c : book.backMatter()) if (c.isAppendix()) indexed.add(c);
        for (Chapter c : indexed) for (Term t : c.terms()) entries.fromTerm(t, glossary);

        Matcher matcher = new Matcher(entries.all.values());
        Map<Chapter, Chapter> rewritten = new HashMap<>();
        for (int i = 0; i < indexed.size(); i++) rewritten.put(indexed.get(i), place(indexed.get(i), i, entries, matcher));

        for (Entry e : entries.all.values()) {
            if (e.fromFile && e.locators.isEmpty() && e.see.isEmpty() && e.seeAlso.isEmpty() && !e.phrases.isEmpty()) {
                diag.warning(e.pos, "the index entry '" + e.heading + "' is found nowhere in the text (" + String.join(", ", e.phrases) + ")",
                        "check the words after the entry, or mark the place with [text]{index=\"" + e.heading + "\"}");
            }
            if (e.locators.size() > MAX_LOCATORS_BEFORE_ADVICE && e.pos != null) {
                diag.advice(e.pos, "the index entry '" + e.heading + "' has " + e.locators.size() + " locators",
                        "a reader cannot use so many: divide it into sub-entries ('" + e.heading + "; and …')");
            }
        }
        List<Block> blocks = page(indexPart, entries, book.meta().language(), diag);
        List<Chapter> front = new ArrayList<>(), body = new ArrayList<>(), back = new ArrayList<>();
        for (Chapter c : book.frontMatter()) front.add(c == indexPart ? c.withBlocks(blocks) : rewritten.getOrDefault(c, c));
        for (Chapter c : book.chapters()) body.add(rewritten.getOrDefault(c, c));
        for (Chapter c : book.backMatter()) back.add(c == indexPart ? c.withBlocks(blocks) : rewritten.getOrDefault(c, c));
        return book.withParts(front, body, back);
    }

    // ---- entries ----

    /** One entry of the index, main or sub. */
    private static final class Entry {
        final String heading, main, sub;
        final List<String> phrases = new ArrayList<>();
        String see = "";
        final List<String> seeAlso = new ArrayList<>();
        final SourcePos pos;
        boolean fromFile;
        /** The locators with their place in reading order (part, top-level block, then as found). */
        final List<Located> locators = new ArrayList<>();

        Entry(String heading, SourcePos pos) {
            this.heading = heading;
            int semi = heading.indexOf(';');
            this.main = semi < 0 ? heading : heading.substring(0, semi).strip();
            this.sub = semi < 0 ? null : heading.substring(semi + 1).strip();
            this.pos = pos;
        }
    }

    private record Located(long order, Inline.IndexLocators.Locator locator) {}

    private static final class Entries {
        final Map<String, Entry> all = new LinkedHashMap<>();

        Entry get(String heading, SourcePos pos) {
            String h = heading.strip().replaceAll("\\s*;\\s*", "; ").replaceAll("\\s+", " ");
            return all.computeIfAbsent(h, k -> new Entry(k, pos));
        }

        void fromFile(IndexTerms.Entry f) {
            Entry e = get(f.heading(), f.pos());
            e.fromFile = true;
            for (String p : f.find()) if (!e.phrases.contains(p)) e.phrases.add(p);
            e.see = f.see();
            e.seeAlso.addAll(f.seeAlso());
        }

        /**
         * A key term: under its transliteration (or itself), found by the term and its transliteration, with the
         * glossary's definition; a term in another script also stands in its script's group, referring to that entry.
         */
        void fromTerm(Term t, Chapter glossary) {
            String heading = t.translit().isEmpty() ? t.term() : t.translit() + " (" + t.term() + ")";
            Entry e = get(heading, null);
            for (String p : t.translit().isEmpty() ? List.of(t.term()) : List.of(t.translit(), t.term())) {
                if (!e.phrases.contains(p)) e.phrases.add(p);
            }
            if (glossary != null && e.locators.stream().noneMatch(l -> l.locator().definition())) {
                e.locators.add(new Located(Long.MAX_VALUE, new Inline.IndexLocators.Locator(
                        new Target.Ref(glossary.id(), "term-" + Slugs.slugify(t.sortKey())), null, glossary.title(), true, false)));
            }
            if (!t.translit().isEmpty()) {
                Entry own = get(t.term(), null);
                if (own.see.isEmpty() && own.phrases.isEmpty()) own.see = heading;
            }
        }
    }

    // ---- finding the words ----

    /** A phrase of an entry's words as tokens; a last token ending in '*' matches any ending. */
    private record Phrase(List<String> tokens, List<String> separators, boolean wildcard, boolean foldFirst, List<Entry> entries) {
        boolean matches(List<String> text, int at) {
            if (at + tokens.size() > text.size()) return false;
            for (int k = 0; k < tokens.size(); k++) {
                String want = tokens.get(k), got = text.get(at + k);
                boolean last = k == tokens.size() - 1;
                if (k == 0 && foldFirst && !got.isEmpty()) got = Character.toLowerCase(got.charAt(0)) + got.substring(1);
                if (last && wildcard ? !got.startsWith(want) : !(got.equals(want) || last && plural(got, want))) return false;
            }
            return true;
        }
    }

    /** Whether {@code got} is {@code want} with an English plural ending: "famines", "churches". */
    private static boolean plural(String got, String want) {
        return got.length() == want.length() + 1 && got.endsWith("s") && got.startsWith(want)
                || got.length() == want.length() + 2 && got.endsWith("es") && got.startsWith(want);
    }

    /** Finds every entry's phrases in text tokens, looked up by their first four letters. */
    private static final class Matcher {
        final Map<String, List<Phrase>> byKey = new HashMap<>();
        final List<Phrase> short_ = new ArrayList<>();

        Matcher(java.util.Collection<Entry> entries) {
            Map<String, Phrase> phrases = new LinkedHashMap<>();
            for (Entry e : entries) {
                for (String p : e.phrases) {
                    String norm = p.strip();
                    Phrase ph = phrases.get(norm);
                    if (ph == null) {
                        boolean wildcard = norm.endsWith("*");
                        String text = wildcard ? norm.substring(0, norm.length() - 1) : norm;
                        List<Token> ts = tokens(text);
                        if (ts.isEmpty()) continue;
                        List<String> tokens = ts.stream().map(Token::text).toList();
                        List<String> seps = new ArrayList<>();
                        for (int k = 0; k + 1 < ts.size(); k++) seps.add(separator(text, ts.get(k).end(), ts.get(k + 1).start()));
                        boolean fold = Character.isLowerCase(tokens.get(0).charAt(0));
                        ph = new Phrase(tokens, seps, wildcard, fold, new ArrayList<>());
                        phrases.put(norm, ph);
                        String first = tokens.get(0);
                        if (wildcard && tokens.size() == 1 && first.length() < 4) short_.add(ph);
                        else byKey.computeIfAbsent(key(first), k -> new ArrayList<>()).add(ph);
                    }
                    ph.entries().add(e);
                }
            }
        }

        static String key(String token) {
            return token.substring(0, Math.min(4, token.length())).toLowerCase(Locale.ROOT);
        }

        /** The longest phrase that starts at token {@code at}, or null. */
        Phrase at(List<String> words, int at, String text, List<Token> tokens) {
            Phrase best = null;
            List<Phrase> candidates = byKey.get(key(words.get(at)));
            if (candidates != null) {
                for (Phrase p : candidates) {
                    if ((best == null || p.tokens().size() > best.tokens().size()) && p.matches(words, at) && separated(p, at, text, tokens)) best = p;
                }
            }
            if (best == null) for (Phrase p : short_) if (p.matches(words, at)) return p;
            return best;
        }

        /** Whether the text has the phrase's separators between its words. */
        private static boolean separated(Phrase p, int at, String text, List<Token> tokens) {
            for (int k = 0; k + 1 < p.tokens().size(); k++) {
                if (!separator(text, tokens.get(at + k).end(), tokens.get(at + k + 1).start()).equals(p.separators().get(k))) return false;
            }
            return true;
        }
    }

    private record Token(String text, int start, int end) {}

    /** The words of a text: runs of letters and digits (an apostrophe or a hyphen ends a word). */
    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(s.codePointAt(i)) || Character.getType(s.codePointAt(i)) == Character.NON_SPACING_MARK)) {
                i += Character.charCount(s.codePointAt(i));
            }
            out.add(new Token(s.substring(start, i), start, i));
        }
        return out;
    }

    /**
     * What stands between two words, compared between a phrase and the text: runs of spaces and hyphens are one
     * space, a typographic apostrophe is a straight one ("People’s Will" matches "People's Will", "Brest Litovsk"
     * matches "Brest-Litovsk", and "Stalin. Joseph" does not match "Stalin Joseph").
     */
    private static String separator(String s, int from, int to) {
        return s.substring(from, to).replace('\u2019', '\'').replaceAll("[\\s\u00a0\u2011-]+", " ");
    }

    // ---- placing the anchors ----

    /** Per part: the running anchor number and the section being scanned. */
    private static final class Place {
        final Chapter ch;
        final int partIndex;
        int block, seq;
        int next = 1;
        String section = "", label = "";
        final Set<Entry> placed = new HashSet<>();
        Set<Entry> allowed = Set.of();

        Place(Chapter ch, int partIndex) {
            this.ch = ch;
            this.partIndex = partIndex;
        }

        /** The reading-order key of a locator found now. */
        long order() {
            return partIndex * 100_000_000L + block * 10_000L + Math.min(seq++, 9_999);
        }

        String id() {
            return "ix-" + next++;
        }

        boolean front() {
            return ch.kind() == Chapter.Kind.FRONT;
        }
    }

    /** The part with the index's anchors placed, and each entry's locators recorded. */
    private static Chapter place(Chapter ch, int partIndex, Entries entries, Matcher matcher) {
        Place place = new Place(ch, partIndex);
        List<List<Block>> sections = sections(ch.blocks());
        // first: which entries each section has, so that a sub-entry is placed only beside its main entry
        List<Set<Entry>> found = new ArrayList<>();
        for (List<Block> s : sections) {
            Set<Entry> in = new HashSet<>();
            scan(s, matcher, (p, text, tokens, at) -> in.addAll(p.entries()));
            found.add(in);
        }
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            List<Block> s = sections.get(i);
            place.section = "s" + i;
            place.label = label(ch, s);
            place.placed.clear();
            Set<Entry> in = found.get(i);
            Set<String> mains = new HashSet<>();
            for (Entry e : in) if (e.sub == null) mains.add(e.main);
            Set<Entry> allowed = new HashSet<>();
            for (Entry e : in) {
                Entry main = e.sub == null ? null : entries.all.get(e.main);
                boolean mainFindable = main != null && !main.phrases.isEmpty();
                if (e.sub == null || !mainFindable || mains.contains(e.main)) allowed.add(e);
            }
            place.allowed = allowed;
            for (Block b : s) {
                place.block = out.size();
                place.seq = 0;
                out.addAll(mark(List.of(b), entries, matcher, place));
            }
        }
        out = ranges(out, place, entries);
        return out.equals(ch.blocks()) ? ch : ch.withBlocks(out);
    }

    /** The blocks split before each level-2 heading (the text before the first is a section too). */
    private static List<List<Block>> sections(List<Block> blocks) {
        List<List<Block>> out = new ArrayList<>();
        List<Block> cur = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.Heading h && h.level() == 2 && !cur.isEmpty()) {
                out.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(b);
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    /** A locator's text for a section: its number ("6.2"), else the part's number ("6"), else the part's title. */
    private static String label(Chapter ch, List<Block> section) {
        if (section.get(0) instanceof Block.Heading h && !h.number().isEmpty()) return h.number();
        return ch.numeral().isEmpty() ? ch.title() : ch.numeral();
    }

    @FunctionalInterface
    private interface Hit {
        void at(Phrase p, String text, List<Token> tokens, int at);
    }

    /**
     * Whether the words of a node are looked in: not code, listings, lifted copies, marks already made, nor
     * headings (their text is repeated in the contents, where an anchor's id would be repeated too).
     */
    private static boolean searchable(Node n) {
        return !(n instanceof Inline.Code || n instanceof Block.Listing || n instanceof Block.PullQuote || n instanceof Block.Heading
                || n instanceof Inline.IndexMark || n instanceof Inline.Image
                || n instanceof Element e && (e.tag().equals("code") || e.tag().equals("pre") || e.tag().equals("script")));
    }

    private static void scan(List<Block> blocks, Matcher matcher, Hit hit) {
        Tree.forEachWhere(blocks, BuildIndex::searchable, n -> {
            if (n instanceof Inline.Text t) scanText(t.text(), matcher, hit);
        });
    }

    private static void scanText(String text, Matcher matcher, Hit hit) {
        List<Token> tokens = tokens(text);
        if (tokens.isEmpty()) return;
        List<String> words = tokens.stream().map(Token::text).toList();
        for (int i = 0; i < tokens.size(); i++) {
            Phrase p = matcher.at(words, i, text, tokens);
            if (p == null) continue;
            int last = i + p.tokens().size() - 1;
            hit.at(p, text, tokens, i);
            i = last;
        }
    }

    /** The section's blocks with the first occurrence of each allowed entry marked, and the author's marks given ids. */
    private static List<Block> mark(List<Block> section, Entries entries, Matcher matcher, Place place) {
        return Tree.mapWhere(section, BuildIndex::searchable, n -> {
            if (n instanceof Inline.Text t) return markText(t.text(), matcher, place);
            return List.of(n);
        }).stream().map(b -> (Block) authorMarks(b, entries, place)).toList();
    }

    private static List<Node> markText(String text, Matcher matcher, Place place) {
        List<Node> out = new ArrayList<>();
        int[] done = {0};
        scanText(text, matcher, (p, s, tokens, at) -> {
            List<Entry> fresh = new ArrayList<>();
            for (Entry e : p.entries()) if (place.allowed.contains(e) && !place.placed.contains(e)) fresh.add(e);
            if (fresh.isEmpty()) return;
            int start = tokens.get(at).start(), end = tokens.get(at + p.tokens().size() - 1).end();
            if (start > done[0]) out.add(new Inline.Text(s.substring(done[0], start)));
            String id = place.id();
            for (Entry e : fresh) {
                place.placed.add(e);
                e.locators.add(new Located(place.order(), new Inline.IndexLocators.Locator(new Target.Ref(place.ch.id(), id), null, place.label, false, place.front())));
            }
            out.add(new Inline.IndexMark(fresh.get(0).heading, id, false, List.of(new Inline.Text(s.substring(start, end))), null));
            done[0] = end;
        });
        if (out.isEmpty()) return List.of(new Inline.Text(text));
        if (done[0] < text.length()) out.add(new Inline.Text(text.substring(done[0])));
        return out;
    }

    /** The author's own marks in a block: each gets an id and is a locator of its entry. */
    private static Node authorMarks(Block b, Entries entries, Place place) {
        List<Block> one = Tree.map(List.of(b), n -> {
            if (n instanceof Inline.IndexMark m && m.id().isEmpty() && !m.section()) {
                String heading = m.entry().isEmpty() ? Tree.plainText(m.content()) : m.entry();
                if (heading.isEmpty()) return List.of(n);
                Entry e = entries.get(heading, m.pos());
                String id = place.id();
                e.locators.add(new Located(place.order(), new Inline.IndexLocators.Locator(new Target.Ref(place.ch.id(), id), null, place.label, false, place.front())));
                return List.of(m.withId(id));
            }
            return List.of(n);
        });
        return one.get(0);
    }

    /**
     * Each heading indexed as a range ({@code ## Title {index="entry"}}): the mark comes off the heading (whose id
     * is the range's start), and an empty anchor goes where its section ends (the range's last page).
     */
    private static List<Block> ranges(List<Block> blocks, Place place, Entries entries) {
        List<Block> out = new ArrayList<>(blocks);
        for (int i = out.size() - 1; i >= 0; i--) {
            if (!(out.get(i) instanceof Block.Heading h)) continue;
            List<Inline.IndexMark> marks = Tree.collect(h.content(), Inline.IndexMark.class).stream().filter(Inline.IndexMark::section).toList();
            if (marks.isEmpty()) continue;
            List<Inline> content = Tree.map(h.content(), n -> n instanceof Inline.IndexMark m && m.section() ? List.copyOf(m.content()) : List.of(n));
            out.set(i, new Block.Heading(h.level(), h.id(), content, h.number(), h.pos()));
            int end = i + 1;
            while (end < out.size() && !(out.get(end) instanceof Block.Heading next && next.level() <= h.level())) end++;
            String endId = place.id() + "-end";
            out.add(end, new Element("div", Attrs.of("id", endId, "class", "index-range-end"), List.of(), h.pos()));
            String label = !h.number().isEmpty() ? h.number() : place.ch.numeral().isEmpty() ? place.ch.title() : place.ch.numeral();
            place.block = i;
            place.seq = 0;
            for (Inline.IndexMark m : marks) {
                String heading = m.entry().isEmpty() ? Tree.plainText(m.content()) : m.entry();
                entries.get(heading, m.pos()).locators.add(new Located(place.order(), new Inline.IndexLocators.Locator(
                        new Target.Ref(place.ch.id(), h.id()), new Target.Ref(place.ch.id(), endId), label, false, place.front())));
            }
        }
        return out;
    }

    // ---- the index page ----

    private List<Block> page(Chapter part, Entries entries, String language, Diagnostics diag) {
        SourcePos pos = part.pos();
        // main entries with their sub-entries; a sub-entry whose main entry is not listed makes it
        Map<String, Entry> mains = new LinkedHashMap<>();
        Map<String, List<Entry>> subs = new LinkedHashMap<>();
        for (Entry e : entries.all.values()) {
            if (e.sub == null) mains.put(e.heading, e);
            else subs.computeIfAbsent(e.main, k -> new ArrayList<>()).add(e);
        }
        for (String m : subs.keySet()) mains.computeIfAbsent(m, k -> entries.get(k, null));
        Map<String, String> ids = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (String h : mains.keySet()) {
            String id = "ixe-" + Slugs.slugify(h);
            for (int k = 2; !used.add(id); k++) id = "ixe-" + Slugs.slugify(h) + "-" + k;
            ids.put(h, id);
        }
        // what to print: an entry with locators, sub-entries or references
        List<Entry> shown = new ArrayList<>();
        for (Entry e : mains.values()) {
            List<Entry> s = subs.getOrDefault(e.heading, List.of()).stream().filter(BuildIndex::hasContent).toList();
            if (hasContent(e) || !s.isEmpty()) shown.add(e);
        }
        for (Entry e : entries.all.values()) {
            List<String> refs = new ArrayList<>(e.seeAlso);
            if (!e.see.isEmpty()) refs.add(e.see);
            for (String r : refs) {
                if (!ids.containsKey(r) && e.pos != null) {
                    diag.warning(e.pos, "'" + e.heading + "' refers to '" + r + "', which is not an entry of the index",
                            "write the other entry's heading exactly as it is listed (a main entry, not a sub-entry)");
                }
            }
        }
        Locale locale = Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language);
        // groups: Latin script first (the book's collation), then each other script in its own
        Map<Character.UnicodeScript, List<Entry>> byScript = new TreeMap<>(Comparator.comparing(
                (Character.UnicodeScript sc) -> sc == Character.UnicodeScript.LATIN || sc == Character.UnicodeScript.COMMON ? 0 : 1)
                .thenComparing(Enum::ordinal));
        for (Entry e : shown) byScript.computeIfAbsent(script(e.heading), k -> new ArrayList<>()).add(e);
        List<Node> groups = new ArrayList<>();
        for (Map.Entry<Character.UnicodeScript, List<Entry>> g : byScript.entrySet()) {
            Locale loc = g.getKey() == Character.UnicodeScript.CYRILLIC ? Locale.forLanguageTag("ru")
                    : g.getKey() == Character.UnicodeScript.GREEK ? Locale.forLanguageTag("el") : locale;
            String lang = loc.equals(locale) ? "" : loc.toLanguageTag();
            Collator collator = Collator.getInstance(loc);
            List<Entry> list = g.getValue();
            list.sort((a, b) -> collator.compare(sortKey(a.heading), sortKey(b.heading)));
            Map<String, List<Entry>> byLetter = new LinkedHashMap<>();
            for (Entry e : list) byLetter.computeIfAbsent(letter(e.heading), k -> new ArrayList<>()).add(e);
            for (Map.Entry<String, List<Entry>> l : byLetter.entrySet()) {
                String gid = "ixg-" + Slugs.slugify(l.getKey().equals("#") ? "numbers" : l.getKey());
                List<Node> items = new ArrayList<>();
                for (Entry e : l.getValue()) {
                    List<Entry> s = new ArrayList<>(subs.getOrDefault(e.heading, List.of()).stream().filter(BuildIndex::hasContent).toList());
                    s.sort((a, b) -> collator.compare(sortKey(a.sub), sortKey(b.sub)));
                    items.add(item(e, e.heading, s, ids, part, lang, pos));
                }
                Attrs hAttrs = Attrs.of("id", gid, "class", "index-letter");
                if (!lang.isEmpty()) hAttrs = hAttrs.with("lang", lang).with("xml:lang", lang);
                groups.add(new Element("section", Attrs.of("class", "index-group", "epub:type", "index-group", "aria-labelledby", gid), List.of(
                        new Element("h2", hAttrs, List.of(new Inline.Text(l.getKey().equals("#") ? "Numbers" : l.getKey())), pos),
                        new Element("ul", Attrs.of("class", "index-entries", "epub:type", "index-entry-list"), items, pos)), pos));
            }
        }
        List<Block> blocks = new ArrayList<>();
        if (groups.isEmpty()) {
            blocks.add(new Block.Para(List.of(new Inline.Text("The book has no index entries yet.")), Attrs.NONE, pos));
        } else {
            // the sentence on bold only when some entry has a definition (a book without a glossary has none)
            boolean definitions = entries.all.values().stream().anyMatch(e -> e.locators.stream().anyMatch(l -> l.locator().definition()));
            blocks.add(new Block.Para(List.of(new Inline.Text("Numbers refer to pages in the print edition, and to the "
                    + "numbered sections of the chapters (6.2: chapter 6, section 2) in the e-book and on the web."
                    + (definitions ? " Bold marks a term's definition in the glossary." : ""))),
                    Attrs.of("class", "index-headnote", "epub:type", "index-headnotes"), pos));
            blocks.add(new Element("div", Attrs.of("class", "index-groups"), groups, pos));
        }
        return blocks;
    }

    private static boolean hasContent(Entry e) {
        return !e.locators.isEmpty() || !e.see.isEmpty() || !e.seeAlso.isEmpty();
    }

    /** One entry's list item: its term, locators, references, and its sub-entries' list. */
    private static Element item(Entry e, String text, List<Entry> subs, Map<String, String> ids, Chapter part, String lang, SourcePos pos) {
        List<Node> kids = new ArrayList<>();
        Attrs termAttrs = Attrs.of("class", "index-term", "epub:type", "index-term");
        kids.add(new Element("span", termAttrs, List.of(new Inline.Text(text)), pos));
        if (!e.locators.isEmpty()) {
            kids.add(new Inline.Text(" "));
            kids.add(new Inline.IndexLocators(e.locators.stream().sorted(Comparator.comparingLong(Located::order)).map(Located::locator).toList()));
        }
        if (!e.see.isEmpty()) {
            kids.add(new Inline.Text(e.locators.isEmpty() ? " " : ". "));
            kids.add(new Element("span", Attrs.of("class", "index-see", "epub:type", "index-xref-preferred"),
                    refs("see", List.of(e.see), ids, part), pos));
        }
        if (!e.seeAlso.isEmpty()) {
            kids.add(new Inline.Text(e.locators.isEmpty() && e.see.isEmpty() ? " " : ". "));
            kids.add(new Element("span", Attrs.of("class", "index-see", "epub:type", "index-xref-related"),
                    refs(e.locators.isEmpty() && e.see.isEmpty() ? "see also" : "See also", e.seeAlso, ids, part), pos));
        }
        if (!subs.isEmpty()) {
            List<Node> items = new ArrayList<>();
            for (Entry s : subs) items.add(item(s, s.sub, List.of(), ids, part, "", pos));
            kids.add(new Element("ul", Attrs.of("class", "index-entries", "epub:type", "index-entry-list"), items, pos));
        }
        Attrs attrs = Attrs.of("epub:type", "index-entry");
        if (e.sub == null && ids.containsKey(e.heading)) attrs = attrs.with("id", ids.get(e.heading));
        if (!lang.isEmpty()) attrs = attrs.with("lang", lang).with("xml:lang", lang);
        return new Element("li", attrs, kids, pos);
    }

    /** "see Heading" / "see also A; B", each heading a link to its entry. */
    private static List<Node> refs(String word, List<String> headings, Map<String, String> ids, Chapter part) {
        List<Node> out = new ArrayList<>();
        out.add(new Inline.Emph(List.of(new Inline.Text(word))));
        out.add(new Inline.Text(" "));
        for (int i = 0; i < headings.size(); i++) {
            if (i > 0) out.add(new Inline.Text("; "));
            String h = headings.get(i);
            String id = ids.get(h);
            out.add(id == null ? new Inline.Text(h) : new Inline.Link(new Target.Ref(part.id(), id), List.of(new Inline.Text(h)), Attrs.NONE));
        }
        return out;
    }

    /** The script of an entry's first letter (a digit or sign counts as Latin: "1917" sorts among the Latin entries). */
    private static Character.UnicodeScript script(String heading) {
        for (int cp : heading.codePoints().toArray()) {
            if (Character.isLetter(cp)) {
                Character.UnicodeScript s = Character.UnicodeScript.of(cp);
                return s == Character.UnicodeScript.COMMON ? Character.UnicodeScript.LATIN : s;
            }
            if (Character.isDigit(cp)) return Character.UnicodeScript.LATIN;
        }
        return Character.UnicodeScript.LATIN;
    }

    /**
     * The group letter: the first letter upper case, without accents in the Latin script (É under E); in other
     * scripts as it is, but Ё under Е, as Russian dictionaries file it; "#" for an entry that starts with a digit.
     */
    static String letter(String heading) {
        for (int cp : heading.codePoints().toArray()) {
            if (Character.isDigit(cp)) return "#";
            if (!Character.isLetter(cp)) continue;
            String ch = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                return Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            }
            return ch.equals("Ё") ? "Е" : ch;
        }
        return "#";
    }

    /** The text an entry sorts by: without a leading "the", "a", "an", or, for a sub-entry, "and", "in", "of"… */
    static String sortKey(String heading) {
        return heading.replaceFirst("^(?i)(the|a|an|and|in|of|on|under|as|at|by|for|to|with|from)\\s+(?=\\S)", "");
    }
}
