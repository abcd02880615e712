package org.coursebook.render;

import org.coursebook.model.Attrs;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Element;
import org.coursebook.model.Footnote;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Target;
import org.coursebook.model.Tree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one writer of the document tree: turns a chapter's blocks, notes and front-matter inlines into XHTML 5
 * (the XML serialisation, as EPUB 3.3 §6.1 asks of content documents). Every output writes its chapters here;
 * what differs between them is the {@link Options}:
 * <ul>
 * <li>{@link #epub} — one document a part: links {@code file.xhtml#id}, notes at the chapter's end (the template
 *     writes them with {@link #note}), listings wrapped at {@value CodeWrap#EPUB_COLUMNS} columns;</li>
 * <li>{@link #print} — the whole book one document: ids given their part's slug ({@code part--id}), links
 *     {@code #part--id}, each note written at its first reference (the print stylesheet floats it to the foot of
 *     the page), every link titled (PDF/UA-1 7.18.5), images pointed at where the print engine reads them;</li>
 * <li>{@link #handout} — a lecture on its own: no note references, links into the book as plain text.</li>
 * <li>{@link #web} — the web edition: the EPUB's form with pages named {@code part.html}, each note's text also
 *     shown on hover beside its reference (a copy hidden from screen readers), and the first use of each key term
 *     in a part's text linked to its glossary entry.</li>
 * </ul>
 * A template {@code nodes/<type>.ftl} (in the book's {@code styles/templates/}) writes every block of that type
 * instead (see {@link Block#type()} and {@link #nodeTemplate}). Instances are immutable and thread-safe.
 */
public final class XhtmlWriter {
    /** Where notes are written: after the chapter, at their first reference, or not at all. */
    public enum Notes { AT_END, AT_CALL_SITE, NONE }

    /** How links are written: to part files, within one document, or only links out of the book. */
    public enum Links { FILES, ONE_DOCUMENT, EXTERNAL_ONLY }

    /**
     * @param codeColumns   the columns a listing's line may take before it wraps ({@link CodeWrap})
     * @param images        the {@code src} to write for each image, by its path in the outputs; absent: as it is
     * @param linkTitles    whether every link gets a {@code title} (PDF/UA)
     * @param partExtension what a part's file name ends with after its slug, in links to it ({@code .xhtml})
     * @param notePreviews  whether each note reference is followed by the note's text as plain text, for a
     *                      stylesheet to show on hover or focus ({@code span.note-preview}, {@code aria-hidden}:
     *                      the note itself, at the end, is what a screen reader reads); only with notes at the end
     * @param termLinks     the glossary entry to link each key term to, by the term in lower case ({@link
     *                      java.util.Locale#ROOT}): the first emphasised use of the term in a part's blocks becomes a link
     *                      there (never inside a heading or another link); empty for none
     */
    public record Options(Notes notes, Links links, int codeColumns, Map<String, String> images, boolean linkTitles,
                          String partExtension, boolean notePreviews, Map<String, String> termLinks) {
        public Options {
            images = Map.copyOf(images);
            java.util.Objects.requireNonNull(partExtension);
            termLinks = Map.copyOf(termLinks);
        }

        /** Options with parts in {@code .xhtml} files, no note previews and no term links (the EPUB's, print's, handouts'). */
        public Options(Notes notes, Links links, int codeColumns, Map<String, String> images, boolean linkTitles) {
            this(notes, links, codeColumns, images, linkTitles, ".xhtml", false, Map.of());
        }
    }

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");

    private final Options options;
    private final Templates templates;
    private final BlockHook blockHook;
    /** The print book's folio of each id of its document (from its first layout), or null: see {@link #withFolios}. */
    private final java.util.function.Function<String, String> folios;

    public XhtmlWriter(Options options, Templates templates) {
        this(options, templates, null, null);
    }

    private XhtmlWriter(Options options, Templates templates, BlockHook blockHook, java.util.function.Function<String, String> folios) {
        this.options = options;
        this.templates = templates;
        this.blockHook = blockHook;
        this.folios = folios;
    }

    /**
     * What an output adds to each top-level block of a part once it is written: the print book a key that finds the
     * block again from its layout, the EPUB the page-break markers of the print pages that begin in it (see
     * {@link Pagination.Place}).
     */
    @FunctionalInterface
    public interface BlockHook {
        /**
         * @param ch    the part
         * @param index the block's 0-based index in {@code ch.blocks()}
         * @param xhtml the block as written
         * @return the block to write instead
         */
        String written(Chapter ch, int index, String xhtml);
    }

    /** This writer with {@code hook} applied to every top-level block {@link #blocks} writes (null: none). */
    public XhtmlWriter withBlockHook(BlockHook hook) {
        return new XhtmlWriter(options, templates, hook, folios);
    }

    /**
     * This writer with the print book's folios ({@code folioOf}: the folio of an id of the print document, null when
     * not known), as a second layout has them from the first: the index's locators are written as those page
     * numbers, each page once, ranges joined and shortened ({@link org.coursebook.render.pdf.PrintIndex#range}),
     * instead of being left to the stylesheet's {@code target-counter}.
     */
    public XhtmlWriter withFolios(java.util.function.Function<String, String> folioOf) {
        return new XhtmlWriter(options, templates, blockHook, folioOf);
    }

    /** The EPUB's writer. {@code templates} may be null (no per-node templates). */
    public static XhtmlWriter epub(Templates templates) {
        return new XhtmlWriter(new Options(Notes.AT_END, Links.FILES, CodeWrap.EPUB_COLUMNS, Map.of(), false), templates);
    }

    /** The print book's writer: listings wrapped at {@code codeColumns}, images read from {@code images}. */
    public static XhtmlWriter print(Templates templates, int codeColumns, Map<String, String> images) {
        return new XhtmlWriter(new Options(Notes.AT_CALL_SITE, Links.ONE_DOCUMENT, codeColumns, images, true), templates);
    }

    /** The handouts' writer. */
    public static XhtmlWriter handout(Templates templates, int codeColumns, Map<String, String> images) {
        return new XhtmlWriter(new Options(Notes.NONE, Links.EXTERNAL_ONLY, codeColumns, images, true), templates);
    }

    /**
     * The web edition's writer: the EPUB's (links to part files, notes at the part's end, listings wrapped at
     * {@value CodeWrap#EPUB_COLUMNS} columns) with parts at {@code <slug>.html}, note previews and term links.
     *
     * @param termLinks the glossary entry of each key term, by the term in lower case (see {@link Options#termLinks})
     */
    public static XhtmlWriter web(Templates templates, Map<String, String> termLinks) {
        return new XhtmlWriter(new Options(Notes.AT_END, Links.FILES, CodeWrap.EPUB_COLUMNS, Map.of(), false, ".html", true, termLinks),
                templates);
    }

    public Options options() {
        return options;
    }

    /** Whether the notes go after the chapter's text (then the template writes them with {@link #note}). */
    public boolean notesAtEnd() {
        return options.notes() == Notes.AT_END;
    }

    /** Whether links written by templates should carry a title too. */
    public boolean linkTitles() {
        return options.linkTitles();
    }

    /** An id of part {@code ch} as this output writes it: {@code local}, or {@code <slug>--local} in one document. */
    public String id(Chapter ch, String local) {
        if (options.links() != Links.ONE_DOCUMENT || local.equals(ch.slug()) || local.startsWith(ch.slug() + "--")) return local;
        return ch.slug() + "--" + local;
    }

    /** A link to part {@code ch} (and {@code anchor} in it, "" for its start). */
    public String href(Chapter ch, String anchor) {
        return href(ch.slug(), anchor, null);
    }

    private String href(String slug, String anchor, Chapter here) {
        if (options.links() == Links.ONE_DOCUMENT) {
            return "#" + (anchor.isEmpty() || anchor.equals(slug) || anchor.startsWith(slug + "--") ? (anchor.isEmpty() ? slug : anchor) : slug + "--" + anchor);
        }
        if (here != null && here.slug().equals(slug) && !anchor.isEmpty()) return "#" + anchor;
        return slug + options.partExtension() + (anchor.isEmpty() ? "" : "#" + anchor);
    }

    /** All of a chapter's blocks, each on its own line. */
    public String blocks(Chapter ch) {
        Out out = new Out(ch);
        out.linkTerms = !options.termLinks().isEmpty();
        if (blockHook == null) writeBlocks(ch.blocks(), out);
        else hookedBlocks(ch.blocks(), out);
        return out.sb.toString();
    }

    /** A part's top-level blocks as {@link #writeBlocks} writes them, each passed through the {@link #blockHook}. */
    private void hookedBlocks(List<? extends Block> blocks, Out out) {
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            int start = out.sb.length();
            if (b instanceof Block.Heading h && i + 1 < blocks.size() && blocks.get(i + 1) instanceof Block.Table t && t.fit().landscape()) {
                // the heading goes onto the table's landscape page, inside its box: each keeps its own index
                table(t, out, h);
                String both = out.sb.substring(start);
                Out alone = new Out(out.ch);
                block(h, alone);
                String heading = alone.sb.toString();
                String hooked = blockHook.written(out.ch, i + 1, both);
                int at = hooked.indexOf(heading);
                if (at >= 0) hooked = hooked.substring(0, at) + blockHook.written(out.ch, i, heading) + hooked.substring(at + heading.length());
                out.sb.setLength(start);
                out.sb.append(hooked).append('\n');
                i++;
                continue;
            }
            block(b, out);
            String written = out.sb.substring(start);
            out.sb.setLength(start);
            out.sb.append(blockHook.written(out.ch, i, written)).append('\n');
        }
    }

    /** One block of chapter {@code ch}. */
    public String block(Chapter ch, Block b) {
        Out out = new Out(ch);
        block(b, out);
        return out.sb.toString();
    }

    /** Inlines of chapter {@code ch} (a subtitle, a summary, a lecture point, a heading's text). */
    public String inlines(Chapter ch, List<? extends Node> content) {
        Out out = new Out(ch);
        nodes(content, out);
        return out.sb.toString();
    }

    /** Nodes as plain text, white space collapsed (for a page title or a description; the template escapes it). */
    public String plain(List<? extends Node> content) {
        return Tree.plainText(content);
    }

    /**
     * A note's text as the notes section at the chapter's end shows it: its number linking back to the first
     * reference, then its text (one paragraph for a short note; the number in a paragraph of its own before a
     * longer one's blocks).
     */
    public String note(Chapter ch, Footnote f) {
        Out out = new Out(ch);
        String back = "<a href=\"#" + esc(id(ch, "ref-" + f.id()), true) + "\" title=\"Back to the text\">";
        if (f.isInline()) {
            out.sb.append("<p><a class=\"note-number\"").append(back.substring(2)).append(f.number()).append("</a> ");
            nodes(f.content(), out);
            out.sb.append("</p>");
        } else {
            out.sb.append("<p class=\"note-number\">").append(back).append(f.number()).append("</a></p>");
            writeBlocks(Node.blocks(f.content()), out);
        }
        return out.sb.toString();
    }

    /** A fragment of nodes in the EPUB's form, with no part around it (for tests and checks). */
    public static String fragment(List<? extends Node> nodes) {
        Chapter none = new Chapter(Chapter.Kind.FRONT, 0, "fragment", "fragment.md", org.coursebook.diag.SourcePos.of(java.nio.file.Path.of("fragment.md")),
                "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        XhtmlWriter w = epub(null);
        Out out = w.new Out(none);
        w.nodes(nodes, out);
        return out.sb.toString();
    }

    /** The state of one writing: the part it belongs to, and how far the boxes around a listing take it in. */
    private final class Out {
        final StringBuilder sb = new StringBuilder();
        final Chapter ch;
        final Map<String, Footnote> notes = new HashMap<>();
        int inset;
        boolean inPullQuote;
        /** Whether key terms may become links here (a part's blocks, outside headings and links: {@link Options#termLinks}). */
        boolean linkTerms;
        /** The terms linked so far in this part (each only at its first use). */
        final java.util.Set<String> linkedTerms = new java.util.HashSet<>();

        Out(Chapter ch) {
            this.ch = ch;
            for (Footnote f : ch.footnotes()) notes.put(f.label(), f);
        }
    }

    private void writeBlocks(List<? extends Block> blocks, Out out) {
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            // a heading right before a table set on a landscape page goes onto that page with it
            if (b instanceof Block.Heading h && i + 1 < blocks.size() && blocks.get(i + 1) instanceof Block.Table t && t.fit().landscape()) {
                table(t, out, h);
                out.sb.append('\n');
                i++;
                continue;
            }
            block(b, out);
            out.sb.append('\n');
        }
    }

    private void nodes(List<? extends Node> nodes, Out out) {
        boolean blocks = nodes.stream().anyMatch(n -> n instanceof Block && !(n instanceof Element e && !Tree.isBlockTag(e.tag())));
        for (Node n : nodes) {
            if (n instanceof Inline i && !(blocks && n instanceof Element e && Tree.isBlockTag(e.tag()))) {
                inline(i, out);
            } else {
                if (blocks) out.sb.append('\n');
                block((Block) n, out);
            }
        }
        if (blocks) out.sb.append('\n');
    }

    private void block(Block b, Out out) {
        if (templates != null && !(b instanceof Element) && templates.has("nodes/" + b.type() + ".ftl")) {
            nodeTemplate(b, out);
            return;
        }
        builtIn(b, out);
    }

    /**
     * Writes a block with the book's template for its type, {@code nodes/<type>.ftl}, as Asciidoctor's per-node
     * templates stand in front of its converter. The template's model: {@code node} (the block), {@code chapter},
     * {@code w} (this writer), {@code content} (the block's children, its caption or title left out, as this
     * writer writes them), {@code caption} (the caption or title, "" for none) and {@code builtIn} (the block as
     * this writer writes it without the template, to wrap or keep).
     */
    private void nodeTemplate(Block b, Out out) {
        Out content = new Out(out.ch), caption = new Out(out.ch), builtIn = new Out(out.ch);
        content.inset = caption.inset = builtIn.inset = out.inset;
        List<Node> body = new java.util.ArrayList<>();
        for (Node n : b.children()) {
            if (n instanceof Block.Caption c) nodes(c.content(), caption);
            else body.add(n);
        }
        nodes(body, content);
        builtIn(b, builtIn);
        Map<String, Object> model = new HashMap<>();
        model.put("node", b);
        model.put("chapter", out.ch);
        model.put("w", this);
        model.put("content", content.sb.toString());
        model.put("caption", caption.sb.toString());
        model.put("builtIn", builtIn.sb.toString());
        out.sb.append(templates.render("nodes/" + b.type() + ".ftl", model));
    }

    private void builtIn(Block b, Out out) {
        if (b instanceof Block.Heading h) {
            out.sb.append("<h").append(h.level()).append(" id=\"").append(esc(id(out.ch, h.id()), true)).append("\">");
            if (!h.number().isEmpty()) out.sb.append("<span class=\"number\">").append(esc(h.number(), false)).append("</span> ");
            boolean terms = out.linkTerms;
            out.linkTerms = false;
            nodes(h.content(), out);
            out.linkTerms = terms;
            out.sb.append("</h").append(h.level()).append('>');
        } else if (b instanceof Block.Para p) {
            open("p", p.attrs(), out, langOf(p.content()));
            nodes(inner(p.content()), out);
            out.sb.append("</p>");
        } else if (b instanceof Block.ListBlock l) {
            String tag = l.ordered() ? "ol" : "ul";
            open(tag, l.attrs(), out, "");
            out.inset += 4;
            for (Block.Item item : l.items()) {
                out.sb.append('\n');
                open("li", item.attrs(), out, langOf(item.content()));
                nodes(inner(item.content()), out);
                out.sb.append("</li>");
            }
            out.inset -= 4;
            out.sb.append("\n</").append(tag).append('>');
        } else if (b instanceof Block.Item item) {
            open("li", item.attrs(), out, langOf(item.content()));
            nodes(inner(item.content()), out);
            out.sb.append("</li>");
        } else if (b instanceof Block.Quote q) {
            open("blockquote", q.attrs(), out, "");
            int inset = out.inPullQuote ? 0 : 9;
            out.inset += inset;
            nodes(q.content(), out);
            out.inset -= inset;
            out.sb.append("</blockquote>");
        } else if (b instanceof Block.Table t) {
            table(t, out, null);
        } else if (b instanceof Block.Caption c) {
            out.sb.append("<caption").append(langAttr(langOf(c.content()))).append('>');
            nodes(inner(c.content()), out);
            out.sb.append("</caption>");
        } else if (b instanceof Block.Section s) {
            section(s, out);
        } else if (b instanceof Block.Row r) {
            row(r, out);
        } else if (b instanceof Block.Cell c) {
            cell(c, out);
        } else if (b instanceof Block.Figure f) {
            open("figure", f.attrs(), out, "");
            inline(f.image(), out);
            if (!f.caption().isEmpty() || !f.label().isEmpty()) {
                out.sb.append("<figcaption>");
                if (!f.label().isEmpty()) out.sb.append("<span class=\"label\">").append(esc(f.label(), false)).append(".</span>")
                        .append(f.caption().isEmpty() ? "" : " ");
                nodes(f.caption(), out);
                out.sb.append("</figcaption>");
            }
            out.sb.append("</figure>");
        } else if (b instanceof Block.Listing l) {
            String caption = null;
            if (l.caption() != null) caption = inlines(out.ch, l.caption().content());
            int cols = options.codeColumns() == Integer.MAX_VALUE ? Integer.MAX_VALUE
                    : Math.max(CodeWrap.MIN_COLUMNS, options.codeColumns() - out.inset);
            out.sb.append(CodeWrap.listing(l.info(), l.code(), caption, cols));
        } else if (b instanceof Block.Rule) {
            out.sb.append("<hr />");
        } else if (b instanceof Block.Sidebar s) {
            out.sb.append("<aside class=\"sidebar\" epub:type=\"sidebar\"><p class=\"sidebar-title\"")
                    .append(langAttr(langOf(s.title().content()))).append('>');
            nodes(inner(s.title().content()), out);
            out.sb.append("</p>\n");
            out.inset += 5;
            for (Block c : s.content()) {
                block(c, out);
                out.sb.append('\n');
            }
            out.inset -= 5;
            out.sb.append("</aside>");
        } else if (b instanceof Block.PullQuote q) {
            pullQuote(q, out);
        } else if (b instanceof Element e) {
            element(e, out);
        }
    }

    private void pullQuote(Block.PullQuote q, Out out) {
        if (q.isPrimary()) {
            out.sb.append("<figure class=\"pullquote primary\"><blockquote>");
            boolean was = out.inPullQuote;
            out.inPullQuote = true;
            out.inset += 20;
            nodes(q.content(), out);
            out.inset -= 20;
            out.inPullQuote = was;
            Block.Attribution a = q.attribution();
            out.sb.append("</blockquote><figcaption>— ").append(esc(a.speaker(), false));
            if (!a.work().isEmpty()) {
                out.sb.append(", <cite>");
                nodes(a.work(), out);
                out.sb.append("</cite>");
            }
            out.sb.append(", ").append(esc(a.year(), false)).append("</figcaption></figure>");
        } else {
            out.sb.append("<aside class=\"pullquote lifted\" epub:type=\"pullquote\" role=\"doc-pullquote\" aria-hidden=\"true\"><p")
                    .append(langAttr(langOf(q.content()))).append('>');
            nodes(inner(q.content()), out);
            out.sb.append("</p></aside>");
        }
    }

    /** A table in its scrolling region (WAI-ARIA {@code region}, named by its caption), and its source line. */
    private void table(Block.Table t, Out out, Block.Heading before) {
        Block.Table.Fit fit = t.fit();
        String label = (t.label() + " " + t.captionText()).strip();
        if (label.isEmpty()) label = "Table";
        out.sb.append("<div class=\"table-wrap").append(fit.landscape() ? " table-landscape" : "")
                .append("\" role=\"region\" tabindex=\"0\" aria-label=\"").append(esc(label, true)).append('"');
        if (!fit.wrapStyle().isEmpty()) out.sb.append(" style=\"").append(esc(fit.wrapStyle(), true)).append('"');
        out.sb.append('>');
        if (before != null) block(before, out);
        Attrs attrs = fit.smaller() ? t.attrs().withClass("table-fit") : t.attrs();
        open("table", attrs, out, "");
        if (t.caption() != null || !t.label().isEmpty()) {
            out.sb.append("<caption>");
            if (!t.label().isEmpty()) out.sb.append("<span class=\"label\">").append(esc(t.label(), false)).append(".</span>")
                    .append(t.caption() == null ? "" : " ");
            if (t.caption() != null) nodes(t.caption().content(), out);
            out.sb.append("</caption>");
        }
        for (Block.Section s : t.sections()) {
            out.sb.append('\n');
            section(s, out);
        }
        out.sb.append("\n</table></div>");
        if (t.source() != null) {
            out.sb.append('\n');
            block(t.source(), out);
        }
    }

    private void section(Block.Section s, Out out) {
        out.sb.append('<').append(s.kind()).append('>');
        for (Block.Row r : s.rows()) {
            out.sb.append('\n');
            row(r, out);
        }
        out.sb.append("\n</").append(s.kind()).append('>');
    }

    private void row(Block.Row r, Out out) {
        open("tr", r.attrs(), out, "");
        for (Block.Cell c : r.cells()) cell(c, out);
        out.sb.append("</tr>");
    }

    private void cell(Block.Cell c, Out out) {
        String tag = c.header() ? "th" : "td";
        open(tag, c.attrs(), out, langOf(c.content()));
        nodes(inner(c.content()), out);
        out.sb.append("</").append(tag).append('>');
    }

    private void element(Element e, Out out) {
        String tag = e.tag();
        Attrs attrs = e.attrs();
        if (attrs.has("id")) attrs = attrs.with("id", id(out.ch, attrs.id()));
        if (tag.equals("a") && attrs.has("href")) {
            String href = attrs.get("href");
            if (href.startsWith("#") && options.links() == Links.ONE_DOCUMENT) attrs = attrs.with("href", href(out.ch.slug(), href.substring(1), out.ch));
            if (options.linkTitles() && !attrs.has("title")) attrs = attrs.with("title", title(attrs.get("href"), e.content()));
        }
        if (tag.equals("img") && options.images().containsKey(attrs.get("src"))) attrs = attrs.with("src", options.images().get(attrs.get("src")));
        if (VOID.contains(tag) && e.content().isEmpty()) {
            open(tag, attrs, out, "", true);
            return;
        }
        int inset = switch (tag) {
            case "ul", "ol", "dd" -> 4;
            case "blockquote" -> out.inPullQuote ? 0 : 9;
            case "aside" -> attrs.hasClass("sidebar") ? 5 : 0;
            default -> 0;
        };
        String lang = attrs.has("lang") ? "" : langOf(e.content());
        open(tag, attrs, out, lang);
        out.inset += inset;
        boolean terms = out.linkTerms;
        if (tag.equals("a") || tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') out.linkTerms = false;
        nodes(lang.isEmpty() ? e.content() : inner(e.content()), out);
        out.linkTerms = terms;
        out.inset -= inset;
        out.sb.append("</").append(tag).append('>');
    }

    private void inline(Inline i, Out out) {
        if (i instanceof Inline.Text t) {
            out.sb.append(esc(t.text(), false));
        } else if (i instanceof Inline.Emph e) {
            String termHref = out.linkTerms ? termLink(e, out) : null;
            if (termHref != null) out.sb.append("<a class=\"term-link\" href=\"").append(esc(termHref, true)).append("\">");
            out.sb.append("<em").append(langAttr(langOf(e.content()))).append('>');
            boolean terms = out.linkTerms;
            if (termHref != null) out.linkTerms = false;
            nodes(inner(e.content()), out);
            out.linkTerms = terms;
            out.sb.append("</em>");
            if (termHref != null) out.sb.append("</a>");
        } else if (i instanceof Inline.Strong s) {
            out.sb.append("<strong").append(langAttr(langOf(s.content()))).append('>');
            nodes(inner(s.content()), out);
            out.sb.append("</strong>");
        } else if (i instanceof Inline.Code c) {
            out.sb.append("<code>").append(esc(c.text(), false)).append("</code>");
        } else if (i instanceof Inline.Link l) {
            link(l, out);
        } else if (i instanceof Inline.Image img) {
            String src = options.images().getOrDefault(img.src(), img.src());
            out.sb.append("<img src=\"").append(esc(src, true)).append("\" alt=\"").append(esc(img.alt(), true)).append('"');
            attrs(img.attrs(), out);
            out.sb.append(" />");
        } else if (i instanceof Inline.NoteRef r) {
            noteRef(r, out);
        } else if (i instanceof Inline.Lang l) {
            out.sb.append("<span lang=\"").append(esc(l.lang(), true)).append("\" xml:lang=\"").append(esc(l.lang(), true)).append("\">");
            nodes(l.content(), out);
            out.sb.append("</span>");
        } else if (i instanceof Inline.Lifted l) {
            out.sb.append("<span class=\"lifted\"").append(langAttr(langOf(l.content()))).append('>');
            nodes(inner(l.content()), out);
            out.sb.append("</span>");
        } else if (i instanceof Inline.IndexMark m) {
            // the place an index locator links to; a mark the index did not use writes only its text
            if (!m.id().isEmpty() && options.links() != Links.EXTERNAL_ONLY) {
                out.sb.append("<span id=\"").append(esc(id(out.ch, m.id()), true)).append("\">");
                nodes(m.content(), out);
                out.sb.append("</span>");
            } else {
                nodes(m.content(), out);
            }
        } else if (i instanceof Inline.IndexLocators l) {
            indexLocators(l, out);
        } else if (i instanceof Inline.LineBreak) {
            out.sb.append("<br />");
        } else if (i instanceof Inline.Wbr) {
            out.sb.append("<wbr />");
        } else if (i instanceof Element e) {
            element(e, out);
        }
    }

    /**
     * An index entry's locators (EPUB Indexes 1.0 {@code index-locator}). In one document (the print book) each is
     * an empty link whose page number the stylesheet writes ({@code target-counter}), a range two of them; in
     * files (EPUB, web) each links with its label, a label repeated in a row only once; standing alone (a
     * handout), the labels as text. A definition's locator is bold.
     */
    private void indexLocators(Inline.IndexLocators l, Out out) {
        if (options.links() == Links.ONE_DOCUMENT && folios != null && printedLocators(l, out)) return;
        String previous = null;
        List<Inline.IndexLocators.Locator> locs = new java.util.ArrayList<>();
        for (Inline.IndexLocators.Locator loc : l.locators()) {
            String key = loc.start().chapter().value() + "\u0000" + loc.label();
            if (options.links() == Links.ONE_DOCUMENT || !key.equals(previous)) locs.add(loc);
            previous = key;
        }
        for (int i = 0; i < locs.size(); i++) {
            Inline.IndexLocators.Locator loc = locs.get(i);
            boolean last = i == locs.size() - 1;
            if (loc.definition()) out.sb.append("<strong>");
            if (options.links() == Links.EXTERNAL_ONLY) {
                out.sb.append(esc(loc.label(), false));
            } else if (options.links() == Links.ONE_DOCUMENT) {
                // the stylesheet writes each page number, with the comma or dash after it: inside the link's own
                // box, so that a line never starts with the comma
                String cls = loc.front() ? "index-locator front" : "index-locator";
                if (loc.end() != null) locatorLink(loc.start(), "", cls + " range-start", out);
                locatorLink(loc.end() != null ? loc.end() : loc.start(), "", last ? cls : cls + " sep", out);
            } else {
                locatorLink(loc.start(), loc.label(), "index-locator", out);
            }
            if (loc.definition()) out.sb.append("</strong>");
            if (!last) out.sb.append(options.links() == Links.ONE_DOCUMENT ? " " : ", ");
        }
    }

    /**
     * The locators as page numbers from the first layout: each page once (a page a range covers is not repeated),
     * each number a link to the first place on its page; false (nothing written) when a folio is not known.
     */
    private boolean printedLocators(Inline.IndexLocators l, Out out) {
        record Item(String from, String to, Target.Ref link, boolean definition) {}
        List<Item> items = new java.util.ArrayList<>();
        for (Inline.IndexLocators.Locator loc : l.locators()) {
            String from = folios.apply(printId(loc.start(), out));
            String to = loc.end() == null ? from : folios.apply(printId(loc.end(), out));
            if (from == null || to == null) return false;
            Item last = items.isEmpty() ? null : items.get(items.size() - 1);
            if (last != null && last.definition() == loc.definition() && (last.to().equals(from) || last.from().equals(from))) {
                if (!to.equals(last.to()) && !to.equals(from)) items.set(items.size() - 1, new Item(last.from(), to, last.link(), last.definition()));
                continue;
            }
            items.add(new Item(from, to, loc.start(), loc.definition()));
        }
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (i > 0) out.sb.append(", ");
            if (it.definition()) out.sb.append("<strong>");
            String text = org.coursebook.render.pdf.PrintIndex.range(it.from(), it.to());
            out.sb.append("<a class=\"index-folio\" href=\"").append(esc(href(it.link().chapter().value(), it.link().anchor(), out.ch), true))
                    .append("\" title=\"Page ").append(esc(text, true)).append("\">").append(esc(text, false)).append("</a>");
            if (it.definition()) out.sb.append("</strong>");
        }
        return true;
    }

    /** The print document's id of a place ({@code part--anchor}), as {@link #href} links to it without its '#'. */
    private String printId(Target.Ref r, Out out) {
        String h = href(r.chapter().value(), r.anchor(), out.ch);
        return h.startsWith("#") ? h.substring(1) : h;
    }

    private void locatorLink(Target.Ref target, String label, String cls, Out out) {
        String href = href(target.chapter().value(), target.anchor(), out.ch);
        // the web edition's index is the longest page: its locators carry only their link (the stylesheet finds them by their list)
        if (options.partExtension().equals(".html")) out.sb.append("<a href=\"").append(esc(href, true)).append('"');
        else if (options.links() == Links.ONE_DOCUMENT) out.sb.append("<a class=\"").append(cls).append("\" href=\"").append(esc(href, true)).append('"');
        else out.sb.append("<a epub:type=\"index-locator\" href=\"").append(esc(href, true)).append('"');
        if (options.linkTitles()) out.sb.append(" title=\"").append(esc(label.isEmpty() ? "The place in the text" : "Section " + label, true)).append('"');
        out.sb.append('>').append(esc(label, false)).append("</a>");
    }

    private void link(Inline.Link l, Out out) {
        String href = null;
        boolean xref = false;
        Target t = l.target();
        if (t instanceof Target.Url u) {
            href = u.href();
        } else if (t instanceof Target.Ref r) {
            xref = true;
            if (options.links() != Links.EXTERNAL_ONLY) href = href(r.chapter().value(), r.anchor(), out.ch);
        } else if (t instanceof Target.Unresolved u) {
            href = u.href();
            if (options.links() == Links.EXTERNAL_ONLY && !isExternal(href)) href = null;
        }
        if (href == null) { // a link into the book in a document that stands alone, or a refused link: its text stays
            if (t instanceof Target.None && options.links() != Links.EXTERNAL_ONLY) {
                out.sb.append("<a");
                attrs(l.attrs(), out);
                out.sb.append('>');
                nodes(l.content(), out);
                out.sb.append("</a>");
            } else {
                nodes(l.content(), out);
            }
            return;
        }
        Attrs attrs = l.attrs();
        if (xref) attrs = attrs.withClass("xref");
        if (options.linkTitles() && !attrs.has("title")) attrs = attrs.with("title", title(href, l.content()));
        out.sb.append("<a href=\"").append(esc(href, true)).append('"');
        attrs(attrs, out);
        out.sb.append(langAttr(langOf(l.content()))).append('>');
        boolean terms = out.linkTerms;
        out.linkTerms = false;
        nodes(inner(l.content()), out);
        out.linkTerms = terms;
        out.sb.append("</a>");
    }

    /**
     * Where an emphasised key term links to, the first time it is used in the part; null when the emphasis is
     * not a term of the glossary, or the term was linked before.
     */
    private String termLink(Inline.Emph e, Out out) {
        String key = Tree.plainText(e.content()).toLowerCase(java.util.Locale.ROOT);
        String href = options.termLinks().get(key);
        if (href == null || !out.linkedTerms.add(key)) return null;
        return href;
    }

    private static boolean isExternal(String href) {
        return href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:");
    }

    /** A link's title where every link needs one: "Go to …" within the document, "Link to …" out of it. */
    private static String title(String href, List<? extends Node> content) {
        return href.startsWith("#") ? "Go to " + Tree.plainText(content) : "Link to " + href;
    }

    private void noteRef(Inline.NoteRef r, Out out) {
        if (options.notes() == Notes.NONE) return;
        Footnote note = out.notes.get(r.label());
        String noteId = id(out.ch, r.noteId());
        boolean here = options.notes() == Notes.AT_CALL_SITE && r.first() && note != null;
        String target = options.notes() == Notes.AT_CALL_SITE ? noteId + "-print" : noteId;
        boolean preview = options.notePreviews() && options.notes() == Notes.AT_END && note != null;
        out.sb.append("<a class=\"noteref\" href=\"#").append(esc(target, true))
                .append("\" epub:type=\"noteref\" role=\"doc-noteref\" ").append(preview ? "aria-label" : "title")
                .append("=\"Note ").append(r.number()).append('"');
        if (r.first()) out.sb.append(" id=\"").append(esc(id(out.ch, "ref-" + r.noteId()), true)).append('"');
        out.sb.append('>').append(r.number()).append("</a>");
        if (preview) {
            out.sb.append("<span class=\"note-preview\" aria-hidden=\"true\">").append(r.number()).append(". ")
                    .append(esc(previewText(note), false)).append("</span>");
        }
        if (!here) return;
        out.sb.append("<span class=\"fn\" id=\"").append(esc(noteId, true)).append("-print\"><span class=\"fn-number\">")
                .append(r.number()).append("</span>");
        if (note.isInline()) {
            out.sb.append(' ');
            nodes(note.content(), out);
        } else {
            // a note's paragraphs run on; its other blocks (a listing, a list) keep their shape
            boolean first = true;
            for (Node n : note.content()) {
                if (n instanceof Block.Para p) {
                    if (!first) out.sb.append(' ');
                    nodes(p.content(), out);
                } else if (n instanceof Block b) {
                    block(b, out);
                } else {
                    inline((Inline) n, out);
                }
                first = false;
            }
        }
        out.sb.append("</span>");
    }

    /** The longest note text a preview shows, in characters; a longer note is cut at a word, with an ellipsis. */
    static final int PREVIEW_CHARS = 300;

    /** A note's text as its preview shows it: plain text, cut after {@value #PREVIEW_CHARS} characters. */
    private static String previewText(Footnote note) {
        String text = Tree.plainText(note.content());
        if (text.length() <= PREVIEW_CHARS) return text;
        int cut = text.lastIndexOf(' ', PREVIEW_CHARS);
        if (cut < PREVIEW_CHARS / 2) cut = PREVIEW_CHARS;
        if (Character.isLowSurrogate(text.charAt(cut))) cut--;
        return text.substring(0, cut).stripTrailing() + " …";
    }

    /**
     * The language of inlines that are one language span and nothing else: the element around them takes it
     * ({@code <em lang="ru">…</em>}, not a span inside), "" otherwise.
     */
    private static String langOf(List<? extends Node> content) {
        if (content.size() == 1 && content.get(0) instanceof Inline.Lang l && l.content().size() == 1
                && l.content().get(0) instanceof Inline.Text) return l.lang();
        return "";
    }

    /** The content to write inside an element that took its single language span's language ({@link #langOf}). */
    private static List<? extends Node> inner(List<? extends Node> content) {
        return langOf(content).isEmpty() ? content : ((Inline.Lang) content.get(0)).content();
    }

    private static String langAttr(String lang) {
        return lang.isEmpty() ? "" : " lang=\"" + esc(lang, true) + "\" xml:lang=\"" + esc(lang, true) + "\"";
    }

    private void open(String tag, Attrs attrs, Out out, String lang) {
        open(tag, attrs, out, lang, false);
    }

    private void open(String tag, Attrs attrs, Out out, String lang, boolean empty) {
        out.sb.append('<').append(tag);
        Attrs a = attrs;
        if (a.has("id")) a = a.with("id", id(out.ch, a.id()));
        attrs(a, out);
        out.sb.append(langAttr(lang));
        out.sb.append(empty ? " />" : ">");
    }

    /** An attribute name XML allows (the reader's sanitiser has reported any other; none is written). */
    private static final java.util.regex.Pattern XML_NAME = java.util.regex.Pattern.compile("[A-Za-z_:][-A-Za-z0-9_:.]*");

    private static void attrs(Attrs attrs, Out out) {
        for (Map.Entry<String, String> e : attrs.map().entrySet()) {
            if (!XML_NAME.matcher(e.getKey()).matches()) continue;
            out.sb.append(' ').append(e.getKey()).append("=\"").append(esc(e.getValue(), true)).append('"');
        }
    }

    /**
     * Escapes text for XHTML as jsoup's XHTML mode does: {@code & < >}, no-break space, and {@code "} in attributes. A
     * character XML 1.0 (§2.2) does not allow, such as half of a surrogate pair, becomes U+FFFD, as a UTF-8 encoder
     * would make it (the reader has refused control characters already, at their line).
     */
    public static String esc(String s, boolean attribute) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\u00A0' -> "&#xa0;";
                case '"' -> attribute ? "&quot;" : null;
                default -> null;
            };
            if (r == null && !xmlChar(s, i)) r = "\uFFFD";
            if (r == null) {
                if (sb != null) sb.append(c);
            } else {
                if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                sb.append(r);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Whether the char at {@code i} may stand in XML 1.0 (a surrogate only as half of a pair). */
    private static boolean xmlChar(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        return c != 0xFFFE && c != 0xFFFF;
    }
}
