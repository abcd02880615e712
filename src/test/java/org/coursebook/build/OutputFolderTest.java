package org.coursebook.build;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.read.BookReader;
import org.coursebook.render.Output;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Rendered;
import org.coursebook.render.Renderer;
import org.coursebook.render.Written;
import org.coursebook.render.cover.CoverArt;
import org.coursebook.render.handout.HandoutRenderer;
import org.coursebook.render.site.DownloadPageRenderer;
import org.coursebook.support.Builds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The output folder tells the truth: a build removes what an earlier build of the book wrote and it no longer
 * writes (a handout renamed with its chapter), leaves the formats it did not build and the user's own files
 * alone, and the download page lists exactly the files in the folder with their true checksums, also after a
 * build of one format. Stand-in renderers keep it fast: an EPUB of the chapter titles, a one-page PDF handout
 * per chapter named as the real handout renderer names it; the download page is the real one.
 */
class OutputFolderTest {
    @TempDir
    Path tmp;

    /** Stands in for the EPUB renderer: the chapter titles, so that a title change changes the file. */
    static final class TitlesEpub implements Renderer {
        @Override
        public String format() {
            return "epub";
        }

        @Override
        public Rendered render(Book book, RenderContext ctx) throws IOException {
            String titles = String.join("\n", book.allParts().stream().map(Chapter::title).toList());
            return Rendered.of(ctx.output().write(book.meta().slug() + ".epub", Written.EBOOK, -1,
                    o -> o.write(titles.getBytes(StandardCharsets.UTF_8))));
        }
    }

    /** Stands in for the handout renderer: one page per chapter, under the real renderer's file names. */
    static final class NamedHandouts implements Renderer {
        @Override
        public String format() {
            return "handouts";
        }

        @Override
        public Rendered render(Book book, RenderContext ctx) throws IOException {
            List<Written> written = new java.util.ArrayList<>();
            for (Chapter c : book.chapters()) {
                byte[] pdf = pdf(c.number());
                written.add(ctx.output().write("handouts/" + HandoutRenderer.fileName(c), Written.HANDOUT, c.number(), o -> o.write(pdf)));
            }
            return Rendered.of(written);
        }
    }

    static byte[] pdf(int pages) throws IOException {
        try (PDDocument d = new PDDocument()) {
            for (int i = 0; i < pages; i++) d.addPage(new PDPage());
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            d.save(b);
            return b.toByteArray();
        }
    }

    final BuildPipeline pipeline = new BuildPipeline(List.of(new TitlesEpub(), new NamedHandouts(),
            new DownloadPageRenderer(new CoverArt())), s -> {});

    BuildPipeline.Result build(Path manifest, Path out, String... formats) throws IOException {
        return pipeline.build(new BuildOptions(manifest, out, Set.of(formats), Builds.FIXED_TIME, null, null,
                BookReader.Limits.defaults(), List.of()));
    }

    static void retitle(Path chapter, String title) throws IOException {
        String text = Files.readString(chapter);
        Files.writeString(chapter, text.replaceFirst("(?m)^title: .*$", "title: " + title));
    }

    /** Every file in the folder (relative path to SHA-256), the output's own record left out. */
    static Map<String, String> files(Path out) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(Output.RECORD)) m.put(rel, sha256(p));
            }
        }
        return m;
    }

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    /** The download page's files: link to SHA-256 as the page states them. */
    static Map<String, String> listed(Path out) throws IOException {
        Document page = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        Map<String, String> m = new TreeMap<>();
        for (Element li : page.select("li.file")) {
            m.put(li.selectFirst("a[href]").attr("href"), li.selectFirst("code.sha256").text());
        }
        return m;
    }

    /** The page lists exactly the EPUBs and PDFs in the folder, each with the checksum of its bytes on disk. */
    static void pageTellsTheTruth(Path out) throws Exception {
        Map<String, String> onDisk = new TreeMap<>(files(out));
        onDisk.keySet().removeIf(k -> !(k.endsWith(".epub") || k.endsWith(".pdf")) || k.startsWith("user/"));
        assertEquals(onDisk, listed(out));
    }

    @Test
    void aRenamedChaptersOldHandoutIsRemovedAndTheUsersOwnFilesStay() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("book"));
        Path out = tmp.resolve("out");
        build(manifest, out, "epub", "handouts", "site");
        assertTrue(Files.exists(out.resolve("handouts/01-the-first-chapter.pdf")));
        Files.writeString(out.resolve("notes.txt"), "my own notes");
        Files.createDirectories(out.resolve("user"));
        Files.write(out.resolve("user/extra.pdf"), pdf(1));
        pageTellsTheTruth(out);

        retitle(manifest.resolveSibling("one.md"), "The Very First Chapter");
        BuildPipeline.Result r = build(manifest, out, "epub", "handouts", "site");
        assertEquals(List.of(out.resolve("handouts/01-the-first-chapter.pdf").toAbsolutePath()), r.removed());
        assertFalse(Files.exists(out.resolve("handouts/01-the-first-chapter.pdf")), "the old handout is gone");
        assertTrue(Files.exists(out.resolve("handouts/01-the-very-first-chapter.pdf")));
        assertEquals("my own notes", Files.readString(out.resolve("notes.txt")), "a file no build wrote stays");
        assertTrue(Files.exists(out.resolve("user/extra.pdf")));
        pageTellsTheTruth(out);
        assertFalse(listed(out).containsKey("handouts/01-the-first-chapter.pdf"), "the page lists the handout once, by its new name");
    }

    @Test
    void aBuildOfOneFormatLeavesTheOthersAndTheDownloadPageIsMadeAgain() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("book"));
        Path out = tmp.resolve("out");
        build(manifest, out, "epub", "handouts", "site");
        Map<String, String> before = files(out);

        retitle(manifest.resolveSibling("one.md"), "The Very First Chapter");
        BuildPipeline.Result r = build(manifest, out, "epub");
        assertTrue(r.removed().isEmpty(), r.removed().toString());
        Map<String, String> after = files(out);
        assertNotEquals(before.get("a-small-test-book.epub"), after.get("a-small-test-book.epub"), "a new EPUB");
        assertEquals(before.get("handouts/01-the-first-chapter.pdf"), after.get("handouts/01-the-first-chapter.pdf"),
                "the handouts, not built this time, stay as they were");
        assertTrue(r.stages().stream().anyMatch(s -> s.name().equals("download page")), "the page was made again");
        pageTellsTheTruth(out);
        assertEquals(after.get("a-small-test-book.epub"), listed(out).get("a-small-test-book.epub"), "the new EPUB's checksum");

        // a handouts build then replaces the old handout; the page follows again
        r = build(manifest, out, "handouts");
        assertEquals(List.of(out.resolve("handouts/01-the-first-chapter.pdf").toAbsolutePath()), r.removed());
        pageTellsTheTruth(out);
    }

    @Test
    void withoutAnEarlierPageNoneIsMadeAndAnotherBooksFilesStay() throws Exception {
        Path one = Builds.copyBook("small", tmp.resolve("one"));
        Path other = Builds.copyBook("small", tmp.resolve("other"));
        Files.writeString(other, Files.readString(other).replaceFirst("(?m)^title: .*$", "title: Another Book"));
        Path out = tmp.resolve("out");
        build(one, out, "epub");
        assertFalse(Files.exists(out.resolve("index.html")), "no page when none was asked for");
        build(other, out, "epub");
        assertTrue(Files.exists(out.resolve("a-small-test-book.epub")), "another book's EPUB in the same folder stays");
        assertTrue(Files.exists(out.resolve("another-book.epub")));
        retitle(other, "Another Book, Renamed");
        BuildPipeline.Result r = build(other, out, "epub");
        assertEquals(List.of(out.resolve("another-book.epub").toAbsolutePath()), r.removed(), "its own old EPUB goes");
        assertTrue(Files.exists(out.resolve("a-small-test-book.epub")));
    }

    @Test
    void aRendererThatDoesNotReturnWhatItWroteIsABugAndNothingIsWritten() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("book"));
        Path out = tmp.resolve("out");
        Renderer silent = new Renderer() {
            @Override
            public String format() {
                return "epub";
            }

            @Override
            public Rendered render(Book book, RenderContext ctx) throws IOException {
                ctx.output().write("unlisted.epub", Written.EBOOK, -1, o -> o.write(1));
                return Rendered.NOTHING;
            }
        };
        Renderer lying = new Renderer() {
            @Override
            public String format() {
                return "epub";
            }

            @Override
            public Rendered render(Book book, RenderContext ctx) throws IOException {
                Written w = ctx.output().write("book.pdf", Written.PRINT_BOOK, 3, o -> o.write(1));
                return Rendered.of(new Written(w.path(), w.role(), 4, w.bytes(), w.sha256()));
            }
        };
        BuildOptions opts = new BuildOptions(manifest, out, Set.of("epub"), Builds.FIXED_TIME, null, null, BookReader.Limits.defaults(), List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new BuildPipeline(List.of(silent), s -> {}).build(opts));
        assertTrue(e.getMessage().contains("wrote [unlisted.epub] without returning it"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> new BuildPipeline(List.of(lying), s -> {}).build(opts));
        assertTrue(e.getMessage().contains("not what it staged"), e.getMessage());
        assertEquals(Map.of(), files(out), "nothing was written");
    }

    @Test
    void aDamagedOrForgedRecordRemovesNothingOutsideTheBuildsOwnFiles() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("book"));
        Path out = tmp.resolve("out");
        build(manifest, out, "epub");
        String book = Files.readAllLines(out.resolve(Output.RECORD)).stream().filter(l -> !l.startsWith("#"))
                .findFirst().orElseThrow().split("\t")[0];
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep me");
        Files.writeString(out.resolve("mine.txt"), "keep me too");
        Files.writeString(out.resolve(Output.RECORD), String.join("\n",
                book + "\tepub\t../victim.txt",
                book + "\tepub\t" + victim,
                book + "\tepub\tsub/../../victim.txt",
                book + "\tepub\t.",
                book + "\tepub\t" + Output.RECORD,
                book + "\tepub\tmine.txt\textra field",
                "garbage line without tabs",
                "") + "\n");
        BuildPipeline.Result r = build(manifest, out, "epub");
        assertTrue(r.removed().isEmpty(), r.removed().toString());
        assertEquals("keep me", Files.readString(victim));
        assertEquals("keep me too", Files.readString(out.resolve("mine.txt")));
        assertTrue(Files.readString(out.resolve(Output.RECORD)).contains("\tepub\ta-small-test-book.epub\tepub\t-1\t"), "the record is whole again");
    }
}
