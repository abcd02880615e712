package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Footnote;
import org.coursebook.model.Inline;
import org.coursebook.model.LecturePoint;
import org.coursebook.model.Node;
import org.coursebook.model.Tree;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

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
     * The chapter with {@code f} applied bottom-up ({@link Tree#mapWhere}) to every node it holds: blocks, notes,
     * lecture points, subtitle and summary (titles and key terms are plain text); subtrees for which {@code enter}
     * is false are left as they are.
     */
    static Chapter mapNodes(Chapter ch, Predicate<Node> enter, Function<Node, List<Node>> f) {
        List<org.coursebook.model.Block> blocks = Tree.mapWhere(ch.blocks(), enter, f);
        List<Footnote> notes = ch.footnotes().stream().map(n -> n.withContent(Tree.mapWhere(n.content(), enter, f))).toList();
        List<LecturePoint> points = ch.lecturePoints().stream().map(l -> l.withContent(Tree.mapWhere(l.content(), enter, f))).toList();
        List<Inline> subtitle = Tree.mapWhere(ch.subtitle(), enter, f), summary = Tree.mapWhere(ch.summary(), enter, f);
        return ch.withBlocksAndFootnotes(blocks, notes).withFrontMatter(subtitle, summary, points);
    }

    private List<Chapter> map(List<Chapter> parts, Diagnostics diag) {
        return parts.parallelStream().map(c -> apply(c, diag)).toList();
    }
}
