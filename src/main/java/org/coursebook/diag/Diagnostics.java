package org.coursebook.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem a stage finds, so that the build reports them all before it fails. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();
    private final boolean strict;
    private int adviceHeld;
    private SourcePos firstAdvice;

    /** Diagnostics that show style advice only when {@code strict} ({@code --strict}). */
    public Diagnostics(boolean strict) {
        this.strict = strict;
    }

    public Diagnostics() {
        this(false);
    }

    public synchronized void add(Diagnostic d) {
        items.add(d);
    }

    public void error(SourcePos pos, String message, String hint) {
        add(Diagnostic.error(pos, message, hint));
    }

    public void warning(SourcePos pos, String message, String hint) {
        add(Diagnostic.warning(pos, message, hint));
    }

    public void note(SourcePos pos, String message, String hint) {
        add(Diagnostic.note(pos, message, hint));
    }

    /**
     * Style advice (a table without a caption, a chapter without sections): a warning with {@code --strict}; without
     * it, held back, and one note at the end says how many pieces were.
     */
    public synchronized void advice(SourcePos pos, String message, String hint) {
        if (strict) {
            warning(pos, message, hint);
        } else {
            if (adviceHeld++ == 0 || pos.file().toString().compareTo(firstAdvice.file().toString()) < 0) firstAdvice = pos;
        }
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    /** All diagnostics, sorted by file and line. */
    public synchronized List<Diagnostic> all() {
        List<Diagnostic> copy = new ArrayList<>(items);
        if (adviceHeld > 0) {
            copy.add(Diagnostic.note(new SourcePos(firstAdvice.file(), 0, 0), adviceHeld + " piece" + (adviceHeld == 1 ? "" : "s")
                    + " of style advice not shown (a table without a caption, a chapter without '##' sections…)",
                    "run with --strict to see each at its line"));
        }
        copy.sort(Comparator.comparing((Diagnostic d) -> d.pos().file().toString())
                .thenComparingInt(d -> d.pos().line())
                .thenComparingInt(d -> d.pos().column()));
        return List.copyOf(copy);
    }

    /** Throws a {@link BuildException} holding every diagnostic if any of them is an error. */
    public void throwIfErrors() {
        if (hasErrors()) throw new BuildException(all());
    }
}
