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
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets web addresses break at the end of a line only after {@code / . ? & - =}, with no hyphen added (the
 * Chicago Manual of Style's rule for URLs, 14.18): a {@code <wbr/>} (HTML's word-break opportunity, which adds
 * no character to the text) goes after each of those characters, and the address is marked
 * {@code class="url"}, for which the stylesheets switch hyphenation off. Addresses are the text of a link that
 * is itself an address ({@code <https://…>}, {@code [https://…](https://…)}) and addresses written in running
 * text; code, preformatted text and keyboard input are left alone.
 */
final class BreakUrls extends ChapterTransform {
    /** An address in running text: a scheme and "//", or "www.", up to the next space or tag. */
    static final Pattern URL = Pattern.compile("(?i)\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>\"]+");
    /** Link text that is an address as a whole (also {@code mailto:} and scheme-less {@code host/path}). */
    private static final Pattern WHOLE_URL = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*://|www\\.|mailto:)\\S+");
    private static final String BREAK_AFTER = "/.?&-=";
    /** Punctuation that ends the sentence around an address rather than the address. */
    private static final String TRAILING = ".,;:!?'\"’”)]";
    private static final Set<String> VERBATIM = Set.of("code", "pre", "kbd", "samp", "script", "style");

    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        return mapXhtml(ch, BreakUrls::mark);
    }

    /** The fragment with its addresses marked and given their break opportunities; unchanged when it has none. */
    static String mark(String xhtml) {
        String lower = xhtml.toLowerCase(Locale.ROOT);
        if (!lower.contains("://") && !lower.contains("www.") && !lower.contains("mailto:")) return xhtml;
        return Html.edit(xhtml, BreakUrls::walk);
    }

    private static void walk(Element el) {
        if (VERBATIM.contains(el.normalName()) || el.hasClass("url")) return;
        if (el.normalName().equals("a")) {
            if (isAddress(el)) {
                el.addClass("url");
                breakText(el);
            }
            return; // a link whose text is words keeps its words
        }
        for (Node child : new ArrayList<>(el.childNodes())) {
            if (child instanceof Element e) walk(e);
            else if (child instanceof TextNode t) wrapAddresses(t);
        }
    }

    /** Whether a link's text is a web address (then it is shown as one), rather than words. */
    private static boolean isAddress(Element a) {
        String text = a.text().strip();
        if (text.isEmpty() || text.contains(" ")) return false;
        if (WHOLE_URL.matcher(text).matches()) return true;
        if (!a.attr("href").matches("(?i)^[a-z][a-z0-9+.-]*:.*")) return false;
        String href = a.attr("href").replaceFirst("(?i)^[a-z][a-z0-9+.-]*:(//)?", "").replaceFirst("/$", "");
        return !href.isEmpty() && href.equals(text.replaceFirst("(?i)^[a-z][a-z0-9+.-]*:(//)?", "").replaceFirst("/$", ""));
    }

    /** Puts each address in a text node into {@code <span class="url">} with its break opportunities. */
    private static void wrapAddresses(TextNode t) {
        String s = t.getWholeText();
        Matcher m = URL.matcher(s);
        List<Node> parts = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(s.charAt(end - 1)) >= 0 && !balancedParen(s, m.start(), end)) end--;
            if (end - m.start() < 5) continue;
            if (m.start() > last) parts.add(new TextNode(s.substring(last, m.start())));
            Element span = new Element("span").addClass("url");
            appendBroken(span, s.substring(m.start(), end));
            parts.add(span);
            last = end;
        }
        if (parts.isEmpty()) return;
        if (last < s.length()) parts.add(new TextNode(s.substring(last)));
        for (Node p : parts) t.before(p);
        t.remove();
    }

    /** A closing parenthesis at the end belongs to the address when the address opened one (Wikipedia's URLs). */
    private static boolean balancedParen(String s, int start, int end) {
        if (s.charAt(end - 1) != ')') return false;
        int open = 0;
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == '(') open++;
            else if (s.charAt(i) == ')') open--;
        }
        return open == 0;
    }

    /** Gives every text node inside {@code el} its break opportunities. */
    private static void breakText(Element el) {
        for (Node child : new ArrayList<>(el.childNodes())) {
            if (child instanceof TextNode t) {
                Element holder = new Element("span");
                appendBroken(holder, t.getWholeText());
                for (Node n : new ArrayList<>(holder.childNodes())) t.before(n);
                t.remove();
            } else if (child instanceof Element e && !VERBATIM.contains(e.normalName())) {
                breakText(e);
            }
        }
    }

    /**
     * Appends {@code address} to {@code into} as text with a {@code <wbr/>} after each break character that is not
     * followed by another one ("https://" breaks after the second slash) and is not the last character.
     */
    static void appendBroken(Element into, String address) {
        int from = 0;
        for (int i = 0; i < address.length() - 1; i++) {
            if (BREAK_AFTER.indexOf(address.charAt(i)) >= 0 && BREAK_AFTER.indexOf(address.charAt(i + 1)) < 0) {
                into.appendChild(new TextNode(address.substring(from, i + 1)));
                into.appendElement("wbr");
                from = i + 1;
            }
        }
        into.appendChild(new TextNode(address.substring(from)));
    }
}
