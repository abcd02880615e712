package org.coursebook.model;

import java.util.List;
import java.util.Objects;

/**
 * An element of sanitised HTML that no typed node stands for (a {@code <sup>}, a {@code <dl>}, an author's
 * {@code <div class="…">}, a {@code <span class="url">} with its break opportunities): its tag, its
 * attributes (already checked against the allow-list) and its children, which may be blocks or inlines. It is a
 * block or an inline according to where it stands.
 */
public record Element(String tag, Attrs attrs, List<Node> content, org.coursebook.diag.SourcePos pos) implements Block, Inline {
    public Element {
        Objects.requireNonNull(tag);
        Objects.requireNonNull(attrs);
        content = List.copyOf(content);
        Objects.requireNonNull(pos);
    }

    @Override
    public List<Node> children() {
        return content;
    }

    @Override
    public Node withChildren(List<Node> children) {
        return new Element(tag, attrs, children, pos);
    }

    public Element withAttrs(Attrs a) {
        return new Element(tag, a, content, pos);
    }
}
