package org.coursebook.render.pdf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The print index's page ranges, abbreviated as the Chicago Manual of Style does (§9.61). */
class PrintIndexTest {
    @Test
    void rangesAreAbbreviatedAsChicagoDoes() {
        assertEquals("3\u201310", PrintIndex.range("3", "10"));
        assertEquals("71\u201372", PrintIndex.range("71", "72"));
        assertEquals("100\u2013104", PrintIndex.range("100", "104"));
        assertEquals("1100\u20131113", PrintIndex.range("1100", "1113"));
        assertEquals("101\u20138", PrintIndex.range("101", "108"));
        assertEquals("808\u201333", PrintIndex.range("808", "833"));
        assertEquals("321\u201328", PrintIndex.range("321", "328"));
        assertEquals("498\u2013532", PrintIndex.range("498", "532"));
        assertEquals("112\u201314", PrintIndex.range("112", "114"));
        assertEquals("1496\u20131504", PrintIndex.range("1496", "1504"));
        assertEquals("42", PrintIndex.range("42", "42"));
        assertEquals("iv\u2013vi", PrintIndex.range("iv", "vi"));
    }
}
