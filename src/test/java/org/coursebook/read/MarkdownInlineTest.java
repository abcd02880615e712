package org.coursebook.read;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;

import java.util.List;

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

    @Test
    void manyFieldsInOneParseAsEachAlone() {
        List<String> points = List.of("The *first* \"point\" -- and more...", "Lenin's [April Theses](#ch-3)", "ВКП(б) and `code`");
        assertEquals(points.stream().map(md::renderInline).toList(), md.renderInline(points));
    }

    @Test
    void fieldsThatWouldJoinAnotherFieldsBlockAreParsedAlone() {
        // each of these, after another field, would change what the field before it renders as
        for (List<String> fields : List.of(
                List.of("Term", ": a definition"),
                List.of("see [x]", "[x]: /somewhere"),
                List.of("a note[^1]", "[^1]: the note"),
                List.of("plain", "{.loud}"),
                List.of("first", "<!-- an open comment", "third"),
                List.of("first", "```", "third"))) {
            assertEquals(fields.stream().map(md::renderInline).toList(), md.renderInline(fields), fields.toString());
        }
    }

    /** The batched parse gives, field by field, exactly what one parse a field gives, whatever the fields hold. */
    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED, seed = "19450509")
    void batchedEqualsOneByOne(@ForAll("fields") List<String> fields) {
        assertEquals(fields.stream().map(md::renderInline).toList(), md.renderInline(fields));
    }

    @Provide
    Arbitrary<List<String>> fields() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of("word", "Сталин", " ", "  ", "*", "**", "_", "`", "[", "]", "(", ")",
                        "[^1]", "[x]: /u", ": ", "#", "> ", "- ", "1. ", "---", "===", "|", "{.c}", "<b>", "</b>", "<!--", "-->",
                        "\"", "'", "...", "--", "\\", "~~", "!", "&amp;", "<", "&", "```", "    ", "\n")),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)));
        Arbitrary<String> field = piece.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
        return field.list().ofMinSize(0).ofMaxSize(6);
    }
}
