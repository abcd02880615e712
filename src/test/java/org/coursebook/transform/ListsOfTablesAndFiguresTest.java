package org.coursebook.transform;

import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/** The optional lists of tables and figures: a manifest switch, entries linking to each, page numbers in print. */
class ListsOfTablesAndFiguresTest {
    @TempDir
    Path tmp;

    @Test
    void aListOfTablesLinksToEachTableAndPrintsItsPage() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book"));
        b.file("book.yaml", TestBook.MANIFEST.replace("chapters:", "front-matter:\n  - generate: tables\nchapters:"));
        b.body("""
                Text.

                ## Data

                | Year | Steel |
                |---|---|
                | 1928 | 4.3 |
                [Steel output]

                More text.

                | A | B |
                |---|---|
                | 1 | 2 |
                [Grain {#tbl-grain}]
                """);
        var result = Builds.build(b.manifest(), tmp.resolve("out"), Set.of("epub", "pdf"));
        noErrors(result.diagnostics());
        var list = result.book().frontMatter().get(0);
        assertEquals("List of Tables", list.title());
        String xhtml = org.coursebook.render.XhtmlWriter.epub(null).blocks(list);
        assertTrue(xhtml.contains("<a href=\"ch.xhtml#tbl-1-1\" class=\"xref\"><span class=\"toc-number\">Table 1.1</span> "
                + "<span class=\"toc-title\">Steel output</span></a>"), xhtml);
        assertTrue(xhtml.contains("href=\"ch.xhtml#tbl-grain\""), "an author's id is kept: " + xhtml);
        Path epub = Files.list(tmp.resolve("out")).filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        EpubValidator.Result v = EpubValidator.validate(epub);
        assertTrue(v.clean(), v.toString());
        Path pdf = Files.list(tmp.resolve("out")).filter(p -> p.toString().endsWith(".pdf") && !p.toString().endsWith("-cover.pdf"))
                .findFirst().orElseThrow();
        try (PdfInspect p = new PdfInspect(pdf)) {
            String text = p.allText().replaceAll("\\s+", " ");
            assertTrue(text.matches("(?s).*Table 1\\.1 Steel output[ .]*\\d+.*"), "the entry ends in its page number: " + text);
        }
    }
}
