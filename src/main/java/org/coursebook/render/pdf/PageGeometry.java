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

    /** The first @page rules of the print stylesheet. */
    String css() {
        return "@page { size: " + size.css() + "; margin: " + top + " " + outside + " " + bottom + " " + inside + "; }\n"
                + "@page :left { margin-left: " + outside + "; margin-right: " + inside + "; }\n"
                + "@page :right { margin-left: " + inside + "; margin-right: " + outside + "; }\n";
    }
}
