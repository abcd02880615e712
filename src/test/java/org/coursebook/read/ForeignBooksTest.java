package org.coursebook.read;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.Diagnostic;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Inline;
import org.coursebook.model.Target;
import org.coursebook.model.Tree;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Books made for other tools build as they are: an mdBook (book.toml, src/SUMMARY.md), a Quarto book (_quarto.yml)
 * and a Bookdown book (_bookdown.yml), each a small fixture of src/test/resources/books/. Each builds without errors,
 * passes EPUBCheck, has its image in the PDF, a nested contents, and no blank page beyond one before each part.
 */
class ForeignBooksTest {
    @TempDir
    Path tmp;

    private Path copy(String name) throws IOException {
        Path src = Path.of("src/test/resources/books", name), dir = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path t = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** Builds the book found in the folder (as --book DIR does), checks what every foreign book must give, returns it. */
    private BuildPipeline.Result build(String name, String slug) throws Exception {
        Path dir = copy(name);
        Path manifest = ManifestFormats.find(dir);
        assertNotNull(manifest, "a manifest is found in " + dir);
        Path out = tmp.resolve("out-" + name);
        BuildPipeline.Result result = Builds.build(manifest, out, Set.of("epub", "pdf"));
        noErrors(result.diagnostics());
        Book book = result.book();
        var check = EpubValidator.validate(out.resolve(slug + ".epub"));
        assertEquals(List.of(), check.errors(), "EPUBCheck");
        try (ZipFile zip = new ZipFile(out.resolve(slug + ".epub").toFile())) {
            String nav = new String(zip.getInputStream(zip.getEntry("OEBPS/nav.xhtml")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(nav.contains("<ol class=\"toc-sections\">"), "sections nested in the contents: " + nav);
            assertTrue(nav.contains("<li class=\"toc-part\"><span class=\"toc-part-title\">"), "chapters nested under their part: " + nav);
        }
        try (PdfInspect pdf = new PdfInspect(out.resolve(slug + ".pdf"))) {
            assertTrue(images(pdf) >= 1, "the image is in the PDF");
            int blank = 0;
            for (int i = 0; i < pdf.pages(); i++) if (pdf.text(i).isBlank()) blank++;
            int parts = book.allParts().size() + 1; // and the contents
            assertTrue(blank <= parts, blank + " blank pages for " + parts + " parts in " + pdf.pages() + " pages");
            assertTrue(pdf.outline().stream().anyMatch(e -> !e.children().isEmpty()), "nested bookmarks");
        }
        // the identifier, which the book does not give, is derived from its title and authors
        assertEquals(ManifestFormats.derivedIdentifier(book.meta().title(), book.meta().authors()), book.meta().identifier());
        return result;
    }

    private static int images(PdfInspect pdf) throws IOException {
        int n = 0;
        for (PDPage p : pdf.doc.getPages()) {
            for (COSName name : p.getResources().getXObjectNames()) {
                if (p.getResources().getXObject(name) instanceof PDImageXObject) n++;
            }
        }
        return n;
    }

    private static List<String> titles(List<Chapter> parts) {
        return parts.stream().map(Chapter::title).toList();
    }

    @Test
    void anMdBookBuildsAsItIs() throws Exception {
        BuildPipeline.Result result = build("mdbook", "reading-the-tides");
        Book book = result.book();
        assertEquals("Reading the Tides", book.meta().title());
        assertEquals(List.of("Mara Lindqvist", "Tomas Ekberg"), book.meta().authors());
        assertEquals(List.of("Before You Begin"), titles(book.frontMatter()), "prefix chapters are front matter");
        assertEquals(List.of("What a Tide Is", "Spring and Neap", "Reading a Tide Table"), titles(book.chapters()));
        assertEquals(List.of("Appendix: Word List"), titles(book.backMatter()), "suffix chapters are back matter");
        Chapter tide = book.chapters().get(0);
        assertEquals("guide-index", tide.slug(), "two index.md files: each named by its folder");
        assertEquals(List.of("1.1 The Moon\u2019s Pull", "1.2 Measuring the Sea"),
                tide.sections().stream().map(h -> h.number() + " " + h.text()).toList(), "nested items are sections");
        assertEquals(List.of("Foundations", "Foundations", "Practice"), book.chapters().stream().map(Chapter::part).toList());
        assertEquals(new Target.Ref(tide.id(), ""),
                Tree.collect(book.frontMatter().get(0).blocks(), Inline.Link.class).get(0).target());
        List<Diagnostic> ds = result.diagnostics();
        TestBook.warningOrNote(ds, "SUMMARY.md", 16, "the draft chapter 'A Table Not Yet Written' has no file and is left out");
        TestBook.warningOrNote(ds, "SUMMARY.md", 17, "the draft chapter 'Planning a Crossing' has no file and is left out");
        TestBook.warningOrNote(ds, "book.toml", 0, "the book gives no identifier or date");
    }

    @Test
    void aQuartoBookBuildsAsItIs() throws Exception {
        BuildPipeline.Result result = build("quarto", "rivers-and-their-basins");
        Book book = result.book();
        assertEquals("Rivers and Their Basins", book.meta().title());
        assertEquals("A Field Course", book.meta().subtitle());
        assertEquals(List.of("Ines Albrecht", "Jonah Price"), book.meta().authors());
        assertEquals("en-GB", book.meta().language());
        assertEquals(LocalDate.of(2025, 3, 14), book.meta().date());
        assertEquals(List.of("Preface"), titles(book.frontMatter()), "index.qmd, unnumbered, is front matter");
        assertEquals(List.of("Catchments", "Channels", "Floods", "Measuring Flow"), titles(book.chapters()));
        assertEquals(List.of("Water on the Land", "Water on the Land", "Floods", "Floods"), book.chapters().stream().map(Chapter::part).toList());
        assertEquals(List.of("Field Kit", "References"), titles(book.backMatter()));
        assertEquals("Appendix A", book.backMatter().get(0).label());
        assertFalse(book.backMatter().get(1).isNumbered(), "an unnumbered chapter after the last numbered one is back matter");
        Chapter catchments = book.chapters().get(0);
        assertEquals(new Target.Ref(book.chapters().get(1).id(), "bends"),
                Tree.collect(catchments.blocks(), Inline.Link.class).get(0).target());
        TestBook.warningOrNote(result.diagnostics(), "_quarto.yml", 0, "the book gives no identifier,");
    }

    @Test
    void aBookdownBookBuildsAsItIs() throws Exception {
        BuildPipeline.Result result = build("bookdown", "a-short-course-on-soils");
        Book book = result.book();
        assertEquals("A Short Course on Soils", book.meta().title());
        assertEquals(List.of("Ruth Okafor"), book.meta().authors());
        assertEquals(List.of("Preface"), titles(book.frontMatter()), "the '#' heading is the chapter's title, not the book's");
        assertEquals(List.of("What Soil Is", "Layers", "Testing Soil"), titles(book.chapters()));
        assertEquals(List.of("The Ground", "The Ground", "In the Field"), book.chapters().stream().map(Chapter::part).toList());
        assertEquals(List.of("Terms Used", "References"), titles(book.backMatter()));
        assertEquals("Appendix A", book.backMatter().get(0).label(), "after # (APPENDIX), chapters are appendices");
        assertEquals("References", book.backMatter().get(1).title(), "{-} is not part of the title");
        assertEquals(new Target.Ref(book.chapters().get(0).id(), "texture"),
                Tree.collect(book.chapters().get(1).blocks(), Inline.Link.class).get(0).target());
    }

    @Test
    void mistakesInAnotherToolsManifestAreReportedAtTheirLine() throws Exception {
        Path dir = copy("mdbook");
        Files.writeString(dir.resolve("src/SUMMARY.md"), Files.readString(dir.resolve("src/SUMMARY.md"))
                .replace("- [Spring and Neap](spring-neap.md)", "- [Spring and Neap](spring-and-neap.md)"));
        List<Diagnostic> ds = check(dir.resolve("book.toml"));
        TestBook.error(ds, "SUMMARY.md", 11, "chapter file 'spring-and-neap.md' does not exist");
        assertEquals(3, TestBook.error(ds, "SUMMARY.md", 11, "does not exist").pos().column());

        Files.writeString(dir.resolve("book.toml"), "[book]\ntitle = \"Tides\nauthors = []\n");
        TestBook.error(check(dir.resolve("book.toml")), "book.toml", 2, "TOML syntax error");

        Path q = copy("quarto");
        Files.writeString(q.resolve("_quarto.yml"), Files.readString(q.resolve("_quarto.yml")).replace("- channels.qmd", "- channel.qmd"));
        TestBook.error(check(q.resolve("_quarto.yml")), "_quarto.yml", 20, "chapter file 'channel.qmd' does not exist");
    }

    @Test
    void aFolderIsSearchedForEachKindOfManifest() throws Exception {
        assertEquals("book.toml", ManifestFormats.find(copy("mdbook")).getFileName().toString());
        assertEquals("_quarto.yml", ManifestFormats.find(copy("quarto")).getFileName().toString());
        assertEquals("_bookdown.yml", ManifestFormats.find(copy("bookdown")).getFileName().toString());
        assertNull(ManifestFormats.find(tmp.resolve("mdbook/src")));
        assertEquals(tmp.resolve("mdbook/src").toAbsolutePath(), ManifestFormats.chaptersDir(tmp.resolve("mdbook/book.toml")),
                "watch mode knows an mdBook's chapters by their path from src/");
        assertEquals(tmp.resolve("quarto").toAbsolutePath(), ManifestFormats.chaptersDir(tmp.resolve("quarto/_quarto.yml")));
        assertEquals(ManifestFormats.Format.MDBOOK, ManifestFormats.of(Path.of("x/book.toml")));
        assertEquals(ManifestFormats.Format.COURSEBOOK, ManifestFormats.of(Path.of("x/book.yaml")));
        assertEquals(LocalDate.of(2024, 1, 2), ManifestFormats.derivedDate(List.of(), "1704196800"));
        assertEquals(ManifestFormats.derivedIdentifier("T", List.of("A")), ManifestFormats.derivedIdentifier("T", List.of("A")));
        assertNotEquals(ManifestFormats.derivedIdentifier("T", List.of("A")), ManifestFormats.derivedIdentifier("T", List.of("B")));
    }

    private List<Diagnostic> check(Path manifest) {
        var diag = new org.coursebook.diag.Diagnostics();
        var o = new org.coursebook.build.BuildOptions(manifest, tmp.resolve("check-out"), Set.of(), Builds.FIXED_TIME, null, null,
                BookReader.Limits.defaults(), List.of());
        try {
            new BuildPipeline(List.of(), s -> {}).check(o, diag, java.util.Map.of());
        } catch (org.coursebook.diag.BuildException e) {
            return e.diagnostics();
        }
        return diag.all();
    }
}
