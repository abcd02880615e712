package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Element;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks runs of Cyrillic text as Russian ({@link Inline.Lang} "ru"), so that screen readers switch voice and the
 * print renderer hyphenates them with Russian patterns. Code and passages whose language is already given are
 * left alone.
 */
final class MarkLanguage extends ChapterTransform {
    // A word is Cyrillic letters with the combining marks that follow them (stress marks: за́мок), so that a mark
    // stays inside its letter's span: a reader draws a mark split from its base beside it, not over it.
    private static final String WORD = "\\p{IsCyrillic}[\\p{IsCyrillic}\\p{M}]*";
    private static final Pattern CYRILLIC = Pattern.compile(WORD + "(?:[\\s\\-‐–—,.;:!?«»„“”'’]+" + WORD + ")*");

    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        return mapNodes(ch, MarkLanguage::enter, MarkLanguage::mark);
    }

    private static boolean enter(Node n) {
        return !(n instanceof Inline.Lang || n instanceof Inline.Code || n instanceof Block.Listing
                || n instanceof Element e && (e.attrs().has("lang") || e.tag().equals("code") || e.tag().equals("pre")));
    }

    static List<Node> mark(Node n) {
        if (!(n instanceof Inline.Text t)) return List.of(n);
        String s = t.text();
        Matcher m = CYRILLIC.matcher(s);
        if (!m.find()) return List.of(n);
        List<Node> parts = new ArrayList<>();
        int last = 0;
        m.reset();
        while (m.find()) {
            if (m.start() > last) parts.add(new Inline.Text(s.substring(last, m.start())));
            parts.add(new Inline.Lang("ru", List.of(new Inline.Text(m.group()))));
            last = m.end();
        }
        if (last < s.length()) parts.add(new Inline.Text(s.substring(last)));
        return parts;
    }
}
