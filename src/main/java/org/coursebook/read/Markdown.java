package org.coursebook.read;

import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/**
 * The configured Flexmark parser and renderer. Thread-safe; build one and share it.
 *
 * <p>A chapter's body is parsed with the lifted-excerpt markers {@code ==…==} ({@link LiftedExcerpt}); one-line
 * fields (titles, summaries, lecture points, attributions) are parsed without them, so {@code ==} there stays
 * text. Tables are read leniently on purpose, so that the reader can report what GFM would silently turn into
 * something else: a delimiter row whose cell count differs from the header's still makes a table (GFM makes a
 * paragraph of pipes), and a row's cells beyond the header's are kept (GFM drops them); see
 * {@code MarkdownReader}'s table check. A link destination in angle brackets may hold spaces
 * ({@code [](<03 Basic Terms.md>)}, CommonMark 0.30 §6.3).
 */
public final class Markdown {
    private final Parser parser;
    private final Parser inlineParser;
    private final HtmlRenderer renderer;

    public Markdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                FootnoteExtension.create(),
                AttributesExtension.create(),
                TypographicExtension.create(),
                DefinitionExtension.create(),
                StrikethroughExtension.create(),
                new LiftedExcerpt.Extension(),
                new BracketedSpans(),
                Listings.extension()));
        options.set(TablesExtension.WITH_CAPTION, true);
        options.set(TablesExtension.CLASS_NAME, "");
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, false);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, false);
        // GFM: a delimiter cell is one or more '-' (Flexmark's default of three turns |-|-| into a paragraph)
        options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
        // CommonMark: <…> around a link destination lets it hold spaces (Flexmark needs this to allow that)
        options.set(Parser.SPACE_IN_LINK_URLS, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // CommonMark (since 0.28) lets a destination in angle brackets hold spaces: ![map](<images/harbour map.png>);
        // Flexmark keeps to the older rule unless this is set (which also lets a bare destination hold a space
        // not followed by a quote: ![map](images/harbour map.png)).
        options.set(Parser.SPACE_IN_LINK_URLS, true);
        // Flexmark suppresses links when rendering a single node unless this is set; we always render nodes
        // one at a time (never the whole document), so links render.
        options.set(HtmlRenderer.DO_NOT_RENDER_LINKS, true);
        // Flexmark quietly drops javascript: links; we render every link so that the cleaner reports it
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "");
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        MutableDataSet inline = new MutableDataSet(options);
        inline.set(Parser.EXTENSIONS, Parser.EXTENSIONS.get(options).stream()
                .filter(e -> !(e instanceof LiftedExcerpt.Extension)).toList());
        this.inlineParser = Parser.builder(inline).build();
    }

    /** Parses a chapter's body (lifted-excerpt markers included) into Flexmark's tree. */
    public Node parse(String text) {
        return parser.parse(text);
    }

    public String render(Node node) {
        return renderer.render(node);
    }

    /**
     * Renders one-line Markdown strings to inline HTML, as {@link #renderInline(String)} renders each, with one
     * parse for all of them where that is sure to give the same result: the strings are parsed as paragraphs of
     * one document, and that parse is used only if each string came out as one paragraph of exactly its own
     * text (so no string became a list, a heading, a definition, a reference or part of another's block).
     * Strings with attribute braces, which can attach to the block before them, are always parsed one by one.
     */
    public List<String> renderInline(List<String> texts) {
        List<String> lines = texts.stream().map(t -> t.replace('\n', ' ').strip()).toList();
        if (lines.size() > 1 && lines.stream().noneMatch(t -> t.isEmpty() || t.indexOf('{') >= 0)) {
            StringBuilder all = new StringBuilder();
            int[] starts = new int[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                starts[i] = all.length();
                all.append(lines.get(i)).append("\n\n");
            }
            List<String> out = new java.util.ArrayList<>(lines.size());
            Node node = inlineParser.parse(all.toString()).getFirstChild();
            for (int i = 0; i < lines.size() && node != null; i++, node = node.getNext()) {
                if (!(node instanceof com.vladsch.flexmark.ast.Paragraph) || node.getStartOffset() != starts[i]
                        || !node.getChars().trimEnd().toString().equals(lines.get(i))) break;
                out.add(paragraphContent(renderer.render(node)));
            }
            if (out.size() == lines.size() && node == null) return List.copyOf(out);
        }
        return lines.stream().map(this::renderInline).toList();
    }

    /** Renders a one-line Markdown string to inline HTML (no surrounding paragraph). */
    public String renderInline(String text) {
        Node doc = inlineParser.parse(text.replace('\n', ' ').strip());
        Node only = doc.getFirstChild();
        if (only == null) return "";
        if (!(only instanceof com.vladsch.flexmark.ast.Paragraph) || only.getNext() != null) {
            // Text that Markdown reads as a block (a list, a heading, a rule) in a one-line field: keep it as text.
            return org.jsoup.nodes.Entities.escape(text.replace('\n', ' ').strip());
        }
        return paragraphContent(renderer.render(only));
    }

    private static String paragraphContent(String rendered) {
        String html = rendered.strip();
        if (html.startsWith("<p>") && html.endsWith("</p>")) html = html.substring(3, html.length() - 4);
        return html;
    }
}
