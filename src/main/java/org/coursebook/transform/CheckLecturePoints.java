package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Chapter;
import org.coursebook.model.Term;
import org.coursebook.model.Tree;

/**
 * Checks what the handouts and glossary build on: every numbered chapter declares lecture bullet points, and
 * every key term it declares appears in its text.
 */
final class CheckLecturePoints extends ChapterTransform {
    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        if (ch.isNumbered() && ch.lecturePoints().isEmpty()) {
            diag.warning(SourcePos.of(ch.pos().file(), 1), "the chapter declares no lecture bullet points",
                    "add a 'lecture:' list to the front matter; the chapter's box and handout are built from it");
        }
        if (ch.terms().isEmpty()) return ch;
        String all = Tree.plainText(ch.blocks()).toLowerCase(java.util.Locale.ROOT);
        for (Term t : ch.terms()) {
            if (!all.contains(t.term().toLowerCase(java.util.Locale.ROOT))) {
                diag.warning(t.pos(), "the key term '" + t.term() + "' does not appear in the chapter's text",
                        "introduce it in the text, e.g. *" + t.term() + "* (" + t.translit() + ", " + t.meaning() + "), or remove it from 'terms'");
            }
        }
        return ch;
    }
}
