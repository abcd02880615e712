package org.coursebook.read;

import org.coursebook.diag.SourcePos;
import org.coursebook.model.BookMeta;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code book.yaml} says: the metadata, the ordered parts of the book, and the institution the generated cover
 * shows ({@link Institution#NONE} for none).
 */
public record Manifest(Path file, BookMeta meta, List<Entry> entries, Institution institution) {
    public Manifest {
        Objects.requireNonNull(file);
        Objects.requireNonNull(meta);
        entries = List.copyOf(entries);
        institution = institution == null ? Institution.NONE : institution;
    }

    /** A manifest without publisher or logo. */
    public Manifest(Path file, BookMeta meta, List<Entry> entries) {
        this(file, meta, entries, Institution.NONE);
    }

    public enum Section { FRONT, CHAPTER, BACK }

    /** One listed part: a Markdown file, or a generated page ({@code generate: glossary}). */
    public record Entry(Section section, String file, String generated, SourcePos pos) {
        public boolean isGenerated() {
            return generated != null;
        }
    }

    public Path dir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
