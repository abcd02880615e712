package org.coursebook.render.pdf;

import org.coursebook.model.Asset;
import org.coursebook.model.Book;
import org.coursebook.read.SvgChecker;
import org.coursebook.render.CodeWrap;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Renderer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The print book: the chapters' XHTML in one document, styled by {@code base.css} and {@code print.css},
 * drawn by openhtmltopdf as PDF/UA-1 and PDF/A-2u, then finished with PDFBox (page labels, link descriptions,
 * reproducible metadata). Tables too wide for the page are set smaller or on landscape pages first ({@link TableFit}).
 */
public final class PdfRenderer implements Renderer {
    private final PdfEngine engine;

    public PdfRenderer(PdfEngine engine) {
        this.engine = engine;
    }

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public void render(Book book, RenderContext ctx) throws IOException {
        byte[] pdf = build(book, ctx);
        ctx.output().write(book.meta().slug() + ".pdf", out -> out.write(pdf));
        ctx.output().write("fonts-LICENSE.txt", out -> out.write(ctx.fonts().license().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Where the print renderer finds each image the chapters show, by its path in the outputs
     * ({@link Asset#href()}): a raster image at its own file, as a URL path relative to the book's folder
     * (percent-encoded, RFC 3986: {@code img/tide%20chart.png}); an SVG as a {@code data:} URL of the bytes
     * the EPUB carries too (without byte order mark or DOCTYPE, which the renderer's XML reader stumbles on).
     */
    static Map<String, String> imageSources(Book book) throws IOException {
        Map<String, String> sources = new HashMap<>();
        java.nio.file.Path root = book.sourceDir().toAbsolutePath().normalize();
        for (Asset a : book.assets()) {
            if (a.mediaType().equals("image/svg+xml")) {
                byte[] svg = SvgChecker.forOutput(java.nio.file.Files.readAllBytes(a.source()));
                sources.put(a.href(), "data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString(svg));
            } else {
                String relative = root.relativize(a.source().toAbsolutePath().normalize()).toString().replace('\\', '/');
                try {
                    sources.put(a.href(), new java.net.URI(null, null, relative, null).toASCIIString());
                } catch (java.net.URISyntaxException e) {
                    throw new IOException("cannot make a URL of the image path " + relative, e);
                }
            }
        }
        return sources;
    }

    /** The body text size of print.css, in pt; code is set at {@link #CODE_EM} of it (base.css). */
    static final double BODY_PT = 10.5, CODE_EM = 0.8;

    /** The columns of code a listing's line may take on the page before it wraps (see {@link CodeWrap}). */
    static int codeColumns(PageGeometry page) {
        return CodeWrap.columns(page.textWidthPt() - 2 * CodeWrap.PRINT_BODY_MARGIN_PT, BODY_PT * CODE_EM);
    }

    public byte[] build(Book book, RenderContext ctx) throws IOException {
        PageGeometry page = PageGeometry.of(book.meta().pageSize());
        Map<String, Object> model = new HashMap<>();
        model.put("book", TableFit.apply(book, page, ctx.diagnostics()));
        model.put("meta", book.meta());
        model.put("css", page.css() + ctx.styles().printCss("base.css") + ctx.styles().printCss("print.css"));
        String xhtml = PrintDocument.adapt(ctx.templates().render("print-book.ftl", model), imageSources(book), codeColumns(page));
        int frontPages = 1 + book.frontMatter().size(); // outline entries before chapter 1: Contents and the front matter
        return engine.render(xhtml, book.sourceDir(), ctx.fonts(),
                doc -> PdfFinisher.finish(doc, book.meta(), ctx.buildTime(), frontPages));
    }
}
