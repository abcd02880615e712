package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.util.Objects;

/**
 * A footnote. {@code label} is the author's label ({@code [^famine]}); {@code number} is the displayed number,
 * 0 until numbered; {@code xhtml} is the note's content (inline XHTML or paragraphs).
 */
public record Footnote(String label, int number, String xhtml, SourcePos pos) {
    public Footnote {
        Objects.requireNonNull(label);
        Objects.requireNonNull(xhtml);
        Objects.requireNonNull(pos);
    }

    /** The id of the note in the XHTML. */
    public String id() {
        return "fn-" + Slugs.slugify(label);
    }

    public Footnote withNumber(int n) {
        return new Footnote(label, n, xhtml, pos);
    }
}
