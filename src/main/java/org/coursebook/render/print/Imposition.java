package org.coursebook.render.print;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.coursebook.model.PageSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.coursebook.util.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Imposes a finished PDF for the copy shop: two pages side by side on each landscape sheet side. Each source page
 * is imported as a form XObject (PDFBox {@link LayerUtility}, fonts stay embedded) and drawn into its half of the
 * sheet, scaled to fit and centred. The result is for printing only: it has no structure tree, links or PDF/A
 * identification.
 *
 * <p>The sheet is the office paper of the page's family, landscape: US Letter for Letter, trade (6×9 in) and
 * half-letter pages; A4 for A4 and A5 pages. A5 and half-letter pages print at full size; a Letter page is scaled
 * to half-letter (64.7%), an A4 page to A5 (70.7%), a trade page to 91.7%. A landscape page among upright ones
 * (a table set on a landscape page) is turned a quarter to the left into its half, at the same scale.
 */
public final class Imposition {
    /** A way of putting pages on sheets, by its command-line name. */
    public enum Layout {
        /** Pages 1 and 2 on the first sheet side, 3 and 4 on the next, and so on. */
        TWO_UP("2up"),
        /** Saddle stitch: printed duplex (flip on the short edge), folded and stapled, the sheets read in order. */
        BOOKLET("booklet");

        private final String key;

        Layout(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Layout> fromKey(String s) {
            String k = s.strip().toLowerCase(Locale.ROOT);
            for (Layout l : values()) if (l.key.equals(k)) return Optional.of(l);
            return Optional.empty();
        }
    }

    /** Source page indices (0-based) of one sheet side; -1 is a blank half. */
    public record Side(int left, int right) {}

    private Imposition() {}

    /** The sheet sides in print order for {@code pages} source pages. */
    public static List<Side> order(Layout layout, int pages) {
        return layout == Layout.TWO_UP ? twoUp(pages) : booklet(pages);
    }

    static List<Side> twoUp(int pages) {
        List<Side> sides = new ArrayList<>();
        for (int i = 0; i < pages; i += 2) sides.add(new Side(i, i + 1 < pages ? i + 1 : -1));
        return sides;
    }

    /**
     * Saddle-stitch order: the page count is padded with blank pages to a multiple of four (the blanks come last),
     * and sheet {@code s} carries, on its front, the last unplaced page on the left and the first on the right; on
     * its back, the next page on the left and the one before the last on the right. Sheet 0 is the outside sheet.
     */
    static List<Side> booklet(int pages) {
        int n = (pages + 3) / 4 * 4;
        List<Side> sides = new ArrayList<>();
        for (int s = 0; s < n / 4; s++) {
            sides.add(new Side(blankPast(n - 1 - 2 * s, pages), blankPast(2 * s, pages)));
            sides.add(new Side(blankPast(2 * s + 1, pages), blankPast(n - 2 - 2 * s, pages)));
        }
        return sides;
    }

    private static int blankPast(int index, int pages) {
        return index < pages ? index : -1;
    }

    /** The landscape sheet for pages of this size. */
    public static PDRectangle sheetFor(PDRectangle page) {
        PageSize family = isoFamily(page) ? PageSize.A4 : PageSize.LETTER;
        return new PDRectangle(family.heightPt(), family.widthPt());
    }

    /** A4 and A5 (either orientation) are ISO sizes; everything else goes on Letter. */
    private static boolean isoFamily(PDRectangle page) {
        float w = Math.min(page.getWidth(), page.getHeight()), h = Math.max(page.getWidth(), page.getHeight());
        for (PageSize iso : new PageSize[] {PageSize.A4, PageSize.A5}) {
            if (Math.abs(w - iso.widthPt()) < 2 && Math.abs(h - iso.heightPt()) < 2) return true;
        }
        return false;
    }

    /**
     * Imposes {@code pdf}.
     *
     * @param title     names the imposed file in its Info title when the source has no title of its own
     * @param buildTime its creation date, so that two builds give the same bytes
     */
    public static byte[] impose(byte[] pdf, Layout layout, String title, Instant buildTime) throws IOException {
        try (PDDocument source = Loader.loadPDF(pdf); PDDocument target = new PDDocument()) {
            int pages = source.getNumberOfPages();
            if (pages == 0) throw new IOException("cannot impose a PDF without pages");
            PDRectangle sheet = sheetFor(source.getPage(0).getCropBox());
            LayerUtility layers = new LayerUtility(target);
            PDFormXObject[] forms = new PDFormXObject[pages];
            for (Side side : order(layout, pages)) {
                PDPage page = new PDPage(sheet);
                target.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(target, page)) {
                    place(cs, side.left(), 0, sheet, source, layers, forms);
                    place(cs, side.right(), sheet.getWidth() / 2, sheet, source, layers, forms);
                }
            }
            String sourceTitle = source.getDocumentInformation().getTitle();
            metadata(target, pdf, layout, sourceTitle == null || sourceTitle.isBlank() ? title : sourceTitle, buildTime);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            target.save(out);
            return out.toByteArray();
        }
    }

    private static void place(PDPageContentStream cs, int index, float x0, PDRectangle sheet, PDDocument source,
                              LayerUtility layers, PDFormXObject[] forms) throws IOException {
        if (index < 0) return;
        if (forms[index] == null) forms[index] = layers.importPageAsForm(source, index);
        PDRectangle box = source.getPage(index).getCropBox();
        float halfW = sheet.getWidth() / 2, h = sheet.getHeight();
        // A landscape page (a wide table's) is turned a quarter to the left into its upright half, as a broadside
        // page is printed in a book: its top towards the left edge.
        boolean turn = box.getWidth() > box.getHeight() && halfW < h;
        float w = turn ? box.getHeight() : box.getWidth(), bh = turn ? box.getWidth() : box.getHeight();
        float scale = Math.min(1f, Math.min(halfW / w, h / bh));
        float dx = x0 + (halfW - w * scale) / 2, dy = (h - bh * scale) / 2;
        cs.saveGraphicsState();
        cs.transform(turn ? new Matrix(0, scale, -scale, 0, dx + w * scale, dy) : new Matrix(scale, 0, 0, scale, dx, dy));
        cs.drawForm(forms[index]);
        cs.restoreGraphicsState();
    }

    private static void metadata(PDDocument doc, byte[] source, Layout layout, String title, Instant buildTime) {
        Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        cal.setTimeInMillis(buildTime.toEpochMilli());
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title + (layout == Layout.TWO_UP ? " (2-up, for printing)" : " (booklet, for printing)"));
        info.setCreator("coursebook");
        info.setProducer("coursebook (Apache PDFBox)");
        info.setCreationDate(cal);
        info.setModificationDate(cal);
        // PDFBox would otherwise derive the file id from the clock.
        byte[] id = Arrays.copyOf(Sha256.of(source, layout.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }
}
