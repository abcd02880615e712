package org.coursebook.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a page-break marker goes in a block of the e-book, and how words are counted there and in print. */
class PageBreakMarkersTest {
    /** Markers for pages 0, 1, … with {@code folios}, before {@code words}, inserted into {@code xhtml}. */
    private static String insert(String xhtml, int[] words, String[] folios) {
        List<PageBreakMarkers.Marker> ms = new java.util.ArrayList<>();
        for (int i = 0; i < words.length; i++) ms.add(new PageBreakMarkers.Marker(i, folios[i], words[i], -1));
        return PageBreakMarkers.insert(xhtml, ms);
    }

    private static String m(String folio) {
        return PageBreakMarkers.marker(folio);
    }

    @Test
    void aMarkerStandsBeforeItsWordOutsideTheInlineElementsTheWordStartsAndOutsideLinks() {
        String p = "<p>One two <em>three</em> four <a href=\"x.xhtml\" class=\"xref\">five six</a> seven.</p>";
        String out = insert(p, new int[] {2, 5, 6}, new String[] {"3", "4", "5"});
        assertEquals("<p>One two " + m("3") + "<em>three</em> four " + m("4") + "<a href=\"x.xhtml\" class=\"xref\">five six</a> "
                + m("5") + "seven.</p>", out);
    }

    @Test
    void wordZeroIsBeforeTheBlockAndAWordPastTheEndAfterIt() {
        String p = "<p>Only words here</p>";
        assertEquals(m("7") + p, insert(p, new int[] {0}, new String[] {"7"}));
        assertEquals(p + m("8"), insert(p, new int[] {9}, new String[] {"8"}));
    }

    @Test
    void blockElementsSeparateWordsAndEntitiesAndSoftHyphensAreText() {
        String t = "<table><tr><td>a&amp;b</td><td>c\u00ADd</td></tr></table>";
        assertEquals("<table><tr><td>a&amp;b</td><td>" + m("2") + "c\u00ADd</td></tr></table>",
                insert(t, new int[] {1}, new String[] {"2"}));
    }

    @Test
    void aWrappedCodeLinesContinuationMarkNeitherCountsNorSplitsTheWordItCut() {
        String wrapped = "<pre><code><span class=\"line\">abc\n<span class=\"wrap-mark\" aria-hidden=\"true\">  \u21AA </span>def ghi</span></code></pre>";
        // 'abcdef' is one word in print and in the e-book (which may not wrap it): 'ghi' is word 1
        assertEquals(wrapped.replace("ghi", m("9") + "ghi"), insert(wrapped, new int[] {1}, new String[] {"9"}));
        WordCounter w = new WordCounter();
        w.text("abc\n");
        w.wrapMark();
        w.text("def ");
        assertEquals(1, w.nextWord());
    }

    @Test
    void aPageThatBeginsInTheSecondHalfOfAHyphenatedWordBeginsAtThatWord() {
        WordCounter w = new WordCounter();
        w.text("one collecti\u00AD");
        assertEquals(1, w.wordAt('v'));
        w.text(" ");
        assertEquals(2, w.wordAt('v'));
    }
}
