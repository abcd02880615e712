package org.coursebook.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.coursebook.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.*;

/** coursebook init: a starter course that builds, with its own identifier and date, and never over other files. */
class InitTest {
    static final Pattern ID = Pattern.compile("(?m)^identifier: (urn:uuid:[0-9a-f-]{36})$");

    @TempDir
    Path tmp;

    static String identifier(Path manifest) throws Exception {
        Matcher m = ID.matcher(Files.readString(manifest));
        assertTrue(m.find(), Files.readString(manifest));
        return m.group(1);
    }

    @Test
    void aStarterCourseThatBuildsWithItsOwnIdentifierAndTodaysDate() throws Exception {
        Path course = tmp.resolve("my-course");
        MainTest.Run r = run(Map.of("SOURCE_DATE_EPOCH", "1893456000"), "init", course.toString()); // 2030-01-01
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("started a course in " + course + "/"), r.out());
        assertTrue(r.out().contains("  cd " + course + "\n  coursebook build"), "says what to do next: " + r.out());

        Path manifest = course.resolve("chapters/book.yaml");
        for (String f : new String[] {"chapters/book.yaml", "chapters/01-projections.md", "chapters/02-surveying.md", ".gitignore"}) {
            assertTrue(Files.isRegularFile(course.resolve(f)), f);
        }
        String text = Files.readString(manifest);
        assertTrue(text.contains("\ndate: 2030-01-01\n"), text);
        assertTrue(text.contains("rights: \"© 2030 "), text);
        assertFalse(text.contains("java -jar"), "the header speaks of the installed command: " + text);
        String id = identifier(manifest);
        assertNotEquals(identifier(Path.of("docs/sample-book/book.yaml")), id, "a new identifier, not the sample's");

        MainTest.Run build = run(Map.of(), "build", "--book", course.toString(), "--out", course.resolve("output").toString());
        assertEquals(0, build.code(), build.err());
        assertEquals("", build.err(), "no warnings");
        assertTrue(Files.isRegularFile(course.resolve("output/reading-old-maps.epub")));
        assertTrue(Files.isRegularFile(course.resolve("output/reading-old-maps.pdf")));
        assertTrue(Files.isRegularFile(course.resolve("output/index.html")));

        MainTest.Run today = run(Map.of(), "init", tmp.resolve("second").toString());
        assertEquals(0, today.code(), today.err());
        String second = Files.readString(tmp.resolve("second/chapters/book.yaml"));
        assertTrue(second.contains("\ndate: " + LocalDate.now() + "\n") || second.contains("\ndate: " + LocalDate.now().minusDays(1) + "\n"),
                "today's date without SOURCE_DATE_EPOCH: " + second);
        assertNotEquals(id, identifier(tmp.resolve("second/chapters/book.yaml")), "every course its own identifier");
    }

    @Test
    void aFolderThatIsNotEmptyOrIsAFileIsRefusedAndNothingIsWritten() throws Exception {
        Path full = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(full.resolve("notes.txt"), "mine\n");
        MainTest.Run r = run("init", full.toString());
        assertEquals(Main.SOURCE_ERRORS, r.code());
        assertTrue(r.err().contains(full + ": error: cannot start a course here: the folder is not empty (it holds notes.txt)"
                + " (hint: name a new or empty folder, e.g. coursebook init my-course)"), r.err());
        assertTrue(r.err().contains("coursebook: init failed with 1 error; nothing was written"), r.err());
        try (var s = Files.list(full)) {
            assertEquals(1, s.count(), "nothing was added");
        }

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        MainTest.Run f = run("init", file.toString());
        assertEquals(Main.SOURCE_ERRORS, f.code());
        assertTrue(f.err().contains("it is a file, not a folder"), f.err());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, run("init", empty.toString()).code(), "an empty folder is fine");
        assertEquals(Main.USAGE, run("init").code(), "DIR is required");
    }
}
