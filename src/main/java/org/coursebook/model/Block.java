package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.util.Objects;

/** A block of a chapter's body. XHTML held here is well-formed and already cleaned. */
public sealed interface Block {
    SourcePos pos();

    /** The same block with every XHTML fragment it holds passed through {@code f}. */
    Block mapXhtml(java.util.function.UnaryOperator<String> f);

    /** All the XHTML this block holds, for searching (ids, text). */
    String allXhtml();

    /** "heading", "prose", "sidebar" or "pullquote": what templates switch on. */
    default String type() {
        if (this instanceof Heading) return "heading";
        if (this instanceof Prose) return "prose";
        if (this instanceof Sidebar) return "sidebar";
        return "pullquote";
    }

    /**
     * A heading.
     *
     * @param html   the heading text as inline XHTML
     * @param text   the same as plain text (for the outline, TOC of the NCX, running heads)
     * @param number "3.2" once numbered, empty before
     */
    record Heading(int level, String id, String html, String text, String number, SourcePos pos) implements Block {
        public Heading {
            if (level < 2 || level > 6) throw new IllegalArgumentException("heading level " + level);
            Objects.requireNonNull(id);
            Objects.requireNonNull(html);
            Objects.requireNonNull(text);
            number = number == null ? "" : number;
            Objects.requireNonNull(pos);
        }

        @Override
        public Block mapXhtml(java.util.function.UnaryOperator<String> f) {
            return new Heading(level, id, f.apply(html), text, number, pos);
        }

        @Override
        public String allXhtml() {
            return html;
        }

        public Heading withNumber(String n) {
            return new Heading(level, id, html, text, n, pos);
        }

        public Heading withId(String newId) {
            return new Heading(level, newId, html, text, number, pos);
        }
    }

    /** Paragraphs, lists, tables, figures, plain block quotes: well-formed XHTML. */
    record Prose(String xhtml, SourcePos pos) implements Block {
        public Prose {
            Objects.requireNonNull(xhtml);
            Objects.requireNonNull(pos);
        }

        @Override
        public Block mapXhtml(java.util.function.UnaryOperator<String> f) {
            return new Prose(f.apply(xhtml), pos);
        }

        @Override
        public String allXhtml() {
            return xhtml;
        }
    }

    /** A boxed sidebar with a title and XHTML content. */
    record Sidebar(String titleHtml, String xhtml, SourcePos pos) implements Block {
        public Sidebar {
            Objects.requireNonNull(titleHtml);
            Objects.requireNonNull(xhtml);
            Objects.requireNonNull(pos);
        }

        @Override
        public Block mapXhtml(java.util.function.UnaryOperator<String> f) {
            return new Sidebar(f.apply(titleHtml), f.apply(xhtml), pos);
        }

        @Override
        public String allXhtml() {
            return titleHtml + "\n" + xhtml;
        }
    }

    /**
     * A display quote. A {@link Kind#PRIMARY} quote is a quotation with its attribution; a
     * {@link Kind#LIFTED} quote repeats a phrase of the chapter's own prose and carries no attribution.
     */
    record PullQuote(Kind kind, String xhtml, Attribution attribution, SourcePos pos) implements Block {
        public enum Kind { PRIMARY, LIFTED }

        public PullQuote {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(xhtml);
            Objects.requireNonNull(pos);
            if (kind == Kind.PRIMARY && attribution == null) throw new IllegalArgumentException("primary quote needs attribution");
        }

        @Override
        public Block mapXhtml(java.util.function.UnaryOperator<String> f) {
            return new PullQuote(kind, f.apply(xhtml), attribution, pos);
        }

        @Override
        public String allXhtml() {
            return xhtml;
        }

        public boolean isPrimary() {
            return kind == Kind.PRIMARY;
        }
    }

    /** Who said it, in which work (may be empty; inline XHTML), and when. */
    record Attribution(String speaker, String workHtml, String year) {
        public Attribution {
            Objects.requireNonNull(speaker);
            workHtml = workHtml == null ? "" : workHtml;
            Objects.requireNonNull(year);
        }
    }
}
