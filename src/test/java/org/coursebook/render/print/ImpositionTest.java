package org.coursebook.render.print;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.coursebook.render.print.Imposition.Layout;
import org.coursebook.render.print.Imposition.Side;
import org.coursebook.support.Builds;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Booklet and 2-up imposition, checked on synthetic PDFs whose pages carry their number: which source page lands
 * on which half of which sheet side.
 */
class ImpositionTest {
    private static final Instant TIME = Instant.parse("2026-09-01T00:00:00Z");

    /** A PDF of {@code pages} pages of {@code size}, page n showing "Pn" in its middle. */
    static byte[] numberedPages(int pages, PDRectangle size) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.addRect(10, 10, size.getWidth() - 20, size.getHeight() - 20);
                    cs.stroke();
                    cs.beginText();
                    cs.setFont(font, 72);
                    cs.newLineAtOffset(size.getWidth() / 2 - 50, size.getHeight() / 2);
                    cs.showText("P" + i);
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** What each sheet side shows, left half then right half, as source page numbers (0 = blank). */
    static List<List<Integer>> halves(byte[] imposed) throws IOException {
        List<List<Integer>> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(imposed)) {
            for (PDPage page : doc.getPages()) {
                PDRectangle box = page.getMediaBox();
                PDFTextStripperByArea s = new PDFTextStripperByArea();
                s.addRegion("left", new Rectangle2D.Float(0, 0, box.getWidth() / 2, box.getHeight()));
                s.addRegion("right", new Rectangle2D.Float(box.getWidth() / 2, 0, box.getWidth() / 2, box.getHeight()));
                s.extractRegions(page);
                out.add(List.of(number(s.getTextForRegion("left")), number(s.getTextForRegion("right"))));
            }
        }
        return out;
    }

    private static int number(String text) {
        String t = text.strip();
        if (t.isEmpty()) return 0;
        assertTrue(t.matches("P\\d+"), "one page number per half, not '" + t + "'");
        return Integer.parseInt(t.substring(1));
    }

    /** Sides as 1-based page numbers, 0 for a blank half. */
    static List<List<Integer>> expected(int... pairs) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) out.add(List.of(pairs[i], pairs[i + 1]));
        return out;
    }

    static List<List<Integer>> oneBased(List<Side> sides) {
        return sides.stream().map(s -> List.of(s.left() + 1, s.right() + 1)).toList();
    }

    @Test
    void bookletOrderFor4_8And13Pages() throws Exception {
        // 4: outside of the sheet 4|1, inside 2|3
        List<List<Integer>> four = expected(4, 1, 2, 3);
        // 8: two sheets; the inner sheet's inside is the centre spread 4|5
        List<List<Integer>> eight = expected(8, 1, 2, 7, 6, 3, 4, 5);
        // 13 pages pad to 16: pages 14, 15 and 16 are blank (the last pages of the booklet)
        List<List<Integer>> thirteen = expected(0, 1, 2, 0, 0, 3, 4, 13, 12, 5, 6, 11, 10, 7, 8, 9);
        assertEquals(four, oneBased(Imposition.order(Layout.BOOKLET, 4)));
        assertEquals(eight, oneBased(Imposition.order(Layout.BOOKLET, 8)));
        assertEquals(thirteen, oneBased(Imposition.order(Layout.BOOKLET, 13)));
        assertEquals(four, halves(Imposition.impose(numberedPages(4, PDRectangle.A5), Layout.BOOKLET, "t", TIME)));
        assertEquals(eight, halves(Imposition.impose(numberedPages(8, PDRectangle.A5), Layout.BOOKLET, "t", TIME)));
        assertEquals(thirteen, halves(Imposition.impose(numberedPages(13, PDRectangle.A5), Layout.BOOKLET, "t", TIME)));
    }

    @Test
    void foldedBookletReadsInOrderForEveryLength() {
        for (int n = 1; n <= 41; n++) {
            List<Side> sides = Imposition.order(Layout.BOOKLET, n);
            int padded = sides.size() * 2;
            assertEquals(0, padded % 4, n + " pages: the booklet's page count is a multiple of four");
            assertTrue(padded >= n && padded < n + 4, n + " pages: at most three blanks");
            // Fold the stack: sheet s (outermost first) gives pages front-right, back-left ... back-right, front-left.
            int sheets = sides.size() / 2;
            int[] reading = new int[padded];
            for (int s = 0; s < sheets; s++) {
                Side front = sides.get(2 * s), back = sides.get(2 * s + 1);
                reading[2 * s] = front.right();
                reading[2 * s + 1] = back.left();
                reading[padded - 2 - 2 * s] = back.right();
                reading[padded - 1 - 2 * s] = front.left();
            }
            for (int i = 0; i < padded; i++) assertEquals(i < n ? i : -1, reading[i], n + " pages: position " + i);
        }
    }

    @Test
    void twoUpHalvesTheSheetCount() throws Exception {
        assertEquals(expected(1, 2, 3, 4, 5, 6, 7, 8), halves(Imposition.impose(numberedPages(8, PDRectangle.A5), Layout.TWO_UP, "t", TIME)));
        assertEquals(expected(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0),
                halves(Imposition.impose(numberedPages(13, PDRectangle.A5), Layout.TWO_UP, "t", TIME)));
        for (int n = 1; n <= 20; n++) assertEquals((n + 1) / 2, Imposition.order(Layout.TWO_UP, n).size());
    }

    @Test
    void sheetIsTheLandscapeOfficePaperOfThePagesFamily() throws Exception {
        record Case(PDRectangle page, float sheetW, float sheetH) {}
        for (Case c : List.of(new Case(PDRectangle.A5, 841.89f, 595.28f), new Case(PDRectangle.A4, 841.89f, 595.28f),
                new Case(PDRectangle.LETTER, 792, 612), new Case(new PDRectangle(396, 612), 792, 612),
                new Case(new PDRectangle(432, 648), 792, 612))) {
            byte[] imposed = Imposition.impose(numberedPages(3, c.page()), Layout.TWO_UP, "t", TIME);
            try (PDDocument doc = Loader.loadPDF(imposed)) {
                PDRectangle sheet = doc.getPage(0).getMediaBox();
                assertEquals(c.sheetW(), sheet.getWidth(), 0.5, c.toString());
                assertEquals(c.sheetH(), sheet.getHeight(), 0.5, c.toString());
            }
            assertEquals(expected(1, 2, 3, 0), halves(imposed), c + ": each page scaled into its own half");
        }
    }

    @Test
    void imposedBookKeepsItsEmbeddedFontsAndTextAndIsReproducible() throws Exception {
        Path book = Path.of("target/small-book/a-small-test-book.pdf");
        Builds.smallBook();
        byte[] source = Files.readAllBytes(book);
        int pages;
        try (PDDocument doc = Loader.loadPDF(source)) {
            pages = doc.getNumberOfPages();
        }
        byte[] booklet = Imposition.impose(source, Layout.BOOKLET, "book", TIME);
        assertArrayEquals(booklet, Imposition.impose(source, Layout.BOOKLET, "book", TIME), "same bytes twice");
        try (PDDocument doc = Loader.loadPDF(booklet)) {
            assertEquals((pages + 3) / 4 * 2, doc.getNumberOfPages());
            assertEquals("A Small Test Book (booklet, for printing)", doc.getDocumentInformation().getTitle());
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName x : res.getXObjectNames()) {
                    if (!(res.getXObject(x) instanceof PDFormXObject form)) continue;
                    for (COSName f : form.getResources().getFontNames()) {
                        assertTrue(form.getResources().getFont(f).isEmbedded(), form.getResources().getFont(f).getName());
                        fonts++;
                    }
                }
            }
            assertTrue(fonts > 0, "the placed pages carry their fonts");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("The First Chapter") && text.contains("Диктатура пролетариата"), "text survives imposition");
        }
    }

    /**
     * A landscape page among upright ones (a wide table's) is turned a quarter into its half of the sheet, at the
     * upright pages' scale, its top towards the left edge: not shrunk to the half's width.
     */
    @Test
    void aLandscapePageIsTurnedIntoItsHalfAtTheSameScale() throws Exception {
        PDRectangle a4 = PDRectangle.A4, wide = new PDRectangle(a4.getHeight(), a4.getWidth());
        byte[] pdf;
        try (PDDocument doc = Loader.loadPDF(numberedPages(1, a4)); PDDocument w = Loader.loadPDF(numberedPages(2, wide))) {
            doc.importPage(w.getPage(1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        byte[] imposed = Imposition.impose(pdf, Layout.TWO_UP, "t", TIME);
        List<int[]> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(imposed)) {
            assertEquals(1, doc.getNumberOfPages());
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    for (var t : positions) {
                        glyphs.add(new int[] {t.getUnicode().charAt(0), Math.round(t.getDir()), Math.round(t.getFontSizeInPt()),
                                Math.round(t.getXDirAdj())});
                    }
                }
            };
            s.getText(doc);
        }
        int[] upright = glyphs.stream().filter(g -> g[0] == 'P' && g[1] == 0).findFirst().orElseThrow();
        int[] turned = glyphs.stream().filter(g -> g[0] == 'P' && g[1] != 0).findFirst().orElseThrow(
                () -> new AssertionError("the landscape page's text is turned: " + glyphs.stream().map(java.util.Arrays::toString).toList()));
        assertEquals(90, turned[1], "a quarter turn to the left: the text runs upwards");
        assertEquals(upright[2], turned[2], "both pages at A5 scale (70.7%), the landscape one not shrunk further");
    }
}
