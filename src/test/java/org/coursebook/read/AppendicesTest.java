package org.coursebook.read;

import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Inline;
import org.coursebook.model.Tree;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/** Appendices ({@code appendices:} in book.yaml) are labelled Appendix A, B…, not numbered as chapters. */
class AppendicesTest {
    @TempDir
    Path tmp;

    @Test
    void appendicesAreLetteredInEveryOutput() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book"));
        b.file("book.yaml", TestBook.MANIFEST + """
                appendices:
                  - data.md
                  - sources.md
                back-matter:
                  - generate: glossary
                """);
        b.file("ch.md", TestBook.CHAPTER + "\nThe tables are in [](data.md); see also [the archive](sources.md#archives).\n");
        b.file("data.md", """
                ---
                title: The Data
                terms:
                  - term: census
                    meaning: a count of the whole population
                ---

                Every census of the period.

                ## Tables

                Text.

                ## Methods

                """ + ("A long paragraph of methods that fills the page, so that the appendix runs on to a second page. ".repeat(12)
                + "\n\n").repeat(8));
        b.file("sources.md", "# Sources\n\n## Archives\n\nThe archives.\n");
        var result = Builds.build(b.manifest(), tmp.resolve("out"), Set.of("epub", "pdf"));
        noErrors(result.diagnostics());
        Book book = result.book();
        assertEquals(1, book.chapters().size(), "appendices are not chapters");
        List<Chapter> appendices = book.backMatter().stream().filter(Chapter::isAppendix).toList();
        assertEquals(List.of("Appendix A", "Appendix B"), appendices.stream().map(Chapter::label).toList());
        assertEquals(List.of("A.1", "A.2"), appendices.get(0).sections().stream().map(h -> h.number()).toList());
        assertEquals("Appendix A, The Data",
                Tree.plainText(Tree.collect(book.chapters().get(0).blocks(), Inline.Link.class).get(0).content()));
        Chapter glossary = book.backMatter().stream().filter(Chapter::isGlossary).findFirst().orElseThrow();
        assertTrue(Tree.plainText(glossary.blocks()).contains("a count of the whole population. Appendix A."),
                Tree.plainText(glossary.blocks()));

        Path epub = tmp.resolve("out/test-book.epub");
        assertEquals(List.of(), EpubValidator.validate(epub).errors());
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            String data = new String(zip.getInputStream(zip.getEntry("OEBPS/data.xhtml")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(data.contains("epub:type=\"appendix\" role=\"doc-appendix\""), data);
            assertTrue(data.contains("<p class=\"chapter-label\">Appendix A</p>"), data);
            String nav = new String(zip.getInputStream(zip.getEntry("OEBPS/nav.xhtml")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(nav.contains("<span class=\"toc-number\">Appendix B</span> <span class=\"toc-title\">Sources</span>"), nav);
            assertTrue(nav.contains("<span class=\"toc-number\">A.2</span>"), nav);
            String ncx = new String(zip.getInputStream(zip.getEntry("OEBPS/toc.ncx")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ncx.contains("<text>Appendix A. The Data</text>"), ncx);
        }
        try (PdfInspect pdf = new PdfInspect(tmp.resolve("out/test-book.pdf"))) {
            assertEquals(List.of("Contents", "1. A Chapter", "Appendix A. The Data", "Appendix B. Sources", "Glossary"),
                    pdf.outline().stream().map(PdfInspect.Entry::title).toList());
            String text = pdf.allText();
            assertFalse(text.contains("Chapter 2"), "no appendix is labelled as a chapter");
            assertTrue(text.contains("A · The Data") || text.contains("Appendix A · The Data"), "running head");
        }
    }
}
