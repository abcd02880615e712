package org.coursebook.render.pdf;

import org.coursebook.render.CodeWrap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

import java.util.HashMap;
import java.util.Map;

/**
 * Adapts the assembled print XHTML for a single paginated document: ids made unique across parts (each part's
 * ids get the part's slug as prefix), links between part files turned into links within the document, and
 * footnotes moved from the end of the part to the place they are called, where the print stylesheet floats
 * them to the foot of the page, each image pointed at where the print renderer reads it, and a heading right
 * before a landscape table moved onto the table's page.
 */
final class PrintDocument {
    private PrintDocument() {}

    static String adapt(String xhtml) {
        return adapt(xhtml, Map.of(), Integer.MAX_VALUE);
    }

    /**
     * @param images      where the print renderer reads each image, by the {@code src} the chapters give it (its
     *                    path in the outputs); an image not in the map keeps its {@code src}
     * @param codeColumns the columns a code listing's line may take before it wraps ({@link CodeWrap})
     */
    static String adapt(String xhtml, Map<String, String> images, int codeColumns) {
        Document doc = Jsoup.parse(xhtml, "", Parser.xmlParser());
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false).charset("UTF-8");
        Map<String, String> fileToSlug = new HashMap<>();
        for (Element part : doc.select("section.part")) fileToSlug.put(part.id() + ".xhtml", part.id());

        for (Element part : doc.select("section.part")) {
            String slug = part.id();
            for (Element el : part.select("[id]")) {
                if (el == part) continue;
                el.attr("id", slug + "--" + el.id());
            }
            for (Element a : part.select("a[href]")) {
                String href = a.attr("href");
                if (href.startsWith("#")) a.attr("href", "#" + target(slug, href.substring(1)));
            }
            moveFootnotes(part);
            quietOpener(part);
            headingsWithLandscapeTables(part);
        }
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            int hash = href.indexOf('#');
            String file = hash < 0 ? href : href.substring(0, hash);
            String slug = fileToSlug.get(file);
            if (slug != null) a.attr("href", "#" + (hash < 0 ? slug : target(slug, href.substring(hash + 1))));
            if (!a.hasAttr("title")) {
                a.attr("title", a.attr("href").startsWith("#") ? "Go to " + a.text() : "Link to " + a.attr("href"));
            }
        }
        PrintImages.point(doc, images);
        // The contents page's links go to the part's opening (its id) or to a section's prefixed id.
        if (codeColumns < Integer.MAX_VALUE) CodeWrap.wrap(doc, codeColumns);
        return doc.outerHtml();
    }

    /**
     * No running head on a part's opening page: an empty running element opens the part and the titled one
     * follows the opener, so the page's first assignment is empty and the next pages carry the title.
     */
    private static void quietOpener(Element part) {
        Element wrap = part.parent();
        Element head = wrap == null ? null : wrap.selectFirst("> .rh-chapter");
        Element opener = part.selectFirst("> header.opener");
        if (head == null || opener == null) return;
        head.remove();
        opener.appendChild(head);
        wrap.prependChild(new Element("div").addClass("rh-chapter").attr("aria-hidden", "true"));
    }

    /**
     * A heading right before a table set on a landscape page goes onto that page with it: the heading may not be
     * the last line of a page (page-break-after: avoid), and openhtmltopdf, moving it to the next page, would
     * lay that page out upright and cut the table off at its edge.
     */
    private static void headingsWithLandscapeTables(Element part) {
        for (Element wrap : part.select("div." + TableFit.LANDSCAPE_CLASS)) {
            Element prev = wrap.previousElementSibling();
            if (prev != null && prev.normalName().matches("h[2-6]")) wrap.prependChild(prev);
        }
    }

    private static String target(String slug, String id) {
        if (id.equals(slug)) return slug;
        if (id.startsWith(slug + "--")) return id;
        return slug + "--" + id;
    }

    private static void moveFootnotes(Element part) {
        String slug = part.id();
        for (Element ref : part.select("a.noteref")) {
            String id = ref.attr("href").substring(1);
            Element note = part.getElementById(id);
            if (note == null || !ref.id().startsWith(slug + "--ref-")) continue; // only the first reference carries the note
            Element fn = new Element("span").addClass("fn").attr("id", id + "-print");
            fn.appendElement("span").addClass("fn-number").text(ref.text());
            Element body = note.clone();
            body.select(".note-number").remove();
            if (body.children().stream().allMatch(c -> c.normalName().equals("p"))) {
                fn.append(body.select("p").isEmpty() ? body.html() : String.join(" ", body.select("p").eachText().isEmpty()
                        ? java.util.List.of() : body.select("p").stream().map(Element::html).toList()));
            } else {
                // a note with a code listing or a list: its paragraphs run on, its other blocks keep their shape
                StringBuilder sb = new StringBuilder();
                for (org.jsoup.nodes.Node n : body.childNodes()) {
                    if (n instanceof Element e && e.normalName().equals("p")) sb.append(sb.length() > 0 ? " " : "").append(e.html());
                    else if (n instanceof Element e) sb.append(e.outerHtml());
                    else if (n instanceof org.jsoup.nodes.TextNode t && !t.isBlank()) sb.append(t.outerHtml());
                }
                fn.append(sb.toString());
            }
            ref.after(fn);
            ref.attr("href", "#" + id + "-print");
        }
        for (Element notes : part.select("section.notes")) notes.remove();
    }
}
