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

    /** The listing as the writers write it, wrapped at {@code columns}. */
    private static Document listing(String fence, String code, int columns) {
        return Jsoup.parse(CodeWrap.listing(fence, code, null, columns), "", Parser.xmlParser());
    }

    /** How many of the listing's lines were wrapped. */
    private static int wrappedLines(Document d) {
        return (int) d.select("span.line").stream().filter(l -> l.selectFirst("span.wrap-mark") != null).count();
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
            if (prev instanceof org.jsoup.nodes.TextNode t && t.getWholeText().endsWith("\n")) {
                String w = t.getWholeText();
                t.text(w.substring(0, w.length() - 1));
            }
            m.remove();
        });
        return copy.wholeText();
    }

    @Test
    void theCensusLineWrapsAtSpacesWithMarksAndLosesNothing() {
        assertEquals(179, CENSUS.length(), "the line of field case 06");
        for (int cols : new int[] {40, 64, 84}) {
            Document d = listing("", CENSUS, cols);
            assertEquals(1, wrappedLines(d));
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
        assertEquals(CodeWrap.listing("java", "int a = 1;", null, Integer.MAX_VALUE), CodeWrap.listing("java", "int a = 1;", null, 16));
    }

    @Test
    void aLineExactlyAtTheMeasureStays() {
        String line = "x".repeat(30) + " " + "y".repeat(29);
        assertEquals(0, wrappedLines(listing("", line, 60)));
        assertEquals(1, wrappedLines(listing("", line + "z", 60)));
    }

    @Test
    void aTokenLongerThanALineBreaksAfterPunctuationThenAtTheMeasure() {
        String url = "https://example.org/a/very/long/path/that/goes/on/and/on/without/any/spaces/index.html?q=1&r=2";
        Document d = listing("", url, 40);
        assertEquals(url, unwrapped(d));
        List<String> lines = screenLines(d);
        assertTrue(lines.get(0).endsWith("/"), "broken after a slash: " + lines);
        String solid = "x".repeat(100);
        Document s = listing("", solid, 40);
        assertEquals(solid, unwrapped(s));
        assertEquals(40, screenLines(s).get(0).length(), "no break opportunity: cut at the measure");
    }

    @Test
    void continuationsKeepTheIndentationAndTheHighlighting() {
        String line = "        String s = \"" + "word ".repeat(20) + "end\"; // a comment that goes on";
        Document d = listing("java", line, 50);
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
    void aCommentInAnotherScriptIsSplitAndStaysAComment() {
        String line = "// очень длинный комментарий на русском языке and more words here";
        Document d = listing("java", line, 24);
        assertEquals(line, unwrapped(d));
        assertTrue(d.select("span.hl-co").size() >= 2, d.outerHtml());
    }

    @Test
    void combiningMarksStayWithTheirLetterAndWideCharactersCountTwo() {
        String line = "а́".repeat(50); // a and a combining acute: 50 columns
        Document d = listing("", line, 20);
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
        org.coursebook.diag.SourcePos pos = org.coursebook.diag.SourcePos.of(java.nio.file.Path.of("c.md"), 1);
        String code = "aaaa bbbb cccc dddd"; // 19 columns
        org.coursebook.model.Block.Listing l = new org.coursebook.model.Block.Listing("", code, null, pos);
        org.coursebook.model.Block list = new org.coursebook.model.Block.ListBlock(false, org.coursebook.model.Attrs.NONE,
                List.of(new org.coursebook.model.Block.Item(List.of(l), org.coursebook.model.Attrs.NONE, pos)), pos);
        org.coursebook.model.Chapter ch = new org.coursebook.model.Chapter(org.coursebook.model.Chapter.Kind.CHAPTER, 1, "c", "c.md",
                pos, "C", List.of(), List.of(), List.of(), List.of(), List.of(l, list), List.of(), List.of());
        String out = XhtmlWriter.print(null, 20, java.util.Map.of()).blocks(ch);
        int first = out.indexOf("wrap-mark"), listStart = out.indexOf("<ul>");
        assertTrue(first > listStart, "at the top the line fits 20 columns; in a list (4 columns in) it wraps: " + out);
    }

    @Test
    void columnsOfThePrintMeasure() {
        // A4 with the book's margins (28 mm and 20 mm) less the body's 6 pt each side, code at 8.4 pt
        double a4 = 595.28 - 48 * 72 / 25.4 - 12;
        assertEquals(84, CodeWrap.columns(a4, 8.4));
        assertTrue(CodeWrap.columns(100, 8.4) >= 16, "never fewer than 16 columns");
    }

}
