package org.coursebook.render.pdf;

import org.coursebook.model.PageSize;

import java.util.Locale;

/**
 * Page size and margins for a print size: mirrored margins, the wider one at the binding (inside). Also the
 * {@value #WIDE} page, the same paper turned to landscape for tables too wide for the upright page: its text block
 * is the upright one's turned on its side, with the inside margin at the top and bottom (the landscape page's
 * top faces the spine on one side of a spread and the fore-edge on the other).
 */
record PageGeometry(PageSize size, String top, String bottom, String inside, String outside) {
    /** The CSS page name of the landscape page. */
    static final String WIDE = "wide";
    /** Room kept under an image for its caption, in points, when images are limited to the text block's height. */
    private static final float CAPTION_ROOM_PT = 40f;

    static PageGeometry of(PageSize size) {
        return switch (size) {
            case TRADE -> new PageGeometry(size, "0.75in", "0.75in", "0.8in", "0.55in");
            case A4 -> new PageGeometry(size, "25mm", "25mm", "28mm", "20mm");
            default -> new PageGeometry(size, "0.9in", "0.9in", "1.0in", "0.75in");
        };
    }

    /** The width of the upright page's text block, in points. */
    float textWidthPt() {
        return size.widthPt() - pt(inside) - pt(outside);
    }

    /** The height of the upright page's text block (running heads and folios sit in the margins), in points. */
    float textHeightPt() {
        return size.heightPt() - pt(top) - pt(bottom);
    }

    /** The width of the landscape page's text block, in points. */
    float wideTextWidthPt() {
        return size.heightPt() - pt(top) - pt(bottom);
    }

    /**
     * The first @page rules of the print stylesheet, the landscape page's size and margins, and the largest an
     * image may be drawn (the text block, less room for a caption under it).
     */
    String css() {
        return "@page { size: " + size.css() + "; margin: " + top + " " + outside + " " + bottom + " " + inside + "; }\n"
                + "@page :left { margin-left: " + outside + "; margin-right: " + inside + "; }\n"
                + "@page :right { margin-left: " + inside + "; margin-right: " + outside + "; }\n"
                + "@page " + WIDE + " { size: " + pts(size.heightPt()) + " " + pts(size.widthPt()) + "; margin: "
                + inside + " " + top + " " + inside + " " + bottom + "; }\n"
                + "img { max-height: " + pts(textHeightPt() - CAPTION_ROOM_PT) + "; }\n";
    }

    /** A CSS length in {@code in}, {@code mm} or {@code pt}, in points. */
    static float pt(String length) {
        String s = length.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("in")) return Float.parseFloat(s.substring(0, s.length() - 2)) * 72f;
        if (s.endsWith("mm")) return Float.parseFloat(s.substring(0, s.length() - 2)) * 72f / 25.4f;
        if (s.endsWith("pt")) return Float.parseFloat(s.substring(0, s.length() - 2));
        throw new IllegalArgumentException("not a length in in, mm or pt: " + length);
    }

    static String pts(float pt) {
        return String.format(Locale.ROOT, "%.2fpt", pt);
    }
}
