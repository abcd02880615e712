package org.coursebook.book;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.Diagnostic;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.PdfValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 11, "done when": a book with code, a 20-column table, Greek, Armenian, Georgian, Hebrew, Arabic, combining
 * marks and symbols builds with no warning, passes EPUBCheck 0/0 and veraPDF PDF/UA-1 and PDF/A-2u (book and
 * handouts), and its text is all in the PDF (src/test/resources/books/every-course).
 */
class EveryCourseTest {
    @Test
    void everyKindOfCourseContentBuildsValidAndWhole(@TempDir Path tmp) throws Exception {
        Path manifest = Builds.copyBook("every-course", tmp.resolve("src"));
        Path out = tmp.resolve("out");
        BuildPipeline.Result r = Builds.build(manifest, out, Set.copyOf(BuildOptions.ALL_FORMATS));
        assertEquals(List.of(), r.diagnostics().stream().map(Diagnostic::format).toList());

        EpubValidator.Result epub = EpubValidator.validate(out.resolve("every-course.epub"));
        assertTrue(epub.clean(), epub.toString());

        byte[] pdf = Files.readAllBytes(out.resolve("every-course.pdf"));
        assertEquals(List.of(), PdfValidator.pdfUa(pdf), "PDF/UA-1");
        assertEquals(List.of(), PdfValidator.pdfA2u(pdf), "PDF/A-2u");
        try (PdfInspect p = new PdfInspect(out.resolve("every-course.pdf"))) {
            String text = p.allText().replaceAll("[\\s\\u00AD\\u200B\\u21AA]+", " ");
            for (String s : List.of("census-tool", "returns_district_14_households_all_years.csv", "counts.csv", "Mean",
                    "1930", "Ελληνικά", "Հայերեն", "ქართული", "דער אמת", "✓", "✗", "★", "за\u0301мок", "Tiếng Việt")) {
                assertTrue(text.contains(s), "the PDF has " + s + ":\n" + text);
            }
            assertFalse(text.replace("# a long line", "").contains("#"), "no character replaced by '#' (the only one is the listing's comment): " + text);
        }
        try (Stream<Path> handouts = Files.list(out.resolve("handouts"))) {
            for (Path h : handouts.filter(x -> x.toString().endsWith(".pdf")).toList()) {
                byte[] bytes = Files.readAllBytes(h);
                assertEquals(List.of(), PdfValidator.pdfUa(bytes), h + " PDF/UA-1");
                assertEquals(List.of(), PdfValidator.pdfA2u(bytes), h + " PDF/A-2u");
            }
        }
    }
}
