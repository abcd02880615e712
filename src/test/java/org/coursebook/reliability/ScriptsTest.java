package org.coursebook.reliability;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.Diagnostic;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.PdfValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Field cases 04, 16 and 18 (shared/cases): every script and symbol is drawn with a real glyph in the PDF, in the
 * right order, with its marks, or the build says which character no font has, at file:line:column.
 */
class ScriptsTest {
    static BuildPipeline.Result build(String name, Path tmp, String... formats) throws IOException {
        Path src = Path.of("src/test/resources/cases", name);
        Path dir = tmp.resolve("src");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path t = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return Builds.build(dir.resolve("book.yaml"), tmp.resolve("out"), Set.of(formats));
    }

    static Path file(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix) && !p.toString().endsWith("-cover.pdf")).findFirst().orElseThrow();
        }
    }

    static String entry(Path epub, String name) throws IOException {
        try (ZipFile z = new ZipFile(epub.toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void combiningMarksStayWithTheirLetters(@TempDir Path tmp) throws Exception {
        BuildPipeline.Result r = build("04-combining-accents", tmp, "epub", "pdf", "handouts");
        assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError), r.diagnostics().toString());
        String xhtml = entry(file(tmp.resolve("out"), ".epub"), "OEBPS/01-chapter.xhtml");
        assertTrue(xhtml.contains("lang=\"ru\" xml:lang=\"ru\">за\u0301мок</"), "the stress mark inside the word's span: " + xhtml);
        assertTrue(xhtml.contains("Учи\u0301ться, учи\u0301ться и ещё раз учи\u0301ться"), xhtml);
        assertFalse(xhtml.contains(">\u0301"), "no mark split from its letter by markup");
        byte[] pdf = Files.readAllBytes(file(tmp.resolve("out"), ".pdf"));
        try (PdfInspect p = new PdfInspect(file(tmp.resolve("out"), ".pdf"))) {
            String text = p.allText();
            for (String w : List.of("за\u0301мок", "замо\u0301к", "до\u0301ма", "дома\u0301", "Учи\u0301ться, учи\u0301ться и ещё раз учи\u0301ться.")) {
                assertTrue(text.contains(w), "PDF text has " + w + ":\n" + text);
            }
            // Precomposed where Unicode has the letter: O + double acute prints as Ő, a + dot below as ạ.
            assertTrue(text.contains("ạ") && text.contains("ọ") && text.contains("Ő"), text);
        }
        assertEquals(List.of(), PdfValidator.pdfUa(pdf));
        try (Stream<Path> h = Files.list(tmp.resolve("out/handouts"))) {
            Path handout = h.filter(x -> x.toString().endsWith(".pdf")).findFirst().orElseThrow();
            try (PdfInspect p = new PdfInspect(handout)) {
                assertTrue(p.allText().contains("Учи\u0301ться, учи\u0301ться и ещё раз учи\u0301ться."), p.allText());
            }
        }
    }

    @Test
    void aSymbolNoFontHasIsReportedAtItsPlaceAndTheOthersAreDrawn(@TempDir Path tmp) throws Exception {
        BuildPipeline.Result r = build("16-emoji", tmp, "epub", "pdf", "handouts");
        List<String> warnings = r.diagnostics().stream().filter(d -> !d.isError()).map(Diagnostic::format).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("01-chapter.md:6:19:") && w.contains("U+2705 WHITE HEAVY CHECK MARK")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("01-chapter.md:9:67:") && w.contains("U+274C")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("01-chapter.md:9:85:") && w.contains("U+1F4DA")), warnings.toString());
        assertEquals(3, warnings.size(), "only the three characters no bundled font has: " + warnings);
        try (PdfInspect p = new PdfInspect(file(tmp.resolve("out"), ".pdf"))) {
            String text = p.visualText(); // by position: openhtmltopdf draws a line's inline elements after the rest
            assertTrue(text.contains("A simpler set, ✓ and ✗, comes"), text);
            assertTrue(text.contains("library 😀"), text);
            assertTrue(p.fontNames().stream().anyMatch(f -> f.contains("DejaVuSans")), p.fontNames().toString());
        }
        assertTrue(EpubValidator.validate(file(tmp.resolve("out"), ".epub")).clean());
    }

    @Test
    void rightToLeftTextPrintsInVisualOrderAndArabicIsJoined(@TempDir Path tmp) throws Exception {
        BuildPipeline.Result r = build("18-rtl-yiddish", tmp, "epub", "pdf");
        assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError), r.diagnostics().toString());
        Path pdf = file(tmp.resolve("out"), ".pdf");
        try (PdfInspect p = new PdfInspect(pdf)) {
            String text = p.visualText(); // by position: openhtmltopdf draws a line's inline elements after the rest
            assertFalse(text.contains("#"), "no missing glyphs: " + text);
            // The PDF is drawn in visual order: the word read first (rightmost) is דער, so the glyphs of אמת
            // come first from the left; PDFBox's extraction puts the run back in logical order.
            assertTrue(text.contains("דער אמת"), text);
            assertTrue(text.contains("שלום עליכם"), text);
            // Arabic from the fallback font, in order (PDFBox maps the joining forms back to letters).
            assertTrue(text.contains("قزل اوزبکستان"), text);
            assertTrue(p.fontNames().stream().anyMatch(f -> f.contains("DejaVuSans")), p.fontNames().toString());
            assertEquals(List.of(), PdfValidator.pdfUa(Files.readAllBytes(pdf)));
        }
        String xhtml = entry(file(tmp.resolve("out"), ".epub"), "OEBPS/01-chapter.xhtml");
        assertTrue(xhtml.contains("דער אמת"), "the EPUB keeps logical order");
    }
}
