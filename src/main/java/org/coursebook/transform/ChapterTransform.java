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

    /**
     * The chapter with {@code f} applied to every XHTML fragment it holds: blocks, footnotes, lecture points,
     * subtitle and summary (titles and key terms are plain text).
     */
    static Chapter mapXhtml(Chapter ch, java.util.function.UnaryOperator<String> f) {
        List<org.coursebook.model.Block> blocks = ch.blocks().stream().map(b -> b.mapXhtml(f)).toList();
        List<org.coursebook.model.Footnote> notes = ch.footnotes().stream()
                .map(n -> new org.coursebook.model.Footnote(n.label(), n.number(), f.apply(n.xhtml()), n.pos())).toList();
        List<org.coursebook.model.LecturePoint> points = ch.lecturePoints().stream()
                .map(l -> new org.coursebook.model.LecturePoint(f.apply(l.html()), l.text(), l.pos())).toList();
        return new Chapter(ch.kind(), ch.number(), ch.slug(), ch.sourceName(), ch.pos(), ch.title(), f.apply(ch.subtitle()),
                f.apply(ch.summary()), points, ch.terms(), blocks, notes, ch.assets());
    }

    private List<Chapter> map(List<Chapter> parts, Diagnostics diag) {
        return parts.parallelStream().map(c -> apply(c, diag)).toList();
    }
}
