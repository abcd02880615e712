package org.coursebook.render.cover;

import com.pngencoder.PngEncoder;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Asset;
import org.coursebook.model.Book;
import org.coursebook.model.BookMeta;
import org.coursebook.render.Fonts;
import org.coursebook.render.RenderContext;
import org.coursebook.util.ImageHeader;
import org.coursebook.util.Sha256;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The book's cover: the instructor's own image when the manifest or the book's folder has one, otherwise one
 * drawn from the template {@code cover.svg.ftl} (geometry and fonts) and the stylesheet {@code cover.css}
 * (colours) with the manifest's title, subtitle and authors. Two sizes: the e-book cover (1600 × 2400 pixels)
 * and the print cover (the trim size at 300 dpi). The same sources give the same bytes: the PNG carries no
 * time stamp, and only the book's own fonts are used. One instance is shared by the renderers that show the
 * cover; it keeps the last images drawn, so a build draws each once, and it can start drawing while the chapters
 * are still being read ({@link #prefetch}).
 */
public final class CoverArt {
    public static final int EBOOK_WIDTH = 1600;
    public static final int EBOOK_HEIGHT = 2400;
    public static final int PRINT_DPI = 300;
    /** The template's coordinate system is this wide; its height follows the cover's proportions. */
    static final int UNITS_WIDE = 1000;

    /** An encoded cover image. */
    public record Image(byte[] bytes, String mediaType, int width, int height) {
        /** "png" or "jpg". */
        public String extension() {
            return size().extension();
        }

        public Size size() {
            return new Size(mediaType, width, height);
        }
    }

    /** A cover image's type and size in pixels. */
    public record Size(String mediaType, int width, int height) {
        /** "png" or "jpg". */
        public String extension() {
            return mediaType.equals("image/jpeg") ? "jpg" : "png";
        }
    }

    /**
     * The e-book cover's type and size, known without drawing it (the instructor's image is measured, not
     * decoded), so that pages which show the cover can be written while it is still being drawn.
     */
    public Size ebookSize(Book book) throws IOException {
        Asset own = book.meta().cover();
        if (own == null) return new Size("image/png", EBOOK_WIDTH, EBOOK_HEIGHT);
        ImageHeader header = ImageHeader.read(own.source());
        return new Size(own.mediaType(), header.width(), header.height());
    }

    /** The last covers drawn or being drawn, by size and the SVG's digest. */
    private final Map<String, CompletableFuture<Image>> drawn = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Image>> eldest) {
            return size() > 4;
        }
    };
    /** The drawing started by the last {@link #prefetch}, with its outcome. */
    private CompletableFuture<Void> ahead = CompletableFuture.completedFuture(null);
    private Fonts fontsInUse;
    private SvgRasterizer rasterizer;
    private CoverText text;
    /** How many covers this instance has drawn (not taken from {@link #drawn}): for tests. */
    private final java.util.concurrent.atomic.AtomicInteger drawings = new java.util.concurrent.atomic.AtomicInteger();

    int drawings() {
        return drawings.get();
    }

    /** The e-book cover: the instructor's image as it is, or a generated 1600 × 2400 PNG. */
    public Image ebook(Book book, RenderContext ctx) throws IOException {
        Asset own = book.meta().cover();
        if (own != null) {
            Size size = ebookSize(book); // the header gives the size: no need to decode the whole image
            return new Image(Files.readAllBytes(own.source()), size.mediaType(), size.width(), size.height());
        }
        return generated(book, ctx, EBOOK_WIDTH, EBOOK_HEIGHT, true);
    }

    /**
     * The print cover at the book's trim size and {@value #PRINT_DPI} dpi: generated for the page's proportions,
     * or the instructor's image scaled to fill the page and trimmed equally on both sides of the longer dimension.
     */
    public Image print(Book book, RenderContext ctx) throws IOException {
        int w = printWidth(book), h = printHeight(book);
        Asset own = book.meta().cover();
        if (own == null) return generated(book, ctx, w, h, true);
        BufferedImage src = decode(Files.readAllBytes(own.source()), own);
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double scale = Math.max((double) w / src.getWidth(), (double) h / src.getHeight());
        int sw = (int) Math.round(src.getWidth() * scale), sh = (int) Math.round(src.getHeight() * scale);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, (w - sw) / 2, (h - sh) / 2, sw, sh, null);
        g.dispose();
        return own.mediaType().equals("image/jpeg") ? new Image(jpeg(page), "image/jpeg", w, h) : new Image(png(page), "image/png", w, h);
    }

    /** The generated cover's SVG, {@code width} × {@code height} pixels, from the template and the stylesheet. */
    synchronized String svg(Book book, RenderContext ctx, int width, int height) throws IOException {
        tools(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("book", book);
        model.put("meta", book.meta());
        model.put("pixelWidth", width);
        model.put("pixelHeight", height);
        model.put("width", UNITS_WIDE);
        model.put("height", (double) UNITS_WIDE * height / width);
        model.put("fit", text);
        model.put("css", rasterizer.fontFaces() + ctx.styles().css("cover.css"));
        model.put("publisher", ctx.institution().publisher());
        Asset logo = ctx.institution().logo();
        if (logo != null) model.put("logo", Map.of("href", CoverImages.dataUrl(logo), "aspect", aspect(logo)));
        return ctx.templates().render("cover.svg.ftl", model);
    }

    /**
     * The logo's width over its height: from a PNG's or JPEG's header, or an SVG's {@code viewBox} (else its
     * {@code width} and {@code height}); 1 when they cannot be read.
     */
    static double aspect(Asset logo) {
        if (!logo.mediaType().equals("image/svg+xml")) {
            try {
                org.coursebook.util.ImageHeader h = org.coursebook.util.ImageHeader.read(logo.source());
                return h == null || h.width() <= 0 || h.height() <= 0 ? 1 : (double) h.width() / h.height();
            } catch (java.io.IOException e) {
                return 1;
            }
        }
        javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
        f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (java.io.InputStream in = Files.newInputStream(logo.source())) {
            javax.xml.stream.XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT) continue;
                String viewBox = r.getAttributeValue(null, "viewBox");
                if (viewBox != null) {
                    String[] v = viewBox.strip().split("[\\s,]+");
                    if (v.length == 4) return ratio(v[2], v[3]);
                }
                return ratio(r.getAttributeValue(null, "width"), r.getAttributeValue(null, "height"));
            }
        } catch (IOException | javax.xml.stream.XMLStreamException | RuntimeException e) {
            // fall through: a square box, the logo kept within it
        }
        return 1;
    }

    private static double ratio(String w, String h) {
        if (w == null || h == null) return 1;
        try {
            double a = Double.parseDouble(w.replaceAll("[a-z%]+$", "")), b = Double.parseDouble(h.replaceAll("[a-z%]+$", ""));
            return a > 0 && b > 0 && Double.isFinite(a / b) ? a / b : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * Starts drawing, on a background thread, the generated covers a build will ask for: the e-book cover, the
     * print cover, or both. {@code outline} is the book as the manifest describes it, without its parts; when the
     * template draws the same SVG for the finished book, {@link #ebook} and {@link #print} take the drawing from
     * here (waiting for it if need be), otherwise they draw their own. Nothing is drawn for a book that brings
     * its own cover image.
     *
     * <p>What the drawing ahead meets is kept in {@link #ahead()}, not dropped. An exception there (a template
     * that fails for the outline, say, which has no parts) is the renderer's to report: {@link #ebook} and
     * {@link #print} draw for the finished book themselves and throw what they meet. An {@link Error} (out of
     * memory, say) is thrown by the next call of {@link #ebook} or {@link #print}.
     */
    public void prefetch(Book outline, RenderContext ctx, boolean ebook, boolean print) {
        if (outline.meta().cover() != null || !(ebook || print)) return;
        CompletableFuture<Void> drawing = CompletableFuture.runAsync(() -> {
            try {
                if (ebook) generated(outline, ctx, EBOOK_WIDTH, EBOOK_HEIGHT, false);
                if (print) generated(outline, ctx, printWidth(outline), printHeight(outline), false);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, CoverArt::onOwnThread);
        synchronized (this) {
            ahead = drawing;
        }
    }

    /** The last drawing ahead ({@link #prefetch}): done, failed or still running. */
    synchronized CompletableFuture<Void> ahead() {
        return ahead;
    }

    /**
     * Runs {@code task} on a thread of its own, so that drawing the cover overlaps with reading the chapters
     * without taking one of the common pool's threads (the build's parallel steps use those). A daemon: a build
     * that ends early does not wait for it. Its failure goes to the future that {@code runAsync} returns.
     */
    private static void onOwnThread(Runnable task) {
        Thread t = new Thread(task, "coursebook-cover");
        t.setDaemon(true);
        t.start();
    }

    /** Throws the {@link Error} that ended the last drawing ahead, if one did. */
    private void rethrowErrorFromAhead() {
        CompletableFuture<Void> last = ahead();
        if (!last.isCompletedExceptionally()) return;
        try {
            last.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Error err) throw err;
        }
    }

    private static int printWidth(Book book) {
        return Math.round(book.meta().pageSize().widthPt() / 72f * PRINT_DPI);
    }

    private static int printHeight(Book book) {
        return Math.round(book.meta().pageSize().heightPt() / 72f * PRINT_DPI);
    }

    /**
     * The generated cover, drawn here or taken from a drawing made or being made for the same SVG. {@code report}
     * is false for drawing ahead ({@link #prefetch}): that reports nothing, since the build it serves may fail
     * before any renderer runs. A drawing that failed on another thread is tried again here, so that its problem
     * is this call's to report.
     */
    private Image generated(Book book, RenderContext ctx, int width, int height, boolean report) throws IOException {
        if (report) {
            rethrowErrorFromAhead();
            warnAboutMissingGlyphs(book, ctx);
        }
        // image files the template names become part of the SVG; their problems are reported once, by the renderer
        Path template = ctx.styles().templatesDir() == null ? null : ctx.styles().templatesDir().resolve("cover.svg.ftl");
        String svg = CoverImages.inline(svg(book, ctx, width, height), book.sourceDir(),
                template != null && Files.isRegularFile(template) ? template : null,
                report ? ctx.diagnostics() : new org.coursebook.diag.Diagnostics(), org.coursebook.read.ImageResolver.DEFAULT_MAX_BYTES);
        String key = width + "x" + height + ":" + Sha256.hex(svg, 32);
        for (int attempt = 0; ; attempt++) {
            CompletableFuture<Image> pending;
            boolean mine = false;
            synchronized (this) {
                pending = drawn.get(key);
                if (pending == null) {
                    pending = new CompletableFuture<>();
                    drawn.put(key, pending);
                    mine = true;
                }
            }
            if (mine) {
                drawings.incrementAndGet();
                try {
                    Image img = new Image(png(rasterizer(ctx).draw(svg, width, height)), "image/png", width, height);
                    pending.complete(img);
                    return img;
                } catch (RuntimeException | Error e) {
                    forget(key, pending);
                    pending.completeExceptionally(e);
                    throw e;
                }
            }
            try {
                return pending.join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                forget(key, pending);
                if (e.getCause() instanceof Error err) throw err;
                if (attempt > 0) throw new IllegalStateException("the cover cannot be drawn: " + e.getCause(), e.getCause());
            }
        }
    }

    private synchronized void forget(String key, CompletableFuture<Image> pending) {
        drawn.remove(key, pending);
    }

    private synchronized SvgRasterizer rasterizer(RenderContext ctx) {
        tools(ctx);
        return rasterizer;
    }

    private synchronized void tools(RenderContext ctx) {
        if (fontsInUse != ctx.fonts()) {
            fontsInUse = ctx.fonts();
            AwtFonts awt = new AwtFonts(ctx.fonts());
            rasterizer = new SvgRasterizer(awt);
            text = new CoverText(awt);
            drawn.clear();
        }
    }

    /** The cover's fonts cover Latin, Greek and Cyrillic; a title in another script needs the instructor's image. */
    private synchronized void warnAboutMissingGlyphs(Book book, RenderContext ctx) {
        tools(ctx);
        BookMeta m = book.meta();
        String all = String.join(" ", List.of(m.title(), m.subtitle(), String.join(", ", m.authors())));
        for (Fonts.Face f : List.of(Fonts.FACES.get(0), Fonts.FACES.get(6))) {
            int at = text.missingGlyph(all, f.family(), f.weight(), f.style());
            if (at < 0) continue;
            String message = "the generated cover cannot show '" + new String(Character.toChars(all.codePointAt(at)))
                    + "' (from the title, subtitle or authors): " + f.family() + " has no such character";
            if (ctx.diagnostics().all().stream().anyMatch(d -> d.message().equals(message))) return;
            ctx.diagnostics().warning(SourcePos.of(book.sourceDir()), message,
                    "put your own cover image, cover.png or cover.jpg (1600×2400 pixels), in the book's folder");
            return;
        }
    }


    private static BufferedImage decode(byte[] bytes, Asset own) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        if (img == null) throw new IOException(own.source() + ": the cover image cannot be decoded");
        return img;
    }

    /**
     * PNG without time stamp or text chunks: rows unfiltered and deflated in parallel, which for the cover's flat
     * colours is as small as ImageIO's filtered PNG and a third of its time (the cover's last step before the
     * e-book can be finished). The same image gives the same bytes.
     */
    static byte[] png(BufferedImage img) {
        return new PngEncoder().withBufferedImage(img).withPredictorEncoding(false).withCompressionLevel(6)
                .withMultiThreadedCompressionEnabled(true).toBytes();
    }

    private static byte[] jpeg(BufferedImage img) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.92f);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }
}
