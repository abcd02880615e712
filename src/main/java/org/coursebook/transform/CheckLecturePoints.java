package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Term;
import org.coursebook.model.Tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks what the handouts and glossary build on. Lecture bullet points and key terms are course features a
 * book may use or not: a book that uses none of one gets one note saying so (not a warning a chapter); a book
 * that uses them has each numbered chapter without lecture points warned about. Every key term a chapter
 * declares must appear in its text.
 */
final class CheckLecturePoints implements Transform {
    @Override
    public Book apply(Book book, Diagnostics diag) {
        List<Chapter> chapters = book.chapters();
        boolean lecture = chapters.stream().anyMatch(c -> !c.lecturePoints().isEmpty());
        boolean terms = book.allParts().stream().anyMatch(c -> !c.terms().isEmpty());
        List<String> unused = new ArrayList<>();
        if (!lecture) unused.add("lecture bullet points");
        if (!terms) unused.add("key terms");
        // one note, for a book that uses neither (a book written for reading rather than lecturing)
        if (!chapters.isEmpty() && !lecture && !terms) {
            diag.note(SourcePos.of(chapters.get(0).pos().file()), "the book uses no " + String.join(" and no ", unused)
                            + (lecture ? "" : ": its chapters have no lecture box, and a handout is made only for a chapter with a "
                            + "quotation or key terms"),
                    "both are optional; see the README, \"Writing a chapter\", to add them");
        }
        for (Chapter ch : chapters) {
            if (lecture && ch.lecturePoints().isEmpty()) {
                diag.warning(SourcePos.of(ch.pos().file(), 1), "the chapter declares no lecture bullet points",
                        "add a 'lecture:' list to the front matter; the chapter's box and handout are built from it");
            }
        }
        for (Chapter ch : book.allParts()) {
            if (ch.terms().isEmpty()) continue;
            String all = Tree.plainText(ch.blocks()).toLowerCase(java.util.Locale.ROOT);
            for (Term t : ch.terms()) {
                if (!all.contains(t.term().toLowerCase(java.util.Locale.ROOT))) {
                    diag.warning(t.pos(), "the key term '" + t.term() + "' does not appear in the chapter's text",
                            "introduce it in the text, e.g. *" + t.term() + "* (" + t.translit() + ", " + t.meaning() + "), or remove it from 'terms'");
                }
            }
        }
        return book;
    }
}
