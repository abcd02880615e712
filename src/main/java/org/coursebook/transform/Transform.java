package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Book;

/** One step between reading and rendering: takes a book, returns a new one. Problems go to {@code diag}. */
public interface Transform {
    Book apply(Book book, Diagnostics diag);

    /** The transforms every build runs, in order. */
    static java.util.List<Transform> standard() {
        return java.util.List.of(
                new NumberHeadings(),
                new NumberFootnotes(),
                new LiftPullQuotes(),
                new ResolveCrossReferences(),
                new CheckLecturePoints(),
                new BuildGlossary(),
                new MarkLanguage());
    }

    static Book applyAll(Book book, Diagnostics diag) {
        for (Transform t : standard()) book = t.apply(book, diag);
        return book;
    }
}
