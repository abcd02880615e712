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

    static String prepare(String xhtml) {
        boolean rtl = hasRightToLeft(xhtml);
        boolean nfc = Normalizer.isNormalized(xhtml, Normalizer.Form.NFC);
        if (!rtl && nfc) return xhtml;
        if (!rtl) return Normalizer.normalize(xhtml, Normalizer.Form.NFC);
        Document doc = Jsoup.parse(nfc ? xhtml : Normalizer.normalize(xhtml, Normalizer.Form.NFC), "", Parser.xmlParser());
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false).charset("UTF-8");
        List<TextNode> texts = new ArrayList<>();
        collect(doc, texts);
        for (TextNode t : texts) if (hasRightToLeft(t.getWholeText())) reorder(t);
        return doc.outerHtml();
    }

    private static void collect(Node n, List<TextNode> out) {
        if (n instanceof Element e && (e.tagName().equals("style") || e.tagName().equals("head"))) return;
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
