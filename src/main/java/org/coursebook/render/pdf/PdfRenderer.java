package org.coursebook.render.pdf;

import org.coursebook.model.Book;
import org.coursebook.render.CodeWrap;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Rendered;
import org.coursebook.render.Renderer;
import org.coursebook.render.Written;

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
    public Rendered render(Book book, RenderContext ctx) throws IOException {
        PdfEngine.Drawn pdf = draw(book, ctx);
        return Rendered.of(
                ctx.output().write(book.meta().slug() + ".pdf", Written.PRINT_BOOK, pdf.pages(), out -> out.write(pdf.bytes())),
                ctx.output().write("fonts-LICENSE.txt", Written.FONT_LICENSE, -1,
                        out -> out.write(ctx.fonts().license().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** The body text size of print.css, in pt; code is set at {@link #CODE_EM} of it (base.css). */
    static final double BODY_PT = 10.5, CODE_EM = 0.8;

    /** The columns of code a listing's line may take on the page before it wraps (see {@link CodeWrap}). */
    static int codeColumns(PageGeometry page) {
        return CodeWrap.columns(page.textWidthPt() - 2 * CodeWrap.PRINT_BODY_MARGIN_PT, BODY_PT * CODE_EM);
    }

    /**
     * Reports to {@code diag}, without drawing anything, the tables that even a landscape page of the book's page
     * size holds only in type smaller than 7 pt: the warnings a build of the print book gives ({@link TableFit}).
     */
    public static void checkTables(Book book, org.coursebook.diag.Diagnostics diag) {
        TableFit.apply(book, PageGeometry.of(book.meta().pageSize()), diag);
    }

    /** The print book's bytes. */
    public byte[] build(Book book, RenderContext ctx) throws IOException {
        return draw(book, ctx).bytes();
    }

    /** The print book, with its page count. */
    public PdfEngine.Drawn draw(Book book, RenderContext ctx) throws IOException {
        PageGeometry page = PageGeometry.of(book.meta().pageSize());
        Map<String, Object> model = new HashMap<>();
        model.put("book", TableFit.apply(book, page, ctx.diagnostics()));
        model.put("meta", book.meta());
        model.put("css", page.css() + ctx.styles().printCss("base.css") + ctx.styles().printCss("print.css"));
        model.put("w", org.coursebook.render.XhtmlWriter.print(ctx.templates(), codeColumns(page), PrintImages.sources(book)));
        String xhtml = ctx.templates().render("print-book.ftl", model);
        int frontPages = 1 + book.frontMatter().size(); // outline entries before chapter 1: Contents and the front matter
        return engine.draw(xhtml, book.sourceDir(), ctx.fonts(),
                doc -> PdfFinisher.finish(doc, book.meta(), ctx.buildTime(), frontPages));
    }
}
