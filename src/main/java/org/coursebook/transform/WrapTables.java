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

/**
 * Gives a long word in a table cell a break opportunity ({@link Inline.Wbr}, which adds no character) after each
 * {@code _ / \}, so that {@code Northern_Black_Earth_Agricultural_District} can take two lines instead of
 * widening its column. (The scrolling region each table sits in, for narrow screens, is the writer's.)
 */
final class WrapTables extends ChapterTransform {
    /** Words shorter than this fit any column; longer ones get break opportunities. */
    static final int LONG_WORD = 16;
    private static final String BREAK_AFTER = "_/\\";

    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        return mapNodes(ch, n -> true, n -> n instanceof Block.Cell c ? List.of(breakLongWords(c)) : List.of(n));
    }

    private static Node breakLongWords(Block.Cell cell) {
        List<Node> content = Tree.mapWhere(cell.content(),
                n -> !(n instanceof Element e && e.attrs().hasClass("url") || n instanceof Inline.Link l && l.attrs().hasClass("url")
                        || n instanceof Block.Table),
                n -> {
                    if (!(n instanceof Inline.Text t)) return List.of(n);
                    List<String> pieces = pieces(t.text());
                    if (pieces.size() == 1) return List.of(n);
                    List<Node> out = new ArrayList<>();
                    for (int i = 0; i < pieces.size(); i++) {
                        if (i > 0) out.add(new Inline.Wbr());
                        out.add(new Inline.Text(pieces.get(i)));
                    }
                    return out;
                });
        return content == cell.content() ? cell : cell.withChildren(content);
    }

    /** {@code s} cut where a long word may break: after a break character followed by a letter or digit. */
    static List<String> pieces(String s) {
        List<String> out = new ArrayList<>();
        int from = 0, i = 0, n = s.length();
        while (i < n) {
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
            if (i - start >= LONG_WORD) {
                for (int k = start; k < i - 1; k++) {
                    if (BREAK_AFTER.indexOf(s.charAt(k)) >= 0 && Character.isLetterOrDigit(s.charAt(k + 1))) {
                        out.add(s.substring(from, k + 1));
                        from = k + 1;
                    }
                }
            }
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        }
        out.add(s.substring(from));
        return out;
    }
}
