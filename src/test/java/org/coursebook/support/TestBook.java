package org.coursebook.support;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.coursebook.read.BookReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A tiny book written into a temporary folder, to be broken one way at a time: a manifest listing {@code ch.md},
 * and a chapter with front matter, a paragraph and a section. Tests replace files and read the diagnostics.
 */
public final class TestBook {
    public static final String MANIFEST = """
            title: Test Book
            authors: [A. Author]
            language: en
            identifier: urn:uuid:0e7b7f7a-3d55-4c61-8a0f-1b2c3d4e5f61
            date: 2026-01-15
            chapters:
              - ch.md
            """;
    public static final String CHAPTER = """
            ---
            title: A Chapter
            lecture:
              - A point.
            ---

            Some text.

            ## A Section

            More text.
            """;

    private final Path dir;

    private TestBook(Path dir) {
        this.dir = dir;
    }

    /** A valid tiny book in {@code dir}. */
    public static TestBook create(Path dir) {
        TestBook b = new TestBook(dir);
        b.file("book.yaml", MANIFEST);
        b.file("ch.md", CHAPTER);
        return b;
    }

    public TestBook file(String name, String text) {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestBook bytes(String name, byte[] content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces the chapter's body (the front matter stays: it takes lines 1–5, the body starts on line 7). */
    public TestBook body(String markdown) {
        return file("ch.md", "---\ntitle: A Chapter\nlecture:\n  - A point.\n---\n\n" + markdown);
    }

    public Path dir() {
        return dir;
    }

    public Path manifest() {
        return dir.resolve("book.yaml");
    }

    public Path path(String name) {
        return dir.resolve(name);
    }

    public BuildOptions options(Path out) {
        return new BuildOptions(manifest(), out, Set.of(), Builds.FIXED_TIME, null, null, BookReader.Limits.defaults(), List.of());
    }

    /** Reads and transforms the book (no rendering); returns every diagnostic. */
    public List<Diagnostic> check() {
        return check(BookReader.Limits.defaults());
    }

    /** Reads and transforms the book as {@code check --strict} does: style advice is reported too. */
    public List<Diagnostic> checkStrict() {
        return check(BookReader.Limits.defaults(), true);
    }

    public List<Diagnostic> check(BookReader.Limits limits) {
        return check(limits, false);
    }

    private List<Diagnostic> check(BookReader.Limits limits, boolean strict) {
        Diagnostics diag = new Diagnostics(strict);
        BuildOptions o = new BuildOptions(manifest(), dir.resolve("out"), Set.of(), Builds.FIXED_TIME, null, null, limits, List.of());
        try {
            new BuildPipeline(List.of(), s -> {}).check(o, diag, Map.of());
        } catch (BuildException e) {
            return e.diagnostics();
        }
        return diag.all();
    }

    /** Asserts that there is an error in {@code file} at {@code line} whose message contains {@code text}; returns it. */
    public static Diagnostic error(List<Diagnostic> ds, String file, int line, String text) {
        for (Diagnostic d : ds) {
            if (d.isError() && d.pos().file().getFileName().toString().equals(file) && d.pos().line() == line
                    && d.message().contains(text)) {
                assertFalse(d.hint().isBlank(), "every error carries a hint: " + d);
                return d;
            }
        }
        fail("expected an error at " + file + ":" + line + " containing '" + text + "', got:\n" + show(ds));
        return null;
    }

    public static Diagnostic warning(List<Diagnostic> ds, String file, int line, String text) {
        for (Diagnostic d : ds) {
            if (!d.isError() && d.pos().file().getFileName().toString().equals(file) && d.pos().line() == line
                    && d.message().contains(text)) return d;
        }
        fail("expected a warning at " + file + ":" + line + " containing '" + text + "', got:\n" + show(ds));
        return null;
    }

    /** Asserts that there is a warning or note in {@code file} at {@code line} whose message contains {@code text}. */
    public static Diagnostic warningOrNote(List<Diagnostic> ds, String file, int line, String text) {
        return warning(ds, file, line, text);
    }

    public static void noErrors(List<Diagnostic> ds) {
        assertEquals("", show(ds.stream().filter(Diagnostic::isError).toList()), "no errors expected");
    }

    public static String show(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }
}
