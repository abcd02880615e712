package org.coursebook.reliability;

import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.coursebook.read.StyleChecker;
import org.coursebook.read.SvgChecker;
import org.coursebook.render.Templates;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.coursebook.support.TestBook.error;
import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A book built from shared files must not be a way in: scripts, event handlers, active links, embedded pages and
 * forms, anything loaded from elsewhere, paths out of the book's folder, and XML tricks are refused, each with
 * an error at its file and line.
 */
class HostileContentTest {
    @TempDir
    Path tmp;

    TestBook book() {
        return TestBook.create(tmp.resolve("book"));
    }

    // ---- HTML in chapters ----

    @Test
    void scriptInAnHtmlBlockIsReportedAtItsOwnLine() {
        List<Diagnostic> ds = book().body("Text.\n\n<div>\n<p>Fine.</p>\n  <script>alert(document.cookie)</script>\n</div>\n").check();
        Diagnostic d = error(ds, "ch.md", 11, "<script> is not allowed");
        assertEquals(3, d.pos().column());
    }

    @Test
    void eventHandlerAttributes() {
        List<Diagnostic> ds = book().body("Text.\n\nA picture <b onmouseover=\"steal()\">here</b>\nand <i ONCLICK='x()'>there</i>.\n").check();
        error(ds, "ch.md", 9, "the event handler attribute 'onmouseover' is not allowed");
        error(ds, "ch.md", 10, "the event handler attribute 'onclick' is not allowed");
    }

    @Test
    void javascriptLinksInMarkdownAndHtmlEvenDisguised() {
        List<Diagnostic> ds = book().body("""
                Text.

                A [Markdown link](javascript:alert(1)).

                <p><a href="JaVa&#83;cript:alert(1)">entity-disguised</a></p>

                <p><a href=" java\tscript:alert(1)">tab-disguised</a> <a href="vbscript:x">vb</a></p>
                """).check();
        error(ds, "ch.md", 9, "'javascript:' link is not allowed");
        error(ds, "ch.md", 11, "'javascript:' link is not allowed");
        error(ds, "ch.md", 13, "'javascript:' link is not allowed");
        error(ds, "ch.md", 13, "'vbscript:' link is not allowed");
    }

    @Test
    void otherSchemesInLinksAreRefused() {
        List<Diagnostic> ds = book().body("Text.\n\nSee [the password file](file:///etc/passwd) or <a href=\"data:text/html,<b>x</b>\">this</a>.\n").check();
        error(ds, "ch.md", 9, "'file:///etc/passwd' uses an unsupported scheme");
        error(ds, "ch.md", 9, "'data:' link is not allowed");
    }

    @Test
    void embeddedPagesObjectsAndForms() {
        List<Diagnostic> ds = book().body("""
                Text.

                <iframe src="page.html"></iframe>

                <object data="x.swf"></object>

                <embed src="x.swf">

                <form action="https://example.org/steal"><input name="password"><button>Send</button></form>

                <svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>HTML</p></foreignObject></svg>
                """).check();
        error(ds, "ch.md", 9, "<iframe> is not allowed");
        error(ds, "ch.md", 11, "<object> is not allowed");
        error(ds, "ch.md", 13, "<embed> is not allowed");
        error(ds, "ch.md", 15, "<form> is not allowed");
        error(ds, "ch.md", 17, "<foreignobject> is not allowed");
    }

    @Test
    void remoteImagesAndMedia() {
        List<Diagnostic> ds = book().body("""
                Text.

                ![A remote picture](https://example.org/tracker.png)

                <p><img src="//example.org/pixel.gif" alt="pixel"></p>

                <p>A <span style="background: url(https://example.org/bg.png)">background</span>.</p>

                <video src="clip.mp4"></video>

                <svg xmlns="http://www.w3.org/2000/svg"><image href="http://example.org/x.png"/></svg>
                """).check();
        error(ds, "ch.md", 9, "the remote resource 'https://example.org/tracker.png' is not allowed");
        error(ds, "ch.md", 11, "the remote resource '//example.org/pixel.gif' is not allowed");
        error(ds, "ch.md", 13, "a style attribute that loads a resource is not allowed");
        error(ds, "ch.md", 15, "<video> is not allowed");
        error(ds, "ch.md", 17, "the remote resource 'http://example.org/x.png' is not allowed");
    }

    @Test
    void styleAttributesAreReadAsCssAndEscapesHideNothing() {
        // issue 12: "\75 rl(" is "url(" to every CSS parser that unescapes as CSS Syntax says
        List<Diagnostic> ds = book().body("""
                Text.

                A <span style="background: \\75 rl(https://example.com/t.png)">tracked</span> word.

                <p style="background: u\\72l('https://example.com/t.png')">quoted</p>

                <p style="width: \\65xpression(alert(1))">script</p>

                <p style="background-image: image-set('https://example.com/t.png' 1x)">set</p>

                <p style="color: red; }{ background: blue">unreadable</p>

                <p style="background: url(images/paper.png)">even a file of the book</p>

                <p style="color: #333; font-variant: small-caps; margin: 0 auto !important">fine</p>
                """).check();
        error(ds, "ch.md", 9, "a style attribute that loads a resource is not allowed (written with CSS escapes)");
        error(ds, "ch.md", 11, "a style attribute that loads a resource is not allowed (written with CSS escapes)");
        error(ds, "ch.md", 13, "a style attribute with a script ('expression(') is not allowed (written with CSS escapes)");
        error(ds, "ch.md", 15, "a style attribute that loads a resource is not allowed");
        error(ds, "ch.md", 17, "the style attribute has CSS the parser cannot read: '}{ background: blue'");
        error(ds, "ch.md", 19, "a style attribute that loads a resource is not allowed");
        assertEquals(6, ds.stream().filter(Diagnostic::isError).count(), TestBook.show(ds));
    }

    @Test
    void elementsAndAttributesOffTheAllowListAreRefusedOrRemovedWithAWarning() {
        List<Diagnostic> ds = book().body("""
                Text.

                <center>Centred <font color="red">red</font> text</center>

                <p align="center" contenteditable="true" data-level="2" aria-label="a note" epub:type="note" xmlns:x="urn:x">kept</p>

                <x-note>custom</x-note> and <a href="https://example.org" ping="https://tracker.example.org/p">a link</a>.

                <svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>

                <math><mi>x</mi></math>

                <details><summary>More</summary><p><kbd>Ctrl</kbd> <mark>marked</mark> <ruby>漢<rt>kan</rt></ruby></p></details>
                """).check();
        TestBook.warning(ds, "ch.md", 9, "<center> is not an element a chapter may hold: it was removed, its content kept");
        TestBook.warning(ds, "ch.md", 9, "<font> is not an element a chapter may hold");
        TestBook.warning(ds, "ch.md", 11, "<p> may not have the attribute 'contenteditable' in a chapter: it was removed");
        TestBook.warning(ds, "ch.md", 13, "<x-note> is not an element a chapter may hold");
        TestBook.warning(ds, "ch.md", 13, "<a> may not have the attribute 'ping'");
        error(ds, "ch.md", 15, "inline SVG is not supported in a chapter");
        error(ds, "ch.md", 17, "MathML is not supported in a chapter");
        assertEquals(2, ds.stream().filter(Diagnostic::isError).count(), TestBook.show(ds));
        assertEquals(0, ds.stream().filter(d -> d.message().contains("'data-level'") || d.message().contains("'aria-label'")
                || d.message().contains("'epub:type'") || d.message().contains("xmlns") || d.message().contains("<circle>")
                || d.message().contains("<details>") || d.message().contains("<kbd>") || d.message().contains("<ruby>")).count(),
                "on the allow-list, or inside an element already refused: " + TestBook.show(ds));
    }

    @Test
    void whatTheAllowListRemovesLeavesTheTextAndAnEpubThatPassesEpubCheck() throws Exception {
        TestBook b = book().body("""
                Text.

                <center>Centred <font color="red">red</font> text</center>

                <p align="center" contenteditable="true" data-level="2" aria-label="a note">kept</p>

                <x-note>custom</x-note> and <a href="https://example.org" ping="https://tracker.example.org/p">a link</a>.

                ## A Section

                More.
                """);
        Path out = tmp.resolve("out");
        org.coursebook.support.Builds.build(b.manifest(), out, java.util.Set.of("epub"));
        Path epub = out.resolve("test-book.epub");
        String xhtml;
        try (var zip = new java.util.zip.ZipFile(epub.toFile())) {
            xhtml = new String(zip.getInputStream(zip.getEntry("OEBPS/ch.xhtml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(xhtml.contains("Centred red text"), xhtml);
        assertFalse(xhtml.contains("<center") || xhtml.contains("<font") || xhtml.contains("<x-note") || xhtml.contains("ping=")
                || xhtml.contains("contenteditable"), xhtml);
        assertTrue(xhtml.contains("custom and <a href=\"https://example.org\""), xhtml);
        org.jsoup.nodes.Element kept = org.jsoup.Jsoup.parse(xhtml).selectFirst("p:contains(kept)");
        assertEquals(java.util.Set.of("class", "data-level", "aria-label"),
                kept.attributes().asList().stream().map(org.jsoup.nodes.Attribute::getKey).collect(java.util.stream.Collectors.toSet()), kept.outerHtml());
        assertEquals("align-center", kept.className());
        var r = org.coursebook.support.EpubValidator.validate(epub);
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void declarationsAndProcessingInstructionsInRawHtml() {
        List<Diagnostic> ds = book().body("""
                Text.

                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>

                <?xml-stylesheet href="https://example.org/x.css"?>

                A paragraph &e;.
                """).check();
        error(ds, "ch.md", 9, "'<!DOCTYPE' is not allowed in a chapter");
        error(ds, "ch.md", 11, "'<?xml-stylesheet' is not allowed in a chapter");
    }

    @Test
    void plainLinksToTheWebAreFine() {
        noErrors(book().body("Text.\n\nSee <https://example.org> and [this](https://example.org/page \"Page\").\n\n## S\n").check());
    }

    // ---- paths ----

    @Test
    void imagePathsThatLeaveTheBookFolder() {
        List<Diagnostic> ds = book().body("""
                Text.

                ![up](../../etc/passwd.png)

                ![absolute](/etc/passwd.png)

                ![encoded](%2e%2e/%2e%2e/etc/passwd.png)

                ![windows](C:/Windows/win.ini.png)
                """).check();
        error(ds, "ch.md", 9, "leaves the book's folder");
        error(ds, "ch.md", 11, "is absolute");
        error(ds, "ch.md", 13, "leaves the book's folder");
        error(ds, "ch.md", 15, "the path 'C:/Windows/win.ini.png' is absolute");
    }

    @Test
    void imageThatIsALinkToAFileOutside() throws Exception {
        Path outside = Files.write(tmp.resolve("secret.png"), Fixtures.PNG);
        TestBook b = book().body("Text.\n\n![linked](images/linked.png)\n");
        Files.createDirectories(b.path("images"));
        Files.createSymbolicLink(b.path("images/linked.png"), outside);
        error(b.check(), "ch.md", 9, "is a link to a file outside the book's folder");
    }

    @Test
    void imageFolderThatIsALinkToAFolderOutside() throws Exception {
        Path outsideDir = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.write(outsideDir.resolve("p.png"), Fixtures.PNG);
        TestBook b = book().body("Text.\n\n![linked](pictures/p.png)\n");
        Files.createSymbolicLink(b.path("pictures"), outsideDir);
        error(b.check(), "ch.md", 9, "is a link to a file outside the book's folder");
    }

    // ---- SVG images ----

    List<Diagnostic> svg(String name, String content) {
        TestBook b = book().file("images/" + name, content).body("Text.\n\n![A drawing](images/" + name + ")\n\n## S\n");
        return b.check();
    }

    @Test
    void aPlainSvgIsAccepted() {
        noErrors(svg("ok.svg", Fixtures.SVG));
    }

    @Test
    void svgWithExternalEntity() {
        List<Diagnostic> ds = svg("xxe.svg", """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>
                """);
        Diagnostic d = error(ds, "xxe.svg", 2, "the SVG's DOCTYPE declares entities");
        assertTrue(d.message().contains("(the image is used at ch.md:9)"), d.message());
        assertTrue(TestBook.show(ds).lines().noneMatch(l -> l.contains("root:")), "nothing of /etc/passwd leaks into messages");
    }

    @Test
    void svgBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE svg [\n<!ENTITY l0 \"ha\">\n");
        for (int i = 1; i <= 10; i++) dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        dtd.append("]>\n");
        List<Diagnostic> ds = svg("laughs.svg", "<?xml version=\"1.0\"?>\n" + dtd + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&l10;</text></svg>\n");
        error(ds, "laughs.svg", 2, "the SVG's DOCTYPE declares entities");
    }

    @Test
    void svgWithTheDoctypeDrawingProgramsWriteIsAccepted() {
        // as graphviz and matplotlib write it (and older Inkscape, with SVG 1.0's DTD)
        noErrors(svg("graphviz.svg", """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
                 "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
                <!-- Generated by graphviz version 2.43.0 -->
                <svg xmlns="http://www.w3.org/2000/svg" width="62pt" height="44pt"><g id="graph0"><title>G</title></g></svg>
                """));
        noErrors(svg("inkscape.svg", """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!-- Created with Inkscape (http://www.inkscape.org/) -->
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.0//EN" "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd">
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>
                """));
        noErrors(svg("html5.svg", "<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"));
    }

    @Test
    void svgWithAByteOrderMarkIsAccepted() {
        noErrors(svg("bom.svg", "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"));
    }

    @Test
    void svgWhoseDoctypeNamesAnotherFileOrDeclaresAnything() {
        error(svg("system.svg", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg SYSTEM \"file:///etc/passwd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"),
                "system.svg", 2, "the SVG's DOCTYPE refers to 'file:///etc/passwd'");
        error(svg("public.svg", "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"https://example.org/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"),
                "public.svg", 1, "the SVG's DOCTYPE refers to 'https://example.org/svg11.dtd'");
        error(svg("attlist.svg", "<!DOCTYPE svg [\n  <!ATTLIST svg class CDATA \"x\">\n]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"),
                "attlist.svg", 1, "the SVG's DOCTYPE has declarations of its own");
        // Illustrator's entities, after a comment that mentions a DOCTYPE
        error(svg("illustrator.svg", """
                <?xml version="1.0" encoding="utf-8"?>
                <!-- not a <!DOCTYPE> -->
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
                  <!ENTITY ns_svg "http://www.w3.org/2000/svg">
                ]>
                <svg xmlns="&ns_svg;"/>
                """), "illustrator.svg", 3, "the SVG's DOCTYPE declares entities");
    }

    @Test
    void theOutputsCarryAnSvgWithoutItsByteOrderMarkAndDoctype() {
        String body = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>a &amp; b</text></svg>\n";
        String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        String doctype = "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">";
        byte[] in = ("\uFEFF" + prolog + doctype + "\n" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(prolog + "\n" + body, new String(SvgChecker.forOutput(in), java.nio.charset.StandardCharsets.UTF_8));
        byte[] plain = (prolog + "<!-- <!DOCTYPE x> -->\n" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertArrayEquals(plain, SvgChecker.forOutput(plain), "an SVG without BOM or DOCTYPE is carried as it is");
    }

    @Test
    void svgWithScriptEventHandlerAndForeignObject() {
        List<Diagnostic> ds = svg("active.svg", """
                <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">
                  <script>alert(2)</script>
                  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">HTML</div></foreignObject>
                  <a href="javascript:alert(3)"><rect width="1" height="1"/></a>
                  <set attributeName="href" to="javascript:alert(4)"/>
                </svg>
                """);
        error(ds, "active.svg", 1, "event handler attribute 'onload'");
        error(ds, "active.svg", 2, "contains a <script>");
        error(ds, "active.svg", 3, "<foreignObject>");
        error(ds, "active.svg", 4, "refers to 'javascript:alert(3)'");
        error(ds, "active.svg", 5, "animates the attribute 'href'");
    }

    @Test
    void svgWithExternalReferences() {
        List<Diagnostic> ds = svg("external.svg", """
                <?xml version="1.0"?>
                <?xml-stylesheet href="https://example.org/style.css"?>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
                  <image xlink:href="http://example.org/tracker.png" width="1" height="1"/>
                  <image href="file:///etc/passwd" width="1" height="1"/>
                  <use href="other.svg#shape"/>
                  <rect style="fill: url(https://example.org/pattern.svg#p)" width="1" height="1"/>
                  <style>@import url("https://example.org/font.css");</style>
                  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
                  <rect fill="url(#local)" width="1" height="1"/>
                </svg>
                """);
        error(ds, "external.svg", 2, "processing instruction <?xml-stylesheet");
        error(ds, "external.svg", 4, "refers to 'http://example.org/tracker.png'");
        error(ds, "external.svg", 5, "refers to 'file:///etc/passwd'");
        error(ds, "external.svg", 6, "refers to 'other.svg#shape'");
        error(ds, "external.svg", 7, "style loads 'https://example.org/pattern.svg#p'");
        error(ds, "external.svg", 8, "imports another stylesheet");
        assertEquals(6, ds.stream().filter(Diagnostic::isError).count(), "an embedded PNG and a url(#id) are fine:\n" + TestBook.show(ds));
    }

    @Test
    void svgThatIsNotWellFormed() {
        List<Diagnostic> ds = svg("broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <g>\n    <rect/>\n  </svg>\n");
        error(ds, "broken.svg", 4, "the SVG is not well-formed XML");
    }

    @Test
    void fileNamedSvgThatIsNotSvg() {
        error(svg("page.svg", "<html><body>hello</body></html>\n"), "page.svg", 1, "not an SVG <svg> element");
    }

    @Test
    void svgNestedTooDeeply() {
        String deep = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n" + "<g>".repeat(5000) + "</g>".repeat(5000) + "\n</svg>\n";
        error(svg("deep.svg", deep), "deep.svg", 2, "nested more than " + SvgChecker.MAX_DEPTH + " levels");
    }

    @Test
    void svgUsedTwiceIsReportedOnce() {
        TestBook b = book().file("images/bad.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>")
                .body("Text.\n\n![One](images/bad.svg)\n\n![Two](images/bad.svg)\n");
        List<Diagnostic> ds = b.check();
        assertEquals(1, ds.stream().filter(d -> d.message().contains("<script>")).count(), TestBook.show(ds));
    }

    // ---- YAML ----

    @Test
    void yamlAliasBombInTheManifest() {
        StringBuilder y = new StringBuilder(TestBook.MANIFEST);
        y.append("description: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 30; i++) y.append("d").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        List<Diagnostic> ds = book().file("book.yaml", y.toString()).check();
        error(ds, "book.yaml", 1, "the YAML repeats its aliases");
    }

    @Test
    void yamlTagsCreateNoObjects() {
        // the YAML is composed into nodes, never constructed: a global tag names a class but nothing is made of it
        List<Diagnostic> ds = book().file("ch.md", "---\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.org/\"]]]]\n---\n\nText.\n").check();
        error(ds, "ch.md", 2, "YAML tags that name Java classes (!!java…) are not allowed");
    }

    // ---- stylesheets and templates ----

    @Test
    void remoteFontsAndImportsInTheBooksStylesheets() throws Exception {
        Path styles = Files.createDirectories(tmp.resolve("styles"));
        Files.writeString(styles.resolve("epub.css"), """
                /* a comment with url(https://example.org/ignored.woff) */
                @import "https://example.org/theme.css";
                @font-face { font-family: X; src: url("https://example.org/x.woff2"); }
                body { background: url(/etc/secret.png); }
                .fine { background: url(../images/local.png); }
                p { behavior: url(x.htc); }
                """);
        Diagnostics diag = new Diagnostics();
        StyleChecker.check(styles, diag);
        List<Diagnostic> ds = diag.all();
        error(ds, "epub.css", 2, "imports 'https://example.org/theme.css'");
        error(ds, "epub.css", 3, "loads 'https://example.org/x.woff2'");
        error(ds, "epub.css", 4, "loads '/etc/secret.png'");
        error(ds, "epub.css", 6, "contains a script");
        assertEquals(4, ds.size(), TestBook.show(ds));
    }

    @Test
    void cssEscapesInTheBooksStylesheetsHideNothing() throws Exception {
        // issue 12: the same escape as in a style attribute, in styles/epub.css
        Path styles = Files.createDirectories(tmp.resolve("styles"));
        Files.writeString(styles.resolve("epub.css"), """
                p { background: \\75 rl(https://example.com/t.png) }
                q { background: u\\72l("https://example.com/t.png") }
                @\\69mport "https://example.com/theme.css";
                r { width: \\65xpression(alert(1)); \\62 ehavior: url(x.htc) }
                s { background-image: image-set("https://example.com/t.png" 1x, url(local.png) 2x) }
                t { co lor: red }
                @media print { u { background: url(https://example.com/u.png) } }
                .fine { background: url(paper.png) } @footnote { border-top: 1px solid }
                """);
        Diagnostics diag = new Diagnostics();
        StyleChecker.check(styles, diag);
        List<Diagnostic> ds = diag.all();
        error(ds, "epub.css", 1, "hides 'url(' behind CSS escapes");
        error(ds, "epub.css", 2, "loads 'https://example.com/t.png' from outside the book (written with CSS escapes)");
        error(ds, "epub.css", 3, "imports \"https://example.com/theme.css\" with an @import written with CSS escapes");
        error(ds, "epub.css", 4, "contains a script ('expression(') (written with CSS escapes)");
        error(ds, "epub.css", 4, "contains a script ('behavior') (written with CSS escapes)");
        error(ds, "epub.css", 5, "loads 'https://example.com/t.png' from outside the book");
        error(ds, "epub.css", 6, "the stylesheet has CSS the parser cannot read: 'co lor: red }'");
        error(ds, "epub.css", 7, "loads 'https://example.com/u.png'");
        assertEquals(8, ds.size(), TestBook.show(ds));
    }

    @Test
    void stylesheetProblemsStopTheBuild() throws Exception {
        TestBook b = book();
        Files.createDirectories(b.path("styles"));
        b.file("styles/print.css", "@font-face { src: url(http://example.org/f.ttf) }\n");
        error(b.check(), "print.css", 1, "from outside the book");
    }

    @Test
    void overriddenTemplatesCannotRunJava() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(dir.resolve("evil.ftl"), "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        Templates t = new Templates(dir);
        // the book's template is a source file: refused as a source error at its line, not run
        org.coursebook.diag.BuildException e = assertThrows(org.coursebook.diag.BuildException.class, () -> t.render("evil.ftl", Map.of()));
        assertTrue(String.valueOf(e.getCause()).contains("Execute"), String.valueOf(e.getCause()));
        assertEquals(dir.resolve("evil.ftl"), e.diagnostics().get(0).pos().file());
    }
}
