package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.util.List;
import java.util.Objects;

/**
 * A footnote of a chapter, found by the {@link Inline.NoteRef}s that cite it. {@code label} is the author's label
 * ({@code [^famine]}); {@code number} is the displayed number, 0 until numbered; {@code content} is the note's
 * text: inlines for a note of one paragraph, blocks for a longer note. The note's text lives here once, however
 * many references cite it; where it is written (at the chapter's end, at the first reference) is the writer's
 * choice.
 */
public record Footnote(String label, int number, List<Node> content, SourcePos pos) {
    public Footnote {
        Objects.requireNonNull(label);
        content = List.copyOf(content);
        Objects.requireNonNull(pos);
    }

    /** The id of the note in the XHTML. */
    public String id() {
        return idOf(label);
    }

    /** The id of the note with this label: {@code fn-<slug of the label>}. */
    public static String idOf(String label) {
        return "fn-" + Slugs.slugify(label);
    }

    /** Whether the note is one paragraph, held as inlines (else blocks). */
    public boolean isInline() {
        return content.stream().allMatch(n -> n instanceof Inline && !(n instanceof Element e && Tree.isBlockTag(e.tag())));
    }

    public Footnote withNumber(int n) {
        return new Footnote(label, n, content, pos);
    }

    public Footnote withContent(List<Node> c) {
        return new Footnote(label, number, c, pos);
    }
}
