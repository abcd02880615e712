package org.coursebook.render.site;

import org.coursebook.support.Builds;
import org.coursebook.support.Chromium;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real book's download page in headless Chromium, offline: the DOM the browser builds has every download
 * link; the cover image loads (checked from a test page, never shipped, that frames the page and reads the
 * image's natural size); no text falls below WCAG 2.1 AA contrast and nothing overflows a phone's width; and
 * screenshots at phone (390) and desktop (1280) widths are kept in target/site-screenshots for people to
 * look at, after a check that they show the page and its cover.
 */
class DownloadPageBrowserTest {
    static final Path SHOTS = Path.of("target/site-screenshots");
    static Path out;
    static String url;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() {
        Chromium.binary(); // fail at once, with the install hint, on a machine without Chromium
        out = Builds.realOut().toAbsolutePath();
        url = out.resolve("index.html").toUri().toString();
    }

    @Test
    void browserSeesEveryDownloadLink() throws Exception {
        Document dom = Jsoup.parse(Chromium.dumpDom(url, 1280, 900));
        assertEquals("Soviet Russia", dom.selectFirst("h1").text());
        List<String> hrefs = dom.select("a[href]").eachAttr("href");
        assertTrue(hrefs.containsAll(List.of("soviet-russia.epub", "soviet-russia.pdf", "soviet-russia-cover.pdf",
                "handouts/all-handouts.pdf", "handouts/04-the-soviet-system.pdf")), hrefs.toString());
        assertEquals(15, dom.select(".handouts a[href]").size(), "fourteen handouts and the file of all of them");
        assertEquals(DownloadPageTest.publishedFiles(out), new java.util.TreeSet<>(hrefs));
        for (String href : hrefs) DownloadPageTest.target(out, href);
        assertEquals(14, dom.select(".toc li.chapter").size(), "fourteen chapters in the contents");
    }

    /** A page of the test's own (not shipped) that frames the download page and reports on it into its DOM. */
    String probe(String pageUrl, int width) throws Exception {
        String html = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title></head><body style="margin:0">
                <iframe id="page" src="%s" style="border:0;width:%dpx;height:900px"></iframe>
                <pre id="result">pending</pre>
                <script>
                function rgba(s) { var p = s.match(/[\\d.]+/g).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; }
                function over(top, base) { return {r: top.r * top.a + base.r * (1 - top.a), g: top.g * top.a + base.g * (1 - top.a), b: top.b * top.a + base.b * (1 - top.a), a: 1}; }
                function lum(c) { function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
                  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b); }
                window.addEventListener('load', function () {
                  var out = {};
                  try {
                    var w = document.getElementById('page').contentWindow, d = w.document;
                    Array.prototype.forEach.call(d.querySelectorAll('details'), function (x) { x.open = true; });
                    var img = d.querySelector('img.cover');
                    out.cover = img && {complete: img.complete, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight, shownWidth: img.getBoundingClientRect().width};
                    out.scrollWidth = d.documentElement.scrollWidth;
                    out.checked = 0; out.lowContrast = [];
                    var walk = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT);
                    for (var t = walk.nextNode(); t; t = walk.nextNode()) {
                      if (!t.nodeValue.trim()) continue;
                      var el = t.parentElement;
                      if (!el.getClientRects().length) continue;
                      var layers = [];
                      for (var e = el; e; e = e.parentElement) { var c = rgba(w.getComputedStyle(e).backgroundColor); if (c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
                      var bg = {r: 255, g: 255, b: 255, a: 1};
                      for (var i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
                      var cs = w.getComputedStyle(el), fg = over(rgba(cs.color), bg);
                      var l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                      var px = parseFloat(cs.fontSize), large = px >= 24 || (px >= 18.66 && parseInt(cs.fontWeight, 10) >= 700);
                      out.checked++;
                      if (ratio < (large ? 3 : 4.5)) out.lowContrast.push(el.tagName + '.' + el.className + ' "' + t.nodeValue.trim().slice(0, 40) + '" ' + ratio.toFixed(2));
                    }
                  } catch (e) { out.error = String(e); }
                  document.getElementById('result').textContent = JSON.stringify(out);
                });
                </script></body></html>
                """.formatted(pageUrl, width);
        Path probe = tmp.resolve("probe-" + width + ".html");
        Files.writeString(probe, html, StandardCharsets.UTF_8);
        String dom = Chromium.dumpDom(probe.toUri().toString(), width + 20, 1000, "--allow-file-access-from-files");
        String result = Jsoup.parse(dom).selectFirst("#result").text();
        assertFalse(result.equals("pending") || result.contains("\"error\""), "the probe did not run: " + result);
        return result;
    }

    @Test
    void probeCatchesAMissingImageLowContrastAndOverflow() throws Exception {
        Path bad = tmp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"en\"><body style=\"background:#fff\">"
                + "<img class=\"cover\" src=\"missing.png\" alt=\"x\"><p style=\"color:#aaa\">Pale grey text on white</p>"
                + "<div style=\"width:600px\">A wide block</div></body></html>");
        String r = probe(bad.toUri().toString(), 390);
        assertEquals(0, number(r, "naturalWidth"), r);
        assertTrue(r.contains("Pale grey text on white"), "low contrast reported: " + r);
        assertTrue(number(r, "scrollWidth") > 390, r);
    }

    static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([0-9.]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Math.round(Double.parseDouble(m.group(1)));
    }

    @Test
    void coverLoadsTextMeetsAaContrastAndNothingOverflowsAtPhoneAndDesktopWidths() throws Exception {
        for (int width : new int[] {390, 1280}) {
            String r = probe(url, width);
            assertTrue(r.contains("\"complete\":true"), r);
            assertEquals(1600, number(r, "naturalWidth"), "the cover image loaded: " + r);
            assertEquals(2400, number(r, "naturalHeight"), r);
            assertTrue(number(r, "shownWidth") >= 200, "the cover is shown at a useful size: " + r);
            assertTrue(number(r, "scrollWidth") <= width, "nothing wider than the screen at " + width + ": " + r);
            assertTrue(number(r, "checked") > 100, "the contrast check saw the page's text: " + r);
            assertTrue(r.contains("\"lowContrast\":[]"), "text below WCAG AA contrast at " + width + ": " + r);
        }
    }

    @Test
    void screenshotsAtPhoneAndDesktopWidthsShowThePageAndItsCover() throws Exception {
        for (int[] size : new int[][] {{390, 2400}, {1280, 1600}}) {
            Path png = SHOTS.resolve("download-page-" + size[0] + ".png");
            Chromium.screenshot(url, size[0], size[1], png);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(size[0], img.getWidth());
            long coverRed = 0, masthead = 0, paper = 0;
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    int rgb = img.getRGB(x, y) & 0xffffff;
                    if (near(rgb, 0x8f1d17)) coverRed++;
                    else if (near(rgb, 0x231c19)) masthead++;
                    else if (near(rgb, 0xfbf8f3)) paper++;
                }
            }
            long sampled = (long) (img.getWidth() / 2) * (img.getHeight() / 2);
            assertTrue(coverRed > sampled / 100, "the cover's red shows in " + png + ": " + coverRed + " of " + sampled);
            assertTrue(masthead > sampled / 50, "the masthead shows in " + png);
            assertTrue(paper > sampled / 10, "the page's paper shows in " + png);
            assertTrue(coverRed + masthead + paper < sampled * 98 / 100, "there is text and detail, not flat colour, in " + png);
        }
    }

    private static boolean near(int rgb, int target) {
        return Math.abs(((rgb >> 16) & 255) - ((target >> 16) & 255)) <= 6
                && Math.abs(((rgb >> 8) & 255) - ((target >> 8) & 255)) <= 6
                && Math.abs((rgb & 255) - (target & 255)) <= 6;
    }
}
