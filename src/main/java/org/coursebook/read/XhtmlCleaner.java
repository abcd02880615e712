package org.coursebook.read;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an HTML fragment (Flexmark's output, raw HTML from the author) into well-formed XHTML that the EPUB
 * specification allows. What a chapter may hold is an allow-list ({@link #ALLOWED}, a jsoup {@link Safelist}):
 * the text-level and grouping elements of HTML an author writes in a chapter, with the attributes EPUB 3 XHTML
 * content may have on them. Anything unsafe or not self-contained (scripts, embedded pages and media, forms,
 * event handlers, active links, remote resources, a style attribute that loads or runs anything) is removed and
 * reported as an error at the element's source line and column; any other element or attribute not on the list
 * is removed with a warning there (an element's content is kept).
 */
public final class XhtmlCleaner {
    /** Elements that run, embed or load something, or belong to the page: removed with their content, an error. */
    private static final Set<String> FORBIDDEN = Set.of("script", "iframe", "object", "embed", "applet", "form",
            "input", "button", "select", "textarea", "frame", "frameset", "base", "link", "meta", "style", "noscript",
            "portal", "template", "canvas", "audio", "video", "source", "track", "foreignobject", "dialog", "param");

    /**
     * What a chapter's content may hold (HTML's grouping, text-level, edit, table and interactive-disclosure
     * elements as EPUB 3.3 content documents allow them; https://www.w3.org/TR/epub-33/#sec-xhtml), and the
     * attributes of each. Every element may also have the global attributes below and any {@code aria-*} and
     * {@code data-*} attribute; {@code style} is checked as CSS ({@link CssChecker}).
     */
    static final Safelist ALLOWED = new ChapterSafelist()
            .addTags("p", "div", "section", "article", "aside", "header", "footer", "address", "blockquote", "figure",
                    "figcaption", "hr", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
                    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "details", "summary",
                    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "img", "ins",
                    "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
                    "u", "var", "wbr")
            .addAttributes(":all", "class", "id", "lang", "xml:lang", "dir", "title", "style", "role", "epub:type",
                    "translate", "hidden", "tabindex")
            .addAttributes("a", "href", "hreflang", "rel", "target", "type")
            .addAttributes("img", "src", "alt", "width", "height")
            .addAttributes("ol", "start", "type", "reversed")
            .addAttributes("li", "value")
            .addAttributes("td", "colspan", "rowspan", "headers")
            .addAttributes("th", "colspan", "rowspan", "headers", "scope", "abbr")
            .addAttributes("col", "span")
            .addAttributes("colgroup", "span")
            .addAttributes("blockquote", "cite")
            .addAttributes("q", "cite")
            .addAttributes("del", "cite", "datetime")
            .addAttributes("ins", "cite", "datetime")
            .addAttributes("time", "datetime")
            .addAttributes("data", "value")
            .addAttributes("details", "open");

    /** The allow-list with HTML's attribute families: {@code aria-*} (WAI-ARIA) and {@code data-*} on any element. */
    private static final class ChapterSafelist extends Safelist {
        private static final java.util.regex.Pattern FAMILY = java.util.regex.Pattern.compile("(aria|data)-[a-z0-9_.-]*[a-z0-9_]");

        @Override
        public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
            return FAMILY.matcher(attr.getKey()).matches() || super.isSafeAttribute(tagName, el, attr);
        }
    }
    /** data: URLs that are only pictures (an SVG could carry a script; HTML is a page). */
    private static final java.util.regex.Pattern SAFE_DATA = java.util.regex.Pattern.compile("data:image/(png|jpeg|jpg|gif)[;,].*", java.util.regex.Pattern.DOTALL);
    private static final Set<String> URL_ATTRS = Set.of("href", "src", "xlink:href", "poster", "data", "action",
            "formaction", "background", "srcset", "cite");

    /** Parses a fragment into a body element to work on. */
    public static Element parse(String html) {
        Document doc = Parser.htmlParser().parseInput("<body>" + html + "</body>", "");
        return doc.body();
    }

    /**
     * Parses a fragment keeping each element's line and column, for fragments whose lines are the source's
     * lines (an HTML block, a paragraph): {@link #sanitize(Element, SourcePos, boolean, Diagnostics)} then
     * reports problems at the element's own line.
     */
    public static Element parseTracked(String html) {
        Document doc = Parser.htmlParser().setTrackPosition(true).parseInput("<body>" + html + "</body>", "");
        return doc.body();
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
        sanitize(root, pos, Tracking.NONE, diag);
    }

    /** How the lines and columns of a fragment relate to its source. */
    public enum Tracking {
        /** Report at the fragment's position. */
        NONE,
        /** The fragment's lines are the source's lines (a paragraph): report at the element's line. */
        LINES,
        /** The fragment is the source text itself (an HTML block): report at the element's line and column. */
        LINES_AND_COLUMNS
    }

    /**
     * Removes what is unsafe or not self-contained, reporting each at {@code pos}, or, when {@code tracked}
     * (the fragment was read with {@link #parseTracked}), at the element's own line counted from {@code pos}. Elements nested more than {@link #MAX_DEPTH} deep are removed too.
     */
    static void sanitize(Element root, SourcePos pos, Tracking tracked, Diagnostics diag) {
        limitDepth(root, pos, tracked, diag);
        removeComments(root);
        // A table's caption is its first child (HTML's content model, which EPUBCheck enforces); Flexmark writes
        // the `[Caption]` line's caption last, in a table at any depth (lists, quotes, sidebars).
        for (Element caption : root.select("table > caption")) {
            Element table = caption.parent();
            if (table != null && table.child(0) != caption) {
                caption.remove();
                table.prependChild(caption);
            }
        }
        org.jsoup.nodes.Node top = root.root();
        for (Element el : new ArrayList<>(root.getAllElements())) {
            if (el == root) continue;
            SourcePos at = at(el, pos, tracked);
            String tag = el.normalName();
            // inside an element removed before: only what is unsafe is still reported, at its own place
            boolean removed = el.root() != top;
            if (FORBIDDEN.contains(tag)) {
                diag.error(at, "<" + tag + "> is not allowed in a chapter",
                        "the book must be static and self-contained: remove the <" + tag + "> element");
                el.remove();
                continue;
            }
            if (!removed && (tag.equals("svg") || tag.equals("math"))) {
                if (tag.equals("svg")) {
                    diag.error(at, "inline SVG is not supported in a chapter",
                            "save the drawing as a file in images/ and include it as an image: ![what it shows](images/drawing.svg)");
                } else {
                    diag.error(at, "MathML is not supported in a chapter", "write the formula as text, or include it as an image");
                }
                el.remove(); // what it holds is still checked below, so that anything unsafe in it is reported too
                removed = true;
            }
            List<CssChecker.Problem> problems;
            for (Attribute a : new ArrayList<>(el.attributes().asList())) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().trim();
                String lower = value.toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                if (name.startsWith("on")) {
                    diag.error(at, "the event handler attribute '" + a.getKey() + "' is not allowed",
                            "remove it: the book runs no scripts");
                    el.removeAttr(a.getKey());
                } else if (URL_ATTRS.contains(name) && (lower.startsWith("javascript:") || lower.startsWith("vbscript:")
                        || lower.startsWith("data:") && !SAFE_DATA.matcher(lower).matches())) {
                    diag.error(at, "a '" + lower.substring(0, lower.indexOf(':') + 1) + "' link is not allowed",
                            "link to a page or a web address instead");
                    el.removeAttr(a.getKey());
                } else if (isResource(tag, name)) {
                    if (lower.matches("^[a-z]:[\\\\/].*")) {
                        diag.error(at, "the path '" + shorten(value) + "' is absolute", "use a path relative to the chapter, e.g. images/figure.png");
                        el.removeAttr(a.getKey());
                    } else if (lower.startsWith("//") || lower.matches("^[a-z][a-z0-9+.-]*:.*") && !SAFE_DATA.matcher(lower).matches()) {
                        diag.error(at, "the remote resource '" + shorten(value) + "' is not allowed",
                                "the book must be self-contained: download the file into chapters/images/ and refer to it there");
                        el.removeAttr(a.getKey());
                    } else if (!tag.equals("img") && !lower.isEmpty() && !lower.startsWith("#") && !lower.startsWith("data:")) {
                        diag.error(at, "<" + tag + " " + a.getKey() + "=\"" + shorten(value) + "\"> includes a file",
                                "only images can be included in a chapter: use ![description](images/file.png)");
                        el.removeAttr(a.getKey());
                    }
                } else if (name.equals("style") && !(problems = CssChecker.checkStyleAttribute(a.getValue())).isEmpty()) {
                    java.util.Set<String> said = new java.util.HashSet<>();
                    for (CssChecker.Problem p : problems) if (said.add(p.message())) diag.error(at, p.message(), p.hint());
                    el.removeAttr(a.getKey());
                } else if (name.equals("align")) {
                    el.removeAttr(a.getKey());
                    el.addClass("align-" + lower);
                } else if (tag.equals("img") && (name.equals("width") || name.equals("height")) && lower.endsWith("%")) {
                    el.removeAttr(a.getKey());
                } else if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                    el.removeAttr(a.getKey()); // a namespace declaration: the page declares the namespaces it uses
                } else if (!removed && !ALLOWED.isSafeAttribute(tag, el, a)) {
                    diag.warning(at, "<" + tag + "> may not have the attribute '" + a.getKey() + "' in a chapter: it was removed",
                            "elements may have class, id, lang, dir, title, role, aria-* and data-* attributes, and those of "
                                    + "their kind (href on a link, src and alt on an image, colspan on a cell…); "
                                    + "to style the element, give it a class and style that in styles/");
                    el.removeAttr(a.getKey());
                }
            }
            if (!removed && el.parent() != null && !ALLOWED.isSafeTag(tag)) {
                boolean empty = el.childNodeSize() == 0;
                diag.warning(at, "<" + tag + "> is not an element a chapter may hold: it was removed"
                                + (empty ? "" : ", its content kept"),
                        "mark the passage with <span class=\"…\"> or <div class=\"…\"> and style the class in styles/");
                el.unwrap();
            }
        }
    }

    /**
     * Comments are the author's notes, not the reader's: they are dropped (an HTML comment may also hold "--",
     * which XML forbids). So are the bogus comments an HTML parser makes of {@code <?…?>} and {@code <![CDATA[…]]>}.
     */
    private static void removeComments(Element root) {
        List<org.jsoup.nodes.Node> comments = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof org.jsoup.nodes.Comment || node instanceof org.jsoup.nodes.XmlDeclaration) comments.add(node);
        }, root);
        comments.forEach(org.jsoup.nodes.Node::remove);
    }

    /** Whether the attribute makes the reading system load something (as opposed to a link the reader follows). */
    private static boolean isResource(String tag, String attr) {
        return switch (attr) {
            case "src", "srcset", "poster", "data", "background", "codebase", "lowsrc", "dynsrc" -> true;
            case "href", "xlink:href" -> !tag.equals("a") && !tag.equals("area");
            default -> false;
        };
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }

    /** Where an element tracked by {@link #parseTracked} starts, counted from the fragment's position. */
    public static SourcePos at(Element el, SourcePos pos, Tracking tracked) {
        var range = el.sourceRange();
        if (tracked == Tracking.NONE || !range.isTracked() || pos.line() == 0) return pos;
        int line = range.start().lineNumber();
        int column = range.start().columnNumber();
        if (tracked == Tracking.LINES) {
            column = line == 1 ? pos.column() : 0;
        } else if (line == 1) {
            column = pos.column() == 0 ? 0 : pos.column() + column - 1 - "<body>".length();
            if (column < 1) column = pos.column();
        }
        return new SourcePos(pos.file(), pos.line() + line - 1, Math.max(0, column));
    }

    /** Deeper element nesting than this is cut off: no book needs it, and the PDF engine recurses over it. */
    public static final int MAX_DEPTH = 2 * org.coursebook.read.MarkdownReader.MAX_NESTING + 16;

    private static void limitDepth(Element root, SourcePos pos, Tracking tracked, Diagnostics diag) {
        List<Element> tooDeep = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (depth == MAX_DEPTH + 1 && node instanceof Element e) tooDeep.add(e);
        }, root);
        if (tooDeep.isEmpty()) return;
        Element first = tooDeep.get(0);
        diag.error(at(first, pos, tracked), "HTML elements are nested more than " + MAX_DEPTH + " levels deep",
                "flatten the structure: no book needs that depth");
        for (Element e : tooDeep) e.remove();
    }

    private XhtmlCleaner() {}
}
