package org.coursebook.model;

import java.util.List;

/**
 * A node of a chapter's document tree, in the manner of pandoc's AST (pandoc-types {@code Text.Pandoc.Definition}):
 * a {@link Block} (paragraph, heading, list, table, figure, listing, quotation, sidebar, pull-quote…) or an
 * {@link Inline} (text, emphasis, code, link, note reference, language span…). Nodes are immutable records; a
 * transform walks the tree with {@link Tree} and returns a new one; the XHTML writer
 * ({@code org.coursebook.render.XhtmlWriter}) is the only place that turns nodes into markup.
 */
public sealed interface Node permits Block, Inline {
    /** The node's children, in order (empty for a leaf). */
    List<Node> children();

    /**
     * The same node with {@code children} in place of its own. Each node type accepts the kinds of children it
     * holds (an inline container only inlines); anything else is an {@link IllegalArgumentException}.
     */
    Node withChildren(List<Node> children);

    /** A list of nodes known to be inlines, as inlines; throws {@link IllegalArgumentException} on a block. */
    static List<Inline> inlines(List<? extends Node> nodes) {
        for (Node n : nodes) {
            if (!(n instanceof Inline)) throw new IllegalArgumentException("a block where only inlines may stand: " + n.getClass().getSimpleName());
        }
        @SuppressWarnings("unchecked") List<Inline> out = (List<Inline>) List.copyOf(nodes);
        return out;
    }

    /** A list of nodes known to be blocks, as blocks; throws {@link IllegalArgumentException} on an inline. */
    static List<Block> blocks(List<? extends Node> nodes) {
        for (Node n : nodes) {
            if (!(n instanceof Block)) throw new IllegalArgumentException("an inline where only blocks may stand: " + n.getClass().getSimpleName());
        }
        @SuppressWarnings("unchecked") List<Block> out = (List<Block>) List.copyOf(nodes);
        return out;
    }
}
