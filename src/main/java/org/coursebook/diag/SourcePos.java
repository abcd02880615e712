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

    /** The line and column (both from 1) of character {@code offset} of {@code text}, the contents of {@code file}. */
    public static SourcePos at(Path file, String text, int offset) {
        int line = 1, col = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new SourcePos(file, line, col);
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
