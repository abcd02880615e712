package org.coursebook.reliability;

import org.coursebook.cli.Main;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** What the user sees: every problem as file:line:column: error: message (hint: …), then a non-zero exit. */
class CliErrorsTest {
    static final Pattern LINE = Pattern.compile("^(.+\\.(md|yaml|svg|css)):(\\d+)(:(\\d+))?: (error|warning): .+ \\(hint: .+\\)$");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    TestBook brokenBook() {
        TestBook b = TestBook.create(tmp.resolve("book"));
        b.file("book.yaml", TestBook.MANIFEST + "  - two.md\nsubtitel: x\n");
        b.body("Text.[^missing]\n\n![A map](images/map.png)\n");
        b.file("two.md", "---\ntitle: [oops\n---\n\nText.\n");
        return b;
    }

    @Test
    void everyProblemOnItsOwnLineThenTheCount() {
        TestBook b = brokenBook();
        Run r = run("check", "--book", b.manifest().toString());
        assertEquals(Main.SOURCE_ERRORS, r.code());
        List<String> lines = r.err().lines().toList();
        List<String> errors = lines.stream().filter(l -> l.contains(": error: ")).toList();
        assertEquals(4, errors.size(), r.err());
        for (String l : errors) assertTrue(LINE.matcher(l).matches(), "file:line:column: error: message (hint: …): " + l);
        assertTrue(errors.get(0).startsWith(b.manifest() + ":9:1: error: unknown key 'subtitel'"), errors.get(0));
        assertTrue(r.err().contains(b.path("ch.md") + ":7:6: error: the footnote reference [^missing] has no note"), r.err());
        assertTrue(r.err().contains(b.path("ch.md") + ":9:1: error: the image 'images/map.png' does not exist"), r.err());
        assertTrue(r.err().contains(b.path("two.md") + ":2:13: error: YAML syntax error"), r.err());
        assertEquals("coursebook: build failed with 4 errors; nothing was written", lines.get(lines.size() - 1));
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run r = run("check", "--verbose", "--book", brokenBook().manifest().toString());
        assertEquals(Main.SOURCE_ERRORS, r.code());
        assertTrue(r.err().contains("\tat org.coursebook."), r.err());
    }

    @Test
    void aFailedBuildWritesNothing() throws Exception {
        Path out = tmp.resolve("out");
        Run r = run("build", "--book", brokenBook().manifest().toString(), "--out", out.toString());
        assertEquals(Main.SOURCE_ERRORS, r.code());
        assertTrue(!Files.exists(out) || Files.list(out).findAny().isEmpty(), "nothing in " + out);
    }

    @Test
    void aMissingManifest() {
        Run r = run("check", "--book", tmp.resolve("nowhere/book.yaml").toString());
        assertEquals(Main.SOURCE_ERRORS, r.code());
        assertTrue(r.err().contains("book.yaml: error: the manifest does not exist") || r.err().contains("cannot read the manifest"), r.err());
    }
}
