package org.coursebook.render;

import nl.siegmann.epublib.domain.Book;
import nl.siegmann.epublib.domain.SpineReference;
import nl.siegmann.epublib.domain.TOCReference;
import nl.siegmann.epublib.epub.EpubReader;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.PdfValidator;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.*;

/** The small test book, which uses every convention once, through both renderers and both validators. */
class SmallBookTest {
    static Path epub() {
        Builds.smallBook();
        return Path.of("target/small-book/a-small-test-book.epub");
    }

    static Path pdf() {
        Builds.smallBook();
        return Path.of("target/small-book/a-small-test-book.pdf");
    }

    @Test
    void epubPassesEpubCheckWithNoErrorsOrWarnings() {
        EpubValidator.Result r = EpubValidator.validate(epub());
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void mimetypeIsTheFirstEntryAndStored() throws Exception {
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(epub()))) {
            ZipEntry first = zin.getNextEntry();
            assertNotNull(first);
            assertEquals("mimetype", first.getName());
            assertEquals(ZipEntry.STORED, first.getMethod());
            assertEquals("application/epub+zip", new String(zin.readAllBytes()));
        }
        byte[] raw = Files.readAllBytes(epub());
        // the local header's name and content sit at fixed offsets when mimetype is first and stored
        assertEquals("mimetypeapplication/epub+zip", new String(raw, 30, 28));
    }

    @Test
    void epublibReadsSpineInManifestOrderWithTocAndMetadata() throws Exception {
        Book b;
        try (InputStream in = Files.newInputStream(epub())) {
            b = new EpubReader().readEpub(in);
        }
        List<String> spine = b.getSpine().getSpineReferences().stream().map(SpineReference::getResource)
                .map(r -> r.getHref()).toList();
        assertEquals(List.of("cover.xhtml", "title.xhtml", "copyright.xhtml", "nav.xhtml", "preface.xhtml", "one.xhtml", "two.xhtml",
                "glossary.xhtml"), spine);
        List<String> toc = b.getTableOfContents().getTocReferences().stream().map(TOCReference::getTitle).toList();
        assertEquals(List.of("Preface", "1. The First Chapter", "2. The Second Chapter", "Glossary"), toc);
        assertEquals("A Small Test Book", b.getTitle());
        assertEquals("en", b.getMetadata().getLanguage());
        assertEquals(2, b.getMetadata().getAuthors().size());
    }

    @Test
    void epubCarriesAccessibilityMetadataTrueOfTheBook() throws Exception {
        String opf = entry("OEBPS/package.opf");
        assertTrue(opf.contains("<meta property=\"schema:accessMode\">textual</meta>"));
        assertTrue(opf.contains("<meta property=\"schema:accessMode\">visual</meta>"), "the book has an image");
        assertTrue(opf.contains("<meta property=\"schema:accessibilityFeature\">alternativeText</meta>"));
        assertTrue(opf.contains("<meta property=\"schema:accessModeSufficient\">textual</meta>"));
        assertTrue(opf.contains("<meta property=\"schema:accessibilityHazard\">none</meta>"));
        assertTrue(opf.contains("schema:accessibilitySummary"));
        assertTrue(opf.contains("<meta property=\"dcterms:modified\">2026-09-01T00:00:00Z</meta>"));
        assertTrue(opf.contains("fonts/LiberationSerif-Regular.ttf"), "body font embedded");
        assertTrue(opf.contains("properties=\"cover-image\""), "the cover image is marked");
    }

    @Test
    void chapterXhtmlHasPullQuotesLectureBoxNotesAndResolvedLinks() throws Exception {
        String one = entry("OEBPS/one.xhtml");
        assertTrue(one.contains("<figure class=\"pullquote primary\"><blockquote>"), one);
        assertTrue(one.contains("<cite><em>Anti-Dühring</em></cite>, 1878"));
        assertTrue(one.contains("class=\"pullquote lifted\" epub:type=\"pullquote\" role=\"doc-pullquote\" aria-hidden=\"true\""));
        assertTrue(one.contains("<span class=\"lifted\">a striking phrase is lifted out</span>"));
        assertTrue(one.contains("Lecture bullet points"));
        assertTrue(one.contains("class=\"xref\">Chapter 2, The Second Chapter</a>"), "empty link text filled in");
        assertTrue(one.contains("href=\"two.xhtml#figures\""));
        assertTrue(one.contains("epub:type=\"noteref\""));
        assertTrue(one.contains("<aside class=\"footnote\" epub:type=\"footnote\" role=\"doc-footnote\" id=\"fn-first\">"));
        assertTrue(one.contains("“things”"), "smart quotes in the subtitle");
        assertTrue(one.contains("—"), "em dash as a character");
        assertFalse(one.contains("&mdash;") || one.contains("&ndash;") || one.contains("&hellip;"), "no named entities");
        assertTrue(one.contains("<caption><span class=\"label\">Table 1.1.</span> Steel output, 1928–1932</caption>"), one);
        assertTrue(one.indexOf("<caption>") < one.indexOf("<thead>"), "caption first in the table");
        assertTrue(one.contains("lang=\"ru\""), "Cyrillic marked as Russian");
        String two = entry("OEBPS/two.xhtml");
        assertTrue(two.contains("<figure><img src=\"images/square.svg\" alt=\"A grey square"), two);
        assertTrue(two.contains("<aside class=\"sidebar\""));
        assertTrue(entry("OEBPS/glossary.xhtml").contains("kolkhoz"));
    }

    @Test
    void pdfConformsToPdfUaAndPdfA() throws Exception {
        byte[] bytes = Files.readAllBytes(pdf());
        assertEquals(List.of(), PdfValidator.pdfUa(bytes), "PDF/UA-1");
        assertEquals(List.of(), PdfValidator.pdfA2u(bytes), "PDF/A-2u");
    }

    @Test
    void pdfHasOutlineLabelsFontsAndOddChapterStarts() throws Exception {
        try (PdfInspect p = new PdfInspect(pdf())) {
            List<PdfInspect.Entry> outline = p.outline();
            assertEquals(List.of("Contents", "Preface", "1. The First Chapter", "2. The Second Chapter", "Glossary"),
                    outline.stream().map(PdfInspect.Entry::title).toList());
            assertEquals(List.of("1.1 The Section With Quotes", "1.2 A Table"), outline.get(2).children());
            String[] labels = p.labels();
            int ch1 = outline.get(2).page();
            assertEquals("1", labels[ch1]);
            assertEquals("i", labels[0]);
            for (PdfInspect.Entry e : outline.subList(1, outline.size())) {
                assertEquals(0, e.page() % 2, e.title() + " must start on a right-hand (odd) page, index " + e.page());
            }
            assertEquals(List.of(), p.unembeddedFonts());
            String text = p.allText();
            assertTrue(text.contains("Диктатура пролетариата"), "Cyrillic extracted");
            assertTrue(text.contains("LECTURE BULLET POINTS") || text.contains("Lecture bullet points"));
            assertTrue(p.text(ch1).contains("Sheila Fitzpatrick"), "footnote on the page that calls it");
        }
    }

    @Test
    void pageSizeFromTheManifestOrTheCommandLine() throws Exception {
        try (PdfInspect p = new PdfInspect(pdf())) {
            var box = p.doc.getPage(0).getMediaBox();
            assertEquals(595.28, box.getWidth(), 1.0, "A4 from the manifest");
            assertEquals(841.89, box.getHeight(), 1.0);
        }
        Path manifest = Builds.copyBook("small", Path.of("target/small-trade-src"));
        var opts = new org.coursebook.build.BuildOptions(manifest, Path.of("target/small-trade"), java.util.Set.of("pdf"),
                Builds.FIXED_TIME, org.coursebook.model.PageSize.TRADE, null, org.coursebook.read.BookReader.Limits.defaults(), List.of());
        new org.coursebook.build.BuildPipeline(Renderers.all(), s -> {}).build(opts);
        try (PdfInspect p = new PdfInspect(Path.of("target/small-trade/a-small-test-book.pdf"))) {
            var box = p.doc.getPage(p.pages() - 1).getMediaBox();
            assertEquals(432, box.getWidth(), 1.0, "6 x 9 in trade");
            assertEquals(648, box.getHeight(), 1.0);
        }
    }

    private static String entry(String name) throws Exception {
        try (ZipFile z = new ZipFile(epub().toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
