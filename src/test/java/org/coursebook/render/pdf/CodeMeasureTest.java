package org.coursebook.render.pdf;

import org.coursebook.model.PageSize;
import org.coursebook.render.CodeWrap;
import org.coursebook.support.Builds;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The print wrap column matches the page: a code line exactly as wide as {@link PdfRenderer#codeColumns} is printed
 * on one line (the engine would otherwise wrap it again, without a mark, at a space), and one character more wraps
 * once, with the mark. This fails when the code size, the listing's padding or the page margins change without the
 * measure that {@link CodeWrap} is given.
 */
class CodeMeasureTest {
    /** Words of five letters and a space, cut to {@code n} characters ending in a letter. */
    static String line(int n, char letter) {
        String s = (String.valueOf(letter).repeat(5) + " ").repeat(n / 6 + 2).substring(0, n);
        return s.endsWith(" ") ? s.substring(0, n - 1) + letter : s;
    }

    @ParameterizedTest
    @EnumSource(value = PageSize.class, names = {"A4", "TRADE", "LETTER"})
    void aLineOfTheMeasureFitsAndOneMoreWrapsOnceWithTheMark(PageSize size, @TempDir Path dir) throws Exception {
        int n = PdfRenderer.codeColumns(PageGeometry.of(size));
        String fits = line(n, 'a'), over = line(n, 'b') + "c";
        assertEquals(n, fits.length());
        TestBook book = TestBook.create(java.nio.file.Files.createDirectories(dir.resolve("src"))).body("## Code\n\n```\n" + fits + "\n" + over + "\n```\n");
        book.file("book.yaml", TestBook.MANIFEST + "page-size: " + size.key() + "\n");
        Builds.build(book.manifest(), dir.resolve("out"), Set.of("pdf"));
        try (PdfInspect pdf = new PdfInspect(dir.resolve("out/test-book.pdf"))) {
            List<String> lines = Arrays.stream(pdf.visualText().split("\n")).map(String::strip).toList();
            assertTrue(lines.contains(fits), size + ": the line of " + n + " columns is on one line:\n" + String.join("\n", lines));
            int at = lines.indexOf(over.substring(0, over.lastIndexOf(' ')));
            assertTrue(at >= 0, size + ": the longer line's first part alone:\n" + String.join("\n", lines));
            assertEquals(CodeWrap.MARK + " " + over.substring(over.lastIndexOf(' ') + 1), lines.get(at + 1), size.key());
        }
    }
}
