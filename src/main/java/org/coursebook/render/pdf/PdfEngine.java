package org.coursebook.render.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.coursebook.render.Fonts;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.coursebook.render.Pagination;

/**
 * Draws XHTML to PDF with openhtmltopdf: fonts registered (embedded, subset), TeX hyphenation, PDF/UA-1
 * tagging and PDF/A-2u conformance. Only files inside the book's folder may be loaded. One engine is shared by
 * every print renderer (book, handouts) and across builds, so patterns and fonts are loaded once.
 */
public final class PdfEngine {
    static {
        // openhtmltopdf logs every CSS property it skips and every layout step; the build reports its own problems.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        java.util.logging.Logger.getLogger("org.apache.pdfbox").setLevel(java.util.logging.Level.SEVERE);
        java.util.logging.Logger.getLogger("org.apache.fontbox").setLevel(java.util.logging.Level.SEVERE);
    }

    // Loaded on the first render, so a build without print outputs does not pay for them (about half a second).
    private TexHyphenator hyphenator;
    private byte[] icc;

    private org.coursebook.render.GlyphCoverage coverage;

    private synchronized org.coursebook.render.GlyphCoverage coverage(Fonts fonts) {
        if (coverage == null) coverage = new org.coursebook.render.GlyphCoverage(fonts);
        return coverage;
    }

    private synchronized void load() {
        if (hyphenator == null) {
            hyphenator = new TexHyphenator();
            icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        }
    }

    /** What is done to the drawn document before it is saved (page labels, link descriptions, metadata). */
    @FunctionalInterface
    public interface Finishing {
        void finish(PDDocument doc) throws IOException;
    }

    /**
     * A drawn and finished PDF: its bytes, its page count (counted while the document was open), and the pagination
     * read from its layout (null for a document drawn without reading it: handouts, the cover).
     */
    public record Drawn(byte[] bytes, int pages, Pagination pagination) {
        public Drawn(byte[] bytes, int pages) {
            this(bytes, pages, null);
        }
    }

    /** What is done to the drawn book before it is saved, knowing its pagination (page labels from its folios). */
    @FunctionalInterface
    public interface PaginatedFinishing {
        void finish(PDDocument doc, Pagination pagination) throws IOException;
    }

    /**
     * Draws and finishes the document as {@link #render(String, Path, Fonts, Finishing)} does, and counts its
     * pages after {@code finishing}, so that nobody parses the PDF again to learn them.
     */
    public Drawn draw(String xhtml, Path baseDir, Fonts fonts, Finishing finishing) throws IOException {
        int[] pages = {-1};
        byte[] bytes = render(xhtml, baseDir, fonts, doc -> {
            finishing.finish(doc);
            pages[0] = doc.getNumberOfPages();
        });
        return new Drawn(bytes, pages[0]);
    }

    public byte[] render(String xhtml, Path baseDir, Fonts fonts) throws IOException {
        return render(xhtml, baseDir, fonts, doc -> {});
    }

    /**
     * Draws the document and applies {@code finishing} to it while it is still open, then saves it once
     * (finishing a saved PDF meant parsing and compressing it all over again: a quarter of the render time).
     */
    public byte[] render(String xhtml, Path baseDir, Fonts fonts, Finishing finishing) throws IOException {
        return run(xhtml, baseDir, fonts, null, null, (doc, p) -> finishing.finish(doc), false, true).bytes();
    }

    /**
     * Lays out the print book, reads its {@link Pagination} from the layout ({@link LayoutReader}), and draws it:
     * layout and drawing are two steps, so that the layout can be read between them and, once, laid out again.
     *
     * <p>{@code secondPass} gets the first layout's pagination and returns the XHTML to lay out instead, or null
     * to draw the first layout as it is. It is called exactly once; its XHTML is laid out once more and drawn, with
     * no further pass (a pass that changes the text may move page breaks again: what it fills in from the first
     * layout's pagination, page numbers of cross-references or of the index, is what that layout said). The
     * {@link Drawn#pagination()} returned, which the e-book's page list follows, is the drawn layout's.
     *
     * @param xhtml       the print book as one XHTML document
     * @param baseDir     the book's folder: the only place files may be loaded from
     * @param bodyStartId the print id of the element whose page is numbered 1 (the first part of the body), or
     *                    null for a document numbered 1, 2, 3 from its first page
     * @param secondPass  the XHTML of a second layout from the first layout's pagination, or null for none (may be
     *                    null itself: no second pass)
     * @param finishing   what is done to the drawn document before it is saved
     */
    public Drawn drawBook(String xhtml, Path baseDir, Fonts fonts, String bodyStartId,
                          Function<Pagination, String> secondPass, PaginatedFinishing finishing) throws IOException {
        return run(xhtml, baseDir, fonts, bodyStartId, secondPass, finishing, true, true);
    }

    /**
     * The pagination of the print book as {@link #drawBook} would draw it (the same two passes), without drawing
     * it: for an e-book built without its print book. Takes about as long as the layout, which is most of a print
     * book's drawing time.
     */
    public Pagination layOut(String xhtml, Path baseDir, Fonts fonts, String bodyStartId,
                             Function<Pagination, String> secondPass) throws IOException {
        return run(xhtml, baseDir, fonts, bodyStartId, secondPass, (doc, p) -> {}, true, false).pagination();
    }

    /** One document laid out (twice, when {@code secondPass} asks), its pagination read if asked, drawn if asked. */
    private Drawn run(String xhtml, Path baseDir, Fonts fonts, String bodyStartId, Function<Pagination, String> secondPass,
                      PaginatedFinishing finishing, boolean paginate, boolean draw) throws IOException {
        // Only drawing prints the numerals wrong; the pagination's folios are written by Pagination.roman.
        if (draw) requireLocaleThatKeepsRomanNumerals();
        load();
        Laid laid = layOut(xhtml, baseDir, fonts, bodyStartId, paginate);
        try {
            if (secondPass != null) {
                String again = secondPass.apply(laid.pagination);
                if (again != null) {
                    laid.close();
                    laid = layOut(again, baseDir, fonts, bodyStartId, true);
                }
            }
            if (!draw) return new Drawn(new byte[0], laid.pagination.size(), laid.pagination);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            laid.renderer.createPDFWithoutClosing();
            laid.renderer.close();
            laid.renderer = null;
            // The layout (DOM, boxes, display lists) is garbage from here on: a 5,000-page book needs the heap
            // for the save. Our fonts stay open: the renderer closes only the font files it opened itself.
            finishing.finish(laid.doc, laid.pagination);
            int pages = laid.doc.getNumberOfPages();
            laid.doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
            return new Drawn(out.toByteArray(), pages, laid.pagination);
        } finally {
            laid.close();
        }
    }

    /** A laid-out document: its PDF (still empty), the renderer that holds its layout, and the pagination read. */
    private static final class Laid implements java.io.Closeable {
        final PDDocument doc;
        PdfBoxRenderer renderer;
        Pagination pagination;

        Laid(PDDocument doc) {
            this.doc = doc;
        }

        @Override
        public void close() throws IOException {
            try {
                if (renderer != null) renderer.close();
                renderer = null;
            } finally {
                doc.close();
            }
        }
    }

    private Laid layOut(String xhtml, Path baseDir, Fonts fonts, String bodyStartId, boolean paginate) throws IOException {
        Laid laid = new Laid(new PDDocument());
        boolean ok = false;
        try {
            PDDocument doc = laid.doc;
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.usePDDocument(doc);
            b.useFastMode();
            b.usePdfUaAccessibility(true);
            b.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
            b.useColorProfile(icc);
            b.useHyphenation(hyphenator);
            b.useUnicodeLineBreaker(new LineBreaker());
            b.useSVGDrawer(new BatikSVGDrawer());
            b.withProducer("coursebook");
            // The book's own faces (@font-face in its stylesheets, files in styles/fonts/) under the declared
            // family, weight and style; the stylesheets reach the engine without those rules (Styles.printCss).
            for (Fonts.Face f : fonts.bookFaces()) register(b, doc, fonts, f, f.family());
            for (Fonts.Face f : Fonts.ALL) register(b, doc, fonts, f, f.family());
            // CSS's generic families name the book's own faces, so an author's `monospace` never fails the build.
            for (Fonts.Face f : Fonts.FACES) register(b, doc, fonts, f, f.family().equals(Fonts.SERIF) ? "serif" : "sans-serif");
            for (Fonts.Face f : Fonts.MONO_FACES) register(b, doc, fonts, f, "monospace");
            // Right-to-left text comes already in visual order (RightToLeft): openhtmltopdf's own bidi layout
            // fails on every footnote (its footnote bodies belong to no bidi paragraph).
            Path root = baseDir.toAbsolutePath().normalize();
            String rootUri = root.toUri().toString();
            b.useExternalResourceAccessControl((uri, type) -> allowed(uri, root), ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            b.useExternalResourceAccessControl((uri, type) -> allowed(uri, root), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            b.withHtmlContent(PrintText.prepare(xhtml, coverage(fonts)::inBookFaces), rootUri.endsWith("/") ? rootUri : rootUri + "/");
            laid.renderer = b.buildPdfRenderer();
            laid.renderer.getSharedContext().setTextRenderer(new CachingTextRenderer());
            laid.renderer.layout();
            if (paginate) laid.pagination = LayoutReader.read(laid.renderer, bodyStartId);
            ok = true;
            return laid;
        } finally {
            if (!ok) laid.close();
        }
    }

    /**
     * openhtmltopdf writes {@code counter(page, lower-roman)} (the front matter's folios, their entries in the
     * contents) with {@code String.toLowerCase()} in the JVM's default locale: under a Turkish or Azerbaijani
     * locale page ii comes out as "ıı", with dotless i's, and the PDF's bytes depend on the machine. The command
     * line runs in {@link Locale#ROOT} from its start ({@code Main.main}); the engine does not change the default
     * locale itself (that is global: every other thread of the JVM would see it while a PDF is drawn). In a JVM
     * whose default locale would spoil the numerals it refuses to draw rather than print them wrong.
     *
     * @throws IllegalStateException if the default locale lower-cases "I" to anything but "i"
     */
    static void requireLocaleThatKeepsRomanNumerals() {
        Locale locale = Locale.getDefault();
        if (!"I".toLowerCase(locale).equals("i")) {
            throw new IllegalStateException("the JVM's default locale (" + locale.toLanguageTag() + ") lower-cases 'I' to '"
                    + "I".toLowerCase(locale) + "', which openhtmltopdf would print in the roman page numbers: draw PDFs in a JVM "
                    + "whose default locale is Locale.ROOT (as the command line sets it) or English");
        }
    }

    private static void register(PdfRendererBuilder b, PDDocument doc, Fonts fonts, Fonts.Face f, String family) {
        b.useFont(new WithoutGsub(doc, fonts.bytes(f)), family, f.weight(),
                f.style().equals("italic") ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL, true);
    }

    /**
     * A font handed to openhtmltopdf with its OpenType substitutions (GSUB) switched off, loaded only when the
     * document first uses it. With GSUB on, PDFBox 3 compiles a regular expression over all of the font's
     * ligature rules for every string it shows: that was 70% of the print book's render time, and for these
     * fonts it substitutes nothing (Latin and Cyrillic text here needs no shaping, the PDF has no ligatures
     * either way). Without it, each glyph is the character's own, so the text layer also extracts exactly.
     */
    private static final class WithoutGsub extends PDFontSupplier {
        private final PDDocument doc;
        private final byte[] bytes;
        private PDFont font;

        WithoutGsub(PDDocument doc, byte[] bytes) {
            super(null);
            this.doc = doc;
            this.bytes = bytes;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
                    ttf.setEnableGsub(false);
                    font = PDType0Font.load(doc, ttf, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }
    }

    private static boolean allowed(String uri, Path root) {
        if (uri == null) return false;
        if (!uri.startsWith("file:")) return !uri.contains(":") ; // relative: resolved later against the book folder
        try {
            Path p = Path.of(URI.create(uri)).toAbsolutePath().normalize();
            return p.startsWith(root);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
