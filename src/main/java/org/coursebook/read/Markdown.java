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

/** The configured Flexmark parser and renderer. Thread-safe; build one and share it. */
public final class Markdown {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public Markdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                FootnoteExtension.create(),
                AttributesExtension.create(),
                TypographicExtension.create(),
                DefinitionExtension.create(),
                StrikethroughExtension.create()));
        options.set(TablesExtension.WITH_CAPTION, true);
        options.set(TablesExtension.CLASS_NAME, "");
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
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
    }

    public Node parse(String text) {
        return parser.parse(text);
    }

    public String render(Node node) {
        return renderer.render(node);
    }

    /** Renders a one-line Markdown string to inline HTML (no surrounding paragraph). */
    public String renderInline(String text) {
        Node doc = parser.parse(text.replace('\n', ' ').strip());
        Node only = doc.getFirstChild();
        if (only == null) return "";
        if (!(only instanceof com.vladsch.flexmark.ast.Paragraph) || only.getNext() != null) {
            // Text that Markdown reads as a block (a list, a heading, a rule) in a one-line field: keep it as text.
            return org.jsoup.nodes.Entities.escape(text.replace('\n', ' ').strip());
        }
        String html = renderer.render(only).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>")) html = html.substring(3, html.length() - 4);
        return html;
    }
}
