package org.coursebook.read;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an HTML fragment (Flexmark's output, raw HTML from the author) into well-formed XHTML that the EPUB
 * specification allows. Anything unsafe or not self-contained is removed and reported as an error at the
 * fragment's source line.
 */
public final class XhtmlCleaner {
    private static final Set<String> FORBIDDEN = Set.of("script", "iframe", "object", "embed", "applet", "form",
            "input", "button", "select", "textarea", "frame", "frameset", "base", "link", "meta", "style", "noscript",
            "portal", "template", "canvas");
    private static final Set<String> URL_ATTRS = Set.of("href", "src", "xlink:href", "poster", "data", "action",
            "formaction", "background", "srcset", "cite");

    /** Parses a fragment into a body element to work on. */
    public static Element parse(String html) {
        Document doc = Parser.htmlParser().parseInput("<body>" + html + "</body>", "");
        return doc.body();
    }

    /** Reports raw HTML the author wrote that is not well-formed. */
    public static void checkRawHtml(String rawHtml, SourcePos pos, Diagnostics diag) {
        Parser parser = Parser.htmlParser().setTrackErrors(5);
        parser.parseInput("<body>" + rawHtml + "</body>", "");
        List<ParseError> errors = new ArrayList<>(parser.getErrors());
        for (ParseError e : errors) {
            String msg = e.getErrorMessage();
            if (msg.contains("Unexpected EOF") || msg.contains("Unexpected EndTag") || msg.contains("not closed")
                    || msg.contains("Unexpected end") || msg.contains("Invalid character") || msg.contains("unexpectedly")) {
                diag.error(pos, "raw HTML is not well-formed: " + msg.replaceAll("\\s+", " "),
                        "close every element you open, or write it in Markdown instead");
                return;
            }
        }
    }

    /** Cleans the fragment in place (see class comment) and returns it as XHTML. */
    public static String clean(Element body, SourcePos pos, Diagnostics diag) {
        sanitize(body, pos, diag);
        return toXhtml(body);
    }

    public static String toXhtml(Element body) {
        Document.OutputSettings out = new Document.OutputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8")
                .prettyPrint(false);
        Document owner = body.ownerDocument();
        if (owner == null) {
            owner = new Document("");
            owner.appendChild(body);
        }
        owner.outputSettings(out);
        return body.html();
    }

    static void sanitize(Element root, SourcePos pos, Diagnostics diag) {
        for (Element el : new ArrayList<>(root.getAllElements())) {
            if (el == root) continue;
            String tag = el.normalName();
            if (FORBIDDEN.contains(tag)) {
                diag.error(pos, "<" + tag + "> is not allowed in a chapter",
                        "the book must be static and self-contained: remove the <" + tag + "> element");
                el.remove();
                continue;
            }
            for (Attribute a : new ArrayList<>(el.attributes().asList())) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().trim();
                String lower = value.toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                if (name.startsWith("on")) {
                    diag.error(pos, "the event handler attribute '" + a.getKey() + "' is not allowed",
                            "remove it: the book runs no scripts");
                    el.removeAttr(a.getKey());
                } else if (URL_ATTRS.contains(name) && (lower.startsWith("javascript:") || lower.startsWith("vbscript:")
                        || lower.startsWith("data:text/html"))) {
                    diag.error(pos, "a '" + lower.substring(0, lower.indexOf(':') + 1) + "' link is not allowed",
                            "link to a page or a web address instead");
                    el.removeAttr(a.getKey());
                } else if (name.equals("src") || name.equals("xlink:href") && !tag.equals("a") || name.equals("srcset") || name.equals("poster")) {
                    if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//") || lower.startsWith("ftp:")) {
                        diag.error(pos, "the remote resource '" + value + "' is not allowed",
                                "the book must be self-contained: download the file into chapters/images/ and refer to it there");
                        el.removeAttr(a.getKey());
                    }
                } else if (name.equals("style") && (lower.contains("url(") || lower.contains("expression("))) {
                    diag.error(pos, "a style attribute that loads a resource is not allowed", "use the stylesheets in styles/");
                    el.removeAttr(a.getKey());
                } else if (name.equals("align")) {
                    el.removeAttr(a.getKey());
                    el.addClass("align-" + lower);
                } else if (tag.equals("img") && (name.equals("width") || name.equals("height")) && lower.endsWith("%")) {
                    el.removeAttr(a.getKey());
                } else if (name.contains(":") && !name.startsWith("xml:") && !name.startsWith("epub:") && !name.startsWith("xlink:")) {
                    el.removeAttr(a.getKey());
                }
            }
        }
    }

    private XhtmlCleaner() {}
}
