package org.coursebook.render.site;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.model.Book;
import org.coursebook.read.BookReader;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Rendered;
import org.coursebook.render.Renderer;
import org.coursebook.render.Written;
import org.coursebook.render.cover.CoverArt;
import org.coursebook.support.Builds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The download page of the small test book: links, sizes, checksums, page counts, structure. */
class DownloadPageTest {
    @TempDir
    Path tmp;

    static Path out() {
        Builds.smallBook();
        return Path.of("target/small-book").toAbsolutePath();
    }

    static Document page(Path out) throws IOException {
        return Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
    }

    /** The file a link or image source on the page points to; fails for anything that is not a file in {@code out}. */
    static Path target(Path out, String ref) {
        assertFalse(ref.isBlank(), "empty link");
        assertFalse(ref.contains(":") || ref.startsWith("/") || ref.startsWith("#"), "not a relative file link: " + ref);
        Path p = out.resolve(URLDecoder.decode(ref, StandardCharsets.UTF_8)).normalize();
        assertTrue(p.startsWith(out), ref + " leaves the output folder");
        assertTrue(Files.isRegularFile(p), ref + " is not a file in " + out);
        return p;
    }

    static Set<String> publishedFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> (n.endsWith(".epub") || n.endsWith(".pdf")) && !n.startsWith("print/"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void everyLinkResolvesToAFileOfTheBuildAndEveryEbookAndPdfIsLinked() throws Exception {
        Path out = out();
        Document page = page(out);
        List<String> hrefs = page.select("a[href]").eachAttr("href");
        assertFalse(hrefs.isEmpty());
        for (String href : hrefs) target(out, href);
        assertEquals(publishedFiles(out), new TreeSet<>(hrefs), "one link per EPUB and PDF in the output folder");
        assertTrue(hrefs.containsAll(List.of("a-small-test-book.epub", "a-small-test-book.pdf", "a-small-test-book-cover.pdf",
                "handouts/01-the-first-chapter.pdf", "handouts/02-the-second-chapter.pdf", "handouts/all-handouts.pdf")), hrefs.toString());
        for (String src : page.select("[src]").eachAttr("src")) target(out, src);
        Element cover = page.selectFirst("img.cover");
        assertNotNull(cover);
        assertEquals("a-small-test-book-cover.png", cover.attr("src"));
        var img = javax.imageio.ImageIO.read(target(out, cover.attr("src")).toFile());
        assertEquals(Integer.toString(img.getWidth()), cover.attr("width"));
        assertEquals(Integer.toString(img.getHeight()), cover.attr("height"));
    }

    @Test
    void sizesChecksumsAndPageCountsOnThePageMatchTheFiles() throws Exception {
        Path out = out();
        List<Element> files = page(out).select("li.file");
        assertEquals(publishedFiles(out).size(), files.size());
        assertTrue(files.size() >= 6, "book, print cover, two handouts and all handouts: " + files.size());
        for (Element li : files) {
            Path f = target(out, li.selectFirst("a[href]").attr("href"));
            Element size = li.selectFirst("data.size");
            assertEquals(Files.size(f), Long.parseLong(size.attr("value")), f.toString());
            assertEquals(Downloads.humanSize(Files.size(f)), size.text());
            assertEquals(Downloads.sha256(f), li.selectFirst("code.sha256").text(), f.toString());
            Element pages = li.selectFirst("dd.pages");
            if (f.toString().endsWith(".pdf")) {
                try (PDDocument d = Loader.loadPDF(f.toFile())) {
                    assertEquals(Integer.toString(d.getNumberOfPages()), pages.text(), f.toString());
                }
            } else {
                assertNull(pages, "an EPUB has no pages");
            }
        }
        // an independent check of the digest, with the JDK's own tool chain rather than the renderer's helper
        Path epub = out.resolve("a-small-test-book.epub");
        String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(epub)));
        assertTrue(page(out).html().contains(hex));
    }

    @Test
    void pageIsSelfContainedWithOneH1OrderedHeadingsAndDescriptiveLinks() throws Exception {
        Document page = page(out());
        String html = Files.readString(out().resolve("index.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertEquals(0, page.select("script, link, iframe, object, embed, base").size(), "nothing but the page and its cover");
        assertFalse(html.contains("@import") || html.contains("url(") || html.contains("@font-face"), "no loaded styles or fonts");
        assertEquals(List.of(), page.select("[href*=:], [src*=:], [href^=//], [src^=//]").eachAttr("outerHtml"), "no remote links");
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("width=device-width, initial-scale=1", page.selectFirst("meta[name=viewport]").attr("content"));
        assertEquals(1, page.select("h1").size());
        assertEquals("A Small Test Book", page.selectFirst("h1").text());
        int level = 1;
        for (Element h : page.select("h1, h2, h3, h4, h5, h6")) {
            int l = h.tagName().charAt(1) - '0';
            assertTrue(l <= level + 1, h + " skips a level after h" + level);
            level = l;
        }
        Set<String> texts = new HashSet<>();
        for (Element a : page.select("a[href]")) {
            String t = a.text().strip();
            assertTrue(t.length() > 12, "link text says what it is: " + a);
            assertFalse(t.toLowerCase().matches(".*\\b(click here|here|download|link)\\b.*") && t.split(" ").length < 3, a.toString());
            assertTrue(texts.add(t), "two links with the same text: " + t);
        }
        assertTrue(page.selectFirst("img.cover").attr("alt").startsWith("Cover of A Small Test Book"));
        assertEquals(List.of("2026-09-01", "2026-09-01"), page.select("time").eachAttr("datetime"), "the build time, not the clock");
        assertTrue(page.select("p.built").text().contains("1 September 2026"));
        assertEquals(List.of("Preface", "1 The First Chapter", "2 The Second Chapter", "Glossary"), page.select(".toc > li > h3").eachText());
        assertTrue(page.select(".toc .summary").text().contains("A short chapter that uses pull-quotes"));
        assertEquals("A tiny book that uses every Markdown convention of coursebook once.", page.selectFirst(".description").text());
        assertEquals(List.of("All the handouts in one file (PDF)", "Handout for chapter 1, The First Chapter (PDF)",
                "Handout for chapter 2, The Second Chapter (PDF)"), page.select(".handouts a[href]").eachText());
    }

    /** Stands in for the handout renderer: two PDFs under handouts/, one named after a chapter of the book. */
    static final class FakeHandouts implements Renderer {
        @Override
        public String format() {
            return "handouts";
        }

        @Override
        public Rendered render(Book book, RenderContext ctx) throws IOException {
            return Rendered.of(ctx.output().write("handouts/two.pdf", Written.HANDOUT, 1, o -> o.write(pdf(1))),
                    ctx.output().write("handouts/one.pdf", Written.HANDOUT, 2, o -> o.write(pdf(2))));
        }

        static byte[] pdf(int pages) throws IOException {
            try (PDDocument d = new PDDocument()) {
                for (int i = 0; i < pages; i++) d.addPage(new PDPage());
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                d.save(b);
                return b.toByteArray();
            }
        }
    }

    BuildPipeline.Result build(Path manifest, Path out, Set<String> formats) throws IOException {
        BuildPipeline p = new BuildPipeline(List.of(new FakeHandouts(), new DownloadPageRenderer(new CoverArt())), s -> {});
        return p.build(new BuildOptions(manifest, out, formats, Builds.FIXED_TIME, null, null, BookReader.Limits.defaults(), List.of()));
    }

    @Test
    void handoutsTheOtherRenderersStagedAreListedAndThePageCopesWithoutThem() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("src"));
        Path out = tmp.resolve("out").toAbsolutePath();

        build(manifest, out, Set.of("site"));
        Document none = page(out);
        assertTrue(none.select("a[href]").isEmpty(), "nothing to download yet");
        assertTrue(none.select(".handouts").isEmpty());
        assertTrue(none.select(".downloads").text().contains("This build made no e-book or PDF."));

        build(manifest, out, Set.of("handouts", "site"));
        Document page = page(out);
        assertEquals(List.of("Handout for chapter 1, The First Chapter (PDF)", "Handout for chapter 2, The Second Chapter (PDF)"),
                page.select(".handouts a[href]").eachText(), "in chapter order");
        assertEquals(List.of("handouts/one.pdf", "handouts/two.pdf"), page.select(".handouts a[href]").eachAttr("href"));
        assertEquals(List.of("2", "1"), page.select(".handouts dd.pages").eachText());
        for (String href : page.select("a[href]").eachAttr("href")) target(out, href);

        // A later build of the page alone (a new pipeline: a new run of the tool) still offers the handouts the
        // earlier build wrote, as the folder's record describes them.
        BuildPipeline.Result r = build(manifest, out, Set.of("site"));
        assertEquals(List.of(), r.diagnostics());
        Document again = page(out);
        assertEquals(List.of("handouts/one.pdf", "handouts/two.pdf"), again.select(".handouts a[href]").eachAttr("href"));
        assertEquals(List.of("2", "1"), again.select(".handouts dd.pages").eachText());
        assertEquals(page.select(".handouts").outerHtml(), again.select(".handouts").outerHtml(), "the same listing as the build that wrote them");

        // A handout changed by hand since is not what the record describes: it is left off the page, with a warning.
        Files.write(out.resolve("handouts/two.pdf"), FakeHandouts.pdf(3));
        r = build(manifest, out, Set.of("site"));
        Document changed = page(out);
        assertEquals(List.of("handouts/one.pdf"), changed.select(".handouts a[href]").eachAttr("href"));
        assertEquals(Downloads.sha256(out.resolve("handouts/one.pdf")), changed.selectFirst(".handouts code.sha256").text());
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        var warning = r.diagnostics().get(0);
        assertFalse(warning.isError());
        assertEquals(out.resolve("handouts/two.pdf"), warning.pos().file());
        assertTrue(warning.message().contains("leaves out handouts/two.pdf: it changed after coursebook wrote it"), warning.message());
    }

    /** Stands in for a renderer whose files are not PDFs at all: the page must take their page counts from it. */
    static final class NotReallyPdfs implements Renderer {
        @Override
        public String format() {
            return "handouts";
        }

        @Override
        public Rendered render(Book book, RenderContext ctx) throws IOException {
            byte[] junk = "no PDF parser could read this".getBytes(StandardCharsets.UTF_8);
            return Rendered.of(ctx.output().write("handouts/01-the-first-chapter.pdf", Written.HANDOUT, 7, o -> o.write(junk)),
                    ctx.output().write("handouts/all-handouts.pdf", Written.ALL_HANDOUTS, 9, o -> o.write(junk)),
                    ctx.output().write("handouts/notes.txt", Written.OTHER, -1, o -> o.write(junk)));
        }
    }

    @Test
    void pageCountsComeFromTheRenderersAndNothingIsParsedAgain() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("src"));
        Path out = tmp.resolve("out").toAbsolutePath();
        BuildOptions opts = new BuildOptions(manifest, out, Set.of("handouts", "site"), Builds.FIXED_TIME, null, null,
                BookReader.Limits.defaults(), List.of());
        new BuildPipeline(List.of(new NotReallyPdfs(), new DownloadPageRenderer(new CoverArt())), s -> {}).build(opts);
        Document page = page(out);
        assertEquals(List.of("handouts/all-handouts.pdf", "handouts/01-the-first-chapter.pdf"), page.select(".handouts a[href]").eachAttr("href"),
                "by role (all handouts first), not by name; a file of another role is not offered");
        assertEquals(List.of("9", "7"), page.select(".handouts dd.pages").eachText());

        // a build of another format: the page is made again from the record, still without reading the files
        new BuildPipeline(List.of(new NotReallyPdfs(), new DownloadPageRenderer(new CoverArt())), s -> {})
                .build(new BuildOptions(manifest, out, Set.of("site"), Builds.FIXED_TIME, null, null, BookReader.Limits.defaults(), List.of()));
        assertEquals(List.of("9", "7"), page(out).select(".handouts dd.pages").eachText());
    }

    @Test
    void aRecordOfAnOlderCoursebookGivesAWarningNotAGuess() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("src"));
        Path out = tmp.resolve("out").toAbsolutePath();
        build(manifest, out, Set.of("handouts", "site"));
        Path record = out.resolve(org.coursebook.render.Output.RECORD);
        // the record as coursebook wrote it before it described its files: book, format, path
        List<String> old = Files.readAllLines(record).stream()
                .map(l -> l.startsWith("#") ? l : String.join("\t", java.util.Arrays.asList(l.split("\t")).subList(0, 3))).toList();
        Files.write(record, old);
        BuildPipeline.Result r = build(manifest, out, Set.of("site"));
        assertTrue(page(out).select(".handouts a[href]").isEmpty(), "no guess from the file names");
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        assertTrue(r.diagnostics().get(0).message().contains("leaves out 2 files an earlier build left"), r.diagnostics().toString());
        assertTrue(Files.readString(record).contains("handouts/one.pdf\n"), "the old lines are kept for the removal of stale files");
    }

    @Test
    void handoutFilesAreMatchedToChaptersByTheirSlug() throws Exception {
        Book book = Builds.smallBook().book();
        assertEquals("one", Downloads.chapterOf(book, "01-the-first-chapter.pdf").slug(), "the handout renderer's name");
        assertNull(Downloads.chapterOf(book, "all-handouts.pdf"));
        assertEquals("one", Downloads.chapterOf(book, "one.pdf").slug());
        assertEquals("two", Downloads.chapterOf(book, "handout-two.pdf").slug());
        assertNull(Downloads.chapterOf(book, "three.pdf"));
        assertEquals("940 KB", Downloads.humanSize(940_123));
        assertEquals("2.3 MB", Downloads.humanSize(2_345_678));
        assertEquals("1.0 MB", Downloads.humanSize(999_999));
        assertEquals("512 bytes", Downloads.humanSize(512));
    }
}
