package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Attrs;
import org.coursebook.model.Element;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Target;
import org.coursebook.model.Term;

import java.text.Collator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fills the generated glossary page from every chapter's declared terms: one entry a term (the first
 * declaration's meaning wins; a conflicting meaning elsewhere is a warning), sorted by transliteration, each
 * linking to the chapters that use it.
 */
final class BuildGlossary implements Transform {
    /**
     * The glossary's opening sentence, true to its terms: "The Russian terms…" only when every term is Russian
     * (Cyrillic), else the key terms, in the order of their transliteration where any has one.
     */
    static String introduction(java.util.Collection<Term> terms) {
        boolean allRussian = !terms.isEmpty() && terms.stream().allMatch(t -> t.lang().equals("ru"));
        boolean anyTranslit = terms.stream().anyMatch(t -> !t.translit().isEmpty());
        if (allRussian) {
            return "The Russian terms used in this book, in the order of their transliteration. "
                    + "Each entry gives the term in Cyrillic, its meaning, and the chapters where it is introduced.";
        }
        return "The key terms used in this book, in alphabetical order" + (anyTranslit ? " (of their transliteration, for terms "
                + "in other scripts)" : "") + ". Each entry gives the term, its meaning, and the chapters where it is introduced.";
    }

    @Override
    public Book apply(Book book, Diagnostics diag) {
        boolean wanted = book.allParts().stream().anyMatch(Chapter::isGlossary);
        if (!wanted) return book;
        Map<String, Term> first = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> where = new LinkedHashMap<>();
        // chapters and appendices (A, B…), in reading order
        Map<Integer, Chapter> chapters = new LinkedHashMap<>();
        List<Chapter> numbered = new ArrayList<>(book.chapters());
        for (Chapter c : book.backMatter()) if (c.isAppendix()) numbered.add(c);
        for (Chapter c : numbered) {
            int order = chapters.size();
            chapters.put(order, c);
            for (Term t : c.terms()) {
                String key = t.term().toLowerCase(Locale.ROOT);
                Term prev = first.putIfAbsent(key, t);
                if (prev != null && !prev.translit().equalsIgnoreCase(t.translit())) {
                    diag.warning(t.pos(), "'" + t.term() + "' is transliterated '" + t.translit() + "' here but '"
                            + prev.translit() + "' in " + prev.pos().file().getFileName(), "use one transliteration throughout the book");
                }
                where.computeIfAbsent(key, k -> new TreeSet<>()).add(order);
            }
        }
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        List<String> keys = new ArrayList<>(first.keySet());
        keys.sort((a, b) -> collator.compare(first.get(a).sortKey(), first.get(b).sortKey()));
        Chapter glossary = book.allParts().stream().filter(Chapter::isGlossary).findFirst().orElseThrow();
        SourcePos pos = glossary.pos();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Para(List.of(new Inline.Text(introduction(first.values()))), Attrs.NONE, pos));
        List<Node> entries = new ArrayList<>();
        for (String k : keys) {
            Term t = first.get(k);
            Attrs termAttrs = Attrs.of("class", t.lang().equals("ru") ? "cyrillic" : "term");
            // a term in the book's own language or with no language given has no lang of its own
            if (!t.lang().isEmpty() && !t.lang().equals("ru")) termAttrs = termAttrs.with("lang", t.lang()).with("xml:lang", t.lang());
            Element term = new Element("span", termAttrs, List.of(new Inline.Text(t.term())), pos);
            List<Node> dt = t.translit().isEmpty() ? List.of(term) : List.of(
                    new Element("span", Attrs.of("class", "translit"), List.of(new Inline.Text(t.translit())), pos),
                    new Inline.Text(" "), term);
            entries.add(new Element("dt", Attrs.of("id", "term-" + org.coursebook.model.Slugs.slugify(t.sortKey())), dt, pos));
            List<Node> dd = new ArrayList<>();
            dd.add(new Inline.Text(t.meaning().endsWith(".") ? t.meaning() + " " : t.meaning() + ". "));
            List<Chapter> in = where.get(k).stream().map(chapters::get).toList();
            List<Chapter> inChapters = in.stream().filter(c -> !c.isAppendix()).toList();
            List<Chapter> inAppendices = in.stream().filter(Chapter::isAppendix).toList();
            if (!inChapters.isEmpty()) references(dd, inChapters, "Chapter ", "Chapters ");
            if (!inChapters.isEmpty() && !inAppendices.isEmpty()) dd.add(new Inline.Text("; "));
            if (!inAppendices.isEmpty()) references(dd, inAppendices, "Appendix ", "Appendices ");
            dd.add(new Inline.Text("."));
            entries.add(new Element("dd", Attrs.NONE, dd, pos));
        }
        blocks.add(new Element("dl", Attrs.of("class", "glossary"), entries, pos));
        List<Chapter> back = new ArrayList<>();
        for (Chapter c : book.backMatter()) back.add(c.isGlossary() ? c.withBlocks(blocks) : c);
        return book.withParts(book.frontMatter(), book.chapters(), back);
    }

    /** "Chapter 3", "Chapters 1, 2 and 3", "Appendix A": each number a link to its part. */
    private static void references(List<Node> dd, List<Chapter> parts, String one, String many) {
        dd.add(new Inline.Text(parts.size() == 1 ? one : many));
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) dd.add(new Inline.Text(i == parts.size() - 1 ? " and " : ", "));
            Chapter c = parts.get(i);
            dd.add(new Inline.Link(new Target.Ref(c.id(), ""), List.of(new Inline.Text(c.numeral())), Attrs.NONE));
        }
    }
}
