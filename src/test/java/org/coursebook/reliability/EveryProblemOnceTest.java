package org.coursebook.reliability;

import org.coursebook.diag.Diagnostic;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.coursebook.support.TestBook.error;
import static org.junit.jupiter.api.Assertions.*;

/** Every problem in one run, at the right place: the cause first, links at their own column, nothing found only later. */
class EveryProblemOnceTest {
    @TempDir
    Path tmp;

    @Test
    void aMisspeltListOfChaptersIsReportedAloneNotWithItsConsequences() {
        List<Diagnostic> ds = TestBook.create(tmp).file("book.yaml", TestBook.MANIFEST.replace("chapters:", "chapter:")).check();
        Diagnostic d = error(ds, "book.yaml", 6, "unknown key 'chapter'");
        assertTrue(d.hint().contains("did you mean 'chapters'"), d.hint());
        assertTrue(ds.stream().noneMatch(x -> x.message().contains("lists no chapters") || x.message().contains("not in the manifest")),
                ds.toString());
    }

    @Test
    void anUntitledChaptersLinksAreCheckedInTheSameRun() {
        List<Diagnostic> ds = TestBook.create(tmp).file("ch.md", "Text with [a broken link](nowhere.md).\n").check();
        error(ds, "ch.md", 1, "the chapter has no title");
        Diagnostic link = error(ds, "ch.md", 1, "names a file that is not in the book");
        assertEquals(11, link.pos().column(), "at the link's own column: " + link);
    }

    @Test
    void aReferenceStyleLinkIsReportedWhereItsTargetIsWritten() {
        List<Diagnostic> ds = TestBook.create(tmp).body("See [the other][ref] chapter.\n\n[ref]: missing.md#x\n").check();
        Diagnostic d = error(ds, "ch.md", 9, "names a file that is not in the book");
        assertEquals(1, d.pos().column(), d.toString());
    }

    @Test
    void anAddressWithNoHostIsNotALink() {
        assertFalse(org.coursebook.transform.Links.addressed("http://"));
        assertFalse(org.coursebook.transform.Links.addressed("mailto:"));
        assertTrue(org.coursebook.transform.Links.addressed("https://example.org/a%20b"));
    }
}
