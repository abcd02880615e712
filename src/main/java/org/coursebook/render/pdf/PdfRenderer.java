package org.coursebook.render.pdf;

import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.render.Pagination;
import org.coursebook.render.CodeWrap;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Rendered;
import org.coursebook.render.Renderer;
import org.coursebook.render.Written;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
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

    /** The book and build the last pagination was read for, and that pagination (see {@link #paginate}). */
    private Book paginatedBook;
    private RenderContext paginatedIn;
    private Pagination pagination;

    /**
     * The print book, with its page count and its pagination; the pagination is kept for {@link #paginate} to give
     * the e-book of the same build.
     */
    public synchronized PdfEngine.Drawn draw(Book book, RenderContext ctx) throws IOException {
        Print print = print(book, ctx, ctx.diagnostics());
        PdfEngine.Drawn drawn = engine.drawBook(print.xhtml(), book.sourceDir(), ctx.fonts(), print.bodyStartId(), print::secondPass,
                (doc, p) -> PdfFinisher.finish(doc, book.meta(), ctx.buildTime(), p));
        remember(book, ctx, drawn.pagination());
        return drawn;
    }

    /**
     * The print book's pagination, for the e-book (its page-break markers and page list): the one this renderer read
     * when it drew {@code book} in the same build ({@code ctx}), or null when it did not draw it (a build of the
     * e-book alone). Laying the print book out only for the e-book would cost what drawing it does, most of it: on
     * the 148-page real book it made an e-book-only build two to three times slower, and a warm rebuild in watch
     * mode four times (1.2 s to 5.4 s), so such a build says it has none ({@code EpubRenderer.NO_PRINT_PAGES}); {@link #layOut} lays it out
     * when wanted.
     *
     * @param book the book as the pipeline hands it to every renderer (not yet fitted to the print page)
     */
    public synchronized Pagination paginate(Book book, RenderContext ctx) {
        return book == paginatedBook && ctx == paginatedIn ? pagination : null;
    }

    /**
     * The print book's pagination as {@link #draw} would draw it (the same layout passes), laid out without drawing
     * anything; reports nothing (the warnings about wide tables belong to a build of the print book).
     */
    public Pagination layOut(Book book, RenderContext ctx) throws IOException {
        Print print = print(book, ctx, new org.coursebook.diag.Diagnostics());
        return engine.layOut(print.xhtml(), book.sourceDir(), ctx.fonts(), print.bodyStartId(), print::secondPass);
    }

    private void remember(Book book, RenderContext ctx, Pagination p) {
        paginatedBook = book;
        paginatedIn = ctx;
        pagination = p;
    }

    /**
     * The print book's XHTML and what its layout passes need: the id of its first page numbered 1, and its
     * cross-references to numbered tables and figures (see {@link PageReferences}). Whatever else needs the first
     * layout's pagination belongs in {@link #secondPass} too, as the print index's columns and page numbers do: the engine lays
     * the book out at most twice.
     */
    private record Print(String xhtml, String bodyStartId, PageReferences refs, IndexPass index) {
        /**
         * The second layout: for a book with an index, the book again with its index in two columns and its page
         * numbers written (see {@link PrintIndex}); and without "on page N" where a reference and its target share a
         * page. Null when neither is needed.
         */
        String secondPass(Pagination first) {
            String x = xhtml;
            if (index != null) {
                try {
                    x = index.xhtml(first);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            String without = refs.withoutSamePage(x, first);
            return without != null ? without : index != null ? x : null;
        }
    }

    /** The print book's XHTML for the second layout, from the first layout's pagination. */
    @FunctionalInterface
    private interface IndexPass {
        String xhtml(Pagination first) throws IOException;
    }

    private Print print(Book book, RenderContext ctx, org.coursebook.diag.Diagnostics diag) throws IOException {
        PageGeometry page = PageGeometry.of(book.meta().pageSize());
        Book fitted = TableFit.apply(book, page, diag);
        Chapter index = fitted.allParts().stream().filter(c -> c.generated().equals("index")).findFirst().orElse(null);
        PageReferences refs = PageReferences.of(fitted);
        String xhtml = refs.mark(xhtml(fitted, ctx, page, index == null ? "" : PrintIndex.NARROW_CSS, null));
        IndexPass pass = index == null ? null : first -> {
            Chapter paged = PrintIndex.inColumns(index, first.extents(), id -> index.slug() + "--" + id);
            List<Chapter> back = fitted.backMatter().stream().map(c -> c == index ? paged : c).toList();
            Book again = fitted.withParts(fitted.frontMatter(), fitted.chapters(), back);
            return refs.mark(xhtml(again, ctx, page, "", id -> first.folioOf(id).orElse(null)));
        };
        Chapter first = !book.chapters().isEmpty() ? book.chapters().get(0)
                : !book.backMatter().isEmpty() ? book.backMatter().get(0) : null;
        return new Print(xhtml, first == null ? null : first.slug(), refs, pass);
    }

    /** The print book's XHTML from its template; {@code extraCss} after the stylesheets; {@code folios} for the index, or null. */
    private String xhtml(Book fitted, RenderContext ctx, PageGeometry page, String extraCss,
                         java.util.function.Function<String, String> folios) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("book", fitted);
        model.put("meta", fitted.meta());
        model.put("css", page.css() + ctx.styles().printCss("base.css") + ctx.styles().printCss("print.css") + extraCss);
        org.coursebook.render.XhtmlWriter w = org.coursebook.render.XhtmlWriter.print(ctx.templates(), codeColumns(page),
                PrintImages.sources(fitted)).withBlockHook(PdfRenderer::keyed);
        model.put("w", folios == null ? w : w.withFolios(folios));
        return ctx.templates().render("print-book.ftl", model);
    }

    /**
     * A top-level block of the print book with its key ({@code data-b="<part>:<index>"}) in the start tag of each of
     * its outermost elements (a table is its box and its source line), for {@link LayoutReader} to know it; text
     * outside any element (a template's) stays unkeyed.
     */
    static String keyed(Chapter ch, int index, String xhtml) {
        String attr = " " + LayoutReader.BLOCK_KEY + "=\"" + org.coursebook.render.XhtmlWriter.esc(ch.slug(), true) + ":" + index + "\"";
        StringBuilder sb = new StringBuilder(xhtml.length() + 2 * attr.length());
        int depth = 0, copied = 0;
        for (int i = xhtml.indexOf('<'); i >= 0 && i + 1 < xhtml.length(); i = xhtml.indexOf('<', i + 1)) {
            for (String[] skip : new String[][] {{"<!--", "-->"}, {"<?", "?>"}, {"<![CDATA[", "]]>"}}) {
                if (xhtml.startsWith(skip[0], i)) {
                    int e = xhtml.indexOf(skip[1], i);
                    i = e < 0 ? xhtml.length() : e;
                }
            }
            if (i >= xhtml.length() - 1) break;
            char next = xhtml.charAt(i + 1);
            if (next == '/') {
                depth--;
                continue;
            }
            if (!Character.isLetter(next)) continue;
            int end = org.coursebook.render.PageBreakMarkers.tagEnd(xhtml, i);
            if (depth == 0) {
                int name = i + 1;
                while (name < end && !Character.isWhitespace(xhtml.charAt(name)) && xhtml.charAt(name) != '/') name++;
                sb.append(xhtml, copied, name).append(attr);
                copied = name;
            }
            if (xhtml.charAt(end - 1) != '/') depth++;
            i = end;
        }
        return sb.append(xhtml, copied, xhtml.length()).toString();
    }
}
