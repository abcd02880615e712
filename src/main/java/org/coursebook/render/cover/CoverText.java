package org.coursebook.render.cover;

import org.coursebook.render.Fonts;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets text on the generated cover: finds the largest type size at which a text fits a box of a given width in
 * a given number of lines, and breaks it into lines of even length. The cover template calls it as {@code fit}
 * with the same font it draws the text in, so the template owns the geometry and this class only measures.
 */
public final class CoverText {
    /** Text fitted to a box: the type size, and the lines to draw. */
    public record Fitted(double size, List<String> lines) {
        public Fitted {
            lines = List.copyOf(lines);
        }
    }

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final AwtFonts fonts;

    public CoverText(Fonts fonts) {
        this(new AwtFonts(fonts));
    }

    CoverText(AwtFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * @param family   a family of {@link Fonts#FACES}, e.g. "Liberation Sans"
     * @param weight   400 or 700
     * @param style    "normal" or "italic"
     * @param width    the box's width, in the template's units
     * @param maxSize  the type size to use if the text fits at it
     * @param minSize  the smallest type size allowed; text that does not fit even then takes more lines
     * @param maxLines the most lines the box holds
     */
    public Fitted fit(String text, String family, int weight, String style, double width, double maxSize, double minSize,
                      int maxLines) {
        Font font = font(family, weight, style);
        String clean = text.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) return new Fitted(maxSize, List.of());
        List<String> words = List.of(clean.split(" "));
        for (double size = maxSize; size >= minSize; size -= Math.max(0.5, maxSize / 100)) {
            List<String> lines = fits(font, words, size, width, maxLines);
            if (lines != null) return new Fitted(size, balance(font, words, size, lines.size()));
        }
        return new Fitted(minSize, wrap(font, words, minSize, width));
    }

    /** The index of the first character of {@code text} the font has no glyph for, or -1 when it has them all. */
    public int missingGlyph(String text, String family, int weight, String style) {
        return font(family, weight, style).canDisplayUpTo(text);
    }

    private List<String> fits(Font font, List<String> words, double size, double width, int maxLines) {
        for (String w : words) if (measure(font, w, size) > width) return null;
        List<String> lines = wrap(font, words, size, width);
        return lines.size() <= maxLines ? lines : null;
    }

    /** The narrowest wrap that keeps the same number of lines, so the last line is not a lone word. */
    private List<String> balance(Font font, List<String> words, double size, int lineCount) {
        double widest = 0, total = 0;
        for (String w : words) widest = Math.max(widest, measure(font, w, size));
        total = measure(font, String.join(" ", words), size);
        double lo = Math.max(widest, total / lineCount), hi = total;
        List<String> best = wrap(font, words, size, hi);
        for (int i = 0; i < 30 && hi - lo > 0.5; i++) {
            double mid = (lo + hi) / 2;
            List<String> lines = wrap(font, words, size, mid);
            if (lines.size() <= lineCount) {
                hi = mid;
                best = lines;
            } else {
                lo = mid;
            }
        }
        return best;
    }

    private List<String> wrap(Font font, List<String> words, double size, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            String candidate = line.length() == 0 ? w : line + " " + w;
            if (line.length() > 0 && measure(font, candidate, size) > width) {
                lines.add(line.toString());
                line = new StringBuilder(w);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    private static double measure(Font font, String s, double size) {
        return font.deriveFont((float) size).getStringBounds(s, FRC).getWidth();
    }

    private Font font(String family, int weight, String style) {
        return fonts.font(family, weight, style);
    }
}
