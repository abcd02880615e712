package org.coursebook.read;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** One-line fields (titles, lecture points, attributions) render as inline XHTML, never as blocks. */
class MarkdownInlineTest {
    private final Markdown md = new Markdown();

    @Test
    void inlineMarkupAndTypography() {
        assertEquals("The <em>first</em> “point” – and more…", XhtmlCleaner.toXhtml(XhtmlCleaner.parse(md.renderInline("The *first* \"point\" -- and more..."))));
    }

    @Test
    void textThatLooksLikeABlockStaysText() {
        // found by the fuzzer: a sidebar title "* * x" became a nested list inside a paragraph
        for (String s : new String[] {"* * ~~the~~ x", "# Not a heading", "1. one", "---", "> quoted"}) {
            String html = XhtmlCleaner.toXhtml(XhtmlCleaner.parse(md.renderInline(s)));
            assertFalse(html.matches("(?s).*<(ul|ol|li|h\\d|hr|blockquote|p)\\b.*"), s + " -> " + html);
            assertTrue(html.contains(s.substring(s.length() - 1)), s + " -> " + html);
        }
    }
}
