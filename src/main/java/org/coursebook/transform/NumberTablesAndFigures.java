package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Node;
import org.coursebook.model.Tree;

import java.util.List;

/**
 * Numbers the tables and the figures of each numbered chapter, each kind on its own, in reading order: "6.1",
 * "6.2"… (chapter 6). The writers put "Table 6.2" and "Figure 4.1" in the caption; a cross-reference to a
 * table's or figure's id with no text of its own reads "Table 6.2" ({@link ResolveCrossReferences}). Tables and
 * figures of front and back matter are not numbered.
 */
final class NumberTablesAndFigures extends ChapterTransform {
    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        if (!ch.isNumbered()) return ch;
        int[] tables = {0}, figures = {0};
        List<Block> blocks = Tree.map(ch.blocks(), n -> {
            if (n instanceof Block.Table t) return List.<Node>of(t.withNumber(ch.number() + "." + (++tables[0])));
            if (n instanceof Block.Figure f) return List.<Node>of(f.withNumber(ch.number() + "." + (++figures[0])));
            return List.of(n);
        });
        return tables[0] + figures[0] == 0 ? ch : ch.withBlocks(blocks);
    }
}
