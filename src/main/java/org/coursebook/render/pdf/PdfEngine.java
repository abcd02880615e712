package org.coursebook.render.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.coursebook.render.Fonts;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    private final TexHyphenator hyphenator = new TexHyphenator();
    private final byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    public byte[] render(String xhtml, Path baseDir, Fonts fonts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.usePdfUaAccessibility(true);
        b.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
        b.useColorProfile(icc);
        b.useHyphenation(hyphenator);
        b.useUnicodeLineBreaker(new LineBreaker());
        b.useSVGDrawer(new BatikSVGDrawer());
        b.withProducer("coursebook");
        for (Fonts.Face f : Fonts.FACES) {
            byte[] bytes = fonts.bytes(f);
            b.useFont(() -> new ByteArrayInputStream(bytes), f.family(), f.weight(),
                    f.style().equals("italic") ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        Path root = baseDir.toAbsolutePath().normalize();
        String rootUri = root.toUri().toString();
        b.useExternalResourceAccessControl((uri, type) -> allowed(uri, root), ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        b.useExternalResourceAccessControl((uri, type) -> allowed(uri, root), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        b.withHtmlContent(xhtml, rootUri.endsWith("/") ? rootUri : rootUri + "/");
        b.toStream(out);
        RootLocale.enter();
        try {
            b.run();
        } finally {
            RootLocale.exit();
        }
        return out.toByteArray();
    }

    /**
     * openhtmltopdf formats {@code counter(page, lower-roman)} with {@code String.toLowerCase()} in the JVM's
     * default locale, so under a Turkish locale the folios come out as "ıı" and the PDF's bytes depend on the
     * machine. While any render runs, the default locale is {@link Locale#ROOT}; the last render to finish
     * restores the caller's locale.
     */
    static final class RootLocale {
        private static int active;
        private static Locale saved, savedDisplay, savedFormat;

        static synchronized void enter() {
            if (active++ == 0) {
                saved = Locale.getDefault();
                savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
                savedFormat = Locale.getDefault(Locale.Category.FORMAT);
                Locale.setDefault(Locale.ROOT);
            }
        }

        static synchronized void exit() {
            if (--active == 0) {
                Locale.setDefault(saved);
                Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
                Locale.setDefault(Locale.Category.FORMAT, savedFormat);
            }
        }

        private RootLocale() {}
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
