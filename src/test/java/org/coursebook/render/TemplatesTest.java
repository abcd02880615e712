package org.coursebook.render;

import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A book's own templates fail as source errors at their line; the built-in ones as internal errors. */
class TemplatesTest {
    @TempDir
    Path tmp;

    @Test
    void aBuiltInTemplateThatFailsStaysAnInternalError() throws Exception {
        Files.createDirectories(tmp.resolve("templates"));
        Templates t = new Templates(tmp.resolve("templates"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.render("chapter.ftl", Map.of()));
        assertTrue(e.getMessage().startsWith("template chapter.ftl failed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new Templates(null).render("nav.ftl", Map.of()));
    }

    @Test
    void aRuntimeErrorIsAtTheTemplatesLineAndColumn() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(dir.resolve("nav.ftl"), "<nav>\n<p>${book.title()?upper_case} ${book.noSuchThing}</p>\n</nav>\n");
        Templates t = new Templates(dir);
        BuildException e = assertThrows(BuildException.class,
                () -> t.render("nav.ftl", Map.of("book", Map.of("title", "A Book"))));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals(dir.resolve("nav.ftl"), d.pos().file());
        assertEquals(2, d.pos().line());
        assertFalse(d.hint().isEmpty());
    }

    @Test
    void anErrorInABuiltInTemplateCalledFromTheBooksIsReportedAtTheBooks() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("templates"));
        // the book's cover page imports the built-in lib/cover.ftl and calls it without the values it needs
        Files.writeString(dir.resolve("cover-page.ftl"), "<#import \"lib/cover.ftl\" as c>\n<p>${c.alt({})}</p>\n");
        Templates t = new Templates(dir);
        BuildException e = assertThrows(BuildException.class, () -> t.render("cover-page.ftl", Map.of()));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals(dir.resolve("cover-page.ftl"), d.pos().file());
        assertTrue(d.message().contains("the built-in lib/cover.ftl"), d.message());
    }

    @Test
    void checkReportsEverySyntaxErrorWithoutRendering() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("templates/lib"));
        Files.writeString(dir.resolve("parts.ftl"), "<#macro x>\n${a\n</#macro>\n");
        Files.writeString(tmp.resolve("templates/page.ftl"), "<p>\n\n<#list items as i>${i}</#lisst>\n");
        Files.writeString(tmp.resolve("templates/fine.ftl"), "<p>${x}</p>\n");
        Diagnostics diag = new Diagnostics();
        new Templates(tmp.resolve("templates")).check(diag);
        List<Diagnostic> ds = diag.all();
        assertEquals(2, ds.size(), ds.toString());
        assertEquals(tmp.resolve("templates/lib/parts.ftl"), ds.get(0).pos().file());
        assertEquals(tmp.resolve("templates/page.ftl"), ds.get(1).pos().file());
        assertEquals(3, ds.get(1).pos().line());
        for (Diagnostic d : ds) {
            assertTrue(d.isError() && d.message().startsWith("template syntax error: "), d.format());
            assertTrue(d.pos().line() > 0 && d.pos().column() > 0, d.format());
        }
    }
}
