package org.coursebook.read;

import org.coursebook.diag.Diagnostic;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Footnote;
import org.coursebook.model.Inline;
import org.coursebook.model.Target;
import org.coursebook.model.Tree;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Section files: a chapter entry of book.yaml with {@code sections:} is one chapter, its section files its
 * sections (numbered 2.1, 2.2, nested in every contents and the PDF bookmarks), not chapters of their own.
 */
class SectionFilesTest {
    @TempDir
    Path tmp;

    static final String MANIFEST = TestBook.MANIFEST.replace("  - ch.md\n", """
              - 01-intro.md
              - file: 02-ideology.md
                sections:
                  - 02a-marx.md
                  - file: 02b-lenin.md
                    sections: [parts/02c-state.md]
              - 03-after.md
            """);

    private TestBook book() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book"));
        Files.delete(b.path("ch.md"));
        b.file("book.yaml", MANIFEST);
        b.file("01-intro.md", """
                # Introduction

                Read [Marx](02a-marx.md), [Lenin's summary](02b-lenin.html#summary) and [](parts/02c-state.md).

                ## Aims

                Text.
                """);
        // a chapter file with nothing but its title, as mdBook chapter files often are
        b.file("02-ideology.md", "# Ideology\n");
        b.file("02a-marx.md", """
                # Marx

                The first section.[^1]

                ## Summary

                Marx in brief.

                [^1]: A note of the first section.
                """);
        b.file("02b-lenin.md", """
                # Lenin {#lenin}

                The second section.[^1] See [its summary](#summary) and [the first's](02a-marx.md#summary).

                ## Summary

                Lenin in brief.

                [^1]: A note of the second section, with the same label.
                """);
        b.file("parts/02c-state.md", """
                # The State

                A section of a section; back to [the chapter](../02-ideology.md) and [Marx](../02a-marx.md#summary).
                """);
        b.file("03-after.md", "# Afterwards\n\nThe end.\n\n## Last\n\nText.\n");
        return b;
    }

    @Test
    void sectionFilesAreSectionsOfTheirChapterNotChapters() throws Exception {
        TestBook b = book();
        var result = Builds.build(b.manifest(), tmp.resolve("out"), Set.of("epub", "pdf"));
        noErrors(result.diagnostics());
        Book book = result.book();
        assertEquals(List.of("Introduction", "Ideology", "Afterwards"), book.chapters().stream().map(Chapter::title).toList());
        Chapter ideology = book.chapters().get(1);
        assertEquals(3, book.chapters().get(2).number(), "the chapter after it is chapter 3");
        assertEquals(List.of("2.1 Marx", "2.2 Lenin"), ideology.sections().stream().map(h -> h.number() + " " + h.text()).toList());
        List<Block.Heading> headings = Tree.collect(ideology.blocks(), Block.Heading.class);
        assertEquals(List.of("2:marx", "3:summary", "2:lenin", "3:summary-1", "3:the-state"),
                headings.stream().map(h -> h.level() + ":" + h.id()).toList(),
                "each file's title one level below its parent, its headings moved down with it, ids kept unique");
        assertEquals(List.of("1", "1-1"), ideology.footnotes().stream().map(Footnote::label).toList(),
                "the second file's note label is made unique");
        assertEquals(2, Tree.collect(ideology.blocks(), Inline.NoteRef.class).stream().map(Inline.NoteRef::label).distinct().count());
        assertEquals(List.of("02-ideology.md", "02a-marx.md", "02b-lenin.md", "parts/02c-state.md"), ideology.sourceFiles());

        Chapter intro = book.chapters().get(0);
        assertEquals(List.of(new Target.Ref(ideology.id(), "marx"), new Target.Ref(ideology.id(), "summary-1"),
                        new Target.Ref(ideology.id(), "the-state")),
                Tree.collect(intro.blocks(), Inline.Link.class).stream().map(Inline.Link::target).toList(),
                "a link to a section file, or to an id in it, lands where it is in the chapter");
        List<Inline.Link> inIdeology = Tree.collect(ideology.blocks(), Inline.Link.class);
        assertEquals(List.of(new Target.Ref(ideology.id(), "summary-1"), new Target.Ref(ideology.id(), "summary"),
                        new Target.Ref(ideology.id(), ""), new Target.Ref(ideology.id(), "summary")),
                inIdeology.stream().map(Inline.Link::target).toList(),
                "a file's links to its own ids follow them; links relative to a section file's folder resolve");
        assertEquals("The State", Tree.plainText(Tree.collect(intro.blocks(), Inline.Link.class).get(2).content()),
                "an empty link to a section file is named after it");

        // the EPUB: one file for the chapter, its sections nested in the nav and the NCX, EPUBCheck clean
        Path epub = tmp.resolve("out/test-book.epub");
        var check = EpubValidator.validate(epub);
        assertEquals(List.of(), check.errors());
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            assertNotNull(zip.getEntry("OEBPS/02-ideology.xhtml"));
            assertNull(zip.getEntry("OEBPS/02a-marx.xhtml"), "a section file is no part of its own");
            String nav = new String(zip.getInputStream(zip.getEntry("OEBPS/nav.xhtml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(nav.matches("(?s).*Ideology</span></a>\\s*<ol class=\"toc-sections\">.*2\\.1</span> <span class=\"toc-title\">Marx.*2\\.2</span> <span class=\"toc-title\">Lenin.*"), nav);
            String ncx = new String(zip.getInputStream(zip.getEntry("OEBPS/toc.ncx")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(ncx.contains("<text>2.2 Lenin</text></navLabel><content src=\"02-ideology.xhtml#lenin\"/>"), ncx);
        }

        // the PDF: bookmarks nested, no right-hand page opened for a section file
        try (PdfInspect pdf = new PdfInspect(tmp.resolve("out/test-book.pdf"))) {
            var ideologyMark = pdf.outline().stream().filter(e -> e.title().equals("2. Ideology")).findFirst().orElseThrow();
            assertEquals(List.of("2.1 Marx", "2.2 Lenin"), ideologyMark.children());
            int blank = 0;
            for (int i = 0; i < pdf.pages(); i++) if (pdf.text(i).isBlank()) blank++;
            assertTrue(blank <= 3, "at most one blank page before each of the three chapters, found " + blank + " in " + pdf.pages());
            String text = pdf.allText();
            assertFalse(text.contains("Chapter 4"), "three chapters");
        }
    }

    @Test
    void mistakesInTheSectionsListAreReportedAtTheirLines() throws Exception {
        TestBook b = book();
        b.file("book.yaml", TestBook.MANIFEST.replace("  - ch.md\n", """
                  - 01-intro.md
                  - file: 02-ideology.md
                    section: [02a-marx.md]
                  - file: 03-after.md
                    sections: [02b-lenin.md, missing.md, 01-intro.md]
                """));
        b.file("02b-lenin.md", "---\ntitle: Lenin\nsubtitle: The State\n---\n\nText.\n");
        List<Diagnostic> ds = b.check();
        TestBook.warning(ds, "02b-lenin.md", 2, "the subtitle and summary of a section file are not shown");
        TestBook.error(ds, "book.yaml", 9, "unknown key 'section' in an entry with a file");
        assertTrue(TestBook.error(ds, "book.yaml", 9, "unknown key").hint().contains("did you mean 'sections'"));
        TestBook.error(ds, "book.yaml", 11, "section file 'missing.md' does not exist");
        TestBook.error(ds, "book.yaml", 11, "'01-intro.md' is listed twice");
    }
}
