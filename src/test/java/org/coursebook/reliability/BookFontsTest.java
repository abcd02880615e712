package org.coursebook.reliability;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.Diagnostic;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.TestBook;
import org.coursebook.support.TestFonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.coursebook.support.TestBook.error;
import static org.junit.jupiter.api.Assertions.*;

/**
 * An instructor's own fonts (issue 11, section 3): a TrueType file in the book's styles/fonts/, declared with
 * {@code @font-face} in its stylesheet, is used by the PDF under the declared family and embedded (subset) in
 * the EPUB where the rule's url() points; a family no font answers to, and a font file that is missing or
 * cannot be embedded, are errors at the stylesheet's line.
 */
class BookFontsTest {
    static final String FAMILY = "Coursebook Test Sans";
    @TempDir
    Path tmp;

    /** The built-in base.css with an @font-face for the test font and the section headings set in it. */
    private TestBook bookWithOwnFont(String fontFace, String use) throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book"));
        b.bytes("styles/fonts/CoursebookTestSans.ttf", TestFonts.renamedDejaVuSans(FAMILY));
        b.file("styles/base.css", Files.readString(Path.of("styles/base.css")) + fontFace + "\n" + use + "\n");
        return b;
    }

    private static int lines(String file) throws Exception {
        return (int) Files.readString(Path.of(file)).lines().count();
    }

    private static final String FACE = "@font-face { font-family: \"" + FAMILY + "\"; src: url(\"fonts/CoursebookTestSans.ttf\") format(\"truetype\"); }";
    private static final String USE = "h2 { font-family: \"" + FAMILY + "\", \"DejaVu Sans\", sans-serif; }";

    @Test
    void theBooksOwnFontIsEmbeddedInThePdfAndTheEpub() throws Exception {
        TestBook b = bookWithOwnFont(FACE, USE);
        b.body("Some text.\n\n## Heading Quartz\n\nMore text.\n");
        b.file("styles/fonts/LICENSE-CoursebookTestSans.txt", "Coursebook Test Sans: Bitstream Vera licence, renamed copy.\n");
        BuildPipeline.Result r = Builds.build(b.manifest(), tmp.resolve("out"), Set.of("epub", "pdf"));
        assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError), TestBook.show(r.diagnostics()));

        try (PdfInspect pdf = new PdfInspect(tmp.resolve("out/test-book.pdf"))) {
            List<String> names = pdf.fontNames();
            assertTrue(names.stream().anyMatch(n -> n.endsWith("+CoursebookTestSans")), "the PDF embeds the book's font under its name: " + names);
            assertEquals(List.of(), pdf.unembeddedFonts());
            assertTrue(names.stream().allMatch(n -> n.matches("[A-Z]{6}\\+.+")), "every font of the PDF is a subset: " + names);
            assertTrue(pdf.allText().contains("Heading Quartz"));
        }

        Path epub = tmp.resolve("out/test-book.epub");
        try (ZipFile z = new ZipFile(epub.toFile())) {
            var entry = z.getEntry("OEBPS/css/fonts/CoursebookTestSans.ttf");
            assertNotNull(entry, "the font sits where base.css's url(\"fonts/…\") points from css/");
            byte[] font = z.getInputStream(entry).readAllBytes();
            assertTrue(font.length < Files.size(b.path("styles/fonts/CoursebookTestSans.ttf")) / 4, "subset: " + font.length + " bytes");
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
                for (char c : "HeadingQuartz".toCharArray()) assertNotEquals(0, ttf.getUnicodeCmapLookup().getGlyphId(c), "glyph for " + c);
                assertEquals(0, ttf.getUnicodeCmapLookup().getGlyphId('j'), "no glyph the headings do not use");
            }
            String opf = new String(z.getInputStream(z.getEntry("OEBPS/package.opf")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(opf.contains("href=\"css/fonts/CoursebookTestSans.ttf\" media-type=\"font/ttf\""), opf);
            String css = new String(z.getInputStream(z.getEntry("OEBPS/css/base.css")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(css.contains(FACE), "the book's rule as written");
            String licences = new String(z.getInputStream(z.getEntry("META-INF/LICENSE-fonts.txt")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(licences.contains("Coursebook Test Sans: Bitstream Vera licence"), "the licence beside the font ships with it");
        }
        EpubValidator.Result check = EpubValidator.validate(epub);
        assertTrue(check.clean(), check.toString());
    }

    @Test
    void aMisspeltFamilyIsAnErrorAtItsLineWithTheFontsThereAre() throws Exception {
        TestBook b = bookWithOwnFont(FACE, "h2 { font-family: \"Coursebook Test Snas\", sans-serif; }");
        int line = lines("styles/base.css") + 2;
        Diagnostic d = error(b.check(), "base.css", line, "font-family names 'Coursebook Test Snas', which is not a font the book has");
        assertTrue(d.hint().contains("did you mean '" + FAMILY + "'"), d.hint());
        assertTrue(d.hint().contains("Liberation Serif") && d.hint().contains("DejaVu Sans") && d.hint().contains(FAMILY)
                && d.hint().contains("monospace"), "lists the fonts there are: " + d.hint());
    }

    @Test
    void aMisspeltBundledFamilyInAnyStylesheetIsAnError() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book"));
        b.file("styles/print.css", "body { font-size: 10pt; }\n@page { @bottom-left { font-family: \"Liberaton Sans\", sans-serif; } }\n");
        b.file("styles/handout.css", "p { font: italic bold 10pt/1.2 Georgia, serif; }\n");
        List<Diagnostic> ds = b.check();
        assertTrue(error(ds, "print.css", 2, "'Liberaton Sans'").hint().contains("did you mean 'Liberation Sans'"));
        error(ds, "handout.css", 1, "'Georgia'");
    }

    @Test
    void aMissingFontFileIsAnErrorAtItsRule() throws Exception {
        TestBook b = bookWithOwnFont("@font-face { font-family: \"" + FAMILY + "\";\n  src: url(\"fonts/CoursebookTestSans-Bold.ttf\"); font-weight: bold; }", USE);
        Diagnostic d = error(b.check(), "base.css", lines("styles/base.css") + 1, "the font file 'fonts/CoursebookTestSans-Bold.ttf' does not exist");
        assertTrue(d.hint().contains("CoursebookTestSans.ttf"), "names the files that are there: " + d.hint());
    }

    @Test
    void fontFilesThePdfCannotEmbedAreErrors() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book"));
        b.bytes("styles/fonts/web.woff2", "wOF2\0\0\0\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        b.bytes("styles/fonts/cff.otf", "OTTO\0\0\0\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        b.bytes("styles/fonts/notes.ttf", "these are my notes, not a font".getBytes(StandardCharsets.UTF_8));
        b.bytes("styles/fonts/broken.ttf", new byte[] {0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 1, 2, 3});
        b.file("styles/epub.css", """
                @font-face { font-family: A; src: url("fonts/web.woff2") format("woff2"); }
                @font-face { font-family: B; src: url("fonts/cff.otf"); }
                @font-face { font-family: C; src: url("fonts/notes.ttf"); }
                @font-face { font-family: D; src: url("fonts/broken.ttf"); }
                @font-face { font-family: E; src: local("Arial"); }
                @font-face { src: url("fonts/cff.otf"); }
                @font-face { font-family: F; src: url("../../outside.ttf"); }
                p { font-family: A, B, C, D, E, serif; }
                """);
        List<Diagnostic> ds = b.check();
        error(ds, "epub.css", 1, "is a WOFF web font, which the PDF cannot embed");
        error(ds, "epub.css", 2, "has PostScript (CFF) outlines");
        error(ds, "epub.css", 3, "is not a TrueType or OpenType font");
        error(ds, "epub.css", 4, "cannot be read as a font");
        error(ds, "epub.css", 5, "gives no font file");
        error(ds, "epub.css", 6, "names no font-family");
        error(ds, "epub.css", 7, "is outside the styles folder");
        assertTrue(ds.stream().noneMatch(d -> d.pos().line() == 8), "declared families are known, even when their file is wrong: " + TestBook.show(ds));
    }

    @Test
    void theBuiltInStylesheetsAndTheRealBooksNameOnlyFontsThereAre() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book"));
        for (String css : List.of("base.css", "epub.css", "print.css", "handout.css")) b.file("styles/" + css, Files.readString(Path.of("styles", css)));
        TestBook.noErrors(b.check());
    }
}
