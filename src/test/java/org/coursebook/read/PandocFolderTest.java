package org.coursebook.read;

import org.coursebook.diag.Diagnostic;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A folder of pandoc chapters builds as it is: pandoc's metadata.yml, chapters/*.md in name order, images found from
 * the book's folder as pandoc finds them, a PNG named .jpg used as a PNG (with a warning), an appendix file as back
 * matter, and the identifier and date EPUB needs derived with one note.
 */
class PandocFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderOfPandocChaptersBuildsAsItIs() throws Exception {
        Path dir = tmp.resolve("rivers");
        Builds.copyBook("pandoc-folder", dir);
        Path manifest = BookLocator.locate(dir, Path.of(""));
        assertEquals("metadata.yml", manifest.getFileName().toString());
        var result = Builds.build(manifest, tmp.resolve("out"), Set.of("epub", "pdf"));
        List<Diagnostic> ds = result.diagnostics();
        noErrors(ds);
        assertTrue(ds.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.NOTE && d.message().contains("derived")), ds.toString());
        assertTrue(ds.stream().anyMatch(d -> d.isWarning() && d.message().contains("is a .png file named .jpg")), ds.toString());
        Book book = result.book();
        assertEquals("Field Notes on Rivers", book.meta().title());
        assertEquals(List.of("A. Hydrologist"), book.meta().authors());
        assertEquals(List.of("Where Rivers Begin", "Where Rivers End"), book.chapters().stream().map(Chapter::title).toList());
        assertEquals(List.of("Appendix A"), book.backMatter().stream().filter(c -> c.title().equals("Units")).map(Chapter::label).toList());
        assertTrue(book.meta().identifier().startsWith("urn:uuid:"));
        Path epub = Files.list(tmp.resolve("out")).filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        EpubValidator.Result v = EpubValidator.validate(epub);
        assertTrue(v.clean(), v.toString());
        Path pdf = Files.list(tmp.resolve("out")).filter(p -> p.toString().endsWith(".pdf") && !p.toString().endsWith("-cover.pdf"))
                .findFirst().orElseThrow();
        try (PdfInspect p = new PdfInspect(pdf)) {
            assertTrue(p.allText().replaceAll("\\s+", " ").contains("Where the water slows"), "the chapters' text is in the PDF");
        }
    }
}
