package org.coursebook.transform;

import org.coursebook.diag.SourcePos;
import org.coursebook.model.Term;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The glossary's introduction says what is true of its terms: "Russian" only when they all are. */
class GlossaryIntroductionTest {
    @Test
    void theGlossarySaysWhatIsTrueOfItsTerms() {
        SourcePos pos = SourcePos.of(Path.of("ch.md"));
        Term ru = new Term("колхоз", "kolkhoz", "farm", pos);
        Term de = new Term("Lebensraum", "", "living space", "de", pos);
        assertTrue(BuildGlossary.introduction(List.of(ru)).startsWith("The Russian terms"));
        String mixed = BuildGlossary.introduction(List.of(ru, de));
        assertTrue(mixed.startsWith("The key terms used in this book"), mixed);
        assertFalse(mixed.contains("Russian"), mixed);
        assertFalse(BuildGlossary.introduction(List.of(de)).contains("transliteration"), "no term here has one");
    }
}
