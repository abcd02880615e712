package org.coursebook.render.pdf;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.Diagnostic;
import org.coursebook.model.PageSize;
import org.coursebook.read.BookReader;
import org.coursebook.render.Renderers;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.PdfValidator;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Tables wider than the page keep every column (issue 11, case 07): in print they are set in smaller type, or on
 * a landscape page with the running heads and folios, and a warning names the table when its type would fall below
 * 7 pt; every cell's text is in the PDF and inside the text block (openhtmltopdf cuts off silently what passes
 * the page's edge); in the EPUB each table is in a labelled region that scrolls sideways.
 */
class WideTablesTest {
    static final Path CASE = Path.of("src/test/resources/cases/07-wide-table");
    static final Pattern ROW = Pattern.compile("(?m)^\\| (North|South|Volga) \\|(.*)\\|$");
    private static final BuildPipeline PIPELINE = new BuildPipeline(Renderers.all(), s -> {});

    @TempDir
    Path tmp;

    /** The case as it came: an A4 page, the 20 columns set upright in smaller type; nothing lost, nothing warned. */
    @Test
    void case07TwentyColumnsAreAllInThePdfAndTheEpubScrolls() throws Exception {
        Path manifest = copyCase(tmp.resolve("src"));
        BuildPipeline.Result r = build(manifest, tmp.resolve("out"), null, Set.of("epub", "pdf"));
        assertEquals(List.of(), r.diagnostics(), "no warnings: the table fits in smaller type");

        Path pdf = tmp.resolve("out/notes-on-grain.pdf");
        try (PdfInspect in = new PdfInspect(pdf)) {
            String text = in.allText();
            assertTrue(text.contains("Region 1913 1914 1915 1916 1917 1918 1919 1920 1921 1922 1923 1924 1925 1926 1927 "
                    + "1928 1929 1930 Mean"), "the header row, every column:\n" + text);
            int numbers = 0;
            Matcher m = ROW.matcher(Files.readString(manifest.resolveSibling("01-chapter.md")));
            while (m.find()) {
                List<String> cells = Stream.of(m.group(2).split("\\|")).map(String::strip).toList();
                assertEquals(19, cells.size());
                numbers += cells.size();
                assertTrue(text.contains(m.group(1) + " " + String.join(" ", cells)), m.group(1) + "'s row whole:\n" + text);
            }
            assertEquals(57, numbers, "three rows of eighteen years and a mean");
            for (int y = 1925; y <= 1930; y++) assertTrue(text.contains(" " + y + " "), y + " is a column");
            assertTrue(text.contains(" Mean\n") || text.contains(" Mean\r\n"), "Mean is a column");
            assertTrue(uprightPagesOnly(in), "the table fits an upright page");
            assertEquals(List.of(), glyphsOutsideTheTextBlock(in, PageSize.A4));
        }
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals(List.of(), PdfValidator.pdfUa(bytes));
        assertEquals(List.of(), PdfValidator.pdfA2u(bytes));

        Path epub = tmp.resolve("out/notes-on-grain.epub");
        String chapter = entry(epub, "OEBPS/01-chapter.xhtml");
        assertTrue(chapter.contains("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table 1.1 Harvests by region, "
                + "1913–1930 (million tonnes, invented figures)\"><table>"), chapter);
        assertTrue(chapter.contains("</table></div>"), "the region holds the whole table");
        assertTrue(chapter.contains("<th class=\"align-right\">Mean</th>"), "every column is in the EPUB");
        assertTrue(entry(epub, "OEBPS/css/epub.css").matches("(?s).*\\.table-wrap \\{[^}]*overflow-x: auto;.*"),
                "the region scrolls sideways");
        EpubValidator.Result check = EpubValidator.validate(epub);
        assertTrue(check.clean(), check.toString());

        // In a reader 800 pixels wide (the report's epub.js test) the page does not run off the screen: the
        // region does, and scrolls to its last column.
        Path unpacked = tmp.resolve("epub");
        try (ZipFile z = new ZipFile(epub.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                if (e.isDirectory()) continue;
                Path t = unpacked.resolve(e.getName());
                Files.createDirectories(t.getParent());
                Files.write(t, z.getInputStream(e).readAllBytes());
            }
        }
        String probe = UrlsAndImagesTest.probe(unpacked, "OEBPS/01-chapter.xhtml", 800, """
                var d = frame.contentDocument, w = d.querySelector('.table-wrap'), t = w.querySelector('table');
                var last = t.querySelector('tr:last-child td:last-child');
                w.scrollLeft = w.scrollWidth;
                return {page: d.documentElement.clientWidth, content: d.documentElement.scrollWidth,
                  wrapRight: Math.ceil(w.getBoundingClientRect().right), wrapWidth: w.clientWidth, scrollWidth: w.scrollWidth,
                  lastCellRight: Math.floor(last.getBoundingClientRect().right), lastCell: last.textContent};
                """);
        Matcher pm = Pattern.compile("\"page\":(\\d+),\"content\":(\\d+),\"wrapRight\":(\\d+),\"wrapWidth\":(\\d+),"
                + "\"scrollWidth\":(\\d+),\"lastCellRight\":(-?\\d+),\"lastCell\":\"12.5\"").matcher(probe);
        assertTrue(pm.find(), probe);
        int pageWidth = Integer.parseInt(pm.group(1));
        assertEquals(pageWidth, Integer.parseInt(pm.group(2)), "the page itself does not scroll sideways: " + probe);
        assertTrue(Integer.parseInt(pm.group(3)) <= pageWidth, "the region ends inside the page: " + probe);
        assertTrue(Integer.parseInt(pm.group(5)) > Integer.parseInt(pm.group(4)), "the region scrolls: " + probe);
        assertTrue(Integer.parseInt(pm.group(6)) <= Integer.parseInt(pm.group(3)), "scrolled, the last column is in view: " + probe);
    }

    /**
     * On a trade page the same table is too wide even in 7 pt type: it gets a landscape page of its own, with its
     * section heading, the running head and the folio, and the text goes on upright after it.
     */
    @Test
    void onATradePageTheTableGetsALandscapePageWithRunningHeadAndFolio() throws Exception {
        Path manifest = copyCase(tmp.resolve("src"));
        BuildPipeline.Result r = build(manifest, tmp.resolve("out"), PageSize.TRADE, Set.of("pdf"));
        assertEquals(List.of(), r.diagnostics(), "9 pt type fits the landscape page: no warning");
        try (PdfInspect in = new PdfInspect(tmp.resolve("out/notes-on-grain.pdf"))) {
            int landscape = landscapePage(in);
            assertTrue(landscape > 0, "a landscape page");
            String page = in.text(landscape);
            assertTrue(page.contains("Region 1913 1914 1915 1916 1917 1918 1919 1920 1921 1922 1923 1924 1925 1926 1927 "
                    + "1928 1929 1930 Mean"), page);
            assertTrue(page.contains("Eighteen harvests"), "the section heading goes with its table:\n" + page);
            assertTrue(page.contains("Notes on Grain"), "the running head (a left-hand page: the book's title):\n" + page);
            String[] labels = in.labels();
            assertTrue(page.strip().lines().anyMatch(l -> l.strip().equals(labels[landscape])),
                    "the folio " + labels[landscape] + ":\n" + page);
            assertTrue(in.text(landscape + 1).contains("The last column gives the mean"), "the text goes on after the table");
            PDPage after = in.doc.getPage(landscape + 1);
            assertTrue(after.getMediaBox().getHeight() > after.getMediaBox().getWidth(), "upright again after the table");
            assertEquals(List.of(), glyphsOutsideTheTextBlock(in, PageSize.TRADE));
        }
    }

    /**
     * The variant in the case's EXPECTED.md: twelve columns whose first cells are long words that cannot break
     * (Northern_Black_Earth_Agricultural_District) lost their last two columns. They break after an underscore
     * now, in print and in the EPUB, and every column is there.
     */
    @Test
    void longUnbreakableWordsInTheFirstColumnBreakAfterUnderscores() throws Exception {
        String[] regions = {"Northern_Black_Earth_Agricultural_District", "Southern_Steppe_Grain_Producing_Territory",
                "Middle_Volga_Collective_Farm_Region"};
        TestBook book = TestBook.create(tmp.resolve("src")).file("ch.md", chapter(regions, 10));
        BuildPipeline.Result r = build(tmp.resolve("src/book.yaml"), tmp.resolve("out"), PageSize.A4, Set.of("epub", "pdf"));
        assertEquals(List.of(), r.diagnostics());
        try (PdfInspect in = new PdfInspect(tmp.resolve("out/test-book.pdf"))) {
            String text = in.allText();
            assertTrue(text.contains("Region 1913 1914 1915 1916 1917 1918 1919 1920 1921 1922 Mean"), text);
            String joined = text.replaceAll("\\s+", "");
            for (String region : regions) assertTrue(joined.contains(region), region + " whole, if on two lines");
            for (int row = 0; row < regions.length; row++) assertTrue(text.contains(numbers(row, 11)), "row " + row + ":\n" + text);
            // on two or more lines, each break right after an underscore, with no hyphen added
            assertTrue(java.util.regex.Pattern.compile("Northern_(\\R?)Black_(\\R?)Earth_(\\R?)Agricultural_(\\R?)District").matcher(text).find()
                    && !text.contains("Northern_Black_Earth_Agricultural_District"), "broken after an underscore, with no hyphen:\n" + text);
            assertEquals(List.of(), glyphsOutsideTheTextBlock(in, PageSize.A4));
        }
        String chapter = entry(tmp.resolve("out/test-book.epub"), "OEBPS/ch.xhtml");
        assertTrue(chapter.contains("<td>Northern_<wbr />Black_<wbr />Earth_<wbr />Agricultural_<wbr />District</td>"), chapter);
        assertNotNull(book);
    }

    /**
     * Forty columns do not fit even a landscape A4 page in 7 pt type: the table is set there in the type that fits,
     * every cell whole, and the build warns at the table's line with the column whose word is longest.
     */
    @Test
    void aTableTooWideForSevenPointTypeIsSetSmallerOnALandscapePageWithAWarning() throws Exception {
        String[] regions = {"North", "South", "Volga"};
        TestBook.create(tmp.resolve("src")).file("ch.md", chapter(regions, 38));
        BuildPipeline.Result r = build(tmp.resolve("src/book.yaml"), tmp.resolve("out"), PageSize.A4, Set.of("pdf"));
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        Diagnostic d = r.diagnostics().get(0);
        assertFalse(d.isError());
        assertEquals(tmp.resolve("src/ch.md").toAbsolutePath().normalize(), d.pos().file().toAbsolutePath().normalize());
        assertEquals(11, d.pos().line(), "the table's first line");
        assertTrue(d.message().startsWith("the table is too wide for the page: its 40 columns fit a landscape page only in "), d.message());
        assertTrue(d.message().matches(".* [56]\\.\\d pt type, smaller than the 7 pt that is legible in print"), d.message());
        assertTrue(d.hint().contains("split it into two tables") && d.hint().contains("column 1: 'Region'"), d.hint());

        Path pdf = tmp.resolve("out/test-book.pdf");
        try (PdfInspect in = new PdfInspect(pdf)) {
            int landscape = landscapePage(in);
            assertTrue(landscape > 0, "a landscape page");
            String page = in.text(landscape);
            StringBuilder header = new StringBuilder("Region");
            for (int y = 1913; y < 1913 + 38; y++) header.append(' ').append(y);
            assertTrue(page.contains(header + " Mean"), page);
            for (int row = 0; row < regions.length; row++) {
                assertTrue(page.contains(regions[row] + " " + numbers(row, 39)), "row " + row + ":\n" + page);
            }
            assertEquals(List.of(), glyphsOutsideTheTextBlock(in, PageSize.A4));
        }
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals(List.of(), PdfValidator.pdfUa(bytes), "PDF/UA-1 with a landscape page");
        assertEquals(List.of(), PdfValidator.pdfA2u(bytes), "PDF/A-2u with a landscape page");
    }

    /** {@code check} gives the same warning, without drawing the book. */
    @Test
    void checkWarnsAboutTheTableToo() {
        TestBook.create(tmp.resolve("src")).file("ch.md", chapter(new String[] {"North"}, 38));
        org.coursebook.diag.Diagnostics diag = new org.coursebook.diag.Diagnostics();
        new BuildPipeline(List.of(), s -> {}).check(new BuildOptions(tmp.resolve("src/book.yaml"), tmp.resolve("out"), Set.of(),
                null, PageSize.A4, null, BookReader.Limits.defaults(), List.of()), diag, java.util.Map.of());
        assertEquals(1, diag.all().size(), diag.all().toString());
        assertEquals(11, diag.all().get(0).pos().line());
        assertTrue(diag.all().get(0).message().startsWith("the table is too wide for the page"), diag.all().toString());
        assertFalse(Files.exists(tmp.resolve("out")), "check writes nothing");
    }

    /** A four-column table is left as the stylesheet sets it: the fitting touches only what needs it. */
    @Test
    void aTableThatFitsIsLeftAsItIs() {
        var table = (org.coursebook.model.Block.Table) org.coursebook.read.TreeBuilder.read("<table><thead><tr><th>Year</th><th>Steel</th><th>Coal</th>"
                + "<th>Oil</th></tr></thead><tbody><tr><td>1928</td><td>4.3</td><td>35.5</td><td>11.6</td></tr></tbody></table>",
                org.coursebook.diag.SourcePos.of(java.nio.file.Path.of("t.md")), new org.coursebook.diag.Diagnostics()).get(0);
        PageGeometry trade = PageGeometry.of(PageSize.TRADE);
        TableFit.Plan plan = TableFit.plan(TableFit.Columns.of(table), 9.24f, trade.textWidthPt() - 12, trade.wideTextWidthPt() - 12);
        assertEquals(TableFit.Layout.AS_IS, plan.layout());
    }

    // ---- helpers

    static Path copyCase(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : List.of("book.yaml", "01-chapter.md")) Files.copy(CASE.resolve(f), dir.resolve(f));
        return dir.resolve("book.yaml");
    }

    static BuildPipeline.Result build(Path manifest, Path out, PageSize size, Set<String> formats) throws IOException {
        return PIPELINE.build(new BuildOptions(manifest, out, formats, Builds.FIXED_TIME, size, null,
                BookReader.Limits.defaults(), List.of()));
    }

    /** A chapter with one table: a Region column, {@code years} year columns from 1913, and a Mean column. */
    static String chapter(String[] regions, int years) {
        StringBuilder md = new StringBuilder("""
                ---
                title: Harvests
                lecture:
                  - Harvests varied.
                ---

                Harvest figures are easiest to compare in one table.

                ## By region

                """);
        md.append("| Region |");
        for (int y = 0; y < years; y++) md.append(' ').append(1913 + y).append(" |");
        md.append(" Mean |\n|---|").append("---:|".repeat(years + 1)).append('\n');
        for (int row = 0; row < regions.length; row++) {
            md.append("| ").append(regions[row]).append(" | ").append(numbers(row, years + 1).replace(" ", " | ")).append(" |\n");
        }
        return md.append("[Harvests by region]\n\nThe last column gives the mean.\n").toString();
    }

    /** The numbers of a row: one decimal, different in every cell. */
    static String numbers(int row, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(String.format(Locale.ROOT, "%.1f", 5 + ((row * 37 + i * 13) % 130) / 10.0));
        return String.join(" ", out);
    }

    static boolean uprightPagesOnly(PdfInspect in) {
        for (PDPage p : in.doc.getPages()) if (p.getMediaBox().getWidth() > p.getMediaBox().getHeight()) return false;
        return true;
    }

    static int landscapePage(PdfInspect in) {
        for (int i = 0; i < in.pages(); i++) {
            PDPage p = in.doc.getPage(i);
            if (p.getMediaBox().getWidth() > p.getMediaBox().getHeight()) return i;
        }
        return -1;
    }

    /**
     * Every glyph drawn between the top and bottom margins (so not the running heads and folios) that reaches past
     * the left or right edge of the text block: text that openhtmltopdf has cut off, or half cut off.
     */
    static List<String> glyphsOutsideTheTextBlock(PdfInspect in, PageSize size) throws IOException {
        PageGeometry g = PageGeometry.of(size);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < in.pages(); i++) {
            PDPage page = in.doc.getPage(i);
            float w = page.getMediaBox().getWidth(), h = page.getMediaBox().getHeight();
            boolean wide = w > h;
            boolean right = i % 2 == 0; // the first page is a right-hand page
            float left = PageGeometry.pt(wide ? g.bottom() : right ? g.inside() : g.outside());
            float rightEdge = w - PageGeometry.pt(wide ? g.top() : right ? g.outside() : g.inside());
            float top = PageGeometry.pt(wide ? g.inside() : g.top());
            float bottom = h - PageGeometry.pt(wide ? g.inside() : g.bottom());
            int index = i;
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition t : positions) {
                        float y = t.getYDirAdj();
                        if (y < top || y > bottom) continue;
                        float x0 = t.getXDirAdj(), x1 = x0 + t.getWidthDirAdj();
                        if (x0 < left - 0.5f || x1 > rightEdge + 0.5f) {
                            out.add(String.format(Locale.ROOT, "page %d: '%s' at %.1f–%.1f, text block %.1f–%.1f", index + 1,
                                    t.getUnicode(), x0, x1, left, rightEdge));
                        }
                    }
                }
            };
            s.setStartPage(i + 1);
            s.setEndPage(i + 1);
            s.getText(in.doc);
        }
        return out;
    }

    static String entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            var e = z.getEntry(name);
            assertNotNull(e, name + " in " + zip);
            return new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
