package org.coursebook.render.handout;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.coursebook.model.Book;
import org.coursebook.model.BookMeta;
import org.coursebook.model.Chapter;
import org.coursebook.model.PageSize;
import org.coursebook.model.Slugs;
import org.coursebook.render.CodeWrap;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Rendered;
import org.coursebook.render.Renderer;
import org.coursebook.render.Written;
import org.coursebook.render.pdf.PdfEngine;
import org.coursebook.render.pdf.PdfFinisher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lecture handouts: for every chapter, {@code handouts/NN-<title>.pdf} with the course and book title, the lecture
 * number and chapter title, the lecture bullet points, the chapter's primary-source quotations, its key terms and
 * a ruled area for notes; and {@code handouts/all-handouts.pdf} with every lecture, each starting on an odd page
 * so that a duplex print gives each lecture its own sheets. Drawn from {@code handout.ftl} with {@code base.css}
 * and {@code handout.css} by the same engine as the book (fonts, PDF/UA-1, PDF/A-2u), on the manifest's
 * handout paper.
 */
public final class HandoutRenderer implements Renderer {
    public static final String DIR = "handouts/";
    public static final String ALL = "all-handouts.pdf";
    /** Ruled lines in the notes area. */
    static final int NOTE_LINES = 12;

    private final PdfEngine engine;

    public HandoutRenderer(PdfEngine engine) {
        this.engine = engine;
    }

    @Override
    public String format() {
        return "handouts";
    }

    /** Whether a chapter has anything a handout shows: lecture bullet points, a quotation with its source, key terms. */
    public static boolean hasHandout(Chapter ch) {
        return !ch.lecturePoints().isEmpty() || !ch.terms().isEmpty() || ch.pullQuotes().stream().anyMatch(q -> q.isPrimary());
    }

    /** The handout's file name: the chapter number and the slug of its title, {@code 04-the-soviet-system.pdf}. */
    public static String fileName(Chapter ch) {
        return String.format(java.util.Locale.ROOT, "%02d-%s.pdf", ch.number(), Slugs.slugify(ch.title()));
    }

    @Override
    public Rendered render(Book book, RenderContext ctx) throws IOException {
        // a chapter with nothing for a handout (no lecture points, quotations or key terms) gets none
        List<Chapter> chapters = book.chapters().stream().filter(HandoutRenderer::hasHandout).toList();
        if (chapters.isEmpty()) return Rendered.NOTHING;
        List<Written> written = new ArrayList<>();
        String css = pageCss(book.meta().handoutPaper()) + ctx.styles().printCss("base.css") + ctx.styles().printCss("handout.css");
        List<String> fillAfter = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter ch = chapters.get(i);
            PdfEngine.Drawn pdf = build(book, List.of(ch), List.of(), "Lecture " + ch.number() + ": " + ch.title(), css, false, ctx);
            if (pdf.pages() % 2 == 1 && i < chapters.size() - 1) fillAfter.add(ch.slug());
            written.add(ctx.output().write(DIR + fileName(ch), Written.HANDOUT, pdf.pages(), out -> out.write(pdf.bytes())));
        }
        // The same lectures in one document: laid out exactly as above, so the page counts tell where a blank
        // page is needed for the next lecture to start on an odd page.
        PdfEngine.Drawn all = build(book, chapters, fillAfter, "Lecture handouts: " + book.meta().title(), css, true, ctx);
        written.add(ctx.output().write(DIR + ALL, Written.ALL_HANDOUTS, all.pages(), out -> out.write(all.bytes())));
        return Rendered.of(written);
    }

    /** One handout document; the combined one is checked, while it is open, to start each lecture on an odd page. */
    private PdfEngine.Drawn build(Book book, List<Chapter> lectures, List<String> fillAfter, String title, String css,
                                  boolean combined, RenderContext ctx) throws IOException {
        BookMeta meta = book.meta();
        Map<String, Object> model = new HashMap<>();
        model.put("meta", meta);
        model.put("lectures", lectures);
        model.put("fillAfter", fillAfter);
        model.put("docTitle", title);
        model.put("css", css);
        model.put("noteLines", NOTE_LINES);
        model.put("w", org.coursebook.render.XhtmlWriter.handout(ctx.templates(), codeColumns(meta.handoutPaper()),
                org.coursebook.render.pdf.PrintImages.sources(book)));
        String xhtml = ctx.templates().render("handout.ftl", model);
        return engine.draw(xhtml, book.sourceDir(), ctx.fonts(), doc -> {
            PdfFinisher.finish(doc, meta, title, ctx.buildTime(), 0);
            if (combined) checkOddStarts(doc, lectures.size());
        });
    }

    /** The columns of code a listing's line may take on the paper before it wraps: body 10.5 pt (handout.css), code 0.8 em. */
    static int codeColumns(PageSize paper) {
        double sides = paper == PageSize.A4 ? 2 * 20 * 72 / 25.4 : 2 * 0.8 * 72;
        return CodeWrap.columns(paper.widthPt() - sides - 2 * CodeWrap.PRINT_BODY_MARGIN_PT, 10.5 * 0.8);
    }

    /** Page size and margins: the same on every page (handouts are not bound). */
    static String pageCss(PageSize paper) {
        String margin = paper == PageSize.A4 ? "18mm 20mm 22mm 20mm" : "0.7in 0.8in 0.85in 0.8in";
        return "@page { size: " + paper.css() + "; margin: " + margin + "; }\n";
    }

    /** Every lecture of the combined file must start on an odd page; a layout that breaks this is a bug here. */
    private static void checkOddStarts(PDDocument doc, int lectures) throws IOException {
        var outline = doc.getDocumentCatalog().getDocumentOutline();
        int n = 0;
        if (outline != null) {
            for (PDOutlineItem item : outline.children()) {
                PDPage page = item.findDestinationPage(doc);
                int index = page == null ? -1 : doc.getPages().indexOf(page);
                if (index < 0 || index % 2 != 0) {
                    throw new IllegalStateException("all-handouts: '" + item.getTitle() + "' starts on page " + (index + 1)
                            + ", not on an odd page");
                }
                n++;
            }
        }
        if (n != lectures) throw new IllegalStateException("all-handouts: " + n + " lectures in the outline, expected " + lectures);
    }
}
