package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Prepares tables for a page narrower than they are. Each table goes into
 * {@code <div class="table-wrap" role="region" tabindex="0" aria-label="caption">}: the e-book's stylesheet lets
 * that region scroll sideways inside the text column, and a scrolling region must be reachable and named for
 * keyboard and screen-reader users (WAI-ARIA 1.2 {@code region}; axe-core's rule scrollable-region-focusable,
 * which Ace by DAISY applies). The print book uses the same region to set a table on a landscape page. And a long
 * word in a cell gets a {@code <wbr/>} (a break opportunity that adds no character) after each {@code _ / \}, so
 * that {@code Northern_Black_Earth_Agricultural_District} can take two lines instead of widening its column.
 */
final class WrapTables extends ChapterTransform {
    static final String WRAP_CLASS = "table-wrap";
    /** Words shorter than this fit any column; longer ones get break opportunities. */
    static final int LONG_WORD = 16;
    private static final String BREAK_AFTER = "_/\\";

    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : ch.blocks()) blocks.add(b.allXhtml().contains("<table") ? b.mapXhtml(WrapTables::wrap) : b);
        return ch.withBlocks(blocks);
    }

    static String wrap(String xhtml) {
        if (!xhtml.contains("<table")) return xhtml;
        return Html.edit(xhtml, body -> {
            for (Element table : body.select("table")) {
                for (Element cell : table.select("td, th")) breakLongWords(cell);
                Element parent = table.parent();
                if (parent != null && parent.hasClass(WRAP_CLASS)) continue;
                Element wrap = new Element("div").addClass(WRAP_CLASS).attr("role", "region").attr("tabindex", "0")
                        .attr("aria-label", label(table));
                table.before(wrap);
                wrap.appendChild(table);
            }
        });
    }

    /** The region's name: the table's caption, or "Table" when it has none (the reader warned about that). */
    private static String label(Element table) {
        Element caption = table.selectFirst("> caption");
        String text = caption == null ? "" : caption.text().strip();
        return text.isEmpty() ? "Table" : text;
    }

    private static void breakLongWords(Element el) {
        if (el.hasClass("url")) return; // addresses have their own break opportunities
        for (Node child : new ArrayList<>(el.childNodes())) {
            if (child instanceof Element e) {
                breakLongWords(e);
            } else if (child instanceof TextNode t) {
                List<String> pieces = pieces(t.getWholeText());
                if (pieces.size() == 1) continue;
                for (int i = 0; i < pieces.size(); i++) {
                    if (i > 0) t.before(new Element("wbr"));
                    t.before(new TextNode(pieces.get(i)));
                }
                t.remove();
            }
        }
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
