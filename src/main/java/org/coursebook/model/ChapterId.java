package org.coursebook.model;

import java.util.Objects;

/**
 * A part's identity in the book: its slug (the file stem made safe), unique across the book (the manifest
 * reader refuses two parts that would share one, at the manifest's line). Output names and link targets derive
 * from it: {@code <id>.xhtml} in the EPUB, {@code #<id>} in the print book.
 */
public record ChapterId(String value) {
    public ChapterId {
        Objects.requireNonNull(value);
        if (value.isBlank()) throw new IllegalArgumentException("empty chapter id");
    }

    @Override
    public String toString() {
        return value;
    }
}
