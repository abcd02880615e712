package org.coursebook.read;

import org.coursebook.cli.Main;
import org.coursebook.support.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every bad manifest gives an error naming book.yaml and the line, a non-zero exit, and no output files. */
class ManifestErrorsTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run build(Path manifest, Path out) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"build", "--book", manifest.toString(), "--out", out.toString(), "--format", "epub"},
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private Path manifestWith(String from, String to) throws Exception {
        Path m = Builds.copyBook("small", dir.resolve("book"));
        String text = Files.readString(m);
        assertTrue(text.contains(from), from);
        Files.writeString(m, text.replace(from, to));
        return m;
    }

    private void assertFails(Path manifest, String fileLine, String message) throws Exception {
        Path out = dir.resolve("out");
        Run r = build(manifest, out);
        assertEquals(Main.SOURCE_ERRORS, r.exit(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.contains(fileLine) && l.contains("error: ") && l.contains(message)),
                "expected '" + fileLine + "' and '" + message + "' on one line in:\n" + r.err());
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                assertEquals(1, files.count(), "nothing written to the output folder");
            }
        }
    }

    @Test
    void unknownKey() throws Exception {
        assertFails(manifestWith("page-size: a4", "page-size: a4\npagesize: a4"), "book.yaml:11:1", "unknown key 'pagesize'");
    }

    @Test
    void missingChapterFile() throws Exception {
        assertFails(manifestWith("  - two.md", "  - three.md"), "book.yaml:15:5", "'three.md' does not exist");
    }

    @Test
    void fileListedTwice() throws Exception {
        assertFails(manifestWith("  - two.md", "  - two.md\n  - one.md"), "book.yaml:16:5", "'one.md' is listed twice");
    }

    @Test
    void emptyTitle() throws Exception {
        assertFails(manifestWith("title: A Small Test Book", "title: \"\""), "book.yaml:1:8", "title is empty");
    }

    @Test
    void yamlSyntaxError() throws Exception {
        assertFails(manifestWith("authors: [Test Author, Second Author]", "authors: [Test Author, Second Author"),
                "book.yaml:", "YAML syntax error");
    }

    @Test
    void unlistedMarkdownFileIsAWarningOnly() throws Exception {
        Path m = Builds.copyBook("small", dir.resolve("book"));
        Files.writeString(m.resolveSibling("draft.md"), "---\ntitle: Draft\n---\n\nText.\n");
        Run r = build(m, dir.resolve("out"));
        assertEquals(Main.OK, r.exit(), r.err());
        assertTrue(r.err().contains("book.yaml:1: warning: 'draft.md' is in the book's folder but not in the manifest"), r.err());
        assertTrue(Files.exists(dir.resolve("out/a-small-test-book.epub")));
    }

    @Test
    void allProblemsAreReportedInOneRun() throws Exception {
        Path m = manifestWith("page-size: a4", "page-size: a5\ncolour: red");
        String text = Files.readString(m).replace("  - two.md", "  - missing.md");
        Files.writeString(m, text);
        Run r = build(m, dir.resolve("out"));
        assertEquals(Main.SOURCE_ERRORS, r.exit());
        assertTrue(r.err().contains("unknown page size 'a5'"), r.err());
        assertTrue(r.err().contains("unknown key 'colour'"), r.err());
        assertTrue(r.err().contains("'missing.md' does not exist"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace without --verbose");
    }
}
