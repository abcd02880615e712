package org.coursebook.transform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The transforms that prepare content wider than a page (issue 11, part 2): web addresses get break
 * opportunities after / . ? & - = only; tables go into a labelled, focusable region and long words in their
 * cells may break after an underscore or slash; an image's width attribute becomes its maximum width.
 */
class WideContentTransformsTest {
    /** The transform applied to a chapter of this HTML, written back as the EPUB writes it (without line breaks). */
    static String apply(ChapterTransform t, String html) {
        org.coursebook.diag.SourcePos pos = org.coursebook.diag.SourcePos.of(java.nio.file.Path.of("c.md"), 1);
        org.coursebook.diag.Diagnostics diag = new org.coursebook.diag.Diagnostics();
        List<org.coursebook.model.Node> nodes = org.coursebook.read.TreeBuilder.read(html, pos, diag);
        org.coursebook.model.Chapter ch = new org.coursebook.model.Chapter(org.coursebook.model.Chapter.Kind.CHAPTER, 1, "c", "c.md",
                pos, "C", List.of(), List.of(), List.of(), List.of(), org.coursebook.model.Node.blocks(nodes), List.of(), List.of());
        return org.coursebook.render.XhtmlWriter.fragment(t.apply(ch, diag).blocks()).replace("\n", "");
    }

    @Test
    void anAddressInRunningTextBreaksOnlyAfterItsSeparatorsAndKeepsTheSentencesFullStop() {
        String out = apply(new BreakUrls(), "<p>See https://data.example.org/a-b/c?x=1&amp;y=2. Then more.</p>");
        assertEquals("<p>See <span class=\"url\">https://<wbr />data.<wbr />example.<wbr />org/<wbr />a-<wbr />b/<wbr />c?<wbr />"
                + "x=<wbr />1&amp;<wbr />y=<wbr />2</span>. Then more.</p>", out);
        assertEquals("See https://data.example.org/a-b/c?x=1&y=2. Then more.",
                org.jsoup.Jsoup.parse(out).text(), "the text is unchanged: a <wbr/> adds no character");
    }

    @Test
    void aLinkWhoseTextIsItsAddressIsMarkedAndBroken() {
        String out = apply(new BreakUrls(), "<p><a href=\"https://example.org/long/path\">https://example.org/long/path</a></p>");
        assertEquals("<p><a href=\"https://example.org/long/path\" class=\"url\">https://<wbr />example.<wbr />org/<wbr />"
                + "long/<wbr />path</a></p>", out);
        String bare = apply(new BreakUrls(), "<p><a href=\"https://www.example.org/a/\">www.example.org/a</a></p>");
        assertTrue(bare.contains("class=\"url\">www.<wbr />example.<wbr />org/<wbr />a</a>"), bare);
    }

    @Test
    void wordsCodeAndAddressesInWordLinksAreLeftAlone() {
        String words = "<p><a href=\"https://example.org/a/b\">the archive</a> and <code>https://example.org/x/y</code></p>";
        assertEquals(words, apply(new BreakUrls(), words));
        String noAddress = "<p>Version 1.2-3 of a/b = c.</p>";
        assertEquals(noAddress, apply(new BreakUrls(), noAddress));
    }

    @Test
    void anAddressEndingInABalancedParenthesisKeepsIt() {
        String out = apply(new BreakUrls(), "<p>(see https://en.wikipedia.org/wiki/Harvest_(disambiguation))</p>");
        assertTrue(out.endsWith("Harvest_(disambiguation)</span>)</p>"), out);
    }

    @Test
    void aTableGoesIntoANamedFocusableRegionOnce() {
        String once = apply(new WrapTables(), "<table><caption>Harvests by <em>region</em></caption><tbody><tr><td>1</td></tr></tbody></table>");
        assertEquals("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Harvests by region\"><table><caption>"
                + "Harvests by <em>region</em></caption><tbody><tr><td>1</td></tr></tbody></table></div>", once);
        String untitled = apply(new WrapTables(), "<table><tr><td>1</td></tr></table>");
        assertTrue(untitled.contains("aria-label=\"Table\""), untitled);
    }

    @Test
    void longWordsInCellsBreakAfterUnderscoresAndSlashesShortOnesDoNot() {
        assertEquals(List.of("Northern_", "Black_", "Earth_", "Agricultural_", "District"),
                WrapTables.pieces("Northern_Black_Earth_Agricultural_District"));
        assertEquals(List.of("see data/", "raw/", "harvests_", "1913.csv now"), WrapTables.pieces("see data/raw/harvests_1913.csv now"));
        assertEquals(List.of("snake_case"), WrapTables.pieces("snake_case"), "short words stay whole");
        assertEquals(List.of("trailing_", "underscore_", "word_"), WrapTables.pieces("trailing_underscore_word_"),
                "no break after the last character");
        String cell = apply(new WrapTables(), "<table><tr><td>Northern_Black_Earth_Agricultural_District</td></tr></table>");
        assertTrue(cell.contains("<td>Northern_<wbr />Black_<wbr />Earth_<wbr />Agricultural_<wbr />District</td>"), cell);
    }

    @Test
    void anImagesWidthBecomesItsMaximumAndAHeightAloneItsMaximumHeight() {
        assertEquals("<p><span class=\"img-max\" style=\"max-width: 300px\"><img src=\"a.png\" alt=\"a\" /></span></p>",
                apply(new LimitImageSizes(), "<p><img src=\"a.png\" width=\"300\" height=\"200\" alt=\"a\" /></p>"));
        assertEquals("<p><img src=\"a.png\" alt=\"a\" style=\"max-height: 120px\" /></p>",
                apply(new LimitImageSizes(), "<p><img src=\"a.png\" height=\"120px\" alt=\"a\" /></p>"));
        String plain = "<figure><img src=\"a.png\" alt=\"a\" /></figure>";
        assertEquals(plain, apply(new LimitImageSizes(), plain), "an image without a size is limited by the stylesheets alone");
    }
}
