package org.coursebook.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.coursebook.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.*;

/** A wrong command line names the nearest command or option, and the values an option accepts; exit code 2. */
class SuggestionsTest {
    static String usageError(String... args) {
        MainTest.Run r = run(args);
        assertEquals(Main.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(1).startsWith("Try 'coursebook"), r.err());
        return lines.get(0);
    }

    @Test
    void aMistypedCommandNamesTheNearestOne() {
        assertEquals("coursebook: 'biuld' is not a command; did you mean 'build'? (the commands: build, check, watch, init)",
                usageError("biuld"));
        assertTrue(usageError("chek").contains("did you mean 'check'?"));
        assertTrue(usageError("wach", "--format", "epub").contains("did you mean 'watch'?"));
        assertTrue(usageError("int", "my-course").contains("did you mean 'init'?"));
        assertEquals("coursebook: 'publish' is not a command (the commands: build, check, watch, init)", usageError("publish"));
    }

    @Test
    void aMistypedOptionNamesTheNearestOneOfItsCommand() {
        assertEquals("coursebook: unknown option '--fromat' for coursebook build; did you mean '--format'?",
                usageError("build", "--fromat", "epub"));
        assertTrue(usageError("build", "--outt", "x").endsWith("did you mean '--out'?"));
        assertTrue(usageError("watch", "--page-sise=a4").endsWith("did you mean '--page-size'?"));
        assertTrue(usageError("--verison").endsWith("did you mean '--version'?"));
        assertEquals("coursebook: unknown option '--outt' for coursebook check", usageError("check", "--outt", "x"),
                "check has no --out, and nothing else is near");
        assertEquals("coursebook: unknown option '-x' for coursebook build", usageError("build", "-x"));
    }

    @Test
    void anOptionWithAFixedSetOfValuesListsThem() {
        assertEquals("coursebook: unknown page size 'A5' for --page-size: expected one of letter, a4, trade",
                usageError("build", "--page-size", "A5"));
        assertEquals("coursebook: unknown page size 'leter' for --page-size: expected one of letter, a4, trade (did you mean 'letter'?)",
                usageError("build", "--page-size", "leter"));
        assertEquals("coursebook: unknown paper size 'trade' for --handout-paper: expected one of letter, a4",
                usageError("watch", "--handout-paper", "trade"));
        assertEquals("coursebook: unknown format 'mobi' for --format: expected one of epub, pdf, handouts, site, web",
                usageError("build", "--format", "epub,mobi"));
        assertEquals("coursebook: unknown print layout '3up' for --print-layout: expected one of 2up, booklet (did you mean '2up'?)",
                usageError("build", "--print-layout", "3up"));
    }

    @Test
    void aBookGivenWithoutBookSaysHow(@TempDir Path dir) {
        assertEquals("coursebook: unexpected argument '" + dir + "'; to give the book, write --book " + dir,
                usageError("build", dir.toString()));
    }

    @Test
    void nearIsAFewSlipsNotAnyWord() {
        assertEquals("build", Suggestions.nearest("buidl", List.of("build", "check", "watch", "init")));
        assertNull(Suggestions.nearest("a5", List.of("letter", "a4", "trade")), "one letter of two is a different word");
        assertNull(Suggestions.nearest("-x", List.of("-v", "-q", "-o")), "and a tie names nothing");
        assertNull(Suggestions.nearest("build", List.of("build")), "an exact name needs no suggestion");
    }
}
