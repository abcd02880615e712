package org.coursebook.transform;

import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Inline;
import org.coursebook.model.Tree;
import org.coursebook.render.XhtmlWriter;
import org.coursebook.support.Builds;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/** Tables and figures are numbered per chapter, in their captions, and a cross-reference by id names them so. */
class NumberTablesAndFiguresTest {
    @TempDir
    Path tmp;

    @Test
    void tablesAndFiguresAreNumberedAndCrossReferencesNameThem() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book")).body("""
                As [](#tbl-steel) shows, and [](#fig-map) too.

                ## Data

                | Year | Steel |
                |---|---|
                | 1928 | 4.3 |
                [Steel output {#tbl-steel}]

                | A | B |
                |---|---|
                | 1 | 2 |
                [Another]

                ![A map of the region](images/a.png "The region"){#fig-map}
                """);
        b.bytes("images/a.png", java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        var result = Builds.build(b.manifest(), tmp.resolve("out"), Set.of("epub"));
        noErrors(result.diagnostics());
        Chapter ch = result.book().chapters().get(0);
        List<Block.Table> tables = Tree.collect(ch.blocks(), Block.Table.class);
        assertEquals(List.of("Table 1.1", "Table 1.2"), tables.stream().map(Block.Table::label).toList());
        assertEquals("tbl-steel", tables.get(0).attrs().id());
        assertEquals("Figure 1.1", Tree.collect(ch.blocks(), Block.Figure.class).get(0).label());
        List<String> refs = Tree.collect(ch.blocks(), Inline.Link.class).stream().map(l -> Tree.plainText(l.content())).toList();
        assertEquals(List.of("Table 1.1", "Figure 1.1"), refs);
        String xhtml = XhtmlWriter.epub(null).blocks(ch);
        assertTrue(xhtml.contains("<caption><span class=\"label\">Table 1.1.</span> Steel output</caption>"), xhtml);
        assertTrue(xhtml.contains("<figcaption><span class=\"label\">Figure 1.1.</span> The region</figcaption>"), xhtml);
        assertTrue(xhtml.contains("<table id=\"tbl-steel\">"), xhtml);
    }
}
