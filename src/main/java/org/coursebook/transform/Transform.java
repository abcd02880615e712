package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Book;

/** One step between reading and rendering: takes a book, returns a new one. Problems go to {@code diag}. */
public interface Transform {
    Book apply(Book book, Diagnostics diag);

    /** The transforms every build runs, in order. */
    static java.util.List<Transform> standard() {
        return standard(java.util.Set.of());
    }

    /**
     * The transforms every build runs, for a book some of whose parts could not be read (their errors are
     * already reported): links to those parts are left unchecked rather than reported as broken.
     */
    static java.util.List<Transform> standard(java.util.Set<String> unreadParts) {
        return java.util.List.of(
                new NumberHeadings(),
                new NumberTablesAndFigures(),
                new BuildLists(),
                new NumberFootnotes(),
                new LiftPullQuotes(),
                new ResolveCrossReferences(unreadParts),
                new CheckLecturePoints(),
                new BuildGlossary(),
                new BuildIndex(),
                new MarkLanguage(),
                new BreakUrls(),
                new WrapTables(),
                new LimitImageSizes());
    }

    static Book applyAll(Book book, Diagnostics diag) {
        return applyAll(book, diag, java.util.Set.of());
    }

    static Book applyAll(Book book, Diagnostics diag, java.util.Set<String> unreadParts) {
        for (Transform t : standard(unreadParts)) book = t.apply(book, diag);
        return book;
    }
}
