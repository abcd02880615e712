package org.coursebook.cli;

import org.coursebook.support.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The command line: exit codes, progress and summary, quiet in CI, version and help. */
class MainTest {
    record Run(int code, String out, String err) {}

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void versionAndHelpWorkAtTheTopLevel() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("coursebook "), v.out());
        Run h = run("--help");
        assertEquals(0, h.code());
        for (String word : new String[] {"build", "check", "watch", "Exit codes:"}) assertTrue(h.out().contains(word), h.out());
        Run hw = run("watch", "--help");
        assertEquals(0, hw.code());
        assertTrue(hw.out().contains("--format"), hw.out());
    }

    @Test
    void noCommandOrABadOptionIsAUsageError() {
        Run none = run();
        assertEquals(Main.USAGE, none.code());
        assertTrue(none.err().contains("build, check, watch or init"), none.err());
        Run bad = run("build", "--format", "mobi");
        assertEquals(Main.USAGE, bad.code());
        assertTrue(bad.err().contains("unknown format 'mobi'"), bad.err());
        assertTrue(bad.err().contains("coursebook build --help"), bad.err());
        assertEquals(Main.USAGE, run("build", "--no-such-option").code());
    }

    @Test
    void aMissingManifestIsASourceError(@TempDir Path dir) {
        Run r = run("check", "--book", dir.resolve("nope.yaml").toString());
        assertEquals(Main.SOURCE_ERRORS, r.code());
        assertTrue(r.err().contains("nope.yaml") && r.err().contains("the manifest does not exist"), r.err());
    }

    @Test
    void bookMayNameTheBooksFolder(@TempDir Path dir) throws Exception {
        Path manifest = Builds.copyBook("small", dir.resolve("course/chapters"));
        Path out = dir.resolve("out");
        Run r = run("build", "--book", dir.resolve("course").toString(), "--out", out.toString(), "--format", "epub");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("a-small-test-book.epub")));
        Run c = run("check", "--book", manifest.getParent().toString());
        assertEquals(0, c.code(), c.err());
        Run none = run("check", "--book", dir.toString());
        assertEquals(Main.SOURCE_ERRORS, none.code());
        assertTrue(none.err().contains(dir + ": error: no book in this folder: looked for " + org.coursebook.read.BookLocator.lookedFor()), none.err());
    }

    @Test
    void buildPrintsOneLineAStageAndASummary(@TempDir Path dir) throws Exception {
        Path manifest = Builds.copyBook("small", dir.resolve("book"));
        Path out = dir.resolve("out");
        Run r = run("build", "--book", manifest.toString(), "--out", out.toString(), "--format", "epub,pdf");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("read\\s+\\d+\\.\\d\\d s  \\(3 files\\)"), lines.get(0));
        assertTrue(lines.get(1).matches("transform\\s+\\d+\\.\\d\\d s"), lines.get(1));
        // the print book comes first: the EPUB takes its page numbers from it
        assertTrue(lines.get(2).matches("pdf\\s+\\d+\\.\\d\\d s"), lines.get(2));
        assertTrue(lines.get(3).matches("epub\\s+\\d+\\.\\d\\d s"), lines.get(3));
        int wrote = 4;
        while (!lines.get(wrote).startsWith("wrote ")) {
            assertTrue(lines.get(wrote).matches("[a-z ]+\\s+\\d+\\.\\d\\d s"), "another renderer's stage: " + lines.get(wrote));
            wrote++;
        }
        assertTrue(lines.get(wrote).matches("wrote \\d+ files to .* in \\d+\\.\\d\\d s"), lines.get(wrote));
        assertTrue(r.out().matches("(?s).*a-small-test-book\\.epub\\s+[\\d.]+ (KiB|MiB)\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*a-small-test-book\\.pdf\\s+[\\d.]+ KiB  \\d+ pages\n.*"), r.out());
        assertTrue(r.out().contains("fonts-LICENSE.txt"), r.out());
        assertTrue(r.out().endsWith("no warnings\n"), r.out());
        assertTrue(Files.size(out.resolve("a-small-test-book.pdf")) > 0);
    }

    @Test
    void inCiABuildIsQuietUnlessAskedAndSourceErrorsExitWithOne(@TempDir Path dir) throws Exception {
        Path manifest = Builds.copyBook("small", dir.resolve("book"));
        Path out = dir.resolve("out");
        Map<String, String> ci = Map.of("CI", "true");
        Run quiet = run(ci, "build", "--book", manifest.toString(), "--out", out.toString(), "--format", "epub");
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.out());
        assertTrue(Files.exists(out.resolve("a-small-test-book.epub")));
        Run verbose = run(ci, "build", "-v", "--book", manifest.toString(), "--out", out.toString(), "--format", "epub");
        assertTrue(verbose.out().contains("wrote 1 file to "), verbose.out());

        Path one = manifest.resolveSibling("one.md");
        Files.writeString(one, Files.readString(one) + "\nA dangling reference.[^nowhere]\n");
        Run broken = run(ci, "build", "--book", manifest.toString(), "--out", out.toString(), "--format", "epub");
        assertEquals(Main.SOURCE_ERRORS, broken.code());
        assertTrue(broken.err().matches("(?s).*one\\.md:\\d+:\\d+: error: .*nowhere.*"), broken.err());
        assertTrue(broken.err().contains("nothing was written"), broken.err());
    }

    @Test
    void aFailingTemplateOfTheBookIsASourceErrorAtItsLineReportedWithTheOthers(@TempDir Path dir) throws Exception {
        Path manifest = Builds.copyBook("small", dir.resolve("book"));
        Path templates = Files.createDirectories(manifest.resolveSibling("styles/templates"));
        Files.writeString(templates.resolve("chapter.ftl"), "<#-- a chapter page -->\n<html>\n  ${chapter.nosuchfield()}\n</html>\n");
        Files.writeString(templates.resolve("handout.ftl"), "<html>${meta.title()}\n<p>${lectures[0].nope}</p></html>\n");
        Path two = manifest.resolveSibling("two.md");
        Files.writeString(two, Files.readString(two).replace("lecture:\n  - One point for the second lecture.\n", ""));
        Path out = dir.resolve("out");
        Run r = run("build", "--book", manifest.toString(), "--out", out.toString(), "--format", "epub,handouts");
        assertEquals(Main.SOURCE_ERRORS, r.code(), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertTrue(r.err().contains("chapter.ftl:3:5: error: the template failed: 'chapter.nosuchfield' is missing or null (hint: "),
                r.err());
        assertTrue(r.err().contains("handout.ftl:2:6: error: the template failed: 'lectures[0].nope' is missing or null"), r.err());
        assertTrue(r.err().contains("two.md:1: warning: the chapter declares no lecture bullet points"), r.err());
        assertTrue(r.err().contains("build failed with 2 errors; nothing was written"), r.err());
        assertFalse(Files.exists(out.resolve("a-small-test-book.epub")));
    }

    @Test
    void aTemplateSyntaxErrorIsReportedByCheckAndBuild(@TempDir Path dir) throws Exception {
        Path manifest = Builds.copyBook("small", dir.resolve("book"));
        Path templates = Files.createDirectories(manifest.resolveSibling("styles/templates/lib"));
        Files.writeString(templates.resolve("cover.ftl"), "<#macro cover>\n<#if meta.title()??>\n</#macro>\n");
        for (String[] args : List.of(new String[] {"check", "--book", manifest.toString()},
                new String[] {"build", "--book", manifest.toString(), "--out", dir.resolve("out").toString(), "--format", "epub"})) {
            Run r = run(args);
            assertEquals(Main.SOURCE_ERRORS, r.code(), r.err());
            assertTrue(r.err().matches("(?s).*styles/templates/lib/cover\\.ftl:3:\\d+: error: template syntax error: .*#if.*\\(hint: .*"),
                    r.err());
            assertFalse(r.err().contains("internal error"), r.err());
        }
    }
}
