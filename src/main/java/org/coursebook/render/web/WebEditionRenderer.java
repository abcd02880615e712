package org.coursebook.render.web;

import org.coursebook.model.Asset;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Slugs;
import org.coursebook.model.Term;
import org.coursebook.render.ListingRenderer;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Rendered;
import org.coursebook.render.Written;
import org.coursebook.render.XhtmlWriter;
import org.coursebook.render.cover.CoverArt;
import org.coursebook.render.epub.EpubFonts;
import org.coursebook.render.epub.EpubRenderer;
import org.coursebook.render.fonts.TextFonts;
import org.coursebook.render.site.Downloads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The web edition: the whole course as a static website in {@code web/} of the output folder, written from the
 * same document tree and by the same {@link XhtmlWriter} as the EPUB ({@link XhtmlWriter#web}: pages
 * {@code part.html}, notes at the end of each page with a preview at each reference, key terms linked to the
 * glossary). It writes:
 * <ul>
 * <li>{@code index.html}, the front page ({@code web-front.ftl}): cover, title, description, the contents with
 *     each part's summary, and the downloads the pipeline hands over (EPUB, PDF, print cover, handouts, with
 *     sizes, page counts and checksums), which it links at {@code ../} (they stay where the build writes them);</li>
 * <li>a page a part ({@code web-page.ftl}): the part as the EPUB has it, in a page with a skip link, the
 *     contents in a sidebar (a {@code <details>} that folds away on a phone), previous and next links, and the
 *     chapter's handout if this build or an earlier one made it;</li>
 * <li>{@code css/base.css} and {@code css/web.css} (the book's {@code styles/} over the built-in ones), the
 *     book's fonts cut down to the characters the pages use ({@link EpubFonts}) with their licences, the images,
 *     the cover;</li>
 * <li>{@code search.js} and {@code search-index.js} ({@link SearchIndex}): search is the one thing that needs a
 *     script, and the pages hide the search box until the script shows it.</li>
 * </ul>
 * Nothing is loaded from elsewhere, so the edition works from {@code file://} as from any static host. It runs
 * after the renderers whose files it offers (a {@link ListingRenderer}) and never reads their output.
 */
public final class WebEditionRenderer implements ListingRenderer {
    /** The folder of the web edition in the output folder. */
    public static final String DIR = "web/";
    /** The front page, which lists the downloads (so the pipeline makes it again when they change). */
    public static final String FRONT_PAGE = DIR + "index.html";
    /** The page names the edition uses itself: a part may not have them. */
    static final List<String> RESERVED = List.of("index");
    static final List<String> STYLESHEETS = List.of("css/base.css", "css/web.css");
    /** Above this many parts, the sidebar lists the parts near the page's own, and the front page has them all. */
    static final int SIDEBAR_ALL = 60;
    /**
     * Up to this many parts, the fonts are cut down to the characters each face draws (the pages styled as the
     * EPUB's are); above it, every face the stylesheets name gets every character of the edition.
     */
    static final int PRECISE_FONTS = 100;
    /** How many parts before and after the page's own a long book's sidebar lists. */
    static final int SIDEBAR_NEAR = 7;

    private final CoverArt coverArt;
    /** Files left from earlier builds, hashed once while they stay the same (watch mode). */
    private final Downloads.Measurements measured = new Downloads.Measurements();

    /** @param coverArt the cover, shared with the other renderers that show it */
    public WebEditionRenderer(CoverArt coverArt) {
        this.coverArt = coverArt;
    }

    @Override
    public String format() {
        return "web";
    }

    /** Starts drawing the cover while the chapters are read. */
    @Override
    public void prepare(Book outline, RenderContext ctx) {
        coverArt.prefetch(outline, ctx, true, false);
    }

    /**
     * Writes the web edition into {@code web/}; a part whose page would take the front page's name is an error
     * at the part (nothing is written then).
     */
    @Override
    public Rendered render(Book book, RenderContext ctx, Files files) throws IOException {
        // the back-of-book index, longer than any chapter, is cut into pages of the edition's size
        List<Chapter> parts = IndexPages.split(book.allParts());
        boolean clash = false;
        for (Chapter ch : parts) {
            if (RESERVED.contains(ch.slug().toLowerCase(Locale.ROOT))) {
                ctx.diagnostics().error(ch.pos(), "the part '" + ch.sourceName() + "' would be the web edition's page "
                        + ch.slug() + ".html, which is its front page", "rename the file (for example to introduction.md) and its entry in the manifest");
                clash = true;
            }
        }
        if (clash) return Rendered.NOTHING;

        List<Downloads.Download> downloads = Downloads.find(book, files, ctx.output().dir(), measured, ctx.diagnostics(), "the web edition");
        Map<String, Downloads.Download> handouts = new HashMap<>();
        for (Downloads.Download d : downloads) if (d.chapter() != null && !d.isAllHandouts()) handouts.putIfAbsent(d.chapter().slug(), d);

        XhtmlWriter w = XhtmlWriter.web(ctx.templates(), termLinks(book));
        CoverArt.Size coverSize = coverArt.ebookSize(book);
        String coverName = book.meta().slug() + "-cover." + coverSize.extension();
        var built = ctx.buildTime().atOffset(ZoneOffset.UTC);
        Map<String, Object> base = new HashMap<>();
        base.put("book", book);
        base.put("meta", book.meta());
        base.put("w", w);
        base.put("stylesheets", STYLESHEETS);
        base.put("parts", parts);
        base.put("downloadRoot", "../");
        base.put("builtIso", DateTimeFormatter.ISO_LOCAL_DATE.format(built));
        base.put("builtText", DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(built));

        // the pages, in parallel (the templates and the writer are thread-safe)
        String[] pages = new String[parts.size()];
        IntStream.range(0, parts.size()).parallel().forEach(i -> {
            Chapter ch = parts.get(i);
            Map<String, Object> model = new HashMap<>(base);
            model.put("chapter", ch);
            if (i > 0) model.put("prev", parts.get(i - 1));
            if (i + 1 < parts.size()) model.put("next", parts.get(i + 1));
            Downloads.Download handout = handouts.get(ch.slug());
            if (handout != null) model.put("handout", handout);
            model.put("sidebar", sidebar(parts, i));
            model.put("sidebarAll", parts.size() <= SIDEBAR_ALL);
            pages[i] = ctx.templates().render("web-page.ftl", model);
        });
        Map<String, Object> front = new HashMap<>(base);
        front.put("cover", Map.of("href", coverName, "width", coverSize.width(), "height", coverSize.height()));
        front.put("handouts", downloads.stream().filter(d -> d.kind() == Downloads.Kind.HANDOUT).toList());
        front.put("bookFiles", downloads.stream().filter(d -> d.kind() != Downloads.Kind.HANDOUT).toList());
        String frontPage = ctx.templates().render("web-front.ftl", front);

        String baseCss = ctx.styles().css("base.css");
        String webCss = ctx.styles().css("web.css");
        List<String> documents = new ArrayList<>(List.of(pages));
        documents.add(frontPage);
        // A book of up to PRECISE_FONTS parts: each face cut down to the characters drawn with it, as in the EPUB. A
        // larger one: every style the stylesheets name gets every character the pages show, since styling each of
        // thousands of pages would cost more than the rest of the edition.
        EpubFonts.Result fonts;
        if (parts.size() <= PRECISE_FONTS) {
            documents.add(SCRIPT_PAGE);
            fonts = EpubFonts.build(documents, baseCss, webCss, ctx.styles().dir(), ctx.fonts());
        } else {
            fonts = EpubFonts.forAllStyles(shown(documents), baseCss, webCss, ctx.styles().dir(), ctx.fonts());
        }

        List<Written> out = new ArrayList<>();
        out.add(write(ctx, "index.html", Written.WEB_PAGE, frontPage));
        for (int i = 0; i < parts.size(); i++) out.add(write(ctx, w.href(parts.get(i), ""), Written.WEB_PAGE, pages[i]));
        out.add(write(ctx, STYLESHEETS.get(0), Written.WEB_FILE, baseCss));
        out.add(write(ctx, STYLESHEETS.get(1), Written.WEB_FILE, EpubRenderer.withRules(webCss, fonts.fontFaceRules())));
        for (EpubFonts.File f : fonts.files()) out.add(write(ctx, f.href(), Written.WEB_FILE, f.bytes()));
        if (!fonts.files().isEmpty()) out.add(write(ctx, "fonts/LICENSE.txt", Written.WEB_FILE, ctx.fonts().license()));
        for (Asset a : book.assets()) {
            byte[] image = java.nio.file.Files.readAllBytes(a.source());
            if (a.mediaType().equals("image/svg+xml")) image = org.coursebook.read.SvgChecker.forOutput(image);
            out.add(write(ctx, a.href(), Written.WEB_FILE, image));
        }
        out.add(write(ctx, "search.js", Written.WEB_FILE, resource("search.js")));
        out.add(write(ctx, "search-index.js", Written.WEB_FILE, SearchIndex.build(book, w::href)));
        CoverArt.Image cover = coverArt.ebook(book, ctx);
        if (!cover.size().equals(coverSize)) {
            throw new IllegalStateException("the cover came out " + cover.size() + ", not " + coverSize + " as announced");
        }
        out.add(write(ctx, coverName, Written.WEB_FILE, cover.bytes()));
        return Rendered.of(out);
    }

    /**
     * The glossary entry of every key term of the book, by the term in lower case, as the glossary names its
     * entries ({@code glossary.html#term-<slug of the transliteration or term>}, the first declaration's); empty
     * when the book has no glossary.
     */
    static Map<String, String> termLinks(Book book) {
        Chapter glossary = null;
        for (Chapter c : book.allParts()) if (c.isGlossary()) glossary = c;
        if (glossary == null) return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        for (Chapter c : book.chapters()) {
            for (Term t : c.terms()) {
                out.putIfAbsent(t.term().toLowerCase(Locale.ROOT), glossary.slug() + ".html#term-" + Slugs.slugify(t.sortKey()));
            }
        }
        return out;
    }

    /** The parts a page's sidebar lists: all of a book of up to {@value #SIDEBAR_ALL}, else those near part {@code at}. */
    static List<Chapter> sidebar(List<Chapter> parts, int at) {
        if (parts.size() <= SIDEBAR_ALL) return parts;
        int from = Math.max(0, Math.min(at - SIDEBAR_NEAR, parts.size() - 2 * SIDEBAR_NEAR - 1));
        return parts.subList(from, Math.min(parts.size(), from + 2 * SIDEBAR_NEAR + 1));
    }

    /** What the search script may show besides the pages' text: its messages, and a query in Latin letters at least. */
    static final String SCRIPT_TEXT;
    /** {@link #SCRIPT_TEXT} where the built-in templates show the search's status and results, for the font subsetter. */
    static final String SCRIPT_PAGE;

    static {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) ascii.append(c);
        SCRIPT_TEXT = ascii + "…–—“”‘’";
        String t = XhtmlWriter.esc(SCRIPT_TEXT, false);
        SCRIPT_PAGE = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><header class=\"site-header\"><form class=\"search\">"
                + "<input class=\"search-input\"/><p class=\"search-status\">" + t + "</p><ol class=\"search-results\"><li><a href=\"#\">"
                + "<span class=\"hit-part\">" + t + "</span> <span class=\"hit-section\">" + t + "</span></a></li></ol></form></header></body></html>";
    }

    /**
     * The characters (grapheme clusters) the pages and the search script show: the text of each page's body
     * outside the markup, character references resolved (attribute values, which no font draws here, are left
     * out with their tags).
     */
    static Set<String> shown(List<String> pages) {
        Set<String> out = new HashSet<>(TextFonts.clusters(SCRIPT_TEXT));
        for (Set<String> one : pages.parallelStream().map(WebEditionRenderer::shownOnPage).toList()) out.addAll(one);
        return out;
    }

    /**
     * The grapheme clusters of one page's body text, as {@link TextFonts#clusters} finds them in the text outside
     * the tags, in one pass over the page: a character that stands alone (most of them) is only marked in a bit
     * set; a character reference is resolved; a character with marks or joiners goes through TextFonts.
     */
    static Set<String> shownOnPage(String page) {
        java.util.BitSet single = new java.util.BitSet(0x500);
        Set<String> out = new HashSet<>();
        int n = page.length();
        int i = Math.max(page.indexOf("<body"), 0);
        while (i < n) {
            char c = page.charAt(i);
            if (c == '<') {
                int end = page.indexOf('>', i);
                i = end < 0 ? n : end + 1;
                continue;
            }
            if (c == '&') { // a reference: resolved with the text up to the next tag (jsoup knows them all)
                int end = page.indexOf('<', i);
                if (end < 0) end = n;
                out.addAll(TextFonts.clusters(org.jsoup.parser.Parser.unescapeEntities(page.substring(i, end), false)));
                i = end;
                continue;
            }
            int cp = page.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (next < n && (cp == 0x200D || extendsCluster(page.codePointAt(next)))) {
                int end = next;
                while (end < n) {
                    int x = page.codePointAt(end);
                    if (extendsCluster(x) || page.codePointBefore(end) == 0x200D) end += Character.charCount(x);
                    else break;
                }
                out.addAll(TextFonts.clusters(page.substring(i, end)));
                i = end;
                continue;
            }
            if (!Character.isWhitespace(cp) && !Character.isISOControl(cp) && cp != 0xA0) single.set(cp);
            i = next;
        }
        for (int cp = single.nextSetBit(0); cp >= 0; cp = single.nextSetBit(cp + 1)) out.add(Character.toString(cp));
        return out;
    }

    /** What continues a cluster (TextFonts' rule): combining marks, joiners, variation selectors, skin tones. */
    private static boolean extendsCluster(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
                || cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WebEditionRenderer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) throw new IOException("built-in file web/" + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Written write(RenderContext ctx, String path, String role, String text) throws IOException {
        return write(ctx, path, role, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Written write(RenderContext ctx, String path, String role, byte[] bytes) throws IOException {
        return ctx.output().write(DIR + path, role, -1, o -> o.write(bytes));
    }
}
