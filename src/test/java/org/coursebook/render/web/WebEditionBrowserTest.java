package org.coursebook.render.web;

import org.coursebook.support.Builds;
import org.coursebook.support.Chromium;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real book's web edition in headless Chromium, offline, as a reader's browser shows it: the front page and a
 * chapter at a phone's width (390 px) and a desktop's (1280 px). A probe page of the test's own
 * (src/test/resources/web-probe/probe.js, never shipped) frames each page and reports what it finds: nothing on
 * the console, every image, stylesheet and font loaded, nothing wider than the screen, every link and fragment
 * leading to a file and an element that exist, each note reference leading to its note and the note back,
 * the note's preview shown on focus, the contents folded on the phone and open on the desktop, the search box
 * finding the collectivisation chapter for both колхоз and kolkhoz, and axe-core (the org.webjars.npm:axe-core
 * webjar) reporting no violation of WCAG 2.0/2.1 A and AA. Screenshots go to target/web-screenshots for people
 * to look at, with axe-core's best-practice advice (not WCAG failures) in axe-advice.txt there.
 */
class WebEditionBrowserTest {
    static final Path SHOTS = Path.of("target/web-screenshots");
    static final String CHAPTER = "08-great-leap-to-socialism.html";
    static Path web;
    static Path probeDir;
    static String axeUrl;

    @BeforeAll
    static void setUp() throws IOException {
        Chromium.binary(); // fail at once, with the install hint, on a machine without Chromium
        web = Builds.realOut().toAbsolutePath().resolve("web");
        probeDir = Path.of("target/web-probe").toAbsolutePath();
        Files.createDirectories(probeDir);
        Files.createDirectories(SHOTS);
        try (InputStream in = WebEditionBrowserTest.class.getResourceAsStream("/web-probe/probe.js")) {
            Files.write(probeDir.resolve("probe.js"), in.readAllBytes());
        }
        String axe = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
        try (InputStream in = WebEditionBrowserTest.class.getResourceAsStream(axe)) {
            assertNotNull(in, "axe-core is on the test classpath (org.webjars.npm:axe-core)");
            Files.write(probeDir.resolve("axe.min.js"), in.readAllBytes());
        }
        axeUrl = probeDir.resolve("axe.min.js").toUri().toString();
    }

    /** What the probe reported on one page at one width. */
    record Report(List<String> lines, List<String> console) {
        List<String> all(String kind) {
            List<String> out = new ArrayList<>();
            for (String l : lines) if (l.startsWith(kind + " ")) out.add(l.substring(kind.length() + 1));
            return out;
        }

        String fact(String name) {
            for (String f : all("fact")) if (f.startsWith(name + " ")) return f.substring(name.length() + 1);
            return null;
        }
    }

    static Report probe(String page, int width, boolean axe, List<String> queries) throws IOException {
        Path file = probePage(page, width, axe, queries);
        Chromium.Page p = Chromium.load(file.toUri().toString(), width + 40, 1000, 120_000, "--allow-file-access-from-files");
        String result = Jsoup.parse(p.dom()).selectFirst("#result").wholeText();
        List<String> lines = List.of(result.split("\n"));
        List<String> console = new ArrayList<>();
        for (String c : p.console()) if (!c.contains(probeDir.toUri().toString())) console.add(c); // the probe's and axe-core's own
        Report r = new Report(lines, console);
        assertEquals("1", r.fact("done"), "the probe finished: " + result);
        assertTrue(r.all("error").isEmpty(), "the probe failed: " + r.all("error"));
        return r;
    }

    /** A page of the test's own that frames {@code page} at {@code width} and runs the probe on it. */
    static Path probePage(String page, int width, boolean axe, List<String> queries) throws IOException {
        StringBuilder q = new StringBuilder("[");
        for (String s : queries) q.append(q.length() > 1 ? "," : "").append('\'').append(s).append('\'');
        q.append(']');
        String html = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title><script src="probe.js"></script></head>
                <body style="margin:0"><iframe id="page" style="border:0;height:900px" title="the page under test"></iframe>
                <pre id="result">pending</pre>
                <script>probe('%s', %s, %s, %d);</script></body></html>
                """.formatted(web.resolve(page).toUri(), axe ? "'" + axeUrl + "'" : "null", q, width);
        Path file = probeDir.resolve("probe-" + page.replace('.', '-') + "-" + width + (axe ? "-axe" : "") + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private final Map<Path, Document> parsed = new HashMap<>();

    /** Every link of the page leads to a file of the edition or the output folder, and its fragment to an element there. */
    void linksResolve(Report r) throws IOException {
        List<String> links = r.all("link");
        assertFalse(links.isEmpty());
        Path out = web.getParent();
        for (String link : links) {
            URI uri = URI.create(link);
            if (!"file".equals(uri.getScheme())) {
                assertTrue(link.startsWith("https://") || link.startsWith("http://") || link.startsWith("mailto:"), link);
                continue;
            }
            Path target = Path.of(uri.getPath());
            assertTrue(target.startsWith(out), "the link stays in the output folder: " + link);
            assertTrue(Files.isRegularFile(target), "the link leads to a file: " + link);
            String fragment = uri.getFragment();
            if (fragment == null || fragment.isEmpty()) continue;
            Document d = parsed.computeIfAbsent(target, t -> {
                try {
                    return Jsoup.parse(t.toFile(), "UTF-8");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertNotNull(d.getElementById(fragment), "the fragment #" + fragment + " exists in " + target.getFileName() + " (" + link + ")");
        }
    }

    void common(Report r, int width, String what) {
        assertEquals(List.of(), r.console(), what + " at " + width + " px writes nothing to the console");
        assertEquals(List.of(), r.all("problem"), what + " at " + width + " px");
        int scroll = Integer.parseInt(r.fact("scrollWidth")), client = Integer.parseInt(r.fact("clientWidth"));
        assertTrue(scroll <= client, what + " is no wider than the screen at " + width + " px: " + scroll + " > " + client);
        assertTrue(Integer.parseInt(r.fact("fontsLoaded")) >= 3, "the book's fonts load: " + r.fact("fontsLoaded"));
        assertEquals("true", r.fact("searchShown"), "search.js shows the search box");
        assertEquals("true", r.fact("skipLinkOnFocus"), "the skip link comes on screen when it has the focus");
        assertEquals(List.of(), r.all("axe"), what + " at " + width + " px: axe-core " + r.fact("axeVersion") + " finds no WCAG 2.1 A/AA violation");
        assertTrue(Integer.parseInt(r.fact("axePasses")) >= 15, "axe-core ran its rules: " + r.fact("axePasses"));
    }

    void findsCollectivisation(Report r) {
        for (String q : List.of("колхоз", "kolkhoz")) {
            List<String> hits = r.all("hit").stream().filter(h -> h.startsWith(q + " ")).toList();
            assertTrue(hits.stream().anyMatch(h -> h.contains("/web/" + CHAPTER)), "'" + q + "' finds the collectivisation chapter: " + hits
                    + " " + r.all("status"));
        }
    }

    @Test
    void theFrontPageAtPhoneAndDesktopWidths() throws IOException {
        List<String> advice = new ArrayList<>();
        for (int width : new int[] {390, 1280}) {
            Report r = probe("index.html", width, true, List.of("колхоз", "kolkhoz"));
            common(r, width, "the front page");
            linksResolve(r);
            findsCollectivisation(r);
            List<String> links = r.all("link");
            assertTrue(links.stream().anyMatch(l -> l.endsWith("/soviet-russia.epub")), "the front page offers the EPUB");
            assertTrue(links.stream().anyMatch(l -> l.endsWith("/handouts/08-great-leap-to-socialism.pdf")), "and the handouts");
            assertTrue(links.stream().anyMatch(l -> l.endsWith("/web/" + CHAPTER)), "and the chapters");
            advice.addAll(r.all("advice").stream().map(a -> "index.html at " + width + ": " + a).toList());
        }
        Files.write(SHOTS.resolve("axe-advice-front.txt"), advice);
    }

    @Test
    void aChapterAtPhoneAndDesktopWidths() throws IOException {
        List<String> advice = new ArrayList<>();
        for (int width : new int[] {390, 1280}) {
            Report r = probe(CHAPTER, width, true, List.of("колхоз", "kolkhoz"));
            common(r, width, "chapter 8");
            linksResolve(r);
            findsCollectivisation(r);
            assertTrue(Integer.parseInt(r.fact("noterefs")) >= 10, "the chapter's note references: " + r.fact("noterefs"));
            assertEquals("none", r.fact("previewBefore"), "a note's preview is hidden until asked for");
            assertEquals("block", r.fact("previewOnFocus"), "and shown while its reference has the focus");
            assertEquals(width >= 1024 ? "true" : "false", r.fact("contentsShown"),
                    "the contents are folded on a phone and open beside the text on a desktop (" + width + " px)");
            List<String> links = r.all("link");
            assertTrue(links.stream().anyMatch(l -> l.endsWith("/handouts/08-great-leap-to-socialism.pdf")), "the chapter links its handout");
            assertTrue(links.stream().anyMatch(l -> l.endsWith("/web/07-the-socialist-experiment.html")), "the chapter before");
            assertTrue(links.stream().anyMatch(l -> l.endsWith("/web/09-the-ussr-in-world-war-ii.html")), "and after");
            assertTrue(links.stream().anyMatch(l -> l.contains("/web/glossary.html#term-")), "key terms link to the glossary");
            advice.addAll(r.all("advice").stream().map(a -> CHAPTER + " at " + width + ": " + a).toList());
        }
        Files.write(SHOTS.resolve("axe-advice-chapter.txt"), advice);
    }

    @Test
    void thePagesWorkWithoutScripts() throws IOException {
        // a frame sandboxed without scripts: the page as a reader with JavaScript off sees it
        String html = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>no scripts</title></head><body style="margin:0">
                <iframe id="page" sandbox="allow-same-origin" src="%s" style="border:0;width:390px;height:900px" title="the page"></iframe>
                <pre id="result">pending</pre>
                <script>
                document.getElementById('page').addEventListener('load', function () {
                  var d = document.getElementById('page').contentDocument, f = d.getElementById('search');
                  document.getElementById('result').textContent = [
                    'searchHidden ' + (f.hidden && f.getBoundingClientRect().height === 0),
                    'title ' + d.querySelector('h1').textContent,
                    'contents ' + d.querySelectorAll('.contents-list a').length,
                    'notes ' + d.querySelectorAll('.notes .footnote').length,
                    'overflow ' + (d.documentElement.scrollWidth > d.documentElement.clientWidth)].join('\\n');
                });
                </script></body></html>
                """.formatted(web.resolve(CHAPTER).toUri());
        Path file = probeDir.resolve("no-scripts.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        Chromium.Page p = Chromium.load(file.toUri().toString(), 430, 1000, 10_000, "--allow-file-access-from-files");
        List<String> result = List.of(Jsoup.parse(p.dom()).selectFirst("#result").wholeText().split("\n"));
        int contents = Jsoup.parse(web.resolve(CHAPTER).toFile(), "UTF-8").select(".contents-list a").size();
        assertTrue(contents > 20, "the contents lists every part: " + contents);
        assertEquals(List.of("searchHidden true", "title “Great Leap” to Socialism", "contents " + contents, "notes 21", "overflow false"), result);
        assertFalse(p.console().isEmpty(), "Chromium says it blocked the page's script");
        assertTrue(p.console().stream().allMatch(c -> c.startsWith("\"Blocked script execution")), "no script ran in the page: " + p.console());
    }

    @Test
    void screenshotsAtPhoneAndDesktopWidthsShowThePages() throws IOException {
        for (String page : List.of("index.html", CHAPTER, "glossary.html")) {
            for (int[] size : new int[][] {{390, 2400}, {1280, 1600}}) {
                Path png = SHOTS.resolve(page.replace(".html", "") + "-" + size[0] + ".png");
                Chromium.screenshot(web.resolve(page).toUri().toString(), size[0], size[1], png);
                BufferedImage img = ImageIO.read(png.toFile());
                assertEquals(size[0], img.getWidth());
                long header = 0, paper = 0, sampled = 0;
                for (int y = 0; y < img.getHeight(); y += 2) {
                    for (int x = 0; x < img.getWidth(); x += 2) {
                        int rgb = img.getRGB(x, y) & 0xffffff;
                        sampled++;
                        if (near(rgb, 0x231c19)) header++;
                        else if (near(rgb, 0xfbf8f3)) paper++;
                    }
                }
                assertTrue(header > sampled / 200, "the header shows in " + png);
                assertTrue(paper > sampled / 5, "the page's paper shows in " + png);
                assertTrue(header + paper < sampled * 97 / 100, "there is text, not flat colour, in " + png);
            }
        }
        // the search box with its results, as a reader sees them after typing (the probe frames the page and types)
        Path png = SHOTS.resolve("search-kolkhoz-390.png");
        Chromium.screenshot(probePage(CHAPTER, 390, false, List.of("kolkhoz")).toUri().toString(), 430, 900, png,
                "--allow-file-access-from-files", "--virtual-time-budget=30000");
        assertEquals(430, ImageIO.read(png.toFile()).getWidth());
    }

    private static boolean near(int rgb, int target) {
        return Math.abs(((rgb >> 16) & 255) - ((target >> 16) & 255)) <= 6
                && Math.abs(((rgb >> 8) & 255) - ((target >> 8) & 255)) <= 6
                && Math.abs((rgb & 255) - (target & 255)) <= 6;
    }
}
