package org.coursebook.render.cover;

import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Asset;
import org.coursebook.model.Book;
import org.coursebook.model.BookMeta;
import org.coursebook.model.PageSize;
import org.coursebook.render.Fonts;
import org.coursebook.render.Output;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Styles;
import org.coursebook.render.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CoverArtTest {
    static final Fonts FONTS = new Fonts();
    @TempDir
    Path tmp;

    static BookMeta meta(String title, String subtitle, List<String> authors, PageSize size) {
        return new BookMeta(title, subtitle, authors, "en", "urn:uuid:0e7b7f7a-3d55-4c61-8a0f-1b2c3d4e5f60", "", "",
                LocalDate.of(2026, 9, 1), "", size, PageSize.LETTER);
    }

    Book book(BookMeta meta) {
        return new Book(meta, tmp, List.of(), List.of(), List.of());
    }

    RenderContext ctx(Diagnostics diag) throws IOException {
        return new RenderContext(new Output(tmp.resolve("out")), new Templates(Path.of("styles/templates")),
                new Styles(Path.of("styles")), FONTS, Instant.parse("2026-09-01T00:00:00Z"), diag);
    }

    static void keep(String name, byte[] png) throws IOException {
        Path dir = Path.of("target/cover-test");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), png);
    }

    @Test
    void generatedCoverIsA1600By2400PngWithoutTimeStampAndTheSameEveryTime() throws Exception {
        Book b = book(meta("Soviet Russia", "A Course on the Soviet Period, 1917–1991", List.of("The Coursebook Authors"), PageSize.LETTER));
        CoverArt.Image first = new CoverArt().ebook(b, ctx(new Diagnostics()));
        keep("soviet-russia.png", first.bytes());
        assertEquals("image/png", first.mediaType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(first.bytes()));
        assertEquals(1600, img.getWidth());
        assertEquals(2400, img.getHeight());
        assertEquals(List.of("IHDR", "IDAT", "IEND"), chunkTypes(first.bytes()).stream().distinct().toList(),
                "no time stamp, text or other metadata chunks");
        CoverArt.Image again = new CoverArt().ebook(b, ctx(new Diagnostics()));
        assertArrayEquals(first.bytes(), again.bytes(), "a fresh drawing gives the same bytes");
    }

    @Test
    void cyrillicTitleIsDrawnWithRealGlyphs() throws Exception {
        Diagnostics diag = new Diagnostics();
        CoverArt art = new CoverArt();
        String cyrillic = "Советская Россия";
        byte[] ru = art.ebook(book(meta(cyrillic, "Курс лекций", List.of("Анна Иванова"), PageSize.LETTER)), ctx(diag)).bytes();
        keep("cyrillic.png", ru);
        assertEquals(List.of(), diag.all(), "Liberation has every Cyrillic letter");
        // Letters the fonts lack all look alike (an empty glyph); real Cyrillic letters differ from each other.
        byte[] other = art.ebook(book(meta("Российская Совет", "Курс лекций", List.of("Анна Иванова"), PageSize.LETTER)), ctx(diag)).bytes();
        assertFalse(Arrays.equals(ru, other), "different Cyrillic titles must look different");
        String missing = "\u4e2d".repeat(cyrillic.length());
        Diagnostics diag2 = new Diagnostics();
        byte[] none = art.ebook(book(meta(missing, "Курс лекций", List.of("Анна Иванова"), PageSize.LETTER)), ctx(diag2)).bytes();
        String other2 = "\u6587".repeat(cyrillic.length());
        byte[] none2 = art.ebook(book(meta(other2, "Курс лекций", List.of("Анна Иванова"), PageSize.LETTER)), ctx(new Diagnostics())).bytes();
        assertArrayEquals(none, none2, "characters without a glyph all draw the same (nothing)");
        assertFalse(Arrays.equals(ru, none));
        List<Diagnostic> warnings = diag2.all();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("cannot show '中'"), warnings.toString());
        assertTrue(warnings.get(0).hint().contains("cover.png"));
    }

    @Test
    void printCoverHasThePageProportionsAt300Dpi() throws Exception {
        Book b = book(meta("Soviet Russia", "A Course on the Soviet Period, 1917–1991", List.of("The Coursebook Authors"), PageSize.LETTER));
        CoverArt.Image p = new CoverArt().print(b, ctx(new Diagnostics()));
        keep("print-letter.png", p.bytes());
        assertEquals(2550, p.width());
        assertEquals(3300, p.height());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(p.bytes()));
        assertEquals(2550, img.getWidth());
        assertEquals(3300, img.getHeight());
    }

    @Test
    void longTitleIsSetSmallerOnMoreLinesWithinTheMargins() throws Exception {
        CoverText t = new CoverText(FONTS);
        CoverText.Fitted shortTitle = t.fit("Soviet Russia", "Liberation Sans", 700, "normal", 820, 150, 64, 4);
        assertEquals(150, shortTitle.size());
        assertEquals(List.of("Soviet", "Russia"), shortTitle.lines());
        String longTitle = "The Political Economy of Late Socialism in the Soviet Union and Eastern Europe after Stalin";
        CoverText.Fitted l = t.fit(longTitle, "Liberation Sans", 700, "normal", 820, 150, 64, 4);
        assertTrue(l.size() < 150 && l.size() >= 64, "size " + l.size());
        assertTrue(l.lines().size() <= 4, l.lines().toString());
        assertEquals(longTitle, String.join(" ", l.lines()));
        java.awt.Font f = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT,
                new ByteArrayInputStream(FONTS.bytes(Fonts.FACES.get(6)))).deriveFont((float) l.size());
        for (String line : l.lines()) {
            double w = f.getStringBounds(line, new java.awt.font.FontRenderContext(null, true, true)).getWidth();
            assertTrue(w <= 820, line + " is " + w + " wide");
        }
        keep("long-title.png", new CoverArt().ebook(book(meta(longTitle, "With a subtitle that is also rather long, to see how the lines break and balance",
                List.of("First Author", "Second Author", "Third Author"), PageSize.LETTER)), ctx(new Diagnostics())).bytes());
    }

    @Test
    void instructorsCoverIsUsedAsItIsAndCroppedToThePageForPrint() throws Exception {
        BufferedImage own = new BufferedImage(1200, 1800, BufferedImage.TYPE_INT_RGB);
        var g = own.createGraphics();
        g.setColor(java.awt.Color.BLUE);
        g.fillRect(0, 0, 1200, 1800);
        g.setColor(java.awt.Color.YELLOW);
        g.fillRect(0, 0, 1200, 100); // trimmed off: 2:3 is taller than the page
        g.fillRect(0, 0, 60, 1800); // kept: the image is scaled to the page's width
        g.dispose();
        Path file = tmp.resolve("cover.png");
        ImageIO.write(own, "png", file.toFile());
        Asset asset = new Asset(file, "images/cover.png", "image/png", SourcePos.of(file));
        Book b = book(meta("Soviet Russia", "", List.of("A"), PageSize.LETTER).withCover(asset));
        CoverArt art = new CoverArt();
        CoverArt.Image e = art.ebook(b, ctx(new Diagnostics()));
        assertArrayEquals(Files.readAllBytes(file), e.bytes(), "the instructor's file, unchanged");
        assertEquals(1200, e.width());
        assertEquals(1800, e.height());
        CoverArt.Image p = art.print(b, ctx(new Diagnostics()));
        BufferedImage printed = ImageIO.read(new ByteArrayInputStream(p.bytes()));
        assertEquals(2550, printed.getWidth());
        assertEquals(3300, printed.getHeight());
        // 2:3 on an 8.5 × 11 in page: scaled to the page's width, trimmed equally at the top and bottom
        assertEquals(java.awt.Color.BLUE.getRGB(), printed.getRGB(1275, 20), "the top band is trimmed off");
        assertEquals(java.awt.Color.YELLOW.getRGB(), printed.getRGB(30, 1650), "the left band stays");
        assertEquals(java.awt.Color.BLUE.getRGB(), printed.getRGB(1275, 3280));
    }

    @Test
    void coverDrawnWhileTheChaptersAreReadIsTheOneTheBookGets() throws Exception {
        BookMeta m = meta("Soviet Russia", "A Course on the Soviet Period, 1917–1991", List.of("The Coursebook Authors"), PageSize.LETTER);
        Book outline = book(m);
        Book full = new Book(m, tmp, List.of(), List.of(chapter()), List.of());
        CoverArt art = new CoverArt();
        RenderContext ctx = ctx(new Diagnostics());
        art.prefetch(outline, ctx, true, true);
        CoverArt.Image e = art.ebook(full, ctx);
        CoverArt.Image p = art.print(full, ctx);
        assertEquals(2, art.drawings(), "the e-book and print covers drawn in the background are used, not drawn again");
        assertArrayEquals(new CoverArt().ebook(full, ctx(new Diagnostics())).bytes(), e.bytes());
        assertArrayEquals(new CoverArt().print(full, ctx(new Diagnostics())).bytes(), p.bytes());
        assertEquals(new CoverArt.Size("image/png", 1600, 2400), art.ebookSize(full));
        assertEquals(e.size(), art.ebookSize(full));
    }

    @Test
    void aTemplateThatShowsTheChaptersGetsACoverDrawnForTheWholeBook() throws Exception {
        Path styles = tmp.resolve("styles");
        Files.createDirectories(styles.resolve("templates"));
        String builtIn;
        try (var in = CoverArt.class.getResourceAsStream("/templates/cover.svg.ftl")) {
            builtIn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(styles.resolve("templates/cover.svg.ftl"), builtIn.replace("</svg>",
                "<text x=\"90\" y=\"1400\" font-family=\"Liberation Sans\" font-size=\"60\">${book.chapters()?size} lectures</text>\n</svg>"));
        RenderContext ctx = new RenderContext(new Output(tmp.resolve("out")), new Templates(styles.resolve("templates")),
                new Styles(Path.of("styles")), FONTS, Instant.parse("2026-09-01T00:00:00Z"), new Diagnostics());
        BookMeta m = meta("Soviet Russia", "", List.of("A"), PageSize.LETTER);
        CoverArt art = new CoverArt();
        CoverArt.Image forOutline = art.ebook(book(m), ctx);
        art.prefetch(book(m), ctx, true, false);
        Book full = new Book(m, tmp, List.of(), List.of(chapter()), List.of());
        CoverArt.Image forBook = art.ebook(full, ctx);
        assertEquals(2, art.drawings(), "a drawing made for the outline is not used for a book whose cover shows more");
        assertFalse(Arrays.equals(forOutline.bytes(), forBook.bytes()));
    }

    @Test
    void aDrawingAheadThatFailsKeepsItsFailureAndTheRendererReportsItsOwn() throws Exception {
        Path styles = tmp.resolve("styles");
        Files.createDirectories(styles.resolve("templates"));
        // fails for the outline (no chapters yet), works for the finished book
        Files.writeString(styles.resolve("templates/cover.svg.ftl"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"${pixelWidth?c}\" height=\"${pixelHeight?c}\" viewBox=\"0 0 10 15\">"
                        + "<title>${book.chapters()[0].title()}</title><rect width=\"10\" height=\"15\" fill=\"#336\"/></svg>\n");
        RenderContext ctx = new RenderContext(new Output(tmp.resolve("out")), new Templates(styles.resolve("templates")),
                new Styles(Path.of("styles")), FONTS, Instant.parse("2026-09-01T00:00:00Z"), new Diagnostics());
        BookMeta m = meta("Soviet Russia", "", List.of("A"), PageSize.LETTER);
        CoverArt art = new CoverArt();
        art.prefetch(book(m), ctx, true, false);
        java.util.concurrent.CompletionException failed = assertThrows(java.util.concurrent.CompletionException.class,
                () -> art.ahead().join());
        assertInstanceOf(org.coursebook.diag.BuildException.class, failed.getCause(), "kept, not dropped");
        Book full = new Book(m, tmp, List.of(), List.of(chapter()), List.of());
        assertEquals(1600, art.ebook(full, ctx).width(), "the renderer draws for the finished book itself");
        // a template that fails for the finished book too: the renderer's call reports it, as a source error
        org.coursebook.diag.BuildException e = assertThrows(org.coursebook.diag.BuildException.class,
                () -> art.print(book(m), ctx));
        assertTrue(e.diagnostics().get(0).pos().file().endsWith("cover.svg.ftl"), e.getMessage());
    }

    @Test
    void sizeOfTheInstructorsCoverIsReadWithoutDrawingIt() throws Exception {
        Path file = tmp.resolve("cover.jpg");
        ImageIO.write(new BufferedImage(1000, 1500, BufferedImage.TYPE_INT_RGB), "jpg", file.toFile());
        Asset asset = new Asset(file, "images/cover.jpg", "image/jpeg", SourcePos.of(file));
        Book b = book(meta("T", "", List.of("A"), PageSize.LETTER).withCover(asset));
        CoverArt art = new CoverArt();
        assertEquals(new CoverArt.Size("image/jpeg", 1000, 1500), art.ebookSize(b));
        assertEquals(art.ebookSize(b), art.ebook(b, ctx(new Diagnostics())).size());
        assertEquals(0, art.drawings());
    }

    private org.coursebook.model.Chapter chapter() {
        return new org.coursebook.model.Chapter(org.coursebook.model.Chapter.Kind.CHAPTER, 1, "one", "one.md", SourcePos.of(tmp.resolve("one.md"), 1),
                "One", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static List<String> chunkTypes(byte[] png) throws IOException {
        List<String> out = new ArrayList<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(png));
        in.skipNBytes(8);
        while (in.available() > 0) {
            int len = in.readInt();
            byte[] type = new byte[4];
            in.readFully(type);
            out.add(new String(type, java.nio.charset.StandardCharsets.US_ASCII));
            in.skipNBytes(len + 4L);
        }
        return out;
    }
}
