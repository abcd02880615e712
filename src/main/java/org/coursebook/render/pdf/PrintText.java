package org.coursebook.render.pdf;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares the text of a print document for a renderer that draws one glyph per character, left to right, with
 * no OpenType shaping or mark positioning:
 * <ul>
 *   <li>Text is put in Unicode Normalization Form C (UAX #15), so that a letter and a combining mark with a
 *       precomposed form (O + U+030B → Ő, a + U+0323 → ạ) print as one designed glyph.</li>
 *   <li>Right-to-left runs (Hebrew, Arabic, Syriac …) inside left-to-right text are put in visual order by the
 *       Unicode Bidirectional Algorithm (UAX #9, ICU's implementation, with mirrored brackets), Arabic letters
 *       shaped to their joining forms first (ICU ArabicShaping: presentation forms, which the bundled DejaVu
 *       Sans has). Each run of at most {@link #NOWRAP_MAX} characters is kept on one line, as visual order
 *       is only right within a line. openhtmltopdf's own bidi layout is not used: it fails on every footnote.</li>
 * </ul>
 * Takes and returns a whole XHTML document; returns the input itself when there is nothing to change.
 */
final class PrintText {
    /** Longest right-to-left run kept on one line; a longer one may break, with its lines in logical order. */
    static final int NOWRAP_MAX = 80;

    private PrintText() {}

    /**
     * The fallback families as the bundled stylesheets name them after the book's faces. The print engine gets the
     * stacks without them: openhtmltopdf sizes every line by all the fonts of its stack, so DejaVu's taller ascent
     * and descent moved every page break (and with them footnotes were laid out twice). Characters the book's
     * faces lack go into a {@link #FALLBACK_CLASS} span instead, whose rules name the fallback fonts.
     */
    static final List<String> FALLBACK_IN_STACKS = List.of(", \"DejaVu Sans Mono\", \"DejaVu Sans\"",
            ", \"DejaVu Serif\", \"DejaVu Sans\"", ", \"DejaVu Sans\"");
    static final String FALLBACK_CLASS = "fb";
    static final String FALLBACK_CSS = "\n.fb { font-family: \"DejaVu Serif\", \"DejaVu Sans\"; }\n"
            + "h1 .fb, h2 .fb, h3 .fb, h4 .fb, h5 .fb, h6 .fb, th .fb, caption .fb, figcaption .fb, .chapter-label .fb, "
            + ".box-title .fb, .sidebar-title .fb, .toc-number .fb, .rh-book .fb, .rh-chapter .fb, .listing-lang .fb, "
            + ".handout-footer .fb, .course .fb, .lecture-label .fb { font-family: \"DejaVu Sans\"; }\n"
            + "code .fb, pre .fb, kbd .fb, samp .fb { font-family: \"DejaVu Sans Mono\", \"DejaVu Sans\"; }\n";

    /**
     * @param inBookFaces whether every one of the book's own faces (Liberation Serif, Sans, Mono) has the code
     *                    point; runs of characters for which it is false are set in a fallback span
     */
    static String prepare(String xhtml, java.util.function.IntPredicate inBookFaces) {
        for (String f : FALLBACK_IN_STACKS) xhtml = xhtml.replace(f, "");
        boolean rtl = hasRightToLeft(xhtml);
        boolean fallback = needsFallback(xhtml, inBookFaces);
        boolean nfc = Normalizer.isNormalized(xhtml, Normalizer.Form.NFC);
        if (!nfc) xhtml = Normalizer.normalize(xhtml, Normalizer.Form.NFC);
        if (!rtl && !fallback) return xhtml;
        Document doc = Jsoup.parse(xhtml, "", Parser.xmlParser());
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false).charset("UTF-8");
        List<TextNode> texts = new ArrayList<>();
        collect(doc, texts);
        for (TextNode t : texts) if (hasRightToLeft(t.getWholeText())) reorder(t);
        if (fallback) {
            texts.clear();
            collect(doc, texts);
            for (TextNode t : texts) fallBack(t, inBookFaces);
            Element style = doc.selectFirst("head > style");
            if (style != null) style.appendChild(new org.jsoup.nodes.DataNode(FALLBACK_CSS));
            else {
                Element head = doc.selectFirst("head");
                if (head != null) head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(FALLBACK_CSS));
            }
        }
        return doc.outerHtml();
    }

    static String prepare(String xhtml) {
        return prepare(xhtml, cp -> true);
    }

    private static boolean needsFallback(String s, java.util.function.IntPredicate inBookFaces) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp >= 0x250 && !inBookFaces.test(cp) && !org.coursebook.render.GlyphCoverage.ignorable(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Wraps each run of characters the book's faces lack (with the marks that follow them) in a fallback span. */
    private static void fallBack(TextNode t, java.util.function.IntPredicate inBookFaces) {
        { Element p = t.parent(); if (p != null && (p.normalName().equals("style") || p.hasClass(FALLBACK_CLASS))) return; }
        String s = t.getWholeText();
        List<Node> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder(), odd = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean isMark = Character.getType(cp) == Character.NON_SPACING_MARK || Character.getType(cp) == Character.ENCLOSING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
            boolean lacking = cp >= 0x250 && !inBookFaces.test(cp) && !org.coursebook.render.GlyphCoverage.ignorable(cp);
            if (lacking || (isMark && odd.length() > 0 && plain.length() == 0)) {
                if (plain.length() > 0) { parts.add(new TextNode(plain.toString())); plain.setLength(0); }
                odd.appendCodePoint(cp);
            } else {
                if (odd.length() > 0) { parts.add(new Element("span").addClass(FALLBACK_CLASS).text(odd.toString())); odd.setLength(0); }
                plain.appendCodePoint(cp);
            }
        }
        if (parts.isEmpty() && odd.length() == 0) return;
        if (plain.length() > 0) parts.add(new TextNode(plain.toString()));
        if (odd.length() > 0) parts.add(new Element("span").addClass(FALLBACK_CLASS).text(odd.toString()));
        for (Node p : parts) t.before(p);
        t.remove();
    }

    private static void collect(Node n, List<TextNode> out) {
        if (n instanceof Element e && (e.tagName().equals("style") || e.tagName().equals("head")
                || e.hasClass(FALLBACK_CLASS))) return;
        for (Node c : n.childNodes()) {
            if (c instanceof TextNode t) out.add(t);
            else collect(c, out);
        }
    }

    static boolean hasRightToLeft(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp >= 0x0590) {
                byte d = Character.getDirectionality(cp);
                if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Splits the text node into left-to-right text and right-to-left runs in visual order. */
    private static void reorder(TextNode t) {
        String s = t.getWholeText();
        Bidi bidi = new Bidi(s, Bidi.LTR);
        List<Node> parts = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int start = i;
            boolean right = bidi.getLevelAt(i) > 0;
            while (i < s.length() && (bidi.getLevelAt(i) > 0) == right) i++;
            String piece = s.substring(start, i);
            if (!right) {
                parts.add(new TextNode(piece));
            } else {
                Element run = new Element("span").addClass("rtl-run").text(visual(piece));
                if (piece.length() <= NOWRAP_MAX) run.attr("style", "white-space: nowrap");
                parts.add(run);
            }
        }
        for (Node p : parts) t.before(p);
        t.remove();
    }

    /** A right-to-left run (logical order) in visual order, Arabic shaped. */
    static String visual(String run) {
        String shaped = run;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(run);
        } catch (ArabicShapingException e) {
            shaped = run; // unshaped letters still print, in the right order
        }
        Bidi b = new Bidi(shaped, Bidi.RTL);
        return b.writeReordered(Bidi.DO_MIRRORING);
    }
}
