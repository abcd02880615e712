package org.coursebook.render.print;

import org.coursebook.cli.Main;
import org.coursebook.support.Builds;
import org.coursebook.support.PdfInspect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The print-shop files under print/: one imposed copy per PDF and layout, the print cover not among them. */
class PrintFilesTest {
    @Test
    void thePrintCoverIsNotImposed(@TempDir Path dir) throws Exception {
        Path manifest = Builds.copyBook("small", dir.resolve("book"));
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"build", "--book", manifest.toString(), "--out", out.toString(),
                "--format", "pdf", "--print-layout", "2up,booklet"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(out.resolve("a-small-test-book-cover.pdf")), "the print cover is built");
        List<String> printFiles;
        try (Stream<Path> s = Files.walk(out.resolve("print"))) {
            printFiles = s.filter(Files::isRegularFile).map(p -> out.resolve("print").relativize(p).toString()).sorted().toList();
        }
        assertEquals(List.of("a-small-test-book-2up.pdf", "a-small-test-book-booklet.pdf"), printFiles);

        int pages;
        try (PdfInspect book = new PdfInspect(out.resolve("a-small-test-book.pdf"))) {
            pages = book.pages();
        }
        assertTrue(pages > 4, "the small book has more pages than one booklet sheet: " + pages);
        try (PdfInspect twoUp = new PdfInspect(out.resolve("print/a-small-test-book-2up.pdf"))) {
            assertEquals((pages + 1) / 2, twoUp.pages(), "two book pages a sheet side, the cover not among them");
        }
        try (PdfInspect booklet = new PdfInspect(out.resolve("print/a-small-test-book-booklet.pdf"))) {
            assertEquals((pages + 3) / 4 * 2, booklet.pages(), "the book's pages padded to fours, two a sheet side");
        }
    }
}
