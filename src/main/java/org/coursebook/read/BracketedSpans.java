package org.coursebook.read;

import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pandoc's bracketed spans, {@code [text]{#id .class key="value"}}: a Flexmark HTML renderer extension that
 * writes {@code <span …>text</span>} where Flexmark would write the brackets as text (an undefined reference
 * {@code [text]} followed by attributes, which Flexmark's attributes extension would otherwise attach to
 * nothing). The attribute {@code index} (an index mark, README "The index") is written {@code data-index} so
 * that the XHTML allow-list keeps it for the index transform; every other attribute is written as given, and
 * the allow-list reports those HTML does not have. A defined reference link with attributes is still a link.
 */
final class BracketedSpans implements HtmlRenderer.HtmlRendererExtension {
    /** The attribute names written as {@code data-<name>}: course markup that HTML does not have. */
    static final Set<String> COURSE_ATTRIBUTES = Set.of("index");

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new Renderer());
    }

    /** Whether {@code ref} is the bracketed text of a span: an undefined reference followed by {@code {…}}. */
    static boolean isSpan(LinkRef ref) {
        return !ref.isDefined() && ref.getNext() instanceof AttributesNode;
    }

    /** The attributes of {@code {…}} in their order: id, class (joined), then the others. */
    static Map<String, String> attributes(AttributesNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder classes = new StringBuilder();
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (!(c instanceof AttributeNode a)) continue;
            String value = a.getValue().toString();
            if (a.isClass()) {
                if (classes.length() > 0) classes.append(' ');
                classes.append(value);
            } else if (a.isId()) {
                out.put("id", value);
            } else {
                String name = a.getName().toString();
                out.put(COURSE_ATTRIBUTES.contains(name) ? "data-" + name : name, value);
            }
        }
        if (classes.length() > 0) out.put("class", classes.toString());
        return out;
    }

    private static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(LinkRef.class, Renderer::render));
        }

        private static void render(LinkRef ref, NodeRendererContext ctx, HtmlWriter html) {
            if (!isSpan(ref)) {
                ctx.delegateRender();
                return;
            }
            StringBuilder open = new StringBuilder("<span");
            for (Map.Entry<String, String> e : attributes((AttributesNode) ref.getNext()).entrySet()) {
                open.append(' ').append(e.getKey()).append("=\"").append(Escaping.escapeHtml(e.getValue(), true)).append('"');
            }
            html.raw(open.append('>'));
            ctx.renderChildren(ref);
            html.raw("</span>");
        }
    }
}
