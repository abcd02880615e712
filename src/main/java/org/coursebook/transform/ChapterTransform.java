package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;

import java.util.List;

/**
 * A transform that works on each part of the book on its own: parts are transformed in parallel (the problems
 * they report are sorted by file and line when shown, so the order in which threads report them does not show).
 */
abstract class ChapterTransform implements Transform {
    abstract Chapter apply(Chapter chapter, Diagnostics diag);

    @Override
    public Book apply(Book book, Diagnostics diag) {
        return book.withParts(map(book.frontMatter(), diag), map(book.chapters(), diag), map(book.backMatter(), diag));
    }

    private List<Chapter> map(List<Chapter> parts, Diagnostics diag) {
        return parts.parallelStream().map(c -> apply(c, diag)).toList();
    }
}
