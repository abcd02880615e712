package org.coursebook.render.pdf;

import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.render.FSFont;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * openhtmltopdf's text measurer with a memory: line breaking measures the same words in the same font over
 * and over, and each measurement encodes the string and decodes it again through the font's CMap (a fifth of
 * a warm PDF build). The width of a string in a font does not change, so it is measured once. One instance
 * serves one document's layout, on one thread.
 */
final class CachingTextRenderer extends PdfBoxTextRenderer {
    private static final int MAX_PER_FONT = 100_000;
    private final Map<FSFont, Map<String, Integer>> widths = new IdentityHashMap<>();

    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        Map<String, Integer> known = widths.computeIfAbsent(font, f -> new HashMap<>());
        Integer w = known.get(string);
        if (w == null) {
            w = super.getWidth(context, font, string);
            if (known.size() >= MAX_PER_FONT) known.clear();
            known.put(string, w);
        }
        return w;
    }
}
