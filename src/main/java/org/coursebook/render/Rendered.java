package org.coursebook.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What one renderer wrote in one build: its files in the order it wrote them ({@link Written}). The pipeline
 * checks it against what the renderer staged (a file written and not returned is a bug), collects the results
 * of every renderer and hands them on; nothing looks in the output folder to learn them.
 */
public record Rendered(List<Written> files, String note) {
    /** A renderer that wrote nothing (a book without chapters has no handouts). */
    public static final Rendered NOTHING = new Rendered(List.of());

    /**
     * @param files what the renderer wrote, in order
     * @param note  one short remark for the renderer's line in the build's progress report ("" for none), such as
     *              what its output lacks in this build and how to get it
     */
    public Rendered {
        files = List.copyOf(files);
        note = note == null ? "" : note;
    }

    /** What a renderer wrote, with no remark. */
    public Rendered(List<Written> files) {
        this(files, "");
    }

    /** The same files with {@code note} for the progress report. */
    public Rendered withNote(String note) {
        return new Rendered(files, note);
    }

    public static Rendered of(Written... files) {
        return new Rendered(List.of(files));
    }

    public static Rendered of(Collection<Written> files) {
        return new Rendered(new ArrayList<>(files));
    }
}
