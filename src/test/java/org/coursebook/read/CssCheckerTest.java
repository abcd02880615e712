package org.coursebook.read;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The CSS check: CSS unescaping as CSS Syntax Level 3 defines it, positions, and what passes. */
class CssCheckerTest {
    @Test
    void unescapingFollowsCssSyntax() {
        assertEquals("url(", CssChecker.unescape("\\75 rl("));
        assertEquals("url(", CssChecker.unescape("\\000075rl("), "six hex digits, no space needed after them");
        assertEquals("url(", CssChecker.unescape("\\75\\72\\6c("));
        assertEquals("url(", CssChecker.unescape("\\75\r\nrl("), "CR LF after the digits is one white space");
        assertEquals("u rl", CssChecker.unescape("\\75  rl"), "only one white space is part of the escape");
        assertEquals("@import", CssChecker.unescape("@\\69mport"));
        assertEquals("\uFFFDx", CssChecker.unescape("\\0 x"), "zero is U+FFFD");
        assertEquals("\uFFFD", CssChecker.unescape("\\d800"), "so is a surrogate");
        assertEquals("\uD83D\uDE00", CssChecker.unescape("\\1F600"));
        assertEquals("a\"b", CssChecker.unescape("a\\\"b"), "any other character stands for itself");
        assertEquals("ab", CssChecker.unescape("a\\\nb"), "an escaped line break is dropped");
    }

    @Test
    void theBuiltInStylesheetsPass() throws Exception {
        for (String name : List.of("base.css", "epub.css", "print.css", "handout.css", "site.css", "cover.css")) {
            assertEquals(List.of(), CssChecker.checkStylesheet(Files.readString(Path.of("styles", name))), name);
        }
    }

    @Test
    void problemsAreAtTheirLineAndColumnWhateverTheLineBreaks() {
        for (String nl : List.of("\n", "\r\n", "\r")) {
            String css = "@charset \"UTF-8\";" + nl + "/* a comment */" + nl + "p {" + nl + "  color: red;" + nl
                    + "  background: u\\72l('https://example.com/x.png');" + nl + "}" + nl;
            List<CssChecker.Problem> ps = CssChecker.checkStylesheet(css);
            assertEquals(1, ps.size(), ps.toString());
            assertEquals(5, ps.get(0).line(), ps.toString());
            assertEquals(3, ps.get(0).column(), ps.toString());
        }
    }

    @Test
    void modernCssThatTheParserReadsPassesAndWhatItCannotReadIsReported() {
        assertEquals(List.of(), CssChecker.checkStylesheet("""
                :root { --accent: #336; }
                p:is(.a, .b) > q:not(.c) { color: var(--accent); width: calc(100% - 2em); }
                @media print and (min-width: 10cm) { p { color: black } }
                @supports (display: grid) { .g { display: grid; grid-template-columns: [a] 1fr [b] 2fr } }
                @page :left { @bottom-left { content: counter(page, lower-roman) } margin: 1in }
                @footnote { border-top: 0.5pt solid #000 }
                @font-face { font-family: "Book"; src: url("fonts/Book.ttf") format("truetype") }
                """));
        List<CssChecker.Problem> ps = CssChecker.checkStylesheet(".a { .b { color: red } }\np { color: red");
        assertEquals(2, ps.size(), ps.toString());
        assertTrue(ps.get(0).message().contains("cannot read: '.b { color: red } }'"), ps.toString());
        assertEquals(2, ps.get(1).line());
    }

    @Test
    void aStyleAttributeMayLoadNothing() {
        assertEquals(List.of(), CssChecker.checkStyleAttribute("color: #333; font-variant: small-caps; margin: 0 auto !important;"));
        assertEquals(List.of(), CssChecker.checkStyleAttribute(""));
        for (String loads : List.of("background: url(paper.png)", "background: URL(x)", "background: \\75 rl(x.png)",
                "background: src('x.png')", "background: image-set('x.png' 1x)", "background: cross-fade(url(a.png), url(b.png))")) {
            List<CssChecker.Problem> ps = CssChecker.checkStyleAttribute(loads);
            assertEquals(1, ps.size(), loads + ": " + ps);
            assertTrue(ps.get(0).message().startsWith("a style attribute that loads a resource is not allowed"), ps.toString());
        }
        for (String script : List.of("width: expression(alert(1))", "behavior: url(x.htc)", "-moz-binding: url(x.xml#b)",
                "content: '\\6a avascript:'")) {
            List<CssChecker.Problem> ps = CssChecker.checkStyleAttribute(script);
            assertFalse(ps.isEmpty(), script);
            assertTrue(ps.get(0).message().startsWith("a style attribute with a script"), script + ": " + ps);
        }
        for (String unreadable : List.of("color: red; }{ x: y", "co lor: red", "color: red /* x", "color: red; @import 'x.css'")) {
            List<CssChecker.Problem> ps = CssChecker.checkStyleAttribute(unreadable);
            assertFalse(ps.isEmpty(), unreadable);
            assertFalse(ps.get(0).hint().isBlank());
        }
    }
}
