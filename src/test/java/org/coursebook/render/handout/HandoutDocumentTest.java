package org.coursebook.render.handout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class HandoutDocumentTest {
    @Test
    void dropsNoteReferencesAndLinksIntoTheBookButKeepsWebLinks() {
        String in = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Famine<a class=\"noteref\" href=\"#fn-famine\">1</a>, see "
                + "<a class=\"xref\" href=\"03-soviet-ideology.xhtml#paris-commune\">Chapter 3</a> and "
                + "<a href=\"https://example.org/x\">the archive</a>.</p></body></html>";
        String out = HandoutDocument.adapt(in);
        assertTrue(out.contains("<p>Famine, see Chapter 3 and <a href=\"https://example.org/x\" title=\"Link to https://example.org/x\">the archive</a>.</p>"), out);
        assertFalse(out.contains("noteref"));
    }
}
