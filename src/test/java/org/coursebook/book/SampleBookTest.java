package org.coursebook.book;

import org.coursebook.build.BuildPipeline;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The sample book in docs/ that the README points to builds cleanly with the built-in styles. */
class SampleBookTest {
    @Test
    void theSampleBookBuildsWithNoWarningsAndAValidEpub(@TempDir Path out) throws Exception {
        BuildPipeline.Result r = Builds.build(Path.of("docs/sample-book/book.yaml"), out, Set.of("epub"));
        assertEquals(java.util.List.of(), r.diagnostics());
        assertEquals(2, r.book().chapters().size());
        assertEquals("Projections", r.book().chapters().get(0).title());
        EpubValidator.Result v = EpubValidator.validate(out.resolve("reading-old-maps.epub"));
        assertTrue(v.clean(), v.toString());
    }
}
