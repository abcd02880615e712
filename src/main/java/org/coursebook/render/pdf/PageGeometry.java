package org.coursebook.render.pdf;

import org.coursebook.model.PageSize;

/** Page size and margins for a print size: mirrored margins, the wider one at the binding (inside). */
record PageGeometry(PageSize size, String top, String bottom, String inside, String outside) {
    static PageGeometry of(PageSize size) {
        return switch (size) {
            case TRADE -> new PageGeometry(size, "0.75in", "0.75in", "0.8in", "0.55in");
            case A4 -> new PageGeometry(size, "25mm", "25mm", "28mm", "20mm");
            default -> new PageGeometry(size, "0.9in", "0.9in", "1.0in", "0.75in");
        };
    }

    /** The width of the text block in pt: the page less the inside and outside margins. */
    double textWidthPt() {
        return size.widthPt() - pt(inside) - pt(outside);
    }

    /** A CSS length in {@code in}, {@code mm} or {@code pt}, in pt. */
    static double pt(String css) {
        String s = css.strip();
        double v = Double.parseDouble(s.substring(0, s.length() - 2));
        return switch (s.substring(s.length() - 2)) {
            case "in" -> v * 72;
            case "mm" -> v * 72 / 25.4;
            case "pt" -> v;
            default -> throw new IllegalArgumentException("unknown unit in " + css);
        };
    }

    /** The first @page rules of the print stylesheet. */
    String css() {
        return "@page { size: " + size.css() + "; margin: " + top + " " + outside + " " + bottom + " " + inside + "; }\n"
                + "@page :left { margin-left: " + outside + "; margin-right: " + inside + "; }\n"
                + "@page :right { margin-left: " + inside + "; margin-right: " + outside + "; }\n";
    }
}
