package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.read.XhtmlCleaner;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * For each phrase marked {@code ==…==} in a paragraph, adds a lifted pull-quote right after that paragraph:
 * the next paragraph boundary, never inside a sentence.
 */
final class LiftPullQuotes extends ChapterTransform {
    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        List<Block> out = new ArrayList<>();
        for (Block b : ch.blocks()) {
            out.add(b);
            if (b instanceof Block.Prose p && p.xhtml().contains("class=\"lifted\"")) {
                Element body = XhtmlCleaner.parse(p.xhtml());
                for (Element span : body.select("span.lifted")) {
                    Element copy = span.clone();
                    copy.select("a.noteref").remove();
                    capitalise(copy);
                    String text = XhtmlCleaner.toXhtml(copy);
                    if (copy.text().isBlank()) continue;
                    out.add(new Block.PullQuote(Block.PullQuote.Kind.LIFTED, text, null, p.pos()));
                }
            }
        }
        return ch.withBlocks(out);
    }

    /**
     * A display quote starts with a capital letter, as display type does, even when lifted from mid-sentence.
     * Only a letter of running text is changed: when the quote starts with code ({@code <code>}, {@code <kbd>},
     * {@code <samp>}, {@code <var>}), it is left as written.
     */
    private static boolean capitalise(Element el) {
        for (org.jsoup.nodes.Node n : el.childNodes()) {
            if (n instanceof org.jsoup.nodes.TextNode t) {
                String s = t.getWholeText();
                for (int i = 0; i < s.length(); i++) {
                    if (Character.isLetter(s.charAt(i))) {
                        t.text(s.substring(0, i) + Character.toUpperCase(s.charAt(i)) + s.substring(i + 1));
                        return true;
                    }
                    if (!Character.isWhitespace(s.charAt(i))) return true;
                }
            } else if (n instanceof Element e) {
                if (CODE.contains(e.normalName())) return true;
                if (capitalise(e)) return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> CODE = java.util.Set.of("code", "kbd", "samp", "var", "pre");
}
