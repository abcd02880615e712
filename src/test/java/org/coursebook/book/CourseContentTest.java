package org.coursebook.book;

import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Term;
import org.coursebook.support.Builds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The course itself (issue 3): the structure every chapter promises students and instructors. */
class CourseContentTest {
    static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    static Book book() {
        return Builds.realBook().book();
    }

    @Test
    void fourteenChaptersInTheCourseOrder() {
        List<String> titles = book().chapters().stream().map(Chapter::title).toList();
        assertEquals(RealBookTest.TITLES, titles);
    }

    @Test
    void everyChapterHasTheRightLengthAndShape() {
        for (Chapter c : book().chapters()) {
            int words = bodyWords(c);
            assertTrue(words >= 2500 && words <= 4600, c.title() + ": " + words + " words");
            int sections = c.sections().size();
            assertTrue(sections >= 4 && sections <= 8, c.title() + ": " + sections + " sections");
            assertTrue(c.blocks().get(0) instanceof Block.Prose, c.title() + " opens with prose before its first section");
            assertTrue(c.sections().get(sections - 1).text().toLowerCase(Locale.ROOT).contains("conclusion"),
                    c.title() + " ends with a conclusion section");
        }
    }

    @Test
    void everyChapterHasPullQuotesOfBothKinds() {
        for (Chapter c : book().chapters()) {
            List<Block.PullQuote> q = c.pullQuotes();
            assertTrue(q.size() >= 2, c.title());
            List<Block.PullQuote> primary = q.stream().filter(Block.PullQuote::isPrimary).toList();
            assertFalse(primary.isEmpty(), c.title() + " has a primary-source quotation");
            for (Block.PullQuote p : primary) {
                assertFalse(p.attribution().speaker().isBlank(), c.title());
                assertTrue(p.attribution().year().matches(".*\\d{4}.*"), c.title() + ": " + p.attribution());
            }
            assertTrue(q.stream().anyMatch(x -> !x.isPrimary()), c.title() + " has a lifted excerpt");
        }
    }

    @Test
    void everyChapterHasEightToTwelveLecturePoints() {
        for (Chapter c : book().chapters()) {
            int n = c.lecturePoints().size();
            assertTrue(n >= 8 && n <= 12, c.title() + ": " + n);
        }
    }

    @Test
    void atLeastFiveChaptersHaveACaptionedTableWithASource() {
        long n = book().chapters().stream().filter(c -> c.blocks().stream().anyMatch(b ->
                b.allXhtml().contains("<caption>"))).count();
        assertTrue(n >= 5, n + " chapters with a captioned table");
        for (Chapter c : book().chapters()) {
            for (int i = 0; i < c.blocks().size(); i++) {
                if (c.blocks().get(i).allXhtml().startsWith("<table")) {
                    assertTrue(i + 1 < c.blocks().size() && c.blocks().get(i + 1).allXhtml().contains("class=\"table-source\""),
                            c.title() + ": a table without a source line");
                }
            }
        }
    }

    @Test
    void theSovietSystemHasTheDiagramWithAltTextAndCaption() {
        Chapter c = book().chapters().get(3);
        Element fig = c.blocks().stream().map(b -> Jsoup.parse(b.allXhtml()).selectFirst("figure"))
                .filter(f -> f != null && f.selectFirst("img[src$=.svg]") != null).findFirst().orElseThrow();
        assertTrue(fig.selectFirst("img").attr("alt").length() > 40, "a real description");
        assertFalse(fig.select("figcaption").text().isBlank());
    }

    @Test
    void cyrillicTermsAreInTheGlossary() {
        Set<String> declared = new HashSet<>();
        for (Chapter c : book().chapters()) {
            assertTrue(CYRILLIC.matcher(String.join(" ", c.blocks().stream().map(Block::allXhtml).toList())).find(), c.title());
            assertFalse(c.terms().isEmpty(), c.title() + " declares key terms");
            Set<String> mine = new HashSet<>();
            for (Term t : c.terms()) mine.add(t.term().toLowerCase(Locale.ROOT));
            declared.addAll(mine);
            // every Russian word set in italics in the prose is one of the chapter's declared terms
            for (Block b : c.blocks()) {
                for (Element em : Jsoup.parse(b.allXhtml()).select("em")) {
                    String t = em.text().strip().toLowerCase(Locale.ROOT);
                    if (CYRILLIC.matcher(t).find()) assertTrue(mine.contains(t), c.title() + ": *" + t + "* is not in its terms");
                }
            }
        }
        Chapter glossary = book().backMatter().stream().filter(c -> c.slug().equals("glossary")).findFirst().orElseThrow();
        String g = Jsoup.parse(glossary.blocks().get(0).allXhtml()).text().toLowerCase(Locale.ROOT);
        for (String t : declared) assertTrue(g.contains(t), "glossary entry for " + t);
    }

    @Test
    void frontAndBackMatterArePresent() {
        assertEquals(List.of("How to Use This Book"), book().frontMatter().stream().map(Chapter::title).toList());
        assertEquals(List.of("Chronology, 1917–1991", "Glossary", "Further Reading"),
                book().backMatter().stream().map(Chapter::title).toList());
    }

    /** Words of the chapter's own prose: paragraphs, headings, sidebars and quotations, not notes or boxes. */
    static int bodyWords(Chapter c) {
        int n = 0;
        for (Block b : c.blocks()) {
            if (b instanceof Block.PullQuote q && !q.isPrimary()) continue; // repeats the text
            String text = b instanceof Block.Heading h ? h.text() : Jsoup.parse(b.allXhtml()).text();
            for (String w : text.split("\\s+")) if (w.chars().anyMatch(Character::isLetterOrDigit)) n++;
        }
        return n;
    }
}
