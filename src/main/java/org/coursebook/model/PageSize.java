package org.coursebook.model;

import java.util.Locale;
import java.util.Optional;

/** Paper sizes the print renderers know, with their CSS {@code @page size} and dimensions in points. */
public enum PageSize {
    LETTER("letter", "8.5in 11in", 612f, 792f),
    A4("a4", "210mm 297mm", 595.28f, 841.89f),
    TRADE("trade", "6in 9in", 432f, 648f),
    A5("a5", "148mm 210mm", 419.53f, 595.28f),
    HALF_LETTER("half-letter", "5.5in 8.5in", 396f, 612f);

    private final String key;
    private final String css;
    private final float widthPt;
    private final float heightPt;

    PageSize(String key, String css, float widthPt, float heightPt) {
        this.key = key;
        this.css = css;
        this.widthPt = widthPt;
        this.heightPt = heightPt;
    }

    public String key() { return key; }
    public String css() { return css; }
    public float widthPt() { return widthPt; }
    public float heightPt() { return heightPt; }

    public static Optional<PageSize> fromKey(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (PageSize p : values()) if (p.key.equals(k)) return Optional.of(p);
        return Optional.empty();
    }

    public static String keys() {
        StringBuilder sb = new StringBuilder();
        for (PageSize p : values()) sb.append(sb.length() == 0 ? "" : ", ").append(p.key);
        return sb.toString();
    }
}
