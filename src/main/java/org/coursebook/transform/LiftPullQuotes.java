package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Element;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * For each phrase marked {@code ==…==} in a paragraph, adds a lifted pull-quote right after that paragraph:
 * the next paragraph boundary, never inside a sentence. The quote is a copy of the phrase without its note
 * references, starting with a capital letter.
 */
final class LiftPullQuotes extends ChapterTransform {
    private static final Set<String> CODE = Set.of("code", "kbd", "samp", "var", "pre");

    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        List<Block> out = new ArrayList<>();
        boolean changed = false;
        for (Block b : ch.blocks()) {
            out.add(b);
            if (!(b instanceof Block.Para p)) continue;
            for (Inline.Lifted lifted : Tree.collect(p.content(), Inline.Lifted.class)) {
                List<Inline> copy = Tree.map(lifted.content(), n -> n instanceof Inline.NoteRef ? List.of() : List.of(n));
                if (Tree.plainText(copy).isBlank()) continue;
                out.add(new Block.PullQuote(Block.PullQuote.Kind.LIFTED, capitalise(copy, new boolean[1]), null, p.pos()));
                changed = true;
            }
        }
        return changed ? ch.withBlocks(out) : ch;
    }

    /**
     * A display quote starts with a capital letter, as display type does, even when lifted from mid-sentence.
     * Only a letter of running text is changed: when the quote starts with code, it is left as written.
     * {@code done[0]} becomes true once the first letter (or code) is reached.
     */
    private static List<Node> capitalise(List<? extends Node> nodes, boolean[] done) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            if (done[0]) {
                out.add(n);
            } else if (n instanceof Inline.Text t) {
                String s = t.text();
                for (int i = 0; i < s.length() && !done[0]; i++) {
                    if (Character.isLetter(s.charAt(i))) {
                        s = s.substring(0, i) + Character.toUpperCase(s.charAt(i)) + s.substring(i + 1);
                        done[0] = true;
                    } else if (!Character.isWhitespace(s.charAt(i))) {
                        done[0] = true;
                    }
                }
                out.add(new Inline.Text(s));
            } else if (n instanceof Inline.Code || n instanceof Element e && CODE.contains(e.tag())) {
                done[0] = true;
                out.add(n);
            } else {
                out.add(n.withChildren(capitalise(n.children(), done)));
            }
        }
        return out;
    }
}
