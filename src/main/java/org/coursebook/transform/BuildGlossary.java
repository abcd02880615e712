package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Term;
import org.coursebook.read.BookReader;
import org.jsoup.nodes.Element;
import org.coursebook.read.XhtmlCleaner;

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
    @Override
    public Book apply(Book book, Diagnostics diag) {
        boolean wanted = book.backMatter().stream().anyMatch(c -> c.slug().equals(BookReader.GLOSSARY))
                || book.frontMatter().stream().anyMatch(c -> c.slug().equals(BookReader.GLOSSARY));
        if (!wanted) return book;
        Map<String, Term> first = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> where = new LinkedHashMap<>();
        Map<Integer, Chapter> chapters = new LinkedHashMap<>();
        for (Chapter c : book.chapters()) {
            chapters.put(c.number(), c);
            for (Term t : c.terms()) {
                String key = t.term().toLowerCase(Locale.ROOT);
                Term prev = first.putIfAbsent(key, t);
                if (prev != null && !prev.translit().equalsIgnoreCase(t.translit())) {
                    diag.warning(t.pos(), "'" + t.term() + "' is transliterated '" + t.translit() + "' here but '"
                            + prev.translit() + "' in " + prev.pos().file().getFileName(), "use one transliteration throughout the book");
                }
                where.computeIfAbsent(key, k -> new TreeSet<>()).add(c.number());
            }
        }
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        List<String> keys = new ArrayList<>(first.keySet());
        keys.sort((a, b) -> collator.compare(first.get(a).translit(), first.get(b).translit()));
        Element body = XhtmlCleaner.parse("");
        body.appendElement("p").text("The Russian terms used in this book, in the order of their transliteration. "
                + "Each entry gives the term in Cyrillic, its meaning, and the chapters where it is introduced.");
        Element dl = body.appendElement("dl").addClass("glossary");
        for (String k : keys) {
            Term t = first.get(k);
            Element dt = dl.appendElement("dt").attr("id", "term-" + org.coursebook.model.Slugs.slugify(t.translit()));
            dt.appendElement("span").addClass("translit").text(t.translit());
            dt.appendText(" ");
            dt.appendElement("span").addClass("cyrillic").text(t.term());
            Element dd = dl.appendElement("dd");
            dd.appendText(t.meaning().endsWith(".") ? t.meaning() + " " : t.meaning() + ". ");
            List<Integer> nums = new ArrayList<>(where.get(k));
            dd.appendText(nums.size() == 1 ? "Chapter " : "Chapters ");
            for (int i = 0; i < nums.size(); i++) {
                if (i > 0) dd.appendText(i == nums.size() - 1 ? " and " : ", ");
                Chapter c = chapters.get(nums.get(i));
                dd.appendElement("a").attr("href", c.fileName()).addClass("xref").text(Integer.toString(c.number()));
            }
            dd.appendText(".");
        }
        List<Chapter> back = new ArrayList<>();
        for (Chapter c : book.backMatter()) {
            back.add(c.slug().equals(BookReader.GLOSSARY)
                    ? c.withBlocks(List.of(new Block.Prose(XhtmlCleaner.toXhtml(body), c.pos()))) : c);
        }
        return book.withParts(book.frontMatter(), book.chapters(), back);
    }
}
