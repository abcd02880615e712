package org.coursebook.read;

import org.coursebook.diag.Diagnostic;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.coursebook.support.TestBook.error;
import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/** Key terms in any language: a transliteration only for a non-Latin script, the language given or implied. */
class TermsTest {
    @TempDir
    Path tmp;

    private TestBook chapter(String terms, String text) {
        return TestBook.create(tmp).file("ch.md", "---\ntitle: A Chapter\nlecture:\n  - A point.\nterms:\n" + terms + "---\n\n" + text + "\n");
    }

    @Test
    void latinGreekAndGermanTermsNeedNoMoreThanTheyHave() {
        List<Diagnostic> ds = chapter("""
                  - term: Lebensraum
                    lang: de
                    meaning: living space
                  - term: hubris
                    meaning: overweening pride
                  - term: δῆμος
                    translit: demos
                    meaning: the people
                """, "On *Lebensraum*, *hubris* and the δῆμος.").check();
        noErrors(ds);
    }

    @Test
    void aMissingKeyIsNamed() {
        Diagnostic d = error(chapter("  - term: колхоз\n    meaning: collective farm\n", "A колхоз.").check(), "ch.md", 6, "has no translit");
        assertTrue(d.message().contains("'колхоз'"), d.message());
        error(chapter("  - term: hubris\n", "hubris").check(), "ch.md", 6, "has no meaning");
        error(chapter("  - term: hubris\n    meaning: pride\n    lang: german!\n", "hubris").check(), "ch.md", 8, "not a language tag");
    }

    @Test
    void theTermsLanguageFollowsItsScriptUnlessGiven() {
        assertEquals("ru", new org.coursebook.model.Term("колхоз", "kolkhoz", "farm", org.coursebook.diag.SourcePos.of(tmp)).lang());
        assertEquals("el", new org.coursebook.model.Term("δῆμος", "demos", "people", org.coursebook.diag.SourcePos.of(tmp)).lang());
        assertEquals("", new org.coursebook.model.Term("hubris", "", "pride", org.coursebook.diag.SourcePos.of(tmp)).lang());
    }

}
