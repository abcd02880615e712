package org.coursebook.model;

import java.util.Objects;

/**
 * Where a link goes. As read, every link is {@link Unresolved} (the author's {@code href}); the cross-reference
 * transform turns each into a {@link Ref} to a part of the book and an anchor in it, or a {@link Url} outside
 * it. How a {@code Ref} is written ({@code file.xhtml#id}, {@code #part--id}) is the writer's choice.
 */
public sealed interface Target {
    /** A place in the book: a part, and an anchor in it ("" for the part's start). */
    record Ref(ChapterId chapter, String anchor) implements Target {
        public Ref {
            Objects.requireNonNull(chapter);
            anchor = anchor == null ? "" : anchor;
        }
    }

    /** An address outside the book (http, https, mailto). */
    record Url(String href) implements Target {
        public Url {
            Objects.requireNonNull(href);
        }
    }

    /** A link as the author wrote it, not yet resolved (or that could not be, after its error). */
    record Unresolved(String href) implements Target {
        public Unresolved {
            Objects.requireNonNull(href);
        }
    }

    /** A link whose target was refused (its error is reported): written as its text only. */
    record None() implements Target {}
}
