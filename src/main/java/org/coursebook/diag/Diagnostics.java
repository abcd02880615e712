package org.coursebook.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem a stage finds, so that the build reports them all before it fails. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public synchronized void add(Diagnostic d) {
        items.add(d);
    }

    public void error(SourcePos pos, String message, String hint) {
        add(Diagnostic.error(pos, message, hint));
    }

    public void warning(SourcePos pos, String message, String hint) {
        add(Diagnostic.warning(pos, message, hint));
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    /** All diagnostics, sorted by file and line. */
    public synchronized List<Diagnostic> all() {
        List<Diagnostic> copy = new ArrayList<>(items);
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
