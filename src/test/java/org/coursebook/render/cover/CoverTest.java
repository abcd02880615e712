package org.coursebook.render.cover;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.coursebook.build.BuildOptions;
import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.PdfValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/** The cover through the whole build: in the EPUB, as the print cover PDF, and from the instructor's own image. */
class CoverTest {
    @TempDir
    Path tmp;

    static Path small(String name) {
        Builds.smallBook();
        return Path.of("target/small-book").resolve(name);
    }

    static String entry(Path epub, String name) throws Exception {
        try (ZipFile z = new ZipFile(epub.toFile())) {
            var e = z.getEntry(name);
            assertNotNull(e, name + " in " + epub);
            return new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] entryBytes(Path epub, String name) throws Exception {
        try (ZipFile z = new ZipFile(epub.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    @Test
    void packageDocumentMarksTheCoverImageAndTheBookOpensOnTheCoverPage() throws Exception {
        Path epub = small("a-small-test-book.epub");
        String opf = entry(epub, "OEBPS/package.opf");
        assertTrue(opf.contains("<item id=\"cover-image\" href=\"cover.png\" media-type=\"image/png\" properties=\"cover-image\"/>"), opf);
        assertTrue(opf.contains("<meta name=\"cover\" content=\"cover-image\"/>"), "EPUB 2 reading apps find the cover too");
        String spine = opf.substring(opf.indexOf("<spine"));
        assertTrue(spine.indexOf("idref=\"cover\"") < spine.indexOf("idref=\"title\""), "the cover page comes first: " + spine);
        String page = entry(epub, "OEBPS/cover.xhtml");
        assertTrue(page.contains("<body epub:type=\"cover\">"), page);
        assertTrue(page.contains("<img role=\"doc-cover\" src=\"cover.png\" width=\"1600\" height=\"2400\" "
                + "alt=\"Cover of A Small Test Book: Every convention once, by Test Author, Second Author\"/>"), page);
        assertTrue(entry(epub, "OEBPS/nav.xhtml").contains("<li><a epub:type=\"cover\" href=\"cover.xhtml\">Cover</a></li>"));
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(entryBytes(epub, "OEBPS/cover.png")));
        assertEquals(1600, img.getWidth());
        assertEquals(2400, img.getHeight());
        assertTrue(opf.contains("<meta property=\"schema:accessMode\">visual</meta>"));
        EpubValidator.Result r = EpubValidator.validate(epub);
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void printCoverIsOnePageOfTheTrimSizeAndConformsToPdfUaAndPdfA() throws Exception {
        Path pdf = small("a-small-test-book-cover.pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals(List.of(), PdfValidator.pdfUa(bytes), "PDF/UA-1");
        assertEquals(List.of(), PdfValidator.pdfA2u(bytes), "PDF/A-2u");
        try (PdfInspect p = new PdfInspect(pdf)) {
            assertEquals(1, p.pages());
            PDPage page = p.doc.getPage(0);
            assertEquals(595.28f, page.getMediaBox().getWidth(), 0.5f, "A4, as the small book's manifest says");
            assertEquals(841.89f, page.getMediaBox().getHeight(), 0.5f);
            List<String> alts = new ArrayList<>();
            collectAlt(p.doc.getDocumentCatalog().getStructureTreeRoot(), alts);
            assertEquals(List.of("Cover of A Small Test Book: Every convention once, by Test Author, Second Author"), alts);
        }
        try (PdfInspect book = new PdfInspect(small("a-small-test-book.pdf"))) {
            assertEquals("i", book.labels()[0], "the book's PDF does not open on the cover: its numbering is unchanged");
        }
    }

    private static void collectAlt(PDStructureNode node, List<String> out) {
        if (node == null) return;
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if (e.getAlternateDescription() != null) out.add(e.getAlternateDescription());
                collectAlt(e, out);
            }
        }
    }

    @Test
    void twoBuildsGiveTheSameCoverBytes() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("src"));
        Builds.build(manifest, tmp.resolve("out"), Set.of("epub", "pdf"));
        for (String f : List.of("a-small-test-book.epub", "a-small-test-book-cover.pdf")) {
            assertArrayEquals(Files.readAllBytes(small(f)), Files.readAllBytes(tmp.resolve("out").resolve(f)), f);
        }
    }

    @Test
    void instructorsJpegCoverIsUsedUnchanged() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("src"));
        BufferedImage own = new BufferedImage(1600, 2400, BufferedImage.TYPE_INT_RGB);
        var g = own.createGraphics();
        g.setColor(new java.awt.Color(20, 60, 120));
        g.fillRect(0, 0, 1600, 2400);
        g.dispose();
        Path jpg = tmp.resolve("src/cover.jpg");
        ImageIO.write(own, "jpeg", jpg.toFile());
        var result = Builds.build(manifest, tmp.resolve("out"), Set.of("epub", "pdf"));
        assertEquals(List.of(), result.diagnostics());
        Path epub = tmp.resolve("out/a-small-test-book.epub");
        assertArrayEquals(Files.readAllBytes(jpg), entryBytes(epub, "OEBPS/cover.jpg"));
        assertTrue(entry(epub, "OEBPS/package.opf").contains(
                "<item id=\"cover-image\" href=\"cover.jpg\" media-type=\"image/jpeg\" properties=\"cover-image\"/>"));
        assertTrue(entry(epub, "OEBPS/cover.xhtml").contains("src=\"cover.jpg\""));
        EpubValidator.Result r = EpubValidator.validate(epub);
        assertTrue(r.clean(), r.toString());
        byte[] cover = Files.readAllBytes(tmp.resolve("out/a-small-test-book-cover.pdf"));
        assertEquals(List.of(), PdfValidator.pdfUa(cover), "PDF/UA-1");
        assertEquals(List.of(), PdfValidator.pdfA2u(cover), "PDF/A-2u");
    }

    @Test
    void manifestCoverKeyNamesTheImageAndBadCoversAreReportedAtTheirLine() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("src"));
        String yaml = Files.readString(manifest);
        Files.writeString(manifest, yaml.replace("page-size: a4\n", "page-size: a4\ncover: images/front.png\n"));
        int line = (int) yaml.substring(0, yaml.indexOf("page-size: a4")).lines().count() + 2;
        BuildException missing = assertThrows(BuildException.class,
                () -> Builds.build(manifest, tmp.resolve("out"), Set.of("epub")));
        Diagnostic d = only(missing.diagnostics());
        assertEquals(line, d.pos().line(), d.format());
        assertEquals(8, d.pos().column(), d.format());
        assertTrue(d.message().contains("images/front.png") && d.message().contains("does not exist"), d.format());

        BufferedImage small = new BufferedImage(400, 600, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(small, "png", tmp.resolve("src/images/front.png").toFile());
        var result = Builds.build(manifest, tmp.resolve("out"), Set.of("epub"));
        Diagnostic w = only(result.diagnostics());
        assertFalse(w.isError());
        assertTrue(w.message().contains("400×600"), w.format());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("src/images/front.png")),
                entryBytes(tmp.resolve("out/a-small-test-book.epub"), "OEBPS/cover.png"));

        Files.writeString(manifest, yaml.replace("page-size: a4\n", "page-size: a4\ncover: images/square.svg\n"));
        BuildException svg = assertThrows(BuildException.class, () -> Builds.build(manifest, tmp.resolve("out"), Set.of("epub")));
        assertTrue(only(svg.diagnostics()).message().contains("must be a PNG or JPEG"), svg.getMessage());
    }

    @Test
    void twoCoverImagesInTheFolderAreAnError() throws Exception {
        Path manifest = Builds.copyBook("small", tmp.resolve("src"));
        BufferedImage img = new BufferedImage(1600, 2400, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", tmp.resolve("src/cover.png").toFile());
        ImageIO.write(img, "jpeg", tmp.resolve("src/cover.jpg").toFile());
        BuildException e = assertThrows(BuildException.class, () -> Builds.build(manifest, tmp.resolve("out"), Set.of("epub")));
        Diagnostic d = only(e.diagnostics());
        assertEquals(manifest.toAbsolutePath().normalize(), d.pos().file().toAbsolutePath().normalize());
        assertTrue(d.message().contains("cover.png, cover.jpg"), d.format());
        assertTrue(d.hint().contains("cover:"), d.format());
    }

    private static Diagnostic only(List<Diagnostic> ds) {
        assertEquals(1, ds.size(), ds.toString());
        return ds.get(0);
    }
}
