package org.coursebook.render.web;

import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.render.Written;
import org.coursebook.support.Builds;
import org.coursebook.support.TestBook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The web edition's files, read with jsoup: the real book's (every page, every link, the search index, the
 * fonts), and small books built with some formats only, with a name that clashes, and with their own stylesheet
 * and template. The browser's view is {@link WebEditionBrowserTest}'s.
 */
class WebEditionTest {
    @TempDir
    Path tmp;

    static Path web() {
        return Builds.realOut().resolve("web");
    }

    static List<Path> pages(Path web) throws IOException {
        try (Stream<Path> s = Files.list(web)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    static Document page(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    @Test
    void everyPartHasAPageUnder100KbAndEveryLinkAndFragmentResolves() throws IOException {
        Path web = web();
        List<Path> pages = pages(web);
        int parts = IndexPages.split(Builds.realBook().book().allParts()).size();
        assertEquals(1 + parts, pages.size(), "the front page and " + parts + " parts: " + pages);
        Map<Path, Document> docs = new HashMap<>();
        for (Path p : pages) {
            assertTrue(Files.size(p) < 100_000, p.getFileName() + " is under 100 KB: " + Files.size(p));
            docs.put(p.toAbsolutePath().normalize(), page(p));
        }
        int links = 0, fragments = 0;
        for (Map.Entry<Path, Document> e : docs.entrySet()) {
            Document d = e.getValue();
            assertEquals(1, d.select("main#main").size(), "a main landmark");
            assertNotNull(d.selectFirst("a.skip-link[href=#main]"), "a skip link");
            assertEquals(1, d.select("h1").size(), "one h1 in " + e.getKey().getFileName());
            for (Element el : d.select("a[href], link[href], script[src], img[src]")) {
                String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                if (!el.tagName().equals("a")) {
                    assertFalse(ref.matches("(?i)^([a-z]+:|//).*"), "no resource from elsewhere: " + el);
                }
                if (ref.matches("(?i)^(https?|mailto):.*")) continue;
                links++;
                URI uri = URI.create(ref);
                Path target = uri.getPath().isEmpty() ? e.getKey() : e.getKey().getParent().resolve(uri.getPath()).normalize();
                assertTrue(Files.isRegularFile(target), ref + " in " + e.getKey().getFileName() + " leads to a file");
                if (uri.getFragment() != null) {
                    fragments++;
                    Document t = docs.get(target);
                    assertNotNull(t, ref + " leads to a page");
                    assertNotNull(t.getElementById(uri.getFragment()), ref + " in " + e.getKey().getFileName() + ": the fragment exists");
                }
            }
        }
        assertTrue(links > 1000 && fragments > 300, links + " links, " + fragments + " with fragments");
        for (String css : List.of("css/base.css", "css/web.css")) {
            String text = Files.readString(web.resolve(css));
            assertFalse(text.matches("(?s).*url\\(\\s*[\"']?(https?:|//).*") || text.contains("@import"), css + " loads nothing from elsewhere");
        }
    }

    @Test
    void aChapterPageHasEverythingTheBookHas() throws IOException {
        Document d = page(web().resolve("08-great-leap-to-socialism.html"));
        assertEquals("Chapter 8. “Great Leap” to Socialism · Soviet Russia", d.title());
        assertEquals("en", d.selectFirst("html").attr("lang"), "the page is in the book's language");
        assertTrue(d.select(".lecture-points li").size() >= 8, "the lecture bullet points");
        assertFalse(d.select("aside.pullquote.lifted[aria-hidden=true]").isEmpty(), "a lifted pull-quote, hidden from screen readers");
        assertFalse(d.select("figure.pullquote.primary figcaption").isEmpty(), "a primary-source quotation with its attribution");
        assertFalse(d.select("[lang=ru]").isEmpty(), "Russian marked lang=ru");
        Element term = d.selectFirst("a.term-link");
        assertNotNull(term, "a key term linked to the glossary");
        assertTrue(term.attr("href").startsWith("glossary.html#term-"), term.toString());
        assertEquals(1, d.select("a.term-link[href=glossary.html#term-kolkhoz]").size(), "each term linked once, at its first use");
        assertTrue(d.select("h1 a.term-link, h2 a.term-link, h3 a.term-link").isEmpty(), "never inside a heading");
        // notes at the end, each linked both ways, with a preview for the pointer
        var refs = d.select("main a.noteref[id]");
        assertFalse(refs.isEmpty());
        for (Element ref : refs) {
            Element note = d.getElementById(ref.attr("href").substring(1));
            assertNotNull(note, ref.toString());
            assertTrue(note.parent().hasClass("notes"), "the note is in the notes at the end");
            assertNotNull(note.selectFirst("a[href=#" + ref.id() + "]"), "note " + note.id() + " links back");
            Element preview = ref.nextElementSibling();
            assertTrue(preview != null && preview.hasClass("note-preview") && preview.attr("aria-hidden").equals("true"), "a preview after " + ref);
        }
        assertEquals("07-the-socialist-experiment.html", d.selectFirst("a[rel=prev]").attr("href"));
        assertEquals("09-the-ussr-in-world-war-ii.html", d.selectFirst("a[rel=next]").attr("href"));
        assertEquals("../handouts/08-great-leap-to-socialism.pdf", d.selectFirst(".handout-link a").attr("href"));
        assertEquals("page", d.selectFirst(".contents a[href=08-great-leap-to-socialism.html]").attr("aria-current"));
        assertEquals(8, d.select(".contents-sections li").size(), "the chapter's sections in the sidebar");
        assertTrue(d.selectFirst("#search").hasAttr("hidden"), "the search box waits for the script");
    }

    @Test
    void tablesFiguresSidebarsAndCrossReferencesComeThrough() throws IOException {
        int tables = 0, captions = 0, sources = 0, figures = 0, sidebars = 0, xrefs = 0;
        for (Path p : pages(web())) {
            Document d = page(p);
            tables += d.select(".table-wrap[role=region][tabindex=0] table").size();
            captions += d.select("table > caption").size();
            sources += d.select(".table-source").size();
            figures += d.select("figure img[alt]").size();
            sidebars += d.select("aside.sidebar").size();
            xrefs += d.select("a.xref").size();
        }
        assertTrue(tables > 5 && captions == tables && sources > 3, tables + " tables, " + captions + " captions, " + sources + " sources");
        assertTrue(figures >= 1, "the figure");
        assertTrue(sidebars > 5, "sidebars: " + sidebars);
        assertTrue(xrefs > 10, "cross-references: " + xrefs);
    }

    @Test
    void theFrontPageOffersTheDownloadsWithSizesPagesAndChecksums() throws IOException {
        Document d = page(web().resolve("index.html"));
        assertEquals("Soviet Russia", d.selectFirst("h1").text());
        assertEquals(IndexPages.split(Builds.realBook().book().allParts()).size(), d.select("#contents .toc-part").size(),
                "every part in the contents (the index in pages)");
        assertEquals(14, d.select("#contents .toc-chapter .summary").size(), "each chapter with its summary");
        assertNotNull(d.selectFirst("img.cover[src=soviet-russia-cover.png][alt]"));
        Element epub = d.selectFirst(".downloads a[href=../soviet-russia.epub]");
        assertNotNull(epub);
        assertTrue(d.selectFirst(".downloads a[href=../soviet-russia.pdf]").parent().text().matches(".*\\d+ pages, [\\d.]+ (KB|MB).*"),
                "the PDF with its pages and size");
        assertEquals(15, d.select(".downloads .handouts a").size(), "fourteen handouts and the file of all of them");
        assertEquals(18, d.select("details.checksums .sha256").size(), "every file's checksum, folded away");
        for (Element sum : d.select(".sha256")) assertTrue(sum.text().matches("[0-9a-f]{64}"));
    }

    @Test
    void theSearchIndexHoldsCyrillicAndLatinWordsAndTheKeyTermsTransliterations() throws IOException {
        String index = Files.readString(web().resolve("search-index.js"), StandardCharsets.UTF_8);
        assertTrue(index.startsWith(SearchIndex.CALLBACK + "({\"docs\":["), index.substring(0, 40));
        assertTrue(index.contains("\n\"колхоз\":["), "the Cyrillic term");
        assertTrue(index.contains("\n\"kolkhoz\":["), "its transliteration");
        assertTrue(index.contains("[\"08-great-leap-to-socialism.html#collectivisation-and-dekulakisation\","), "sections are places of their own");
        assertEquals(List.of("замок", "ежовщина", "kolkhoz", "1932"), SearchIndex.words("За́мок, ЕЖОВЩИНА! kolkhoz 1932 a"));
    }

    @Test
    void theFontsAreTheBooksCutDownWithTheirLicence() throws IOException {
        Path fonts = web().resolve("fonts");
        try (Stream<Path> s = Files.list(fonts)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".ttf")).toList();
            assertTrue(files.size() >= 4, files.toString());
            for (Path f : files) assertTrue(Files.size(f) < 40_000, f + " is cut down: " + Files.size(f));
        }
        assertTrue(Files.readString(fonts.resolve("LICENSE.txt")).contains("SIL Open Font License"));
        assertTrue(Files.readString(web().resolve("css/web.css")).startsWith("/* The fonts of this book"), "the @font-face rules on top");
    }

    @Test
    void theCharactersAPageShowsAreFoundAsTheFontSubsetterFindsThem() throws IOException {
        for (Path p : pages(web())) {
            String html = Files.readString(p, StandardCharsets.UTF_8);
            assertEquals(org.coursebook.render.fonts.TextFonts.clusters(Jsoup.parse(html).body().wholeText()), WebEditionRenderer.shownOnPage(html),
                    p.getFileName().toString());
        }
        String marks = "<body><p>за́мок &amp; e\u0301 👩\u200D💻 ✌\uFE0F &lt;x&gt; &quot;q&quot;</p></body>";
        assertEquals(org.coursebook.render.fonts.TextFonts.clusters(Jsoup.parse(marks).body().wholeText()), WebEditionRenderer.shownOnPage(marks));
    }

    @Test
    void aBookOfManyPartsGetsEveryStyleItsStylesheetsNameWithEveryCharacter() throws IOException {
        String base = Files.readString(Path.of("styles/base.css")), webCss = Files.readString(Path.of("styles/web.css"));
        var fonts = org.coursebook.render.epub.EpubFonts.forAllStyles(Set.of("a", "ж", "Ω"), base, webCss, null, new org.coursebook.render.Fonts());
        List<String> files = fonts.files().stream().map(f -> f.href()).toList();
        assertTrue(files.containsAll(List.of("fonts/LiberationSerif-Regular.ttf", "fonts/LiberationSerif-BoldItalic.ttf",
                "fonts/LiberationSans-Bold.ttf", "fonts/LiberationMono-Italic.ttf")), files.toString());
        assertTrue(fonts.fontFaceRules().contains("font-family: \"Liberation Serif\"; font-weight: 700; font-style: italic;"), fonts.fontFaceRules());
        assertTrue(files.stream().noneMatch(f -> f.contains("DejaVu")), "no fallback face for characters the Liberation faces have: " + files);
    }

    @Test
    void webAloneWritesOnlyTheWebEditionAndAFrontPageWithoutDownloads() throws IOException {
        Path manifest = Builds.copyBook("small", tmp.resolve("src"));
        Path out = tmp.resolve("out");
        BuildPipeline.Result r = Builds.build(manifest, out, Set.of("web"));
        for (Written w : r.files()) assertTrue(w.path().startsWith("web/"), w.path());
        assertTrue(r.files().stream().allMatch(w -> w.role().equals(Written.WEB_PAGE) || w.role().equals(Written.WEB_FILE)));
        Document front = page(out.resolve("web/index.html"));
        assertNull(front.selectFirst(".downloads"), "nothing to download");
        assertNull(page(out.resolve("web/one.html")).selectFirst(".handout-link"), "no handout was built");
        assertTrue(Files.isRegularFile(out.resolve("web/images/square.svg")), "the images");

        // handouts built later: the front page and the chapters' pages are made again and offer them
        BuildPipeline.Result later = Builds.build(manifest, out, Set.of("handouts"));
        assertTrue(later.files().stream().anyMatch(w -> w.path().equals("web/index.html")), "the web edition was made again");
        assertTrue(later.stages().stream().anyMatch(s -> s.name().equals("web edition")));
        assertNotNull(page(out.resolve("web/index.html")).selectFirst(".downloads .handouts a[href=../handouts/01-the-first-chapter.pdf]"),
                page(out.resolve("web/index.html")).select(".downloads").outerHtml());
        assertNotNull(page(out.resolve("web/one.html")).selectFirst(".handout-link a[href=../handouts/01-the-first-chapter.pdf]"));
    }

    @Test
    void aRebuildAsWatchDoesItShowsTheEditOnTheWebPage() throws IOException {
        TestBook b = TestBook.create(tmp.resolve("src"));
        Path out = tmp.resolve("out");
        var pipeline = new BuildPipeline(org.coursebook.render.Renderers.all(), x -> {});
        var cache = new org.coursebook.build.ChapterCache();
        var opts = b.options(out).withFormats(Set.of("web"));
        pipeline.build(opts, cache);
        assertTrue(page(out.resolve("web/ch.html")).text().contains("Some text."));
        b.body("Edited text.\n\n## A Section\n\nMore text.\n");
        cache.forget("ch.md"); // what the watcher does when the file changes
        pipeline.build(opts, cache);
        Document d = page(out.resolve("web/ch.html"));
        assertTrue(d.text().contains("Edited text.") && !d.text().contains("Some text."), d.text());
        assertTrue(Files.readString(out.resolve("web/search-index.js")).contains("\n\"edited\":["), "the search index too");
    }

    @Test
    void aPartNamedIndexIsWrittenAsIndexPageNotOverTheFrontPage() throws IOException {
        // Quarto's first page is index.qmd, and many sites have an index.md: the front page keeps index.html
        TestBook b = TestBook.create(tmp.resolve("src"));
        b.file("book.yaml", TestBook.MANIFEST.replace("- ch.md", "- index.md\n  - two.md"));
        b.file("index.md", TestBook.CHAPTER);
        b.file("two.md", TestBook.CHAPTER.replace("Some text.", "See [the first chapter](index.md)."));
        Path out = tmp.resolve("out");
        var r = Builds.build(b.manifest(), out, Set.of("web", "epub"));
        TestBook.noErrors(r.diagnostics());
        assertTrue(Files.exists(out.resolve("web/index-page.html")));
        assertTrue(page(out.resolve("web/index.html")).selectFirst("a[href=index-page.html]") != null, "the front page lists it");
        assertTrue(page(out.resolve("web/two.html")).selectFirst("a[href=index-page.html]") != null, "links to index.md land on it");
    }

    @Test
    void aBooksOwnStylesheetAndTemplateReplaceTheBuiltInOnes() throws IOException {
        TestBook b = TestBook.create(tmp.resolve("src"));
        b.file("styles/web.css", "body { font-family: \"Liberation Sans\", sans-serif; background: #eef; }\n");
        b.file("styles/templates/web-page.ftl", "<#import \"lib/web.ftl\" as web><@web.page title=chapter.title() current=chapter.slug()>"
                + "<p class=\"mine\">My own page for ${chapter.title()}</p>${w.blocks(chapter)?no_esc}</@web.page>");
        Path out = tmp.resolve("out");
        Builds.build(b.manifest(), out, Set.of("web"));
        String css = Files.readString(out.resolve("web/css/web.css"));
        assertTrue(css.contains("background: #eef;"), css);
        assertTrue(css.contains("@font-face { font-family: \"Liberation Sans\""), "the book's font, cut down: " + css);
        Document d = page(out.resolve("web/ch.html"));
        assertEquals("My own page for A Chapter", d.selectFirst("p.mine").text());
        assertTrue(d.text().contains("Some text."));
    }
}
