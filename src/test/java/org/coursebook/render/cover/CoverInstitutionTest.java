package org.coursebook.render.cover;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Asset;
import org.coursebook.model.Book;
import org.coursebook.model.BookMeta;
import org.coursebook.model.PageSize;
import org.coursebook.read.BookReader;
import org.coursebook.read.Institution;
import org.coursebook.read.Manifest;
import org.coursebook.read.ManifestReader;
import org.coursebook.render.Output;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Renderers;
import org.coursebook.render.Styles;
import org.coursebook.render.Templates;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/** The institution on the generated cover: the manifest's publisher and logo, and images a cover template names. */
class CoverInstitutionTest {
    static final String SVG_LOGO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100">
            <rect x="0" y="0" width="300" height="100" fill="#123c69"/><circle cx="50" cy="50" r="40" fill="#e0b04a"/>
            </svg>
            """;

    @TempDir
    Path tmp;

    /** A 400 × 160 PNG: a blue field with a yellow band, as a crest might be. */
    static byte[] pngLogo() throws Exception {
        BufferedImage img = new BufferedImage(400, 160, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x12, 0x3c, 0x69));
        g.fillRect(0, 0, 400, 160);
        g.setColor(new Color(0xe0, 0xb0, 0x4a));
        g.fillRect(0, 60, 400, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    Book book() {
        BookMeta meta = new BookMeta("Reading Old Maps", "A Two-Lecture Sample Course", List.of("Sample Author"), "en",
                "urn:uuid:0e7b7f7a-3d55-4c61-8a0f-1b2c3d4e5f60", "", "", LocalDate.of(2026, 9, 1), "", PageSize.A4, PageSize.A4);
        return new Book(meta, tmp, List.of(), List.of(), List.of());
    }

    RenderContext ctx(Path styles, Diagnostics diag, Institution inst) throws Exception {
        return new RenderContext(new Output(tmp.resolve("out")), new Templates(styles == null ? null : styles.resolve("templates")),
                new Styles(styles), CoverArtTest.FONTS, Instant.parse("2026-09-01T00:00:00Z"), diag, inst);
    }

    Asset asset(String name, String type) {
        return new Asset(tmp.resolve(name), name, type, SourcePos.of(tmp.resolve("book.yaml"), 9));
    }

    @Test
    void theLogoAndThePublisherAreDrawnOnTheEbookAndThePrintCover() throws Exception {
        Files.createDirectories(tmp.resolve("images"));
        Files.write(tmp.resolve("images/logo.png"), pngLogo());
        Files.writeString(tmp.resolve("images/logo.svg"), SVG_LOGO);
        Diagnostics diag = new Diagnostics();
        String publisher = "Department of Geography, Example University";
        CoverArt art = new CoverArt();

        byte[] plain = art.ebook(book(), ctx(null, diag, Institution.NONE)).bytes();
        RenderContext withPng = ctx(null, diag, new Institution(publisher, asset("images/logo.png", "image/png")));
        byte[] png = art.ebook(book(), withPng).bytes();
        RenderContext withSvg = ctx(null, diag, new Institution(publisher, asset("images/logo.svg", "image/svg+xml")));
        byte[] svg = art.ebook(book(), withSvg).bytes();
        byte[] nameOnly = art.ebook(book(), ctx(null, diag, new Institution(publisher, null))).bytes();
        CoverArtTest.keep("institution-png.png", png);
        CoverArtTest.keep("institution-svg.png", svg);
        assertEquals(List.of(), diag.all());
        assertFalse(Arrays.equals(plain, png), "the logo changes the cover");
        assertFalse(Arrays.equals(png, svg), "an SVG logo is drawn too");
        assertFalse(Arrays.equals(plain, nameOnly), "the publisher alone changes the cover");

        String drawn = art.svg(book(), withPng, 1600, 2400);
        assertTrue(drawn.contains("class=\"publisher\"") && drawn.contains(">Department of Geography,</text>")
                && drawn.contains(">Example University</text>"), "the publisher, in two lines beside the logo");
        assertTrue(drawn.contains("xlink:href=\"data:image/png;base64,"), "the logo is part of the SVG");

        // The logo's colour is in the drawing, at the foot of the cover, on the light plate.
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(hasColour(img, 0x123c69, 0, img.getHeight() * 3 / 4, img.getWidth() / 2, img.getHeight()), "the logo's blue");
        BufferedImage none = ImageIO.read(new ByteArrayInputStream(plain));
        assertFalse(hasColour(none, 0x123c69, 0, 0, none.getWidth(), none.getHeight()));

        byte[] print = art.print(book(), withPng).bytes();
        BufferedImage p = ImageIO.read(new ByteArrayInputStream(print));
        assertTrue(hasColour(p, 0x123c69, 0, p.getHeight() * 3 / 4, p.getWidth() / 2, p.getHeight()), "the print cover has it too");
    }

    static boolean hasColour(BufferedImage img, int rgb, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y += 2) {
            for (int x = x0; x < x1; x += 2) if ((img.getRGB(x, y) & 0xffffff) == rgb) return true;
        }
        return false;
    }

    @Test
    void theManifestsKeysReachTheEpubAndAMissingLogoIsAnErrorAtItsLine() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book"));
        b.bytes("images/crest.png", pngLogo());
        b.file("book.yaml", TestBook.MANIFEST + "publisher: Department of Geography\nlogo: images/crest.png\n");
        Path out = tmp.resolve("out-book");
        new BuildPipeline(Renderers.all(), s -> {}).build(new BuildOptions(b.manifest(), out, Set.of("epub"),
                Instant.parse("2026-09-01T00:00:00Z"), null, null, BookReader.Limits.defaults(), List.of()));
        Path epub = out.resolve("test-book.epub");
        try (ZipFile z = new ZipFile(epub.toFile())) {
            String opf = new String(z.getInputStream(z.getEntry("OEBPS/package.opf")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(opf.contains("<dc:publisher>Department of Geography</dc:publisher>"), opf);
        }
        EpubValidator.Result check = EpubValidator.validate(epub);
        assertTrue(check.clean(), check.toString());

        b.file("book.yaml", TestBook.MANIFEST + "publisher: Department of Geography\nlogo: images/nope.png\n");
        Diagnostics diag = new Diagnostics();
        new ManifestReader(diag).read(b.manifest());
        Diagnostic d = diag.all().get(0);
        assertEquals(b.manifest() + ":9:7: error: the image 'images/nope.png' does not exist", d.format().replaceFirst(" \\(hint:.*", ""));

        b.file("images/logo.gif", "GIF89a");
        b.file("book.yaml", TestBook.MANIFEST + "logo: images/logo.gif\n");
        Diagnostics gif = new Diagnostics();
        new ManifestReader(gif).read(b.manifest());
        assertTrue(gif.all().stream().anyMatch(x -> x.isError() && x.pos().line() == 8), gif.all().toString());
    }

    @Test
    void anImageFileNamedInACoverTemplateOfTheBooksOwnIsDrawnAndAMissingOneIsAnErrorAtItsLine() throws Exception {
        Files.createDirectories(tmp.resolve("images"));
        Files.write(tmp.resolve("images/crest.png"), pngLogo());
        Path styles = Files.createDirectories(tmp.resolve("styles/templates")).getParent();
        String builtIn;
        try (var in = CoverArt.class.getResourceAsStream("/templates/cover.svg.ftl")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path template = styles.resolve("templates/cover.svg.ftl");
        Files.writeString(template, builtIn.replace("</svg>",
                "<image x=\"90\" y=\"1200\" width=\"300\" height=\"120\" href=\"images/crest.png\"/>\n</svg>"));
        Diagnostics diag = new Diagnostics();
        CoverArt art = new CoverArt();
        byte[] with = art.ebook(book(), ctx(styles, diag, Institution.NONE)).bytes();
        assertEquals(List.of(), diag.all());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(with));
        assertTrue(hasColour(img, 0x123c69, 0, 0, img.getWidth(), img.getHeight()), "the template's image is drawn");

        String text = builtIn.replace("</svg>", "<image x=\"90\" y=\"1200\" width=\"300\" height=\"120\"\n"
                + "  xlink:href=\"images/missing.png\"/>\n</svg>");
        Files.writeString(template, text);
        Diagnostics missing = new Diagnostics();
        art.ebook(book(), ctx(styles, missing, Institution.NONE)); // drawn without it; the build then fails
        assertEquals(1, missing.all().size(), missing.all().toString());
        Diagnostic d = missing.all().get(0);
        long line = text.lines().takeWhile(l -> !l.contains("images/missing.png")).count() + 1;
        assertEquals(template + ":" + line + ":15: error: the image 'images/missing.png' does not exist",
                d.format().replaceFirst(" \\(hint:.*", ""));

        Files.writeString(template, builtIn.replace("</svg>", "<image href=\"https://example.org/crest.png\"/>\n</svg>"));
        Diagnostics remote = new Diagnostics();
        art.ebook(book(), ctx(styles, remote, Institution.NONE));
        assertTrue(remote.all().get(0).message().contains("is not a file in the book"), remote.all().toString());
    }

    @Test
    void aMissingImageInACoverTemplateFailsTheBuildWithTheTemplatesLineNotAnInternalError() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("book"));
        Path templates = Files.createDirectories(tmp.resolve("book/styles/templates"));
        String builtIn;
        try (var in = CoverArt.class.getResourceAsStream("/templates/cover.svg.ftl")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(templates.resolve("cover.svg.ftl"), builtIn.replace("</svg>", "<image href=\"images/logo.png\"/>\n</svg>"));
        BuildException e = assertThrows(BuildException.class, () -> new BuildPipeline(Renderers.all(), s -> {}).build(
                new BuildOptions(b.manifest(), tmp.resolve("out-b"), Set.of("epub"), Instant.parse("2026-09-01T00:00:00Z"),
                        null, null, BookReader.Limits.defaults(), List.of())));
        assertTrue(e.diagnostics().stream().anyMatch(d -> d.pos().file().endsWith("cover.svg.ftl") && d.pos().line() > 0
                && d.message().equals("the image 'images/logo.png' does not exist")), e.diagnostics().toString());
    }
}
