package org.coursebook.book;

import nl.siegmann.epublib.domain.SpineReference;
import nl.siegmann.epublib.epub.EpubReader;
import org.coursebook.build.BuildPipeline;
import org.coursebook.model.Chapter;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.PdfValidator;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The real book, chapters/book.yaml, built end to end and checked as a reader and a validator would. */
class RealBookTest {
    static final List<String> TITLES = List.of(
            "Understanding the Soviet Period", "Russian Political Culture", "Soviet Ideology", "The Soviet System",
            "Soviet Nationalities", "The Economic Structure", "The Socialist Experiment", "“Great Leap” to Socialism",
            "The USSR in World War II", "Stalin’s Legacy", "Brezhnev’s Stagnation", "The Economy in Crisis",
            "Political Reform", "The USSR’s Collapse");

    static Path epub() {
        return Builds.realOut().resolve("soviet-russia.epub");
    }

    static Path pdf() {
        return Builds.realOut().resolve("soviet-russia.pdf");
    }

    /**
     * Every footnote is printed once, at the foot of its page. (Fallback fonts named in every font stack once made
     * openhtmltopdf lay out lines taller and print two dozen notes twice, on their page and the next.)
     */
    @Test
    void everyFootnoteIsPrintedOnce() throws Exception {
        String text;
        try (org.coursebook.support.PdfInspect p = new org.coursebook.support.PdfInspect(pdf())) {
            text = p.visualText().replaceAll("\\s+", " "); // by position: italic titles are drawn after their line
        }
        int checked = 0;
        for (Chapter c : Builds.realBook().book().allParts()) {
            for (org.coursebook.model.Footnote f : c.footnotes()) {
                String note = org.coursebook.model.Tree.plainText(f.content());
                if (note.length() < 30) continue;
                String line = f.number() + " " + note.substring(0, 30);
                int n = 0;
                for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) n++;
                assertTrue(n >= 1, c.title() + ": note " + line + " is not in the PDF");
                if (n > 1) {
                    // the same note text with the same number in another chapter is another note
                    long same = Builds.realBook().book().allParts().stream().flatMap(x -> x.footnotes().stream())
                            .filter(g -> g.number() == f.number() && org.coursebook.model.Tree.plainText(g.content()).startsWith(note.substring(0, 30)))
                            .count();
                    assertEquals(same, n, c.title() + ": note " + line + " is printed " + n + " times");
                }
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked + " notes");
    }

    @Test
    void theBuildHasNoWarnings() {
        BuildPipeline.Result r = Builds.realBook();
        assertEquals(List.of(), r.diagnostics().stream().map(Object::toString).toList());
    }

    @Test
    void epubHasNoEpubCheckErrorsOrWarnings() {
        EpubValidator.Result r = EpubValidator.validate(epub());
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void epublibReadsTheSpineInManifestOrder() throws Exception {
        nl.siegmann.epublib.domain.Book b;
        try (InputStream in = Files.newInputStream(epub())) {
            b = new EpubReader().readEpub(in);
        }
        List<String> hrefs = b.getSpine().getSpineReferences().stream().map(SpineReference::getResource)
                .map(r -> r.getHref()).toList();
        List<String> expected = new ArrayList<>(List.of("title.xhtml", "copyright.xhtml", "nav.xhtml", "preface.xhtml"));
        for (Chapter c : Builds.realBook().book().chapters()) expected.add(c.fileName());
        expected.addAll(List.of("chronology.xhtml", "glossary.xhtml", "further-reading.xhtml", "book-index.xhtml"));
        // a generated cover page may come first
        assertEquals(expected, hrefs.subList(hrefs.size() - expected.size(), hrefs.size()));
        List<String> toc = b.getTableOfContents().getTocReferences().stream().map(t -> t.getTitle()).toList();
        for (int i = 0; i < TITLES.size(); i++) assertTrue(toc.contains((i + 1) + ". " + TITLES.get(i)), toc.toString());
        assertEquals("Soviet Russia", b.getTitle());
    }

    @Test
    void pdfConformsToPdfUa1AndPdfA2u() throws Exception {
        byte[] bytes = Files.readAllBytes(pdf());
        assertEquals(List.of(), PdfValidator.pdfUa(bytes), "PDF/UA-1");
        assertEquals(List.of(), PdfValidator.pdfA2u(bytes), "PDF/A-2u");
    }

    @Test
    void pdfOutlineListsEveryChapterInOrderOnOddPages() throws Exception {
        try (PdfInspect p = new PdfInspect(pdf())) {
            List<PdfInspect.Entry> outline = p.outline();
            List<String> titles = outline.stream().map(PdfInspect.Entry::title).toList();
            int first = titles.indexOf("1. " + TITLES.get(0));
            assertTrue(first > 0, titles.toString());
            for (int i = 0; i < TITLES.size(); i++) {
                PdfInspect.Entry e = outline.get(first + i);
                assertEquals((i + 1) + ". " + TITLES.get(i), e.title());
                assertEquals(0, e.page() % 2, e.title() + " starts on page index " + e.page() + ", a left-hand page");
                assertFalse(e.children().isEmpty(), "sections of " + e.title() + " in the outline");
            }
            String[] labels = p.labels();
            assertEquals("i", labels[0]);
            assertEquals("ii", labels[1]);
            assertEquals("1", labels[outline.get(first).page()]);
            assertEquals(Integer.toString(p.pages() - outline.get(first).page()), labels[p.pages() - 1]);
            assertEquals(List.of(), p.unembeddedFonts());
            assertTrue(p.fontNames().stream().anyMatch(n -> n.contains("LiberationSerif")), p.fontNames().toString());
        }
    }

    @Test
    void pagesLeftBlankBeforeAChapterAreBlankWithoutRunningHeadOrFolio() throws Exception {
        try (PdfInspect p = new PdfInspect(pdf())) {
            List<Integer> opens = p.outline().stream().map(PdfInspect.Entry::page).toList();
            List<Integer> blank = new java.util.ArrayList<>();
            for (int i = 0; i < p.pages(); i++) if (p.text(i).isBlank()) blank.add(i);
            assertTrue(blank.size() >= 5, "chapters that end on a right-hand page leave a blank page: " + blank);
            for (int i : blank) {
                assertEquals(1, i % 2, "blank page index " + i + " is a left-hand page");
                assertTrue(opens.contains(i + 1), "blank page index " + i + " comes before a part that opens on the next page");
            }
            // and no page is left with nothing but a running head and a folio (18 characters here)
            for (int i = 0; i < p.pages(); i++) {
                String text = p.text(i).strip();
                assertTrue(text.isEmpty() || text.length() > 40, "page index " + i + " holds only: " + text);
            }
        }
    }

    @Test
    void pdfTextHoldsTitlesContentsPullQuotesLectureBoxAndCyrillic() throws Exception {
        try (PdfInspect p = new PdfInspect(pdf())) {
            String all = p.allText().replace("\u00AD", "");
            String flat = all.replaceAll("-\\s*\\n", "").replaceAll("\\s+", " ");
            for (String t : TITLES) assertTrue(flat.contains(t), t);
            // the printed contents: chapter titles followed by dot leaders and a page number
            assertTrue(p.text(1).contains("Creative Commons"), "copyright page on page ii");
            assertTrue(p.text(2).strip().replaceFirst("^iii\\s+", "").startsWith("Contents"), "contents open on page iii, a right-hand page (its folio is drawn first)");
            String contents = p.text(2) + p.text(3);
            assertTrue(Pattern.compile("Understanding the Soviet Period[ .]*\\d+").matcher(contents.replaceAll("\\s+", " ")).find(), contents);
            assertTrue(flat.contains("LECTURE BULLET POINTS") || flat.contains("Lecture bullet points"));
            assertTrue(flat.contains("диктатура пролетариата"), "Cyrillic text extracted from the PDF");
            assertTrue(flat.contains("— V. I. Lenin") || flat.contains("— Lenin") || flat.contains("— Vladimir Lenin"), "a pull-quote attribution");
        }
    }
}
