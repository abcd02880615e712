package org.coursebook.render.pdf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PrintTextTest {
    @Test
    void arabicIsShapedIntoJoiningFormsAndReversed() {
        String v = PrintText.visual("قزل");
        assertEquals(3, v.length());
        assertTrue(v.chars().allMatch(c -> c >= 0xFE70 && c <= 0xFEFF), "presentation forms: " + v.codePoints().mapToObj(Integer::toHexString).toList());
        // visual order, right to left: lam (isolated: zain does not join to its left) first, then zain in its
        // final form joined to qaf, then qaf in its initial form.
        assertEquals("\uFEDD\uFEB0\uFED7", v);
    }

    @Test
    void hebrewRunsAreReversedWithinLeftToRightTextAndKeptOnOneLine() {
        String out = PrintText.prepare("<html><body><p>called דער אמת (Der Emes)</p></body></html>");
        assertTrue(out.contains("<span class=\"rtl-run\" style=\"white-space: nowrap\">תמא רעד</span> (Der Emes)"), out);
    }

    @Test
    void textWithoutRightToLeftOrDecomposedLettersIsReturnedAsItIs() {
        String in = "<html><body><p>за\u0301мок and plain text</p></body></html>";
        assertSame(in, PrintText.prepare(in));
        assertEquals("<p>\u0150</p>", PrintText.prepare("<p>O\u030B</p>"));
    }
}
