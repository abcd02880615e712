package org.coursebook.diag;

import java.nio.file.Path;
import java.util.Objects;

/** A place in a source file: 1-based line and column (0 when unknown). */
public record SourcePos(Path file, int line, int column) {
    public SourcePos {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) throw new IllegalArgumentException("negative position");
    }

    public static SourcePos of(Path file) {
        return new SourcePos(file, 0, 0);
    }

    public static SourcePos of(Path file, int line) {
        return new SourcePos(file, line, 0);
    }

    public SourcePos withLineOffset(int offset) {
        return new SourcePos(file, line + offset, column);
    }

    /** {@code file:line:column}, leaving out what is unknown. */
    @Override
    public String toString() {
        String s = file.toString();
        if (line > 0) {
            s += ":" + line;
            if (column > 0) s += ":" + column;
        }
        return s;
    }
}
