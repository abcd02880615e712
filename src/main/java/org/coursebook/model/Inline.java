package org.coursebook.model;

import java.util.List;
import java.util.Objects;

/**
 * An inline node: running text and what is marked inside it. Text is held as characters (never escaped
 * markup); the writer escapes it.
 */
public sealed interface Inline extends Node permits Inline.Text, Inline.Emph, Inline.Strong, Inline.Code, Inline.Link,
        Inline.Image, Inline.NoteRef, Inline.Lang, Inline.Lifted, Inline.LineBreak, Inline.Wbr, Inline.IndexMark, Inline.IndexLocators, Element {

    /** Characters of running text. */
    record Text(String text) implements Inline {
        public Text {
            Objects.requireNonNull(text);
        }

        @Override
        public List<Node> children() {
            return List.of();
        }

        @Override
        public Node withChildren(List<Node> children) {
            return this;
        }
    }

    /** Emphasis ({@code *…*}, {@code <em>}). */
    record Emph(List<Inline> content) implements Inline {
        public Emph {
            content = List.copyOf(content);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(content);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Emph(Node.inlines(children));
        }
    }

    /** Strong importance ({@code **…**}, {@code <strong>}). */
    record Strong(List<Inline> content) implements Inline {
        public Strong {
            content = List.copyOf(content);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(content);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Strong(Node.inlines(children));
        }
    }

    /** A code span: its characters exactly as written. */
    record Code(String text) implements Inline {
        public Code {
            Objects.requireNonNull(text);
        }

        @Override
        public List<Node> children() {
            return List.of();
        }

        @Override
        public Node withChildren(List<Node> children) {
            return this;
        }
    }

    /**
     * A link. {@code attrs} are the author's other attributes (title, class); the writer adds what its target
     * needs ({@code class="xref"} for a place in the book). {@code pos} is where its target is written (the link
     * itself, or for a reference-style link the {@code [label]: url} line), null when not known.
     */
    record Link(Target target, List<Inline> content, Attrs attrs, org.coursebook.diag.SourcePos pos) implements Inline {
        public Link {
            Objects.requireNonNull(target);
            content = List.copyOf(content);
            Objects.requireNonNull(attrs);
        }

        public Link(Target target, List<Inline> content, Attrs attrs) {
            this(target, content, attrs, null);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(content);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Link(target, Node.inlines(children), attrs, pos);
        }

        public Link withTarget(Target t) {
            return new Link(t, content, attrs, pos);
        }
    }

    /**
     * An image. {@code src} is its path in the outputs (an {@link Asset}'s href) once read; {@code attrs} holds
     * width, height, title, class, id and style as given.
     */
    record Image(String src, String alt, Attrs attrs) implements Inline {
        public Image {
            Objects.requireNonNull(src);
            Objects.requireNonNull(alt);
            Objects.requireNonNull(attrs);
        }

        @Override
        public List<Node> children() {
            return List.of();
        }

        @Override
        public Node withChildren(List<Node> children) {
            return this;
        }
    }

    /**
     * A reference to one of the chapter's notes ({@link Footnote}, found by {@code label}). {@code number} is 0
     * until the notes are numbered; {@code first} marks the reference the note links back to (and, in print,
     * the place where the note is set).
     */
    record NoteRef(String label, int number, boolean first) implements Inline {
        public NoteRef {
            Objects.requireNonNull(label);
        }

        /** The note's id, {@code fn-<label>}. */
        public String noteId() {
            return Footnote.idOf(label);
        }

        @Override
        public List<Node> children() {
            return List.of();
        }

        @Override
        public Node withChildren(List<Node> children) {
            return this;
        }
    }

    /** Text in another language than the book's ({@code lang} is a BCP 47 tag, e.g. "ru"). */
    record Lang(String lang, List<Inline> content) implements Inline {
        public Lang {
            Objects.requireNonNull(lang);
            content = List.copyOf(content);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(content);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Lang(lang, Node.inlines(children));
        }
    }

    /** A phrase marked {@code ==…==}: it stays in its paragraph and is lifted into a pull-quote after it. */
    record Lifted(List<Inline> content) implements Inline {
        public Lifted {
            content = List.copyOf(content);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(content);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new Lifted(Node.inlines(children));
        }
    }

    /**
     * A place the book's index points to (README "The index"): the author's mark {@code [text]{.index}} or
     * {@code [text]{index="heading; sub-entry"}}, a heading's {@code {index="…"}} (then {@code section} is true: the
     * locator is a page range to the end of the section), or a word the build found for an entry of
     * {@code index.yaml} or a key term. {@code entry} is the entry's heading as written ("" for the marked text
     * itself); {@code id} is the anchor the index links to, given by the index transform ("" before, or when the
     * book has no index: then the writers write only the content). An empty {@code content} with an id is the
     * end of a range.
     */
    record IndexMark(String entry, String id, boolean section, List<Inline> content, org.coursebook.diag.SourcePos pos) implements Inline {
        public IndexMark {
            Objects.requireNonNull(entry);
            Objects.requireNonNull(id);
            content = List.copyOf(content);
        }

        @Override
        public List<Node> children() {
            return List.copyOf(content);
        }

        @Override
        public Node withChildren(List<Node> children) {
            return new IndexMark(entry, id, section, Node.inlines(children), pos);
        }

        public IndexMark withId(String newId) {
            return new IndexMark(entry, newId, section, content, pos);
        }
    }

    /**
     * The locators of one index entry, in reading order (EPUB Indexes 1.0 {@code index-locator}): each writer
     * shows them its own way. The EPUB and the web edition link each with its {@code label} (the section's
     * number, "6.2", or the part's title); the print book shows the page numbers, one per page, ranges joined
     * ("112–14").
     *
     * @param locators where the entry is found
     */
    record IndexLocators(List<Locator> locators) implements Inline {
        public IndexLocators {
            locators = List.copyOf(locators);
        }

        /**
         * One place of an index entry.
         *
         * @param start      the anchor the locator links to
         * @param end        the end of a page range (a section indexed as a whole), or null
         * @param label      the locator's text where there are no pages (EPUB, web): "6.2", "Preface"
         * @param definition whether it is the entry's definition (the glossary): printed in bold
         * @param front      whether it is in the front matter (its pages are numbered i, ii…)
         */
        public record Locator(Target.Ref start, Target.Ref end, String label, boolean definition, boolean front) {
            public Locator {
                Objects.requireNonNull(start);
                Objects.requireNonNull(label);
            }
        }

        @Override
        public List<Node> children() {
            return List.of();
        }

        @Override
        public Node withChildren(List<Node> children) {
            return this;
        }
    }

    /** A hard line break. */
    record LineBreak() implements Inline {
        @Override
        public List<Node> children() {
            return List.of();
        }

        @Override
        public Node withChildren(List<Node> children) {
            return this;
        }
    }

    /** A line-break opportunity that adds no character (HTML's {@code <wbr>}). */
    record Wbr() implements Inline {
        @Override
        public List<Node> children() {
            return List.of();
        }

        @Override
        public Node withChildren(List<Node> children) {
            return this;
        }
    }
}
