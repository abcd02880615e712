package org.coursebook.read;

import org.coursebook.diag.Diagnostic;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Inline;
import org.coursebook.model.Target;
import org.coursebook.model.Tree;
import org.coursebook.support.Builds;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Markdown chapters as mdBook and pandoc books have them: no front matter, the title a '#' heading, links to
 * {@code other.html#id} and {@code other.md#id}, raw images and figures, GitHub's heading ids.
 */
class PlainMarkdownTest {
    @TempDir
    Path tmp;

    private Book build(TestBook b) throws Exception {
        var result = Builds.build(b.manifest(), tmp.resolve("out"), Set.of("epub"));
        noErrors(result.diagnostics());
        return result.book();
    }

    private TestBook book(String one, String two) {
        TestBook b = TestBook.create(tmp.resolve("book"));
        b.file("book.yaml", TestBook.MANIFEST.replace("  - ch.md", "  - one.md\n  - sub/two.md"));
        b.file("one.md", one);
        b.file("sub/two.md", two);
        try {
            java.nio.file.Files.deleteIfExists(b.path("ch.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b;
    }

    @Test
    void theFirstHashHeadingIsTheTitleAndLinksInEveryFormLand() throws Exception {
        Book book = build(book("""
                # Getting Started {#start}

                See [the details](sub/two.html#whats-new-2024), [the same](sub/two.md#whats-new-2024),
                [the chapter](sub/two.html) and [this one](#start).

                ## First Steps

                Text.
                """, """
                ## The Second Part

                Intro, back to [the start](../one.md#start).

                ## What's new? (2024)

                Text.
                """));
        Chapter one = book.chapters().get(0), two = book.chapters().get(1);
        assertEquals("Getting Started", one.title());
        assertEquals("start", one.titleId());
        assertTrue(one.blocks().stream().noneMatch(b -> b instanceof Block.Heading h && h.text().equals("Getting Started")),
                "the title heading is not repeated in the body");
        assertEquals("The Second Part", two.title(), "a file that opens with '##' takes its title from it");
        assertTrue(two.sections().stream().anyMatch(h -> h.id().equals("whats-new-2024")), "GitHub's slug rule: " + two.sections());
        List<Target> targets = Tree.collect(one.blocks(), Inline.Link.class).stream().map(Inline.Link::target).toList();
        assertEquals(List.of(new Target.Ref(two.id(), "whats-new-2024"), new Target.Ref(two.id(), "whats-new-2024"),
                new Target.Ref(two.id(), ""), new Target.Ref(one.id(), "")), targets);
        assertEquals(new Target.Ref(one.id(), ""), Tree.collect(two.blocks(), Inline.Link.class).get(0).target(),
                "a relative link from a sub-folder, to the heading that became the title, lands on the chapter");
    }

    @Test
    void rawImagesAndFiguresBecomeFigures() throws Exception {
        TestBook b = book("""
                # One

                ## Pictures

                <img src="images/a.png" alt="A square" width="120">

                <figure>
                  <img src="images/a.png" alt="Again">
                  <figcaption>A <em>caption</em></figcaption>
                </figure>
                """, "# Two\n\n## S\n\nText.\n");
        b.bytes("images/a.png", java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        Book book = build(b);
        List<Block.Figure> figures = Tree.collect(book.chapters().get(0).blocks(), Block.Figure.class);
        assertEquals(2, figures.size(), book.chapters().get(0).blocks().toString());
        assertEquals("A caption", Tree.plainText(figures.get(1).caption()));
    }

    @Test
    void aSecondHashHeadingIsASectionWithAWarning() {
        TestBook b = TestBook.create(tmp).file("ch.md", "# Title\n\nText.\n\n# Another\n\nMore.\n");
        List<Diagnostic> ds = b.check();
        TestBook.warning(ds, "ch.md", 5, "a second '#' heading");
        noErrors(ds);
    }

    @Test
    void pandocTableCaptionsAreCaptions() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book")).body("""
                ## Data

                | A | B |
                |---|---|
                | 1 | 2 |

                : Steel output {#tbl-steel}

                | C | D |
                |---|---|
                | 3 | 4 |

                Table: Grain harvests

                See [](#tbl-steel).
                """);
        Book book = build(b);
        List<Block.Table> tables = Tree.collect(book.chapters().get(0).blocks(), Block.Table.class);
        assertEquals(List.of("Steel output", "Grain harvests"), tables.stream().map(Block.Table::captionText).toList());
        assertEquals("tbl-steel", tables.get(0).attrs().id());
        assertTrue(book.chapters().get(0).blocks().stream().noneMatch(x -> x instanceof org.coursebook.model.Element e && e.tag().equals("dd")));
    }
}
