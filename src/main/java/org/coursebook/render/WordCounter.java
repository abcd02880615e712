package org.coursebook.render;

import java.util.Set;

/**
 * Counts the words of a block's text as it is fed, the same way for the print layout (text as the print engine
 * laid it out, {@code render.pdf.LayoutReader}) and for the e-book's XHTML ({@link PageBreakMarkers}), so that "word
 * 12 of block 4" names the same word in both. A word is a run of characters between white space; the rules that
 * make the two texts agree:
 * <ul>
 * <li>soft hyphens (U+00AD, which hyphenation inserts in print), zero-width spaces and joiners are not characters;</li>
 * <li>the start and end of a block element (a paragraph, a list item, a table cell …, see {@link #BLOCK_TAGS}) and a
 *     line break ({@code br}) separate words, as a space does;</li>
 * <li>the continuation mark of a wrapped code line ({@code span.wrap-mark}, {@link CodeWrap}) is not text, and the
 *     line break before it does not separate words: print and e-book wrap code at different columns.</li>
 * </ul>
 * Word indexes are 0-based. Not thread-safe: one counter per block being counted.
 */
public final class WordCounter {
    /** Elements whose start and end separate words (HTML's block-level elements and table parts). */
    public static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "td", "tfoot", "th", "thead", "tr", "ul");

    /** The class of the continuation mark of a wrapped code line. */
    public static final String WRAP_MARK = "wrap-mark";

    private int words;
    private boolean inWord;
    /** The last character fed, and whether a word was open before it (to undo a wrapped code line's break). */
    private int lastChar = -1;
    private boolean inWordBeforeLast;

    /** Feeds {@code text} from {@code from} to {@code to} (char offsets). */
    public void text(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (ignorable(c)) continue;
            inWordBeforeLast = inWord;
            lastChar = c;
            if (isSpace(c)) {
                inWord = false;
            } else if (!inWord) {
                inWord = true;
                words++;
            }
        }
    }

    /** Feeds all of {@code text}. */
    public void text(CharSequence text) {
        text(text, 0, text.length());
    }

    /** A boundary that separates words: a block element's start or end, a line break. */
    public void separator() {
        inWordBeforeLast = inWord;
        lastChar = ' ';
        inWord = false;
    }

    /**
     * A wrapped code line's continuation mark begins here (its text is not fed): the line break just before it
     * does not end the word it cut.
     */
    public void wrapMark() {
        if (lastChar == '\n') {
            inWord = inWordBeforeLast;
            lastChar = -1;
        }
    }

    /**
     * The index of the word that the next character fed belongs to, if that character is {@code next}: the word
     * in progress when {@code next} continues it (a page that starts in the second half of a hyphenated word),
     * else the next word.
     */
    public int wordAt(char next) {
        return inWord && !isSpace(next) && !ignorable(next) ? words - 1 : words;
    }

    /** The index the next word will have (the number of words so far). */
    public int nextWord() {
        return words;
    }

    /** Whether a word is open: the last character fed is part of a word. */
    public boolean inWord() {
        return inWord;
    }

    /** White space for counting words: Unicode white space and the no-break spaces. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** Characters that are not text for counting words: soft hyphen, zero-width space, joiners, word joiner, BOM. */
    public static boolean ignorable(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** Whether the class attribute {@code classes} (space-separated) holds {@code name}. */
    public static boolean hasClass(String classes, String name) {
        if (classes == null || classes.isEmpty()) return false;
        for (String c : classes.split("\\s+")) if (c.equals(name)) return true;
        return false;
    }
}
