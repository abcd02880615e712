package org.coursebook.read;

import org.coursebook.diag.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Finding the book: in the current folder, in the folder --book names, or the file it names. */
class BookLocatorTest {
    @TempDir
    Path dir;

    @Test
    void theCurrentFolderHoldsBookYamlOrChaptersBookYaml() throws Exception {
        Files.createDirectories(dir.resolve("chapters"));
        Files.writeString(dir.resolve("chapters/book.yaml"), "title: x\n");
        assertEquals(dir.resolve("chapters/book.yaml"), BookLocator.locate(null, dir));
        Files.writeString(dir.resolve("book.yaml"), "title: y\n");
        assertEquals(dir.resolve("book.yaml"), BookLocator.locate(null, dir), "book.yaml beside the chapters comes first");
    }

    @Test
    void bookNamesAFolderOrAFile() throws Exception {
        Path course = Files.createDirectories(dir.resolve("course/chapters"));
        Files.writeString(course.resolve("book.yaml"), "title: x\n");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        assertEquals(course.resolve("book.yaml"), BookLocator.locate(dir.resolve("course"), elsewhere));
        assertEquals(course.resolve("book.yaml"), BookLocator.locate(course, elsewhere));
        Path other = Files.writeString(dir.resolve("other.yaml"), "title: z\n");
        assertEquals(other, BookLocator.locate(other, elsewhere), "a file is taken as it is, whatever its name");
    }

    @Test
    void theErrorNamesTheFolderAndWhatWasLookedFor() throws Exception {
        BuildException none = assertThrows(BuildException.class, () -> BookLocator.locate(null, dir));
        String m = none.diagnostics().get(0).format();
        assertTrue(m.startsWith(dir + ": error: no book in the current folder: looked for " + BookLocator.lookedFor() + " (hint: "), m);

        Path empty = Files.createDirectories(dir.resolve("empty"));
        m = assertThrows(BuildException.class, () -> BookLocator.locate(empty, dir)).diagnostics().get(0).format();
        assertTrue(m.startsWith(empty + ": error: no book in this folder: looked for " + BookLocator.lookedFor() + ""), m);

        Path missing = dir.resolve("nope.yaml");
        m = assertThrows(BuildException.class, () -> BookLocator.locate(missing, dir)).diagnostics().get(0).format();
        assertTrue(m.startsWith(missing + ": error: the manifest does not exist"), m);
    }
}
