package org.coursebook.render.cover;

import org.coursebook.render.Fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The book's fonts ({@link Fonts#FACES}) as Java2D fonts, each loaded once, on first use. The cover measures and
 * draws with these and with nothing installed on the machine.
 */
final class AwtFonts {
    private final Fonts fonts;
    private final Map<String, Font> loaded = new ConcurrentHashMap<>();

    AwtFonts(Fonts fonts) {
        this.fonts = fonts;
    }

    /** The face of {@code family} nearest to the weight (bold from 600) and style ("italic" or "oblique", else upright). */
    Font font(String family, int weight, String style) {
        return font(face(family, weight, style));
    }

    Font font(Fonts.Face face) {
        return loaded.computeIfAbsent(face.resource(), r -> {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(fonts.bytes(face)));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot load " + face.resource() + ": " + e.getMessage(), e);
            }
        });
    }

    /** @throws IllegalArgumentException when the book has no such family */
    static Fonts.Face face(String family, int weight, String style) {
        int w = weight >= 600 ? 700 : 400;
        String s = style == null ? "normal" : style.strip().toLowerCase(Locale.ROOT);
        String st = s.equals("italic") || s.equals("oblique") ? "italic" : "normal";
        return Fonts.FACES.stream()
                .filter(f -> f.family().equalsIgnoreCase(family.strip()) && f.weight() == w && f.style().equals(st))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no font " + family + " " + weight + " " + style
                        + "; the cover can use: " + Fonts.FACES.stream().map(f -> f.family() + " " + f.weight() + " " + f.style()).toList()));
    }

    /** A CSS font weight ("bold", "normal", "700") as a number; anything else counts as 400. */
    static int weight(String css) {
        if (css == null) return 400;
        String w = css.strip().toLowerCase(Locale.ROOT);
        if (w.equals("bold") || w.equals("bolder")) return 700;
        try {
            return Integer.parseInt(w);
        } catch (NumberFormatException e) {
            return 400;
        }
    }
}
