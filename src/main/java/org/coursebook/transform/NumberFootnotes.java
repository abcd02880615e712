package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Footnote;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers footnotes 1, 2, 3… in each chapter in the order they are first referenced, and marks each note's first
 * reference (the one the note links back to). Notes never referenced are dropped (the reader reported them).
 */
final class NumberFootnotes extends ChapterTransform {
    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        if (ch.footnotes().isEmpty()) return ch;
        Map<String, Integer> numbers = new HashMap<>();
        List<Block> blocks = Tree.map(ch.blocks(), n -> {
            if (!(n instanceof Inline.NoteRef r)) return List.of(n);
            boolean first = !numbers.containsKey(r.label());
            int number = numbers.computeIfAbsent(r.label(), k -> numbers.size() + 1);
            return List.<Node>of(new Inline.NoteRef(r.label(), number, first));
        });
        List<Footnote> notes = new ArrayList<>();
        for (Footnote f : ch.footnotes()) {
            Integer n = numbers.get(f.label());
            if (n != null) notes.add(f.withNumber(n));
        }
        notes.sort(Comparator.comparingInt(Footnote::number));
        return ch.withBlocksAndFootnotes(blocks, notes);
    }
}
