package org.coursebook.read;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Code blocks (fenced and indented) as listings: a Flexmark renderer extension that writes each code block, wherever
 * it stands (at the top of a chapter, in a list, a quote, a sidebar), as
 *
 * <pre>{@code
 * <div class="listing">                                  (<figure class="listing"> when it has a caption)
 *   <figcaption>Caption</figcaption>                     (only with a caption)
 *   <p class="listing-lang">Java</p>                     (only when the fence names a language)
 *   <pre class="code"><code class="language-java"><span class="line">…</span>
 *   <span class="line">…</span></code></pre>
 * </div>
 * }</pre>
 *
 * One {@code span.line} per source line, holding the line's highlighted runs ({@link Highlighter}); the renderers
 * wrap long lines inside it ({@code org.coursebook.render.CodeWrap}). Tabs are expanded to stops every
 * {@value #TAB} columns (as pandoc does), so that every column is one character; trailing blank lines are dropped.
 * The text is the author's, character for character otherwise: no typography, no markup.
 */
public final class Listings {
    /** Tab stops every this many columns. */
    public static final int TAB = 4;

    /**
     * The index of each code block among the chapter's listings, keyed by the code block node (identity). The reader
     * sets it on the parsed document before rendering (see {@code MarkdownReader}); Flexmark then writes, for each
     * code block, a placeholder {@code <div class="listing" id="cb-listing-N"></div>} that the reader's tree
     * builder replaces by the listing node. Unset, a code block is written as a listing right away.
     */
    public static final DataKey<Map<Node, Integer>> INDEX = new DataKey<>("COURSEBOOK_LISTING_INDEX", Map.of());

    private Listings() {}

    /** The Flexmark extension to add to the parser's and renderer's extension list. */
    public static Extension extension() {
        return new Extension();
    }

    /** Renders {@link FencedCodeBlock} and {@link IndentedCodeBlock} as listings. */
    public static final class Extension implements HtmlRenderer.HtmlRendererExtension {
        @Override
        public void rendererOptions(MutableDataHolder options) {}

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.nodeRendererFactory(options -> new Renderer());
        }
    }

    private static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(FencedCodeBlock.class, (node, ctx, html) ->
                            write(node, node.getInfo().toString(), node.getContentChars().toString(), html)),
                    new NodeRenderingHandler<>(IndentedCodeBlock.class, (node, ctx, html) ->
                            write(node, "", node.getContentChars().toString(), html)));
        }

        private static void write(Node node, String info, String code, HtmlWriter html) {
            Integer index = node.getDocument() == null ? null : INDEX.get(node.getDocument()).get(node);
            html.line();
            html.raw(index == null ? xhtml(info, code, null) : "<div class=\"listing\" id=\"cb-listing-" + index + "\"></div>");
            html.line();
        }
    }

    /**
     * The listing's XHTML (see the class comment).
     *
     * @param info        the fence's info string ({@code java}, {@code {r}}, empty)
     * @param code        the code, lines separated by {@code \n}
     * @param captionHtml the caption as inline XHTML, or null for none
     */
    public static String xhtml(String info, String code, String captionHtml) {
        Highlighter.Language language = Highlighter.language(info);
        List<String> lines = lines(code);
        StringBuilder sb = new StringBuilder();
        String box = captionHtml == null ? "div" : "figure";
        sb.append('<').append(box).append(" class=\"listing\">");
        if (captionHtml != null) sb.append("<figcaption>").append(captionHtml).append("</figcaption>");
        if (language != null) sb.append("<p class=\"listing-lang\">").append(Entities.escape(language.label())).append("</p>");
        sb.append("<pre class=\"code\"><code");
        if (language != null) {
            sb.append(" class=\"language-").append(Entities.escape(Highlighter.name(info).toLowerCase(java.util.Locale.ROOT)))
                    .append('"');
        }
        sb.append('>');
        List<List<Highlighter.Run>> highlighted = Highlighter.highlight(language, lines);
        for (int i = 0; i < highlighted.size(); i++) {
            if (i > 0) sb.append('\n');
            sb.append("<span class=\"line\">");
            for (Highlighter.Run r : highlighted.get(i)) {
                if (r.cls() == null) {
                    sb.append(Entities.escape(r.text()));
                } else {
                    sb.append("<span class=\"").append(r.cls()).append("\">").append(Entities.escape(r.text())).append("</span>");
                }
            }
            sb.append("</span>");
        }
        sb.append("</code></pre></").append(box).append('>');
        return sb.toString();
    }

    /**
     * The caption in a paragraph's source if the paragraph is one line in square brackets, {@code [Caption]} (the
     * bracket that opens it closes only at its end), else null. {@code [^note]} and {@code [!…]} are not captions.
     */
    public static String caption(String paragraphSource) {
        String s = paragraphSource.strip();
        if (s.length() < 3 || s.indexOf('\n') >= 0 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') return null;
        if (s.charAt(1) == '^' || s.charAt(1) == '!') return null;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0 && i < s.length() - 1) {
                return null;
            }
        }
        String inner = s.substring(1, s.length() - 1).strip();
        return depth == 0 && !inner.isEmpty() ? inner : null;
    }

    /** The code's lines, tabs expanded, trailing blank lines (and the final newline) dropped. */
    public static List<String> lines(String code) {
        List<String> lines = new ArrayList<>(Arrays.asList(code.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        lines.replaceAll(Listings::expandTabs);
        return lines;
    }

    static String expandTabs(String line) {
        if (line.indexOf('\t') < 0) return line;
        StringBuilder sb = new StringBuilder(line.length() + 8);
        int col = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                int n = TAB - col % TAB;
                sb.append(" ".repeat(n));
                col += n;
            } else {
                sb.append(c);
                if (!Character.isLowSurrogate(c)) col++;
            }
        }
        return sb.toString();
    }
}
