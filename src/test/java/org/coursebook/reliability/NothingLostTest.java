package org.coursebook.reliability;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.BuildException;
import org.coursebook.model.Book;
import org.coursebook.read.BookReader;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Renderer;
import org.coursebook.render.Renderers;
import org.coursebook.render.epub.EpubRenderer;
import org.coursebook.support.Builds;
import org.coursebook.support.TestBook;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Nothing is lost: a build that fails (a renderer throws once the EPUB is staged, a chapter goes bad after a
 * good build) or is killed leaves the previous EPUB and PDF whole and valid, and no temporary files; the build
 * never writes among its sources.
 */
class NothingLostTest {
    static final String EPUB = "a-small-test-book.epub", PDF = "a-small-test-book.pdf";

    @TempDir
    Path tmp;
    Path manifest, out;
    Map<String, String> before;

    static Path goodSrc, goodOut;

    /** A good build of the small book, once; each test gets its own copy of its sources and outputs. */
    @BeforeAll
    static void goodBuild() throws Exception {
        Path base = Path.of("target/nothing-lost");
        deleteTree(base);
        goodSrc = Builds.copyBook("small", Files.createDirectories(base.resolve("src")));
        goodOut = base.resolve("out");
        Builds.build(goodSrc, goodOut, Set.of("epub", "pdf"));
    }

    @BeforeEach
    void copyTheGoodBuild() throws Exception {
        copyTree(goodSrc.getParent(), tmp.resolve("src"));
        copyTree(goodOut, tmp.resolve("out"));
        manifest = tmp.resolve("src/book.yaml");
        out = tmp.resolve("out");
        before = hashes(out);
        assertTrue(before.containsKey(EPUB) && before.containsKey(PDF), before.toString());
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void aRendererThatThrowsAfterTheEpubIsStagedChangesNothing() throws Exception {
        Renderer failing = new Renderer() {
            @Override
            public String format() {
                return "pdf";
            }

            @Override
            public org.coursebook.render.Rendered render(Book book, RenderContext ctx) throws IOException {
                // the EPUB is staged by now: its temporary file exists next to the old EPUB
                try (Stream<Path> s = Files.list(ctx.output().dir())) {
                    assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith(".coursebook-tmp-")), "the EPUB is staged");
                }
                throw new IOException("the disk is full");
            }
        };
        BuildPipeline p = new BuildPipeline(List.of(new EpubRenderer(), failing), s -> {});
        IOException e = assertThrows(IOException.class, () -> p.build(options()));
        assertEquals("the disk is full", e.getMessage());
        assertUntouched();
    }

    @Test
    void aRendererThatFailsHalfwayThroughWritingAFileChangesNothing() throws Exception {
        Renderer half = new Renderer() {
            @Override
            public String format() {
                return "pdf";
            }

            @Override
            public org.coursebook.render.Rendered render(Book book, RenderContext ctx) throws IOException {
                ctx.output().write(PDF, o -> {
                    o.write("%PDF-1.7\n".getBytes());
                    throw new IllegalStateException("the renderer crashed");
                });
                return org.coursebook.render.Rendered.NOTHING;
            }
        };
        BuildPipeline p = new BuildPipeline(List.of(new EpubRenderer(), half), s -> {});
        assertThrows(IllegalStateException.class, () -> p.build(options()));
        assertUntouched();
    }

    @Test
    void aChapterThatGoesBadAfterAGoodBuildChangesNothing() throws Exception {
        Path one = manifest.resolveSibling("one.md");
        Files.writeString(one, Files.readString(one) + "\nA new sentence with a broken note.[^nope]\n");
        BuildException e = assertThrows(BuildException.class, () -> new BuildPipeline(Renderers.all(), s -> {}).build(options()));
        assertTrue(e.getMessage().contains("one.md"), e.getMessage());
        assertUntouched();
    }

    @Test
    void aStaleTemporaryFileOfAKilledBuildIsRemovedByTheNext() throws Exception {
        Path stale = out.resolve(".coursebook-tmp-" + PDF);
        Files.write(stale, new byte[] {'%', 'P', 'D'});
        Files.createDirectories(out.resolve("handouts"));
        Path staleDeep = Files.write(out.resolve("handouts/.coursebook-tmp-01.pdf"), new byte[] {1});
        new BuildPipeline(List.of(new EpubRenderer()), s -> {}).build(options());
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleDeep));
    }

    /** A real process, stopped (SIGTERM) and then killed (SIGKILL) while it renders the PDF. */
    @Test
    void aBuildStoppedOrKilledMidwayLeavesThePreviousOutputs() throws Exception {
        for (boolean forcibly : new boolean[] {false, true}) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                    "org.coursebook.cli.Main", "build", "--book", manifest.toString(), "--out", out.toString(),
                    "--format", "epub,pdf")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!staged() && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(10);
                assertTrue(p.isAlive(), "the child finished before it could be stopped: " + Files.readString(tmp.resolve("child.log")));
                if (forcibly) p.destroyForcibly();
                else p.destroy();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            } finally {
                p.destroyForcibly();
            }
            if (!forcibly) assertFalse(staged(), "a stopped build removes its temporary files");
            Map<String, String> now = hashes(out);
            now.keySet().removeIf(k -> k.contains(".coursebook-tmp-")); // a killed build cannot clean up
            assertEquals(before, now, "the previous outputs are untouched");
        }
        new BuildPipeline(List.of(new EpubRenderer()), s -> {}).build(options()); // the next build cleans up
        assertFalse(staged());
    }

    @Test
    void theBuildNeverWritesIntoTheChaptersOrStylesFolders() throws Exception {
        Path styles = tmp.resolve("src/styles");
        Files.createDirectories(styles);
        try (Stream<Path> s = Files.list(Path.of("styles"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, styles.resolve(f.getFileName()));
        }
        Map<String, String> sources = snapshot(tmp.resolve("src"));
        Builds.build(manifest, tmp.resolve("out2"), Set.copyOf(BuildOptions.ALL_FORMATS));
        assertEquals(sources, snapshot(tmp.resolve("src")));
    }

    @Test
    void anOutputFolderAmongTheSourcesIsRefused() {
        for (Path bad : List.of(manifest.getParent(), manifest.getParent().getParent())) {
            BuildException e = assertThrows(BuildException.class, () -> Builds.build(manifest, bad, Set.of("epub")));
            assertTrue(e.getMessage().contains("source folder"), e.getMessage());
        }
    }

    @Test
    void anOutputFolderOfItsOwnInsideTheBooksFolderIsAllowedButNotOneThatHoldsASource() throws Exception {
        Map<String, String> sources = snapshot(tmp.resolve("src"));
        Path inside = manifest.resolveSibling("output");
        Builds.build(manifest, inside, Set.of("epub"));
        var again = Builds.build(manifest, inside, Set.of("epub")); // its own outputs are not sources the second time
        assertTrue(again.diagnostics().stream().noneMatch(d -> d.message().contains("output")), again.diagnostics().toString());
        assertTrue(Files.isRegularFile(inside.resolve(EPUB)));
        Map<String, String> now = snapshot(tmp.resolve("src"));
        now.keySet().removeIf(k -> k.startsWith("output") || k.isEmpty());
        sources.remove(""); // the folder itself: it has a new entry, output/
        assertEquals(sources, now, "nothing else in the book's folder changed");

        TestBook b = TestBook.create(tmp.resolve("nested"));
        b.file("book.yaml", TestBook.MANIFEST.replace("  - ch.md", "  - part/ch.md"));
        b.file("part/ch.md", TestBook.CHAPTER);
        BuildException e = assertThrows(BuildException.class, () -> Builds.build(b.manifest(), b.path("part"), Set.of("epub")));
        assertTrue(e.getMessage().contains("the output folder holds part/ch.md, a source of the book"), e.getMessage());
    }

    @Test
    void aFailedBuildLeavesNoOutputFolderAndAFileIsNoOutputFolder() throws Exception {
        Path chapter;
        try (var s = Files.list(manifest.getParent())) {
            chapter = s.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(chapter);
        Files.writeString(chapter, text + "\nSee [there](#no-such-place).\n");
        try {
            Path out = tmp.resolve("never-made");
            assertThrows(BuildException.class, () -> Builds.build(manifest, out, Set.of("epub")));
            assertFalse(Files.exists(out), "a build that fails before writing leaves no folder");
        } finally {
            Files.writeString(chapter, text);
        }
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "not a folder");
        BuildException e = assertThrows(BuildException.class, () -> Builds.build(manifest, file, Set.of("epub")));
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
        assertEquals("not a folder", Files.readString(file));
    }

    BuildOptions options() {
        return new BuildOptions(manifest, out, Set.of("epub", "pdf"), Builds.FIXED_TIME, null, null,
                BookReader.Limits.defaults(), List.of());
    }

    boolean staged() throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".coursebook-tmp-"));
        }
    }

    void assertUntouched() throws Exception {
        assertEquals(before, hashes(out), "the previous outputs are byte for byte as they were");
        assertFalse(staged(), "no temporary files are left");
        Path copy = tmp.resolve("check.epub");
        Files.copy(out.resolve(EPUB), copy, StandardCopyOption.REPLACE_EXISTING);
        EpubValidator.Result r = EpubValidator.validate(copy);
        assertTrue(r.clean(), r.toString());
        try (PdfInspect pdf = new PdfInspect(out.resolve(PDF))) {
            assertTrue(pdf.pages() > 3);
            assertTrue(pdf.allText().contains("The First Chapter"));
        }
    }

    /** Every file under {@code dir}: its path, and its hash. */
    static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(dir.relativize(p).toString(), sha(p));
        }
        return m;
    }

    /** Every file and folder under {@code dir}: its path, hash (files) and modification time. */
    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                m.put(dir.relativize(p).toString(), (a.isRegularFile() ? sha(p) : "dir") + " " + a.lastModifiedTime());
            }
        }
        return m;
    }

    static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
