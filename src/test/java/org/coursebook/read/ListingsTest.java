package org.coursebook.read;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Code blocks become listings: highlighted by RSyntaxTextArea's lexers, labelled, captioned, every character kept. */
class ListingsTest {
    private final Markdown md = new Markdown();

    private static Element parse(String xhtml) {
        return Jsoup.parse(xhtml, "", Parser.xmlParser());
    }

    /** The code's text as the listing holds it: the lines of span.line joined by newlines. */
    private static String code(String xhtml) {
        return parse(xhtml).select("span.line").stream().map(Element::wholeText).collect(Collectors.joining("\n"));
    }

    private static List<String> spans(String xhtml, String cls) {
        return parse(xhtml).select("span." + cls).stream().map(Element::wholeText).toList();
    }

    @Test
    void javaKeywordsStringsCommentsAnnotationsAndNumbers() {
        String src = "/* a block\n   comment */\n@Override\npublic static int f() { return \"x\".length() + 0x1F; } // end";
        String x = Listings.xhtml("java", src, null);
        assertEquals(src, code(x), "every character kept, line by line");
        assertTrue(spans(x, "hl-co").containsAll(List.of("/* a block", "   comment */", "// end")), x);
        assertTrue(spans(x, "hl-kw").contains("public static"), x);
        assertTrue(spans(x, "hl-kw").contains("return"), x);
        assertTrue(spans(x, "hl-ty").contains("int"), x);
        assertTrue(spans(x, "hl-st").contains("\"x\""), x);
        assertTrue(spans(x, "hl-nu").contains("0x1F"), x);
        assertTrue(spans(x, "hl-an").contains("@Override"), x);
        assertEquals("Java", parse(x).selectFirst("p.listing-lang").text());
        assertNotNull(parse(x).selectFirst("div.listing > pre.code > code.language-java"), x);
        assertEquals(4, parse(x).select("span.line").size(), "one element per source line");
    }

    @Test
    void theCommonCourseLanguagesAreHighlighted() {
        record Case(String fence, String code, String cls, String token, String label) {}
        List<Case> cases = List.of(
                new Case("python", "def f(x):\n    return x  # why", "hl-kw", "def", "Python"),
                new Case("py", "print('hi')  # greet", "hl-co", "# greet", "Python"),
                new Case("sql", "SELECT year FROM returns WHERE district = 14; -- one", "hl-kw", "SELECT", "SQL"),
                new Case("bash", "for f in *.csv; do echo \"$f\"; done", "hl-kw", "done", "Shell"),
                new Case("sh", "ls -l # list", "hl-co", "# list", "Shell"),
                new Case("js", "const n = rows.length; // count", "hl-kw", "const", "JavaScript"),
                new Case("javascript", "let s = 'x';", "hl-st", "'x'", "JavaScript"),
                new Case("c", "#include <stdio.h>\nint main(void) { return 0; }", "hl-pp", "#include", "C"),
                new Case("r", "f <- function(x) if (is.na(x)) NULL else x  # R", "hl-kw", "function", "R"),
                new Case("{r, echo=FALSE}", "x <- c(1, 2, NA)", "hl-kw", "NA", "R"));
        for (Case c : cases) {
            String x = Listings.xhtml(c.fence(), c.code(), null);
            assertEquals(c.code(), code(x), c.fence());
            assertTrue(spans(x, c.cls()).stream().anyMatch(s -> s.equals(c.token()) || s.startsWith(c.token() + " ")),
                    c.fence() + ": " + c.token() + " as " + c.cls() + " in " + x);
            assertEquals(c.label(), parse(x).selectFirst("p.listing-lang").text(), c.fence());
        }
    }

    @Test
    void rHasRsKeywordsNotPythons() {
        String x = Listings.xhtml("r", "def <- TRUE; lambda <- NULL; print(x)", null);
        List<String> kw = spans(x, "hl-kw");
        assertTrue(kw.contains("TRUE") && kw.contains("NULL"), x);
        assertFalse(kw.contains("def") || kw.contains("lambda"), "Python's keywords are plain in R: " + x);
        assertTrue(spans(x, "hl-fn").isEmpty(), "Python's built-ins are plain in R: " + x);
    }

    @Test
    void anUnknownLanguageIsPlainWithItsNameAsLabel() {
        String x = Listings.xhtml("haskell", "main = putStrLn \"hi\" -- comment", null);
        assertEquals("haskell", parse(x).selectFirst("p.listing-lang").text());
        assertTrue(parse(x).select("span[class^=hl-]").isEmpty(), x);
        assertEquals("main = putStrLn \"hi\" -- comment", code(x));
    }

    @Test
    void noLanguageNoLabel() {
        String x = Listings.xhtml("", "plain <text> & more", null);
        assertNull(parse(x).selectFirst(".listing-lang"), x);
        assertNull(parse(x).selectFirst("code").attribute("class"), x);
        assertEquals("plain <text> & more", code(x));
    }

    @Test
    void tabsExpandToStopsOfFourAndTrailingBlankLinesGo() {
        assertEquals("a   b\n    c", code(Listings.xhtml("", "a\tb\n\tc\n\n  \n", null)));
    }

    @Test
    void captionLines() {
        assertEquals("Counting households", Listings.caption("[Counting households]"));
        assertEquals("Listing 2: *a* [b] c", Listings.caption("[Listing 2: *a* [b] c]\n"));
        assertNull(Listings.caption("[a] and [b]"), "two bracketed pieces are not one caption");
        assertNull(Listings.caption("[^note]"));
        assertNull(Listings.caption("[!SIDEBAR] x"));
        assertNull(Listings.caption("[]"));
        assertNull(Listings.caption("[two\nlines]"));
        assertNull(Listings.caption("text [a]"));
    }

    @Test
    void aCaptionedListingIsAFigure() {
        String x = Listings.xhtml("java", "int a;", "The <em>first</em> listing");
        Element fig = parse(x).selectFirst("figure.listing");
        assertNotNull(fig, x);
        assertEquals("figcaption", fig.child(0).normalName());
        assertEquals("The first listing", fig.child(0).text());
    }

    @Test
    void fencedBlocksRenderAsListingsWhereverTheyStand() {
        String html = md.render(md.parse("- item\n\n  ```python\n  x = 1\n  ```\n\n> ```\n> quoted\n> ```\n\n    indented\n"));
        Element body = XhtmlCleaner.parse(html);
        assertEquals(3, body.select("div.listing pre.code").size(), html);
        assertNotNull(body.selectFirst("li div.listing"), html);
        assertNotNull(body.selectFirst("blockquote div.listing"), html);
    }

    @Test
    void languageNames() {
        assertEquals("r", Highlighter.name("{r, echo=FALSE}"));
        assertEquals("python", Highlighter.name("{.python .numberLines}"));
        assertEquals("java", Highlighter.name("java title=\"A.java\""));
        assertEquals("java", Highlighter.name("language-java"));
        assertEquals("", Highlighter.name("   "));
        assertNull(Highlighter.language(""));
        assertTrue(Highlighter.language("JAVA").highlighted());
        assertFalse(Highlighter.language("text").highlighted());
    }
}
