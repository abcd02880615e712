package org.coursebook.render.pdf;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.coursebook.build.BuildPipeline;
import org.coursebook.model.PageSize;
import org.coursebook.support.Chromium;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.PdfValidator;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Web addresses break only after / . ? & - =, with no hyphen, in print and in the EPUB; images wider or taller
 * than the text block are scaled down to it, and an author's {@code <img width>} is a maximum, never a stretch
 * (issue 11, part 2). The book is set on trade paper, the narrowest page, and read back from the PDF, with
 * EPUBCheck, and in headless Chromium on a phone-sized screen.
 */
class UrlsAndImagesTest {
    static final String DATA = "https://data.example.org/archive/harvests/regional-statistics/1913-1930/download?format=csv&encoding=utf-8";
    static final String ARCHIVE = "https://web.archive.org/web/20260101000000/https://data.example.org/archive/harvests/regional-statistics/";
    static final String LIST = "https://www.example.org/courses/statistics/2026/week-03/reading-list?format=pdf&lang=en";
    static final String CHAPTER = """
            ---
            title: Addresses and Pictures
            lecture:
              - See %3$s for the reading list.
            ---

            The data come from %1$s and were cleaned by hand.

            ## Links

            The same as a link: <%1$s>.

            A link with words: [the regional archive](%1$s) stays as words.

            A note about sources.[^1]

            ## Pictures

            ![A picture wider than the page](images/wide.png)

            ![A picture taller than the page](images/tall.png)

            A small picture with a width: <img src="images/small.png" width="300" alt="small"/> and a wide one limited: <img src="images/wide.png" width="200" alt="wide, limited"/>.

            ![A wide picture with a width](images/wide.png){width=120}

            [^1]: Archived at %2$s in January.
            """.formatted(DATA, ARCHIVE, LIST);

    static Path dir;
    static BuildPipeline.Result result;

    @BeforeAll
    static void build() throws Exception {
        dir = Path.of("target/urls-and-images");
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        TestBook.create(dir.resolve("src")).file("ch.md", CHAPTER)
                .bytes("images/wide.png", png(2000, 300)).bytes("images/tall.png", png(200, 3000)).bytes("images/small.png", png(100, 60));
        result = WideTablesTest.build(dir.resolve("src/book.yaml"), dir.resolve("out"), PageSize.TRADE, Set.of("epub", "pdf", "handouts"));
    }

    @Test
    void addressesBreakOnlyAfterTheirSeparatorsWithNoHyphenInPrint() throws Exception {
        assertEquals(List.of(), result.diagnostics());
        try (PdfInspect in = new PdfInspect(dir.resolve("out/test-book.pdf"))) {
            String text = visualText(in);
            assertEquals(2, assertBrokenOnlyAtSeparators(DATA, text, true), "in the paragraph and as a link: longer than a line");
            assertEquals(1, assertBrokenOnlyAtSeparators(ARCHIVE, text, true), "in the footnote");
            assertTrue(text.contains("the regional archive stays as words"), "a link with words keeps its words");
            assertEquals(List.of(), WideTablesTest.glyphsOutsideTheTextBlock(in, PageSize.TRADE), "no address runs into the margin");
        }
        try (PdfInspect in = new PdfInspect(dir.resolve("out/handouts/01-addresses-and-pictures.pdf"))) {
            assertEquals(1, assertBrokenOnlyAtSeparators(LIST, visualText(in), false), "the lecture point's address in the handout");
        }
    }

    @Test
    void imagesFitTheTextBlockAndAWidthIsAMaximumInPrint() throws Exception {
        PageGeometry page = PageGeometry.of(PageSize.TRADE);
        List<float[]> drawn = new ArrayList<>();
        try (PdfInspect in = new PdfInspect(dir.resolve("out/test-book.pdf"))) {
            for (PDPage p : in.doc.getPages()) drawn.addAll(images(p));
        }
        assertEquals(5, drawn.size(), "five images drawn");
        for (float[] wh : drawn) {
            assertTrue(wh[0] <= page.textWidthPt() + 0.5f, "at most the text block's width: " + wh[0] + " pt");
            assertTrue(wh[1] <= page.textHeightPt() + 0.5f, "at most the text block's height: " + wh[1] + " pt");
        }
        float[] wide = drawn.get(0), tall = drawn.get(1), small = drawn.get(2), limited = drawn.get(3), figure = drawn.get(4);
        assertEquals(page.textWidthPt() - 2 * TableFit.BODY_MARGIN_PT, wide[0], 1f, "the wide picture takes the column's width");
        assertEquals(2000f / 300f, wide[0] / wide[1], 0.05f, "and keeps its proportions");
        assertTrue(tall[1] < page.textHeightPt() && tall[1] > page.textHeightPt() - 60, "the tall picture takes the page's height: " + tall[1]);
        assertEquals(200f / 3000f, tall[0] / tall[1], 0.01f, "and keeps its proportions");
        assertEquals(75f, small[0], 0.5f, "width=300 on a 100-pixel picture does not stretch it (100 px = 75 pt)");
        assertEquals(150f, limited[0], 0.5f, "width=200 on a 2000-pixel picture limits it to 200 px = 150 pt");
        assertEquals(90f, figure[0], 0.5f, "{width=120} after a Markdown image: 120 px = 90 pt");
        assertEquals(List.of(), PdfValidator.pdfUa(Files.readAllBytes(dir.resolve("out/test-book.pdf"))));
    }

    @Test
    void theEpubHasBreakOpportunitiesAndNothingSticksOutOfAPhoneScreen() throws Exception {
        Path epub = dir.resolve("out/test-book.epub");
        EpubValidator.Result check = EpubValidator.validate(epub);
        assertTrue(check.clean(), check.toString());
        String chapter = WideTablesTest.entry(epub, "OEBPS/ch.xhtml");
        assertTrue(chapter.contains("<span class=\"url\">https://<wbr />data.<wbr />example.<wbr />org/<wbr />archive/"), chapter);
        assertTrue(chapter.contains("class=\"url\">https://<wbr />data."), "the autolink too");
        assertTrue(chapter.contains("<span class=\"img-max\" style=\"max-width: 300px\"><img src=\"images/small.png\" alt=\"small\" /></span>"), chapter);
        assertTrue(chapter.contains("<figure><span class=\"img-max\" style=\"max-width: 120px\"><img src=\"images/wide.png\""), chapter);

        Path unpacked = dir.resolve("epub");
        try (ZipFile z = new ZipFile(epub.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                Path t = unpacked.resolve(e.getName());
                if (e.isDirectory()) continue;
                Files.createDirectories(t.getParent());
                Files.write(t, z.getInputStream(e).readAllBytes());
            }
        }
        String probe = probe(unpacked, "OEBPS/ch.xhtml", 360, """
                var d = frame.contentDocument, imgs = [];
                d.querySelectorAll('img').forEach(function (i) { imgs.push(Math.round(i.getBoundingClientRect().width)); });
                return {page: d.documentElement.clientWidth, content: d.documentElement.scrollWidth, images: imgs.join(' ')};
                """);
        Matcher m = Pattern.compile("\"page\":(\\d+),\"content\":(\\d+),\"images\":\"(\\d+) (\\d+) (\\d+) (\\d+) (\\d+)\"").matcher(probe);
        assertTrue(m.find(), probe);
        int page = Integer.parseInt(m.group(1));
        assertEquals(page, Integer.parseInt(m.group(2)), "nothing is wider than a 360-pixel screen: " + probe);
        for (int i = 3; i <= 7; i++) assertTrue(Integer.parseInt(m.group(i)) <= page, probe);
        assertEquals(120, Integer.parseInt(m.group(7)), "{width=120} is the figure's width: " + probe);
        assertEquals(100, Integer.parseInt(m.group(5)), "width=300 does not stretch a 100-pixel picture: " + probe);
    }

    // ---- helpers

    /**
     * Loads {@code page} of an unpacked EPUB in a frame {@code width} pixels wide in headless Chromium and returns
     * what {@code script} (the body of a function of {@code frame}) returns, as JSON.
     */
    static String probe(Path unpacked, String page, int width, String script) throws IOException {
        Path html = unpacked.resolve("probe.html");
        Files.writeString(html, "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" src=\"" + page + "\" style=\"width:"
                + width + "px;height:800px;border:0\"></iframe><script>document.getElementById('f').onload = function () {"
                + "var frame = this; var out = (function (frame) {" + script + "})(frame);"
                + "var p = document.createElement('pre'); p.id = 'result'; p.textContent = JSON.stringify(out);"
                + "document.body.appendChild(p); };</script></body></html>");
        String dom = Chromium.dumpDom(html.toAbsolutePath().toUri().toString(), width + 40, 900,
                "--allow-file-access-from-files", "--virtual-time-budget=10000");
        Matcher m = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the probe ran:\n" + dom);
        return m.group(1).replace("&quot;", "\"");
    }

    /** The PDF's text in reading order on the page (openhtmltopdf draws a line's inline elements after its text). */
    static String visualText(PdfInspect in) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        return s.getText(in.doc).replace("\r", "").replaceAll("[ \\t]+\n", "\n");
    }

    /**
     * Finds every occurrence of {@code url} in {@code text}, where it may be broken over lines, and checks that each
     * break follows a separator and adds nothing (no hyphen), and, if {@code mustBreak}, that every occurrence is
     * broken at least once. Returns the number of occurrences.
     */
    static int assertBrokenOnlyAtSeparators(String url, String text, boolean mustBreak) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            if (i > 0) re.append("(\n)?");
            re.append(Pattern.quote(String.valueOf(url.charAt(i))));
        }
        Matcher m = Pattern.compile(re.toString()).matcher(text);
        int found = 0;
        while (m.find()) {
            found++;
            int breaks = 0;
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) == null) continue;
                breaks++;
                char before = url.charAt(g - 1);
                assertTrue("/.?&-=".indexOf(before) >= 0, "broken after '" + before + "' (" + url.substring(0, g) + "|" + url.substring(g) + ")");
            }
            assertTrue(breaks > 0 || !mustBreak, "longer than a line, so broken: " + m.group());
        }
        assertTrue(found > 0, "the address, whole and with nothing added, in:\n" + text + "\n" + url);
        return found;
    }

    /** Width and height, in points, of every image drawn on a page, in drawing order. */
    static List<float[]> images(PDPage page) throws IOException {
        List<float[]> out = new ArrayList<>();
        PDFStreamEngine engine = new PDFStreamEngine() {
            {
                addOperator(new Concatenate(this));
                addOperator(new DrawObject(this));
                addOperator(new SetMatrix(this));
                addOperator(new Save(this));
                addOperator(new Restore(this));
            }

            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name
                        && getResources().getXObject(name) instanceof PDImageXObject) {
                    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                    out.add(new float[] {ctm.getScalingFactorX(), ctm.getScalingFactorY()});
                    return;
                }
                super.processOperator(operator, operands);
            }
        };
        engine.processPage(page);
        return out;
    }

    static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) for (int y = 0; y < h; y++) img.setRGB(x, y, 0x884422);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
