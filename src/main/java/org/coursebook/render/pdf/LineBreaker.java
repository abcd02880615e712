package org.coursebook.render.pdf;

import com.openhtmltopdf.extend.FSTextBreaker;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Line-break opportunities for the print renderer: the JDK's line iterator, except that it never breaks after
 * an apostrophe inside a word (the JDK allows "regime’|s", which prints a lone "s" at the start of a line).
 */
final class LineBreaker implements FSTextBreaker {
    private final BreakIterator it = BreakIterator.getLineInstance(Locale.ROOT);
    private String text = "";

    @Override
    public void setText(String newText) {
        text = newText;
        it.setText(newText);
    }

    @Override
    public int next() {
        int p = it.next();
        while (p != BreakIterator.DONE && insideWord(p)) p = it.next();
        return p;
    }

    private boolean insideWord(int p) {
        if (p <= 1 || p >= text.length()) return false;
        char before = text.charAt(p - 1);
        return (before == '’' || before == '\'') && Character.isLetter(text.charAt(p)) && Character.isLetter(text.charAt(p - 2));
    }
}
