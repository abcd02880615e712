package org.coursebook.render.epub;

import org.coursebook.model.Asset;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.render.CodeWrap;
import org.coursebook.render.Fonts;
import org.coursebook.render.PageBreakMarkers;
import org.coursebook.render.Pagination;
import org.coursebook.render.RenderContext;
import org.coursebook.render.cover.CoverArt;
import org.coursebook.render.Rendered;
import org.coursebook.render.Renderer;
import org.coursebook.render.Written;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packages the book as EPUB 3.3: {@code mimetype} first and stored, {@code container.xml}, a package document,
 * a navigation document that is also the book's contents page, an NCX for older readers, a cover page with the
 * cover image (marked {@code cover-image}), title and copyright pages, one XHTML file a part, the stylesheets,
 * the embedded fonts and the images.
 */
public final class EpubRenderer implements Renderer {
    static final String CONTAINER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles>
                <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
              </rootfiles>
            </container>
            """;
    static final List<String> STYLESHEETS = List.of("css/base.css", "css/epub.css");

    /** One manifest item of the package document. */
    /** A file of the publication; {@code content} is null only for the cover image, which is added last. */
    public record Item(String id, String href, String mediaType, String properties, byte[] content) {}

    /** Where the e-book gets the print book's pagination from (the print renderer of the same build). */
    @FunctionalInterface
    public interface PrintPages {
        /** The pagination of the print book of {@code book} drawn in this build ({@code ctx}), or null if none was drawn. */
        Pagination of(Book book, RenderContext ctx) throws IOException;
    }

    private final CoverArt coverArt;
    private final PrintPages printPages;

    /** An e-book without the print book's page numbers. */
    public EpubRenderer() {
        this(new CoverArt(), null);
    }

    /** @param coverArt the cover, shared with the other renderers that show it */
    public EpubRenderer(CoverArt coverArt) {
        this(coverArt, null);
    }

    /**
     * @param coverArt   the cover, shared with the other renderers that show it
     * @param printPages the print book's pagination, for page-break markers and a page list (EPUB 3.3 §7.4.2.2,
     *                   EPUB Accessibility 1.1 §"Page navigation"); null for an e-book without them
     */
    public EpubRenderer(CoverArt coverArt, PrintPages printPages) {
        this.coverArt = coverArt;
        this.printPages = printPages;
    }

    /** Starts drawing the cover while the chapters are read. */
    @Override
    public void prepare(Book outline, RenderContext ctx) {
        coverArt.prefetch(outline, ctx, true, false);
    }

    @Override
    public String format() {
        return "epub";
    }

    /**
     * What the build's progress line for the e-book says when the build made no print book: a build of the EPUB
     * alone does not lay the print book out (that would make it two to three times slower), so its EPUB has no
     * page-break markers and no page list.
     */
    public static final String NO_PRINT_PAGES = "no print page numbers: build it with the PDF (--format epub,pdf) for its page list";

    @Override
    public Rendered render(Book book, RenderContext ctx) throws IOException {
        Pagination pagination = printPages == null ? null : printPages.of(book, ctx);
        byte[] epub = build(book, ctx, pagination);
        return Rendered.of(ctx.output().write(book.meta().slug() + ".epub", Written.EBOOK, -1, out -> out.write(epub)))
                .withNote(printPages != null && pagination == null ? NO_PRINT_PAGES : "");
    }

    /** The EPUB's bytes, with the print book's page numbers if this build made it. */
    public byte[] build(Book book, RenderContext ctx) throws IOException {
        return build(book, ctx, printPages == null ? null : printPages.of(book, ctx));
    }

    /**
     * The EPUB's bytes.
     *
     * @param pagination the print book's pagination, for page-break markers and a page list; null for none
     */
    public byte[] build(Book book, RenderContext ctx, Pagination pagination) throws IOException {
        List<Item> items = new ArrayList<>();
        List<String> spine = new ArrayList<>();
        Map<String, Object> base = baseModel(book);
        PageBreakMarkers markers = pagination == null || pagination.size() == 0 ? null : new PageBreakMarkers(pagination, book);
        base.put("w", org.coursebook.render.XhtmlWriter.epub(ctx.templates()).withBlockHook(markers));
        base.put("pageList", markers == null ? List.of() : markers.entries().stream()
                .map(e -> Map.of("label", e.label(), "href", e.href())).toList());

        // The cover may still be drawing on another thread (see prepare): only its size is needed until the end.
        CoverArt.Size coverSize = coverArt.ebookSize(book);
        String coverHref = "cover." + coverSize.extension();
        base.put("cover", Map.of("id", "cover-image", "image", coverHref, "page", "cover.xhtml",
                "width", coverSize.width(), "height", coverSize.height()));
        items.add(new Item("cover-image", coverHref, coverSize.mediaType(), "cover-image", null));
        items.add(new Item("cover", "cover.xhtml", XHTML, "", bytes(ctx.templates().render("cover-page.ftl", base))));
        spine.add("cover");
        items.add(page(ctx, base, "title", "Title page", "title.xhtml", markers));
        spine.add("title");
        items.add(page(ctx, base, "copyright", "Copyright", "copyright.xhtml", markers));
        spine.add("copyright");
        items.add(new Item("nav", "nav.xhtml", XHTML, "nav", bytes(marked(markers, "nav.xhtml", ctx.templates().render("nav.ftl", base)))));
        spine.add("nav");

        List<Chapter> parts = book.allParts();
        String[] rendered = new String[parts.size()];
        java.util.stream.IntStream.range(0, parts.size()).parallel().forEach(i -> {
            Map<String, Object> model = new HashMap<>(base);
            model.put("chapter", parts.get(i));
            rendered[i] = marked(markers, parts.get(i).fileName(), ctx.templates().render("chapter.ftl", model));
        });
        for (int i = 0; i < parts.size(); i++) {
            Chapter c = parts.get(i);
            String id = "part-" + c.slug();
            items.add(new Item(id, c.fileName(), XHTML, "", bytes(rendered[i])));
            spine.add(id);
        }
        items.add(new Item("ncx", "toc.ncx", "application/x-dtbncx+xml", "",
                bytes(ctx.templates().render("toc.ncx.ftl", base))));
        String baseCss = ctx.styles().css("base.css");
        String epubCss = ctx.styles().css("epub.css");
        List<String> documents = new ArrayList<>();
        for (Item i : items) if (i.mediaType().equals(XHTML)) documents.add(new String(i.content(), StandardCharsets.UTF_8));
        EpubFonts.Result fonts = EpubFonts.build(documents, baseCss, epubCss, ctx.styles().dir(), ctx.fonts());
        items.add(new Item("css-base", "css/base.css", "text/css", "", bytes(baseCss)));
        items.add(new Item("css-epub", "css/epub.css", "text/css", "", bytes(withRules(epubCss, fonts.fontFaceRules()))));
        for (EpubFonts.File f : fonts.files()) {
            String id = "font-" + f.href().replaceFirst("^fonts/", "").replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT);
            items.add(new Item(id, f.href(), f.mediaType(), "", f.bytes()));
        }
        int n = 0;
        for (Asset a : book.assets()) {
            byte[] image = Files.readAllBytes(a.source());
            if (a.mediaType().equals("image/svg+xml")) image = org.coursebook.read.SvgChecker.forOutput(image);
            items.add(new Item("img-" + (++n), a.href(), a.mediaType(), "", image));
        }

        Map<String, Object> opf = new LinkedHashMap<>(base);
        opf.put("items", items.stream().map(EpubRenderer::itemModel).toList());
        opf.put("spine", spine);
        opf.put("publisher", ctx.institution().publisher());
        opf.put("modified", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").format(ctx.buildTime().atOffset(ZoneOffset.UTC)));
        opf.put("accessibility", Accessibility.of(book, true, markers != null).model());
        opf.put("printSource", markers == null ? "" : printSource(book));
        byte[] packageDoc = bytes(ctx.templates().render("package.opf.ftl", opf));

        EpubZip zip = new EpubZip(ctx.buildTime());
        zip.stored("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII));
        zip.deflated("META-INF/container.xml", bytes(CONTAINER));
        zip.deflated("META-INF/LICENSE-fonts.txt", bytes(ctx.fonts().license()));
        zip.deflated("OEBPS/package.opf", packageDoc);
        for (Item i : items) if (i.content() != null) zip.deflated("OEBPS/" + i.href(), i.content());
        CoverArt.Image cover = coverArt.ebook(book, ctx);
        if (!cover.size().equals(coverSize)) {
            throw new IllegalStateException("the cover came out " + cover.size() + ", not " + coverSize + " as announced");
        }
        zip.stored("OEBPS/" + coverHref, cover.bytes()); // PNG and JPEG are compressed already
        return zip.finish();
    }

    private static final String XHTML = "application/xhtml+xml";

    /** The stylesheet with {@code rules} at its top (after an {@code @charset}, which must come first). */
    public static String withRules(String css, String rules) {
        if (rules.isEmpty()) return css;
        String head = "/* The fonts of this book (embedded, cut down to the characters it uses). */\n" + rules;
        if (css.startsWith("@charset")) {
            int end = css.indexOf(';');
            if (end > 0) return css.substring(0, end + 1) + "\n" + head + css.substring(end + 1);
        }
        return head + css;
    }

    private Map<String, Object> baseModel(Book book) {
        Map<String, Object> m = new HashMap<>();
        m.put("book", book);
        m.put("meta", book.meta());
        m.put("stylesheets", STYLESHEETS);
        return m;
    }

    private Item page(RenderContext ctx, Map<String, Object> base, String which, String title, String href, PageBreakMarkers markers) {
        Map<String, Object> m = new HashMap<>(base);
        m.put("which", which);
        m.put("pageTitle", title);
        return new Item(which, href, XHTML, "", bytes(marked(markers, href, ctx.templates().render("page.ftl", m))));
    }

    /** A document with the page-break markers that go at the start or end of its body (none without markers). */
    private static String marked(PageBreakMarkers markers, String file, String xhtml) {
        return markers == null ? xhtml : markers.document(file, xhtml);
    }

    /**
     * The print edition the page numbers come from, as the package names it ({@code dc:source} and
     * {@code pageBreakSource}): the book's title and identifier, and the print book's page size.
     */
    static String printSource(Book book) {
        org.coursebook.model.PageSize size = book.meta().pageSize();
        String paper = switch (size) {
            case LETTER -> "US Letter";
            case A4 -> "A4";
            case TRADE -> "trade paperback, 6 × 9 in";
            case A5 -> "A5";
            case HALF_LETTER -> "half letter, 5.5 × 8.5 in";
        };
        return book.meta().title() + ", print edition (PDF, " + paper + "), " + book.meta().identifier();
    }

    private static Map<String, String> itemModel(Item i) {
        return Map.of("id", i.id(), "href", i.href(), "mediaType", i.mediaType(), "properties", i.properties());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void copy(byte[] b, OutputStream out) throws IOException {
        out.write(b);
    }
}
