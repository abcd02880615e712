package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Footnote;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers footnotes 1, 2, 3… in each chapter in the order they are first referenced, and turns each reference
 * into an accessible note reference (a superscript link, {@code epub:type="noteref"}).
 */
final class NumberFootnotes extends ChapterTransform {
    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        if (ch.footnotes().isEmpty()) return ch;
        Map<String, Integer> numbers = new HashMap<>();
        List<Block> blocks = new ArrayList<>();
        for (Block b : ch.blocks()) {
            blocks.add(b instanceof Block.Heading ? b : b.mapXhtml(x -> number(x, numbers)));
        }
        List<Footnote> notes = new ArrayList<>();
        for (Footnote f : ch.footnotes()) {
            Integer n = numbers.get(f.id());
            notes.add(f.withNumber(n == null ? Integer.MAX_VALUE : n));
        }
        notes.sort(Comparator.comparingInt(Footnote::number));
        return ch.withBlocksAndFootnotes(blocks, notes.stream().filter(f -> f.number() != Integer.MAX_VALUE).toList());
    }

    private static String number(String xhtml, Map<String, Integer> numbers) {
        if (!xhtml.contains("noteref")) return xhtml;
        return Html.edit(xhtml, body -> {
            for (Element a : body.select("a.noteref[data-note]")) {
                String id = a.attr("data-note");
                boolean first = !numbers.containsKey(id);
                int n = numbers.computeIfAbsent(id, k -> numbers.size() + 1);
                a.removeAttr("data-note");
                a.text(Integer.toString(n));
                a.attr("epub:type", "noteref").attr("role", "doc-noteref");
                a.attr("title", "Note " + n);
                if (first) a.attr("id", "ref-" + id);
            }
        });
    }
}
