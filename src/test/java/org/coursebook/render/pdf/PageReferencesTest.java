package org.coursebook.render.pdf;

import org.coursebook.support.Builds;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Table 6.2 on page 118" (issue 15): in print, a cross-reference to a numbered table or figure on another page is
 * followed by that page's number; one on the same page as its target is not.
 */
class PageReferencesTest {
    private static final String ROWS = "| Year | Output |\n|---|---:|\n| 1928 | 4.3 |\n| 1932 | 5.9 |\n";

    @Test
    void aReferenceToATableOnAnotherPageGivesItsPageAndOneOnTheSamePageDoesNot(@TempDir Path tmp) throws IOException {
        TestBook.create(tmp.resolve("book"))
                .file("book.yaml", TestBook.MANIFEST.replace("  - ch.md\n", "  - ch.md\n  - far.md\n"))
                .file("ch.md", """
                        ---
                        title: Near
                        ---

                        The figures are in [](#tbl-near), just below, and in [](far.md#tbl-far), a chapter later.

                        """ + ROWS + "[Steel output {#tbl-near}]\n")
                .file("far.md", """
                        ---
                        title: Far
                        ---

                        Another chapter, on a page of its own.

                        """ + ROWS + "[Pig iron output {#tbl-far}]\n");
        Builds.build(tmp.resolve("book/book.yaml"), tmp.resolve("out"), Set.of("pdf"));
        try (PdfInspect pdf = new PdfInspect(tmp.resolve("out/test-book.pdf"))) {
            String text = pdf.visualText().replaceAll("\\s+", " ");
            assertTrue(text.contains("The figures are in Table 1.1, just below"), text);
            assertFalse(text.contains("Table 1.1 on page"), "no page number for a table on the reference's own page: " + text);
            Matcher far = Pattern.compile("Table 2\\.1 on page (\\d+), a chapter later").matcher(text);
            assertTrue(far.find(), text);
            String[] labels = pdf.labels();
            int captionPage = -1;
            for (int i = 0; i < pdf.pages(); i++) if (pdf.text(i).contains("Pig iron output")) captionPage = i;
            assertEquals(labels[captionPage], far.group(1), "the page the far table is printed on");
            int refPage = -1;
            for (int i = 0; i < pdf.pages(); i++) if (pdf.text(i).contains("a chapter later")) refPage = i;
            assertTrue(refPage != captionPage);
        }
    }
}
