package org.coursebook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Walks over document trees, as pandoc's {@code walk} and {@code query} do: {@link #map} rewrites every node
 * bottom-up, {@link #mapWhere} top-down with subtrees left alone, {@link #forEach} visits in document order.
 * Nothing here parses or writes markup.
 */
public final class Tree {
    private Tree() {}

    /**
     * The nodes with {@code f} applied to every node, children first (so {@code f} sees a node whose children are
     * already rewritten). {@code f} returns the nodes that take the node's place: itself, another node, several,
     * or none. The result is cast to the list's element type; a rewrite that puts a block where only inlines
     * may stand throws {@link IllegalArgumentException}.
     */
    public static <T extends Node> List<T> map(List<T> nodes, Function<Node, List<Node>> f) {
        return mapWhere(nodes, n -> true, f);
    }

    /**
     * Like {@link #map}, but a node for which {@code enter} is false is kept as it is, with its whole subtree
     * (code, a passage already marked): neither it nor its descendants are given to {@code f}.
     */
    @SuppressWarnings("unchecked")
    public static <T extends Node> List<T> mapWhere(List<T> nodes, Predicate<Node> enter, Function<Node, List<Node>> f) {
        List<Node> out = new ArrayList<>(nodes.size());
        boolean changed = false;
        for (T n : nodes) {
            if (!enter.test(n)) {
                out.add(n);
                continue;
            }
            Node withKids = n;
            List<Node> kids = n.children();
            if (!kids.isEmpty()) {
                List<Node> newKids = mapWhere(kids, enter, f);
                if (newKids != kids) withKids = n.withChildren(newKids);
            }
            List<Node> replaced = f.apply(withKids);
            if (replaced.size() != 1 || replaced.get(0) != n) changed = true;
            out.addAll(replaced);
        }
        return changed ? (List<T>) List.copyOf(out) : nodes;
    }

    /** Visits every node in document order (a node before its children). */
    public static void forEach(List<? extends Node> nodes, Consumer<Node> visit) {
        for (Node n : nodes) {
            visit.accept(n);
            forEach(n.children(), visit);
        }
    }

    /** Visits in document order, not descending into nodes for which {@code enter} is false (they are not visited). */
    public static void forEachWhere(List<? extends Node> nodes, Predicate<Node> enter, Consumer<Node> visit) {
        for (Node n : nodes) {
            if (!enter.test(n)) continue;
            visit.accept(n);
            forEachWhere(n.children(), enter, visit);
        }
    }

    /**
     * The ids the nodes give a link to land on: every heading's, and the {@code id} attribute of every paragraph,
     * list, table, figure, image, link and element of author HTML, in no order.
     */
    public static java.util.Set<String> ids(List<? extends Node> nodes) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        forEach(nodes, n -> {
            Attrs a = n instanceof Element e ? e.attrs() : n instanceof Block.Para p ? p.attrs() : n instanceof Block.Table t ? t.attrs()
                    : n instanceof Block.ListBlock l ? l.attrs() : n instanceof Block.Figure f ? f.attrs()
                    : n instanceof Inline.Image i ? i.attrs() : n instanceof Inline.Link l ? l.attrs() : null;
            if (n instanceof Block.Heading h) ids.add(h.id());
            else if (a != null && a.has("id")) ids.add(a.id());
        });
        return ids;
    }

    /** Every node of type {@code type}, in document order. */
    public static <T> List<T> collect(List<? extends Node> nodes, Class<T> type) {
        List<T> out = new ArrayList<>();
        forEach(nodes, n -> {
            if (type.isInstance(n)) out.add(type.cast(n));
        });
        return out;
    }

    /** The characters of the nodes' text, as the reader sees them (code and listings included), concatenated. */
    public static String rawText(List<? extends Node> nodes) {
        StringBuilder sb = new StringBuilder();
        appendText(nodes, sb);
        return sb.toString();
    }

    /**
     * The nodes' text with runs of white space made one space and the ends trimmed, as a browser shows it (and as
     * jsoup's {@code Element.text()} gives it); blocks are separated by a space.
     */
    public static String plainText(List<? extends Node> nodes) {
        return rawText(nodes).replaceAll("\\s+", " ").strip();
    }

    private static void appendText(List<? extends Node> nodes, StringBuilder sb) {
        for (Node n : nodes) {
            if (n instanceof Inline.Text t) sb.append(t.text());
            else if (n instanceof Inline.Code c) sb.append(c.text());
            else if (n instanceof Inline.LineBreak) sb.append(' ');
            else if (n instanceof Block.Listing l) sb.append(l.code()).append(' ');
            else if (n instanceof Inline.NoteRef r && r.number() > 0) sb.append(r.number());
            else {
                boolean block = n instanceof Block && !(n instanceof Element e && !isBlockTag(e.tag()));
                if (block && sb.length() > 0) sb.append(' ');
                if (n instanceof Block.Heading h && !h.number().isEmpty()) sb.append(h.number()).append(' ');
                appendText(n.children(), sb);
                if (block) sb.append(' ');
            }
        }
    }

    /** Whether an HTML element is a block (it starts on its own line) rather than running text. */
    public static boolean isBlockTag(String tag) {
        return switch (tag) {
            case "p", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th",
                    "td", "blockquote", "figure", "figcaption", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "aside",
                    "section", "header", "footer", "nav", "details", "summary", "address", "colgroup", "col" -> true;
            default -> false;
        };
    }
}
