package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Numbers the sections of numbered chapters ("3.1", "3.2") and makes heading ids unique within a chapter
 * (a repeated id gets a suffix, -1, -2…, as GitHub and mdBook number them).
 */
final class NumberHeadings extends ChapterTransform {
    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        List<Block> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        ids.add(ch.slug());
        ids.add(ch.slug() + "-title");
        int section = 0;
        for (Block b : ch.blocks()) {
            if (b instanceof Block.Heading h) {
                String id = h.id();
                if (!ids.add(id)) {
                    int k = 1;
                    while (!ids.add(id + "-" + k)) k++;
                    id = id + "-" + k;
                }
                Block.Heading nh = h.withId(id);
                if (ch.isNumbered() && h.level() == 2) nh = nh.withNumber(ch.numeral() + "." + (++section));
                out.add(nh);
            } else {
                out.add(b);
            }
        }
        return ch.withBlocks(out);
    }
}
