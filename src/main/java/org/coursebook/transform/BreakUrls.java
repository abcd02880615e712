package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Attrs;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Element;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Target;
import org.coursebook.model.Tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets web addresses break at the end of a line only after {@code / . ? & - =}, with no hyphen added (the
 * Chicago Manual of Style's rule for URLs, 14.18): a {@link Inline.Wbr} (HTML's word-break opportunity, which adds
 * no character to the text) goes after each of those characters, and the address is marked
 * {@code class="url"}, for which the stylesheets switch hyphenation off. Addresses are the text of a link that
 * is itself an address ({@code <https://…>}, {@code [https://…](https://…)}) and addresses written in running
 * text; code, preformatted text and keyboard input are left alone.
 */
final class BreakUrls extends ChapterTransform {
    /** An address in running text: a scheme and "//", or "www.", up to the next space. */
    static final Pattern URL = Pattern.compile("(?i)\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>\"]+");
    /** Link text that is an address as a whole (also {@code mailto:} and scheme-less {@code host/path}). */
    private static final Pattern WHOLE_URL = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*://|www\\.|mailto:)\\S+");
    private static final String BREAK_AFTER = "/.?&-=";
    /** Punctuation that ends the sentence around an address rather than the address. */
    private static final String TRAILING = ".,;:!?'\"’”)]";
    private static final Set<String> VERBATIM = Set.of("code", "pre", "kbd", "samp", "script", "style");

    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        return mapNodes(ch, BreakUrls::enter, n -> mark(n, ch.pos()));
    }

    private static boolean enter(Node n) {
        return !(n instanceof Inline.Code || n instanceof Block.Listing
                || n instanceof Element e && (VERBATIM.contains(e.tag()) || e.attrs().hasClass("url"))
                || n instanceof Inline.Link l && l.attrs().hasClass("url"));
    }

    private static List<Node> mark(Node n, SourcePos pos) {
        if (n instanceof Inline.Link l) return List.of(link(l));
        if (n instanceof Inline.Text t) return wrapAddresses(t, pos);
        return List.of(n);
    }

    /**
     * A link whose text is an address is shown as one: marked {@code url}, its text given break opportunities
     * (which its children already have, as running-text addresses, if the walk reached them first: those are
     * undone here so the whole text breaks as one address).
     */
    private static Node link(Inline.Link l) {
        // a link's text keeps its words unless it is an address as a whole
        List<Inline> content = Tree.map(l.content(), n -> n instanceof Element e && e.tag().equals("span") && e.attrs().hasClass("url")
                ? List.of(new Inline.Text(Tree.rawText(e.content()))) : List.of(n));
        if (!isAddress(Tree.plainText(content), l.target())) return content == l.content() ? l : l.withChildren(List.copyOf(content));
        content = Tree.mapWhere(content, BreakUrls::enter, n -> n instanceof Inline.Text t ? broken(t.text()) : List.of(n));
        return new Inline.Link(l.target(), content, l.attrs().withClass("url"), l.pos());
    }

    /** Whether a link's text is a web address (then it is shown as one), rather than words. */
    private static boolean isAddress(String text, Target target) {
        if (text.isEmpty() || text.contains(" ")) return false;
        if (WHOLE_URL.matcher(text).matches()) return true;
        String href = target instanceof Target.Url u ? u.href() : target instanceof Target.Unresolved u ? u.href() : "";
        if (!href.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) return false;
        href = href.replaceFirst("(?i)^[a-z][a-z0-9+.-]*:(//)?", "").replaceFirst("/$", "");
        return !href.isEmpty() && href.equals(text.replaceFirst("(?i)^[a-z][a-z0-9+.-]*:(//)?", "").replaceFirst("/$", ""));
    }

    /** Puts each address in a text into a {@code span.url} with its break opportunities. */
    private static List<Node> wrapAddresses(Inline.Text t, SourcePos pos) {
        String s = t.text();
        Matcher m = URL.matcher(s);
        List<Node> parts = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(s.charAt(end - 1)) >= 0 && !balancedParen(s, m.start(), end)) end--;
            if (end - m.start() < 5) continue;
            if (m.start() > last) parts.add(new Inline.Text(s.substring(last, m.start())));
            parts.add(new Element("span", Attrs.of("class", "url"), broken(s.substring(m.start(), end)), pos));
            last = end;
        }
        if (parts.isEmpty()) return List.of(t);
        if (last < s.length()) parts.add(new Inline.Text(s.substring(last)));
        return parts;
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

    /**
     * {@code address} as text with a break opportunity after each break character that is not followed by another
     * one ("https://" breaks after the second slash) and is not the last character.
     */
    static List<Node> broken(String address) {
        List<Node> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < address.length() - 1; i++) {
            if (BREAK_AFTER.indexOf(address.charAt(i)) >= 0 && BREAK_AFTER.indexOf(address.charAt(i + 1)) < 0) {
                out.add(new Inline.Text(address.substring(from, i + 1)));
                out.add(new Inline.Wbr());
                from = i + 1;
            }
        }
        out.add(new Inline.Text(address.substring(from)));
        return out;
    }
}
