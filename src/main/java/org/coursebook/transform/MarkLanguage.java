package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Footnote;
import org.coursebook.model.LecturePoint;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks runs of Cyrillic text with {@code lang="ru"}, so that screen readers switch voice and the print
 * renderer hyphenates them with Russian patterns.
 */
final class MarkLanguage extends ChapterTransform {
    // A word is Cyrillic letters with the combining marks that follow them (stress marks: за́мок), so that a mark
    // stays inside its letter's span: a reader draws a mark split from its base beside it, not over it.
    private static final String WORD = "\\p{IsCyrillic}[\\p{IsCyrillic}\\p{M}]*";
    private static final Pattern CYRILLIC = Pattern.compile(WORD + "(?:[\\s\\-‐–—,.;:!?«»„“”'’]+" + WORD + ")*");

    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        return mapXhtml(ch, MarkLanguage::mark);
    }

    static String mark(String xhtml) {
        if (!CYRILLIC.matcher(xhtml).find()) return xhtml;
        return Html.edit(xhtml, body -> walk(body));
    }

    private static void walk(Element el) {
        if (el.hasAttr("lang")) return;
        for (Node child : new ArrayList<>(el.childNodes())) {
            if (child instanceof Element e) walk(e);
            else if (child instanceof TextNode t) split(t);
        }
    }

    private static void split(TextNode t) {
        String s = t.getWholeText();
        Matcher m = CYRILLIC.matcher(s);
        if (!m.find()) return;
        Element parent = (Element) t.parent();
        if (parent.children().isEmpty() && parent.childNodeSize() == 1 && m.start() == 0 && m.end() == s.length()
                && !parent.tagName().equals("body")) {
            parent.attr("lang", "ru").attr("xml:lang", "ru");
            return;
        }
        List<Node> parts = new ArrayList<>();
        int last = 0;
        m.reset();
        while (m.find()) {
            if (m.start() > last) parts.add(new TextNode(s.substring(last, m.start())));
            Element span = new Element("span").attr("lang", "ru").attr("xml:lang", "ru").text(m.group());
            parts.add(span);
            last = m.end();
        }
        if (last < s.length()) parts.add(new TextNode(s.substring(last)));
        for (Node p : parts) t.before(p);
        t.remove();
    }
}
