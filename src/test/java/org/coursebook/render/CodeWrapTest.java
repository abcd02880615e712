package org.coursebook.render;

import org.coursebook.read.Listings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Long code lines wrap with a visible continuation mark, keep every character and, where they can, every word whole. */
class CodeWrapTest {
    static final String CENSUS = "census-tool --input returns_district_14_households_all_years.csv --filter "
            + "\"district=14 AND year>=1897 AND year<=1926\" --group-by year,parish --output counts_by_year_and_parish.csv";

    private static Document listing(String fence, String code) {
        return Jsoup.parse(Listings.xhtml(fence, code, null), "", Parser.xmlParser());
    }

    /** The screen lines of a listing: its text split at newlines. */
    private static List<String> screenLines(Element root) {
        return Arrays.asList(root.selectFirst("code").wholeText().split("\n", -1));
    }

    /** The text with the wrap marks and the newlines before them taken out: the source again. */
    private static String unwrapped(Element root) {
        Element copy = root.selectFirst("code").clone();
        copy.select("span.wrap-mark").forEach(m -> {
            var prev = m.previousSibling();
            if (prev instanceof org.jsoup.nodes.TextNode t && t.getWholeText().equals("\n")) t.remove();
            m.remove();
        });
        return copy.wholeText();
    }

    @Test
    void theCensusLineWrapsAtSpacesWithMarksAndLosesNothing() {
        assertEquals(179, CENSUS.length(), "the line of field case 06");
        for (int cols : new int[] {40, 64, 84}) {
            Document d = listing("", CENSUS);
            assertEquals(1, CodeWrap.wrap(d, cols));
            assertEquals(CENSUS, unwrapped(d), "every character, in order");
            List<String> lines = screenLines(d);
            assertTrue(lines.size() >= 3, lines.toString());
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                assertTrue(l.stripTrailing().length() <= cols, cols + ": " + l);
                assertEquals(i > 0, l.startsWith(CodeWrap.MARK + " "), "continuations start with the mark: " + l);
            }
            // every word of the source that fits on a line is whole on one screen line
            List<String> words = lines.stream().flatMap(l -> Arrays.stream(l.split(" "))).toList();
            for (String w : CENSUS.split(" ")) {
                if (w.length() <= cols - 2) assertTrue(words.contains(w), cols + ": '" + w + "' split in " + lines);
            }
            assertEquals(lines.size() - 1, d.select("span.wrap-mark[aria-hidden=true]").size());
        }
    }

    @Test
    void aShortLineIsLeftAlone() {
        Document d = listing("java", "int a = 1;");
        String before = d.outerHtml();
        assertEquals(0, CodeWrap.wrap(d, 16));
        assertEquals(before, d.outerHtml());
    }

    @Test
    void aLineExactlyAtTheMeasureStays() {
        String line = "x".repeat(30) + " " + "y".repeat(29);
        assertEquals(0, CodeWrap.wrap(listing("", line), 60));
        assertEquals(1, CodeWrap.wrap(listing("", line + "z"), 60));
    }

    @Test
    void aTokenLongerThanALineBreaksAfterPunctuationThenAtTheMeasure() {
        String url = "https://example.org/a/very/long/path/that/goes/on/and/on/without/any/spaces/index.html?q=1&r=2";
        Document d = listing("", url);
        CodeWrap.wrap(d, 40);
        assertEquals(url, unwrapped(d));
        List<String> lines = screenLines(d);
        assertTrue(lines.get(0).endsWith("/"), "broken after a slash: " + lines);
        String solid = "x".repeat(100);
        Document s = listing("", solid);
        CodeWrap.wrap(s, 40);
        assertEquals(solid, unwrapped(s));
        assertEquals(40, screenLines(s).get(0).length(), "no break opportunity: cut at the measure");
    }

    @Test
    void continuationsKeepTheIndentationAndTheHighlighting() {
        String line = "        String s = \"" + "word ".repeat(20) + "end\"; // a comment that goes on";
        Document d = listing("java", line);
        CodeWrap.wrap(d, 50);
        assertEquals(line, unwrapped(d));
        List<String> lines = screenLines(d);
        for (String l : lines.subList(1, lines.size())) assertTrue(l.startsWith("        " + CodeWrap.MARK + " "), l);
        // the string token is cut into pieces that each stay a string
        List<String> strings = d.select("span.hl-st").eachText();
        assertTrue(strings.size() >= 2, strings.toString());
        assertEquals("\"" + "word ".repeat(20) + "end\"", String.join("", d.select("span.hl-st").stream().map(Element::wholeText).toList()));
        assertNotNull(d.selectFirst("span.line > span.wrap-mark"), "the mark sits in the line, outside any token");
    }

    @Test
    void nestedMarkupInsideATokenIsSplitToo() {
        Document d = Jsoup.parse("<pre class=\"code\"><code><span class=\"line\"><span class=\"hl-co\">// <span lang=\"ru\">"
                + "очень длинный комментарий на русском языке</span> and more words here</span></span></code></pre>", "", Parser.xmlParser());
        String before = d.selectFirst("span.line").wholeText();
        CodeWrap.wrap(d, 24);
        assertEquals(before, unwrapped(d));
        assertTrue(d.select("span[lang=ru]").size() >= 2, d.outerHtml());
    }

    @Test
    void combiningMarksStayWithTheirLetterAndWideCharactersCountTwo() {
        String line = "а́".repeat(50); // a and a combining acute: 50 columns
        Document d = listing("", line);
        CodeWrap.wrap(d, 20);
        for (String l : screenLines(d)) {
            String body = l.startsWith(CodeWrap.MARK) ? l.substring(2) : l;
            assertFalse(body.startsWith("\u0301"), "a line starts with a lone combining mark: " + screenLines(d));
        }
        assertEquals(line, unwrapped(d));
        assertEquals(2, CodeWrap.width('中'));
        assertEquals(0, CodeWrap.width(0x301));
    }

    @Test
    void listingsInBoxesGetFewerColumns() {
        Document d = Jsoup.parse("<ul><li>" + Listings.xhtml("", "x", null) + "</li></ul><blockquote>"
                + Listings.xhtml("", "y", null) + "</blockquote>", "", Parser.xmlParser());
        assertEquals(4, CodeWrap.inset(d.select("pre").get(0), d));
        assertEquals(9, CodeWrap.inset(d.select("pre").get(1), d));
    }

    @Test
    void columnsOfThePrintMeasure() {
        // A4 with the book's margins (28 mm and 20 mm) less the body's 6 pt each side, code at 8.4 pt
        double a4 = 595.28 - 48 * 72 / 25.4 - 12;
        assertEquals(84, CodeWrap.columns(a4, 8.4));
        assertTrue(CodeWrap.columns(100, 8.4) >= 16, "never fewer than 16 columns");
    }

    @Test
    void documentsWithoutListingsAreNotTouched() {
        String x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html><body><p>text &amp; more</p></body></html>";
        assertSame(x, CodeWrap.wrapXhtml(x, 20));
    }
}
