package org.coursebook.diag;

import java.util.Objects;

/** One problem found in the sources: where, what, and how to fix it. */
public record Diagnostic(Severity severity, SourcePos pos, String message, String hint) {
    /** An error stops the build; a warning is a probable fault; a note is information (the book's shape, what was left out). */
    public enum Severity { ERROR, WARNING, NOTE }

    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(pos);
        Objects.requireNonNull(message);
        hint = hint == null ? "" : hint;
    }

    public static Diagnostic error(SourcePos pos, String message, String hint) {
        return new Diagnostic(Severity.ERROR, pos, message, hint);
    }

    public static Diagnostic warning(SourcePos pos, String message, String hint) {
        return new Diagnostic(Severity.WARNING, pos, message, hint);
    }

    public static Diagnostic note(SourcePos pos, String message, String hint) {
        return new Diagnostic(Severity.NOTE, pos, message, hint);
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: message (hint: …)} on one line. */
    public String format() {
        String s = pos + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
        return hint.isEmpty() ? s : s + " (hint: " + hint + ")";
    }

    @Override
    public String toString() {
        return format();
    }
}
