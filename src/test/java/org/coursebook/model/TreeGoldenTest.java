package org.coursebook.model;

import org.coursebook.support.Builds;
import org.coursebook.support.TreeDump;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A golden test of the model itself: the small test book's document tree, after every transform, in
 * {@link TreeDump}'s readable form, must equal {@code src/test/resources/golden/small.tree}. Run with
 * {@code -Dgolden.update=true} to rewrite it after an intended change, then review the diff.
 */
class TreeGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/small.tree");

    @Test
    void theSmallBooksTreeMatchesItsGoldenDump() throws Exception {
        String actual = TreeDump.of(Builds.smallBook().book());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual);
            return;
        }
        assertTrue(Files.exists(GOLDEN), "no golden file: run with -Dgolden.update=true");
        String expected = Files.readString(GOLDEN);
        if (!expected.equals(actual)) {
            String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
            int i = 0;
            while (i < e.length && i < a.length && e[i].equals(a[i])) i++;
            fail("the tree differs from " + GOLDEN + " at line " + (i + 1) + ":\n  expected: "
                    + (i < e.length ? e[i] : "(end)") + "\n  actual:   " + (i < a.length ? a[i] : "(end)"));
        }
    }

    @Test
    void everyNodeTypeOfTheModelOccursInTheGoldenBook() throws Exception {
        String dump = TreeDump.of(Builds.smallBook().book());
        for (String kind : new String[] {"Heading", "Para", "BulletList", "Item", "Table", "Caption", "HeaderCell", "Cell",
                "Figure", "Sidebar", "PullQuote PRIMARY", "PullQuote LIFTED", "NoteRef", "Lang ru", "Link ref", "Emph", "Footnote"}) {
            assertTrue(dump.contains(kind), "the small book has no " + kind + ": add one, so the golden test covers it");
        }
    }
}
