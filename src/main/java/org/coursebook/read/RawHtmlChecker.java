package org.coursebook.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that raw HTML an author wrote is well-formed enough to become XHTML without changing meaning: every
 * element opened is closed, end tags close what is open, in order, and tags and comments are complete. An HTML
 * parser would silently repair such mistakes, moving text into or out of elements; we report them instead, at
 * the offset of the tag at fault.
 *
 * <p>The raw HTML of one Markdown block comes in pieces (an HTML block is one piece; the tags written inside a
 * paragraph are one piece each), checked together as one fragment. The checker keeps its own stack, so it
 * never recurses however deep the input.
 */
final class RawHtmlChecker {
    /** A problem at an offset of the source the pieces were cut from. */
    record Problem(int offset, String message, String hint) {}

    /** A piece of raw HTML and where it starts in the source. */
    record Piece(CharSequence text, int offset) {}

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr");
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes", "plaintext");
    /** Elements whose children may close themselves with "/>" (foreign content). */
    private static final Set<String> FOREIGN = Set.of("svg", "math");
    private static final String CLOSE_HINT = "close every element you open, in the reverse order; "
            + "a blank line ends an HTML block, so an element cannot wrap Markdown paragraphs";

    private record Open(String name, int offset) {}

    private final List<Problem> problems = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();

    static List<Problem> check(List<Piece> pieces) {
        RawHtmlChecker c = new RawHtmlChecker();
        for (Piece p : pieces) c.scan(p.text(), p.offset());
        for (Open o : c.open) {
            c.problems.add(new Problem(o.offset(), "<" + o.name() + "> is never closed", "add </" + o.name()
                    + "> where the element ends; a blank line ends an HTML block, so an element cannot wrap Markdown paragraphs"));
        }
        c.problems.sort(java.util.Comparator.comparingInt(Problem::offset));
        return c.problems;
    }

    private void scan(CharSequence s, int base) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '<') {
                i++;
                continue;
            }
            if (startsWith(s, i, "<!--")) {
                int end = indexOf(s, "-->", i + 4);
                if (end < 0) {
                    problems.add(new Problem(base + i, "an HTML comment is never closed", "end it with -->"));
                    return;
                }
                i = end + 3;
            } else if (startsWith(s, i, "<![CDATA[")) {
                int end = indexOf(s, "]]>", i + 9);
                if (end < 0) {
                    problems.add(new Problem(base + i, "a CDATA section is never closed", "end it with ]]>"));
                    return;
                }
                i = end + 3;
            } else if (startsWith(s, i, "<!") || startsWith(s, i, "<?")) {
                // <!DOCTYPE …>, <!ENTITY …>, <?xml-stylesheet …?>: meaningless in a chapter, and the stuff of XML
                // entity tricks; refused rather than passed on to any XML reader
                int end = indexOf(s, ">", i + 2);
                int nameEnd = nameEnd(s, i + 2);
                String what = s.subSequence(i, Math.min(nameEnd, i + 40)).toString();
                problems.add(new Problem(base + i, "'" + what + "' is not allowed in a chapter",
                        "delete it: a chapter may hold HTML elements and comments, not declarations or processing instructions"));
                if (end < 0) return;
                i = end + 1;
            } else if (i + 1 < n && s.charAt(i + 1) == '/' && i + 2 < n && isNameStart(s.charAt(i + 2))) {
                int nameEnd = nameEnd(s, i + 2);
                String name = s.subSequence(i + 2, nameEnd).toString().toLowerCase(Locale.ROOT);
                int end = indexOf(s, ">", nameEnd);
                if (end < 0) {
                    problems.add(new Problem(base + i, "the end tag </" + name + " is not finished", "end it with >"));
                    return;
                }
                endTag(name, base + i);
                i = end + 1;
            } else if (i + 1 < n && isNameStart(s.charAt(i + 1))) {
                int tagStart = i;
                int nameEnd = nameEnd(s, i + 1);
                String name = s.subSequence(i + 1, nameEnd).toString().toLowerCase(Locale.ROOT);
                int end = tagEnd(s, nameEnd);
                if (end < 0) {
                    problems.add(new Problem(base + tagStart, "the tag <" + name + " is not finished",
                            "end the tag with > and close every quoted attribute value"));
                    return;
                }
                i = end + 1;
                if (VOID.contains(name)) continue;
                if (s.charAt(end - 1) == '/') {
                    if (!inForeign() && !FOREIGN.contains(name)) {
                        problems.add(new Problem(base + tagStart, "<" + name + "/> cannot close itself in HTML",
                                "write <" + name + "></" + name + ">"));
                    }
                    continue;
                }
                open.push(new Open(name, base + tagStart));
                if (RAW_TEXT.contains(name)) {
                    int close = indexOfIgnoreCase(s, "</" + name, i);
                    if (close < 0) return; // reported as never closed
                    i = close;
                }
            } else {
                i++; // a '<' that starts no tag is text ("a < b"); the cleaner escapes it
            }
        }
    }

    private boolean inForeign() {
        for (Open o : open) if (FOREIGN.contains(o.name())) return true;
        return false;
    }

    private void endTag(String name, int offset) {
        if (VOID.contains(name)) return; // </br> is read as <br>
        if (open.isEmpty()) {
            problems.add(new Problem(offset, "</" + name + "> closes nothing: no <" + name + "> is open here",
                    "remove it, or add the <" + name + "> it should close"));
            return;
        }
        if (open.peek().name().equals(name)) {
            open.pop();
            return;
        }
        boolean deeper = open.stream().anyMatch(o -> o.name().equals(name));
        if (!deeper) {
            problems.add(new Problem(offset, "</" + name + "> closes nothing: no <" + name + "> is open here",
                    "remove it, or add the <" + name + "> it should close"));
            return;
        }
        Open inner = open.peek();
        problems.add(new Problem(offset, "</" + name + "> comes before </" + inner.name() + ">, which must close first",
                CLOSE_HINT));
        while (!open.isEmpty() && !open.peek().name().equals(name)) open.pop();
        open.pop();
    }

    /** Index of the '>' that ends a start tag whose name ends at {@code from}, skipping quoted values; -1 if none. */
    private static int tagEnd(CharSequence s, int from) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                return -1; // "<div <p>": the first tag was never finished
            }
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int nameEnd(CharSequence s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '_' || c == '.') i++;
            else break;
        }
        return i;
    }

    private static boolean startsWith(CharSequence s, int at, String prefix) {
        if (at + prefix.length() > s.length()) return false;
        for (int k = 0; k < prefix.length(); k++) if (s.charAt(at + k) != prefix.charAt(k)) return false;
        return true;
    }

    private static int indexOf(CharSequence s, String what, int from) {
        for (int i = Math.max(0, from); i + what.length() <= s.length(); i++) {
            if (startsWith(s, i, what)) return i;
        }
        return -1;
    }

    private static int indexOfIgnoreCase(CharSequence s, String what, int from) {
        String lower = what.toLowerCase(Locale.ROOT);
        for (int i = Math.max(0, from); i + what.length() <= s.length(); i++) {
            boolean ok = true;
            for (int k = 0; k < lower.length() && ok; k++) ok = Character.toLowerCase(s.charAt(i + k)) == lower.charAt(k);
            if (ok) return i;
        }
        return -1;
    }
}
