package org.coursebook.reliability;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.cli.Main;
import org.coursebook.diag.Diagnostic;
import org.coursebook.read.BookReader;
import org.coursebook.read.MarkdownReader;
import org.coursebook.read.XhtmlCleaner;
import org.coursebook.render.Renderers;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.coursebook.support.TestBook.error;
import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Size limits give clear messages instead of running out of memory, and no nesting, however deep, overflows the
 * stack: thousands of levels are refused at their line before the parser, the renderers or the PDF engine
 * recurse over them; the deepest nesting allowed still builds.
 */
class LimitsTest {
    static final int LEVELS = 5000;

    @TempDir
    Path tmp;

    TestBook book() {
        return TestBook.create(tmp.resolve("book"));
    }

    @Test
    void chapterOverTheSizeLimit() {
        TestBook b = book().body("Text.\n\n" + "A sentence of the chapter. ".repeat(100) + "\n");
        List<Diagnostic> ds = b.check(new BookReader.Limits(2 * 1024, BookReader.Limits.defaults().maxImageBytes()));
        Diagnostic d = error(ds, "ch.md", 1, "over the limit of 2 KiB");
        assertTrue(d.hint().contains("--max-chapter-kib"), d.hint());
    }

    @Test
    void imageOverTheSizeLimit() {
        TestBook b = book().bytes("images/big.png", java.util.Arrays.copyOf(Fixtures.PNG, 3 * 1024))
                .body("Text.\n\n![A big picture](images/big.png)\n");
        List<Diagnostic> ds = b.check(new BookReader.Limits(BookReader.Limits.defaults().maxChapterBytes(), 1024));
        Diagnostic d = error(ds, "ch.md", 9, "is 3 KiB, over the limit of 1 KiB");
        assertTrue(d.hint().contains("--max-image-kib"), d.hint());
    }

    /**
     * A 20000×20000 PNG of 60 KB that would decode to 1.6 GB (the field report: 23 s and 2.2 GB) is refused
     * from its header, in a chapter and as the cover; one just under the budget passes.
     */
    @Test
    void imageWithTooManyPixelsIsRefusedFromItsHeader() throws Exception {
        byte[] huge = png(20000, 20000, true);
        assertTrue(huge.length < 200_000, "a small file: " + huge.length);
        TestBook b = book().bytes("images/huge.png", huge).body("Text.\n\n![A huge picture](images/huge.png)\n");
        Diagnostic d = error(b.check(), "ch.md", 9, "the image 'images/huge.png' is 20000×20000 pixels (400 megapixels), more than the 50 megapixels");
        assertTrue(d.hint().contains("scale it down to at most 7071×7071 pixels"), d.hint());

        b.file("book.yaml", TestBook.MANIFEST + "cover: images/huge.png\n").body("Text.\n\n## S\n");
        error(b.check(), "book.yaml", 8, "is 20000×20000 pixels");

        b.file("book.yaml", TestBook.MANIFEST).bytes("images/large.png", png(7000, 7000, false))
                .body("Text.\n\n![A large picture](images/large.png)\n\n## S\n");
        noErrors(b.check());
    }

    @Test
    void imageWhoseHeaderIsDamaged() {
        byte[] bytes = java.util.Arrays.copyOf(Fixtures.PNG, 20); // the signature and half the header
        TestBook b = book().bytes("images/cut.png", bytes).body("Text.\n\n![A cut picture](images/cut.png)\n");
        error(b.check(), "ch.md", 9, "the image 'images/cut.png' cannot be read: its header is damaged");
    }

    /**
     * A black-and-white PNG (PNG spec, sections 5 and 11): with {@code pixels} a valid image, all white, whose
     * compressed rows are a few bytes each; without, its header alone.
     */
    static byte[] png(int width, int height, boolean pixels) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // 1 bit grey
        chunk(out, "IHDR", ihdr.array());
        if (pixels) {
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (var z = new java.util.zip.DeflaterOutputStream(idat, new java.util.zip.Deflater(9))) {
                byte[] row = new byte[1 + (width + 7) / 8]; // filter type 0, then the row's bits
                java.util.Arrays.fill(row, 1, row.length, (byte) 0xff);
                for (int y = 0; y < height; y++) z.write(row);
            }
            chunk(out, "IDAT", idat.toByteArray());
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws java.io.IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(type.getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void theCommandLineSetsTheLimits() {
        TestBook b = book().body("Text.\n\n" + "A sentence of the chapter. ".repeat(100) + "\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"check", "--book", b.manifest().toString(), "--max-chapter-kib", "1"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.SOURCE_ERRORS, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("ch.md:1: error: the file is 2 KiB, over the limit of 1 KiB"), err.toString());
    }

    @Test
    void fiveThousandLevelsOfBlockQuotes() {
        error(book().body("Text.\n\n" + ">".repeat(LEVELS) + " deep\n").check(), "ch.md", 9, "nested more than 64 levels deep");
        error(book().body("Text.\n\n" + "> ".repeat(LEVELS) + "deep\n").check(), "ch.md", 9, "nested more than 64 levels deep");
    }

    @Test
    void fiveThousandLevelsOfListItemsByIndentation() {
        StringBuilder s = new StringBuilder("Text.\n\n");
        for (int i = 0; i < LEVELS; i++) s.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        // 5,000 indented levels take 25 MB of spaces: raise the chapter limit so the nesting check is what fails
        List<Diagnostic> ds = book().body(s.toString()).check(new BookReader.Limits(64L << 20, 1 << 20));
        Diagnostic d = error(ds, "ch.md", 9 + MarkdownReader.MAX_NESTING, "lists or block quotes are nested more than 64 levels deep");
        // 5,000 lines without a blank one would be too large a block too; the depth is what is reported first
        assertEquals(1, ds.stream().filter(Diagnostic::isError).count(), TestBook.show(ds));
        assertTrue(d.pos().column() > 0);
    }

    @Test
    void fiveThousandLevelsOfListsOnOneLine() {
        error(book().body("Text.\n\n" + "- ".repeat(LEVELS) + "x\n").check(), "ch.md", 9, "nested more than 64 levels deep");
        error(book().body("Text.\n\n" + "1. ".repeat(LEVELS) + "x\n").check(), "ch.md", 9, "nested more than 64 levels deep");
        error(book().body("Text.\n\n" + "> - ".repeat(LEVELS) + "x\n").check(), "ch.md", 9, "nested more than 64 levels deep");
    }

    @Test
    void fiveThousandLevelsOfInlineNesting() {
        error(book().body("Text.\n\n" + "*".repeat(LEVELS) + "x" + "*".repeat(LEVELS) + "\n").check(), "ch.md", 9, "nested more than 64 levels deep");
        error(book().body("Text.\n\n" + "*a _b ".repeat(LEVELS / 2) + "x" + "_ *".repeat(LEVELS / 2) + "\n").check(), "ch.md", 9, "nested more than 64 levels deep");
        error(book().body("Text.\n\n" + "~~".repeat(LEVELS) + "x" + "~~".repeat(LEVELS) + "\n").check(), "ch.md", 9, "nested more than 64 levels deep");
        // (5,000 images would be refused as a paragraph too busy; 600 stay under that limit)
        error(book().body("Text.\n\n" + "![".repeat(600) + "x" + "](a.png)".repeat(600) + "\n").check(), "ch.md", 9, "nested more than 64 levels deep");
    }

    @Test
    void fiveThousandLevelsInAnOpeningLinesWorthOfFrontMatter() {
        // the front matter's text is Markdown too: a lecture point nested absurdly deep
        TestBook b = book().file("ch.md", "---\ntitle: A\nlecture:\n  - \"" + "*".repeat(LEVELS) + "x" + "*".repeat(LEVELS) + "\"\n---\n\nText.\n");
        assertFalse(b.check().isEmpty());
    }

    @Test
    void fiveThousandLevelsOfRawHtml() {
        // 5,000 levels are 10,000 tags: refused as too busy before Flexmark parses them
        List<Diagnostic> ds = book().body("Text.\n\n<div>\n" + "<div>".repeat(LEVELS) + "x" + "</div>".repeat(LEVELS) + "\n</div>\n").check();
        error(ds, "ch.md", 9, "more than " + MarkdownReader.MAX_BLOCK_MARKUP + " links, HTML tags or code spans in one paragraph");
        // fewer tags, still too deep for the HTML cleaner's limit
        int deep = XhtmlCleaner.MAX_DEPTH + 50;
        error(book().body("Text.\n\n<div>\n" + "<div>".repeat(deep) + "x" + "</div>".repeat(deep) + "\n</div>\n").check(),
                "ch.md", 10, "HTML elements are nested more than " + XhtmlCleaner.MAX_DEPTH + " levels deep");
        error(book().body("Text " + "<span>".repeat(deep) + "x" + "</span>".repeat(deep) + "\n").check(),
                "ch.md", 7, "HTML elements are nested more than " + XhtmlCleaner.MAX_DEPTH + " levels deep");
    }

    @Test
    void blocksTooLargeToParseInReasonableTime() {
        String table = "Text.\n\n| a | b |\n|---|---|\n" + "| x | y |\n".repeat(20_000);
        error(book().body(table).check(), "ch.md", 9, "more than " + MarkdownReader.MAX_BLOCK_LINES + " lines without a blank line");
        String links = "Text.\n\n" + "[a](https://example.org) ".repeat(5_000) + "\n";
        error(book().body(links).check(), "ch.md", 9, "more than " + MarkdownReader.MAX_BLOCK_MARKUP + " links");
    }

    /** The deepest nesting allowed goes through both renderers, and the EPUB passes EPUBCheck. */
    @Test
    void theDeepestNestingAllowedBuildsAnEpubAndAPdf() throws Exception {
        int n = MarkdownReader.MAX_NESTING;
        StringBuilder s = new StringBuilder("Text.\n\n## Lists\n\n");
        for (int i = 0; i < n; i++) s.append("  ".repeat(i)).append("- level ").append(i + 1).append('\n');
        s.append("\n## Quotes\n\n").append("> ".repeat(n)).append("A quotation ").append(n).append(" levels deep.\n");
        s.append("\n## Emphasis\n\n").append("*a **b ".repeat(n / 2)).append("core").append("** b* a".repeat(n / 2)).append("\n");
        s.append("\n## HTML\n\n<div>\n").append("<div>".repeat(XhtmlCleaner.MAX_DEPTH - 2)).append("deep")
                .append("</div>".repeat(XhtmlCleaner.MAX_DEPTH - 2)).append("\n</div>\n");
        TestBook b = book().body(s.toString());
        noErrors(b.check());
        Path out = tmp.resolve("out");
        BuildPipeline.Result r = new BuildPipeline(Renderers.all(), x -> {}).build(new BuildOptions(b.manifest(), out,
                Set.of("epub", "pdf"), Builds.FIXED_TIME, null, null, BookReader.Limits.defaults(), List.of()));
        noErrors(r.diagnostics());
        Path epub = out.resolve("test-book.epub");
        EpubValidator.Result v = EpubValidator.validate(epub);
        assertTrue(v.clean(), v.toString());
        assertTrue(Files.size(out.resolve("test-book.pdf")) > 1000);
    }
}
