package org.coursebook.render;

import org.coursebook.diag.SourcePos;
import org.coursebook.model.Attrs;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.ChapterId;
import org.coursebook.model.Footnote;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Target;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** One chapter, written by the three writers: each output's links, ids and notes from the same tree. */
class XhtmlWriterTest {
    static final SourcePos POS = SourcePos.of(Path.of("two.md"), 3);

    static Chapter chapter() {
        Inline.NoteRef ref = new Inline.NoteRef("famine", 1, true);
        Inline.Link xref = new Inline.Link(new Target.Ref(new ChapterId("one"), "paris-commune"), List.of(new Inline.Text("Chapter 1")), Attrs.NONE);
        Inline.Link here = new Inline.Link(new Target.Ref(new ChapterId("two"), "later"), List.of(new Inline.Text("below")), Attrs.NONE);
        Inline.Link web = new Inline.Link(new Target.Url("https://example.org/x"), List.of(new Inline.Text("the archive")), Attrs.NONE);
        Block.Para p = new Block.Para(List.of(new Inline.Text("Famine"), ref, new Inline.Text(", see "), xref, new Inline.Text(", "),
                here, new Inline.Text(" and "), web, new Inline.Text(" & more.")), Attrs.NONE, POS);
        Block.Heading h = new Block.Heading(2, "later", List.of(new Inline.Lang("ru", List.of(new Inline.Text("колхоз")))), "2.1", POS);
        Footnote note = new Footnote("famine", 1, List.<Node>of(new Inline.Text("R. W. Davies, "), new Inline.Emph(List.of(new Inline.Text("The Years of Hunger")))), POS);
        return new Chapter(Chapter.Kind.CHAPTER, 2, "two", "two.md", POS, "Two", List.of(), List.of(), List.of(), List.of(),
                List.of(p, h), List.of(note), List.of());
    }

    @Test
    void theEpubLinksToPartFilesAndLeavesNotesToTheEnd() {
        XhtmlWriter w = XhtmlWriter.epub(null);
        String out = w.blocks(chapter());
        assertTrue(out.contains("<p>Famine<a class=\"noteref\" href=\"#fn-famine\" epub:type=\"noteref\" role=\"doc-noteref\" "
                + "title=\"Note 1\" id=\"ref-fn-famine\">1</a>, see <a href=\"one.xhtml#paris-commune\" class=\"xref\">Chapter 1</a>, "
                + "<a href=\"#later\" class=\"xref\">below</a> and <a href=\"https://example.org/x\">the archive</a> &amp; more.</p>"), out);
        assertTrue(out.contains("<h2 id=\"later\" lang=\"ru\" xml:lang=\"ru\"><span class=\"number\">2.1</span> колхоз</h2>")
                || out.contains("<h2 id=\"later\"><span class=\"number\">2.1</span> <span lang=\"ru\" xml:lang=\"ru\">колхоз</span></h2>"), out);
        assertFalse(out.contains("R. W. Davies"), "the note is written at the end, by the template");
        assertTrue(w.note(chapter(), chapter().footnotes().get(0)).contains("<a class=\"note-number\" href=\"#ref-fn-famine\""));
    }

    @Test
    void thePrintBookIsOneDocumentWithNotesAtTheirReference() {
        XhtmlWriter w = XhtmlWriter.print(null, 60, Map.of());
        String out = w.blocks(chapter());
        assertTrue(out.contains("href=\"#two--fn-famine-print\""), out);
        assertTrue(out.contains("id=\"two--ref-fn-famine\""), out);
        assertTrue(out.contains("<span class=\"fn\" id=\"two--fn-famine-print\"><span class=\"fn-number\">1</span> R. W. Davies, <em>The Years of Hunger</em></span>"), out);
        assertTrue(out.contains("<a href=\"#one--paris-commune\" class=\"xref\" title=\"Go to Chapter 1\">Chapter 1</a>"), out);
        assertTrue(out.contains("<a href=\"#two--later\" class=\"xref\" title=\"Go to below\">below</a>"), out);
        assertTrue(out.contains("<a href=\"https://example.org/x\" title=\"Link to https://example.org/x\">the archive</a>"), out);
        assertTrue(out.contains("<h2 id=\"two--later\""), out);
        assertEquals("two--x", w.id(chapter(), "x"));
        assertEquals("#one--s", w.href(new Chapter(Chapter.Kind.CHAPTER, 1, "one", "one.md", POS, "One", List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of()), "s"));
    }

    @Test
    void aHandoutKeepsLinksOutOfTheBookOnly() {
        String out = XhtmlWriter.handout(null, 60, Map.of()).blocks(chapter());
        assertTrue(out.contains("<p>Famine, see Chapter 1, below and <a href=\"https://example.org/x\" title=\"Link to "
                + "https://example.org/x\">the archive</a> &amp; more.</p>"), out);
        assertFalse(out.contains("noteref"), out);
    }

    @Test
    void imagesArePointedWhereThePrintEngineReadsThem() {
        Block.Figure f = new Block.Figure(new Inline.Image("images/a b.png", "A map", Attrs.NONE), List.of(new Inline.Text("Map")), Attrs.NONE, POS);
        Chapter ch = chapter().withBlocks(List.of(f));
        String print = XhtmlWriter.print(null, 60, Map.of("images/a b.png", "img/a%20b.png")).blocks(ch);
        assertTrue(print.contains("<figure><img src=\"img/a%20b.png\" alt=\"A map\" /><figcaption>Map</figcaption></figure>"), print);
        assertTrue(XhtmlWriter.epub(null).blocks(ch).contains("src=\"images/a b.png\""));
    }

    @Test
    void theWebEditionLinksHtmlPagesPreviewsNotesAndLinksEachTermOnce() {
        Inline.Emph kolkhoz = new Inline.Emph(List.of(new Inline.Lang("ru", List.of(new Inline.Text("колхоз")))));
        Block.Para again = new Block.Para(List.of(new Inline.Text("Each "), kolkhoz, new Inline.Text(" again.")), Attrs.NONE, POS);
        Block.Heading titled = new Block.Heading(2, "farms", List.of(kolkhoz), "2.2", POS);
        Chapter base = chapter();
        List<Block> blocks = new java.util.ArrayList<>(base.blocks());
        blocks.add(0, titled);
        blocks.add(again);
        blocks.add(again);
        Chapter ch = base.withBlocks(blocks);
        XhtmlWriter w = XhtmlWriter.web(null, Map.of("колхоз", "glossary.html#term-kolkhoz"));
        String out = w.blocks(ch);
        assertTrue(out.contains("<a href=\"one.html#paris-commune\" class=\"xref\">Chapter 1</a>"), out);
        assertEquals("one.html", w.href(new Chapter(Chapter.Kind.CHAPTER, 1, "one", "one.md", POS, "One", List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of()), ""));
        assertTrue(out.contains("<a class=\"noteref\" href=\"#fn-famine\" epub:type=\"noteref\" role=\"doc-noteref\" aria-label=\"Note 1\" "
                + "id=\"ref-fn-famine\">1</a><span class=\"note-preview\" aria-hidden=\"true\">1. R. W. Davies, The Years of Hunger</span>"), out);
        assertTrue(out.contains("<h2 id=\"farms\"><span class=\"number\">2.2</span> <em lang=\"ru\" xml:lang=\"ru\">колхоз</em></h2>"),
                "no link inside a heading: " + out);
        assertEquals(1, out.split("term-link", -1).length - 1, "the term linked once, at its first use in the text: " + out);
        assertTrue(out.contains("<p>Each <a class=\"term-link\" href=\"glossary.html#term-kolkhoz\"><em lang=\"ru\" xml:lang=\"ru\">колхоз</em></a> again.</p>"), out);
        assertFalse(XhtmlWriter.epub(null).blocks(ch).contains("term-link"), "the EPUB links no terms");
        assertFalse(XhtmlWriter.epub(null).blocks(ch).contains("note-preview"), "and has no previews");
    }

    @Test
    void textIsEscapedOnceAndNoBreakSpacesAreNamed() {
        assertEquals("a &amp; b &lt;c&gt; &#xa0;\"", XhtmlWriter.esc("a & b <c> \u00a0\"", false));
        assertEquals("&quot;", XhtmlWriter.esc("\"", true));
    }
}
