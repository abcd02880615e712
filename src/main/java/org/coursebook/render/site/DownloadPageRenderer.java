package org.coursebook.render.site;

import org.coursebook.model.Book;
import org.coursebook.render.RenderContext;
import org.coursebook.render.ListingRenderer;
import org.coursebook.render.Rendered;
import org.coursebook.render.Written;
import org.coursebook.render.cover.CoverArt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The course website's download page, {@code index.html}, with the cover image next to it: the cover, the
 * book's description and contents, and a link to every EPUB and PDF of the build with its size, page count and
 * SHA-256, and the build date. Self-contained: the stylesheet ({@code site.css}) is inlined, and the page
 * loads nothing but the cover image beside it; no scripts. It lists the files the pipeline gives it (those the
 * other renderers returned, and those earlier builds left: {@link Downloads}), so it runs after them.
 */
public final class DownloadPageRenderer implements ListingRenderer {
    public static final String PAGE = "index.html";

    private final CoverArt coverArt;
    /** Files left from earlier builds, hashed once while they stay the same (watch mode rebuilds the page). */
    private final Downloads.Measurements measured = new Downloads.Measurements();

    public DownloadPageRenderer(CoverArt coverArt) {
        this.coverArt = coverArt;
    }

    /** Starts drawing the cover while the chapters are read. */
    @Override
    public void prepare(Book outline, RenderContext ctx) {
        coverArt.prefetch(outline, ctx, true, false);
    }

    @Override
    public String format() {
        return "site";
    }

    @Override
    public Rendered render(Book book, RenderContext ctx, Files files) throws IOException {
        List<Downloads.Download> downloads = Downloads.find(book, files, ctx.output().dir(), measured, ctx.diagnostics());
        CoverArt.Image cover = coverArt.ebook(book, ctx);
        String coverName = book.meta().slug() + "-cover." + cover.extension();

        Map<String, Object> model = new HashMap<>();
        model.put("book", book);
        model.put("w", org.coursebook.render.XhtmlWriter.epub(ctx.templates()));
        model.put("meta", book.meta());
        model.put("css", ctx.styles().css("site.css"));
        model.put("cover", Map.of("href", coverName, "width", cover.width(), "height", cover.height()));
        model.put("downloads", downloads);
        model.put("handouts", downloads.stream().filter(d -> d.kind() == Downloads.Kind.HANDOUT).toList());
        model.put("bookFiles", downloads.stream().filter(d -> d.kind() != Downloads.Kind.HANDOUT).toList());
        var built = ctx.buildTime().atOffset(ZoneOffset.UTC);
        model.put("builtIso", DateTimeFormatter.ISO_LOCAL_DATE.format(built));
        model.put("builtText", DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(built));
        byte[] page = ctx.templates().render("download-page.ftl", model).getBytes(StandardCharsets.UTF_8);

        return Rendered.of(ctx.output().write(coverName, Written.PAGE_COVER, -1, out -> out.write(cover.bytes())),
                ctx.output().write(PAGE, Written.DOWNLOAD_PAGE, -1, out -> out.write(page)));
    }
}
