package org.coursebook.render.handout;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coursebook.build.BuildPipeline;
import org.coursebook.cli.Main;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.LecturePoint;
import org.coursebook.model.Term;
import org.coursebook.support.Builds;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.PdfValidator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The lecture handouts of the small test book and of the real book, read back through PDFBox and veraPDF. */
class HandoutRendererTest {
    private static final Path SMALL = Path.of("target/small-book/handouts");

    /** Text compared without whitespace or soft hyphens, so line breaks in the PDF do not matter. */
    static String squash(String s) {
        return s.replaceAll("[\\s\\u00AD]+", "");
    }

    /** The text of pages {@code from..to} (1-based) in reading order (openhtmltopdf draws italics after roman). */
    static String text(PdfInspect p, int from, int to) throws java.io.IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        s.setStartPage(from);
        s.setEndPage(to);
        return s.getText(p.doc);
    }

    static String text(PdfInspect p) throws java.io.IOException {
        return text(p, 1, p.pages());
    }

    /** Checks one handout against its chapter; returns the problems found. */
    static List<String> problems(Path pdf, Chapter ch, PDRectangle paper) throws Exception {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(pdf)) return List.of("no handout " + pdf);
        try (PdfInspect p = new PdfInspect(pdf)) {
            String text = squash(text(p));
            if (p.pages() < 1 || p.pages() > 2) out.add(pdf + ": " + p.pages() + " pages, a handout has one or two");
            if (!text.contains(squash("Lecture " + ch.number()))) out.add(pdf + ": no lecture number");
            if (!text.contains(squash(ch.title()))) out.add(pdf + ": no title '" + ch.title() + "'");
            for (LecturePoint lp : ch.lecturePoints()) {
                if (!text.contains(squash(lp.text()))) out.add(pdf + ": lecture point missing: " + lp.text());
            }
            for (Term t : ch.terms()) {
                if (!text.contains(squash(t.term())) || !text.contains(squash(t.translit()))) out.add(pdf + ": term missing: " + t.term());
            }
            for (Block.PullQuote q : ch.pullQuotes()) {
                boolean shown = text.contains(squash(q.isPrimary() ? q.attribution().speaker() + "," : org.coursebook.model.Tree.plainText(q.content())));
                if (q.isPrimary() != shown) out.add(pdf + ": " + q.kind() + " quote " + (shown ? "shown" : "missing") + ": " + org.coursebook.model.Tree.plainText(q.content()));
            }
            for (int i = 0; i < p.pages(); i++) {
                String footer = "Lecture " + ch.number() + " · page " + (i + 1) + " of " + p.pages();
                if (!text(p, i + 1, i + 1).contains(footer)) out.add(pdf + ": page " + (i + 1) + " lacks footer '" + footer + "'");
                PDRectangle box = p.doc.getPage(i).getMediaBox();
                if (Math.abs(box.getWidth() - paper.getWidth()) > 1 || Math.abs(box.getHeight() - paper.getHeight()) > 1) {
                    out.add(pdf + ": page " + (i + 1) + " is " + box.getWidth() + "x" + box.getHeight());
                }
            }
            if (!p.unembeddedFonts().isEmpty()) out.add(pdf + ": fonts not embedded " + p.unembeddedFonts());
        }
        return out;
    }

    static void checkAll(Book book, Path dir, PDRectangle paper) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Chapter ch : book.chapters()) {
            expected.add(HandoutRenderer.fileName(ch));
            problems.addAll(problems(dir.resolve(HandoutRenderer.fileName(ch)), ch, paper));
        }
        expected.add(HandoutRenderer.ALL);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(expected.stream().sorted().toList(), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void smallBookHasAHandoutPerChapterWithTitlePointsQuotesAndTermsOnA4() throws Exception {
        Book book = Builds.smallBook().book();
        assertEquals(List.of("01-the-first-chapter.pdf", "02-the-second-chapter.pdf"),
                book.chapters().stream().map(HandoutRenderer::fileName).toList());
        checkAll(book, SMALL, PDRectangle.A4);
        try (PdfInspect p = new PdfInspect(SMALL.resolve("01-the-first-chapter.pdf"))) {
            String text = text(p);
            assertTrue(text.contains("A Small Test Book"), "book title");
            assertTrue(text.contains("Every convention once"), "course line");
            assertTrue(text.contains("колхоз"), "Cyrillic term");
            assertFalse(text.contains("a striking phrase is lifted out"), "lifted quotes are not sources");
            assertFalse(text.contains("Sheila Fitzpatrick"), "no footnotes on handouts");
            assertEquals("1", p.labels()[0]);
        }
    }

    @Test
    void allHandoutsStartsEachLectureOnAnOddPageWithABlankPageBetween() throws Exception {
        Book book = Builds.smallBook().book();
        try (PdfInspect p = new PdfInspect(SMALL.resolve(HandoutRenderer.ALL))) {
            // both small handouts are one page long: lecture 1, a blank page, lecture 2
            assertEquals(3, p.pages());
            assertEquals(List.of("Lecture 1: The First Chapter", "Lecture 2: The Second Chapter"),
                    p.outline().stream().map(PdfInspect.Entry::title).toList());
            assertEquals(List.of(0, 2), p.outline().stream().map(PdfInspect.Entry::page).toList());
            assertEquals("", text(p, 2, 2).strip(), "the filler page is blank, without a footer");
            assertTrue(text(p, 1, 1).contains("Lecture 1 · page 1 of 1"));
            assertTrue(text(p, 3, 3).contains("Lecture 2 · page 1 of 1"));
            for (Chapter ch : book.chapters()) assertTrue(squash(text(p)).contains(squash(ch.lecturePoints().get(0).text())));
        }
    }

    @Test
    void smallHandoutsConformToPdfUaAndPdfA() throws Exception {
        Builds.smallBook();
        for (String f : List.of("01-the-first-chapter.pdf", HandoutRenderer.ALL)) {
            byte[] bytes = Files.readAllBytes(SMALL.resolve(f));
            assertEquals(List.of(), PdfValidator.pdfUa(bytes), f + " PDF/UA-1");
            assertEquals(List.of(), PdfValidator.pdfA2u(bytes), f + " PDF/A-2u");
        }
    }

    @Test
    void realBookHasAHandoutForEveryChapterOnLetter() throws Exception {
        BuildPipeline.Result r = Builds.realBook();
        assertEquals(14, r.book().chapters().size());
        Path dir = Builds.realOut().resolve("handouts");
        assertTrue(Files.isRegularFile(dir.resolve("01-understanding-the-soviet-period.pdf")));
        checkAll(r.book(), dir, PDRectangle.LETTER);
        try (PdfInspect p = new PdfInspect(dir.resolve(HandoutRenderer.ALL))) {
            List<PdfInspect.Entry> outline = p.outline();
            assertEquals(14, outline.size());
            for (PdfInspect.Entry e : outline) assertEquals(0, e.page() % 2, e.title() + " starts on an odd page");
            assertEquals(0, p.pages() % 2, "ends on a full sheet");
        }
    }

    @Test
    void realHandoutsConformToPdfUa() throws Exception {
        Path dir = Builds.realOut().resolve("handouts");
        for (String f : List.of("04-the-soviet-system.pdf", HandoutRenderer.ALL)) {
            byte[] bytes = Files.readAllBytes(dir.resolve(f));
            assertEquals(List.of(), PdfValidator.pdfUa(bytes), f + " PDF/UA-1");
        }
    }

    @Test
    void commandLineHandoutPaperAndPrintLayouts() throws Exception {
        Path src = Path.of("target/handout-cli-src");
        Path manifest = Builds.copyBook("small", src);
        Path out = Path.of("target/handout-cli-out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"build", "--book", manifest.toString(), "--out", out.toString(), "--format", "handouts",
                "--handout-paper", "letter", "--print-layout", "2up,booklet"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                java.util.Map.of()); // no CI variable: the summary is printed even when the tests run in CI
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        Book book = Builds.smallBook().book(); // same sources
        checkAll(book, out.resolve("handouts"), PDRectangle.LETTER);
        for (String f : List.of("01-the-first-chapter", "02-the-second-chapter", "all-handouts")) {
            for (String layout : List.of("2up", "booklet")) {
                Path imposed = out.resolve("print/handouts/" + f + "-" + layout + ".pdf");
                try (PdfInspect p = new PdfInspect(imposed)) {
                    PDRectangle sheet = p.doc.getPage(0).getMediaBox();
                    assertEquals(792, sheet.getWidth(), 1, imposed + ": Letter landscape");
                    assertEquals(612, sheet.getHeight(), 1, imposed + ": Letter landscape");
                }
            }
        }
        try (PdfInspect p = new PdfInspect(out.resolve("print/handouts/all-handouts-2up.pdf"))) {
            assertEquals(2, p.pages(), "three pages 2-up: two sheet sides");
            assertTrue(text(p).contains("The Second Chapter"));
        }
        assertFalse(Files.exists(out.resolve("print/a-small-test-book-2up.pdf")), "the book was not built");
        // the summary's page counts, which the renderers and the imposition returned, are the files' own
        var row = java.util.regex.Pattern.compile("(?m)^  (\\S+\\.pdf)\\s+\\S+ \\S+  (\\d+) pages?$").matcher(stdout.toString(StandardCharsets.UTF_8));
        int rows = 0;
        for (; row.find(); rows++) {
            try (PdfInspect p = new PdfInspect(out.resolve(row.group(1)))) {
                assertEquals(p.pages(), Integer.parseInt(row.group(2)), row.group());
            }
        }
        assertEquals(9, rows, "three handouts and their six imposed copies: " + stdout.toString(StandardCharsets.UTF_8));
    }
}
