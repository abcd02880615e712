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

    /** A drawn and finished PDF: its bytes, and its page count, counted while the document was open. */
    public record Drawn(byte[] bytes, int pages) {}

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
        requireLocaleThatKeepsRomanNumerals();
        load();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (PDDocument doc = new PDDocument()) {
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
            try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
                renderer.getSharedContext().setTextRenderer(new CachingTextRenderer());
                renderer.createPDFWithoutClosing();
            }
            // The layout (DOM, boxes, display lists) is garbage from here on: a 5,000-page book needs the heap
            // for the save. Our fonts stay open: the renderer closes only the font files it opened itself.
            finishing.finish(doc);
            doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
        }
        return out.toByteArray();
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
