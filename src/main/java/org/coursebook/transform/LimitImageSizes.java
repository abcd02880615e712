package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the size an author gives an image ({@code <img width="300">}, or {@code {width=300}} after a Markdown
 * image) a maximum: the image is drawn at its own size, or 300 CSS pixels wide if it is wider, and never wider
 * than the text column (the stylesheets give every image {@code max-width: 100%} and a maximum height). As a plain
 * {@code width} the attribute would stretch a small image to 300 pixels and override the column's limit; so the
 * image goes into {@code <span class="img-max" style="max-width: 300px">}, an inline block whose percentage
 * limit on the image then means "at most 300 pixels and at most the column" (CSS 2.1, 10.4 and 10.3.9). A
 * {@code height} alone becomes the image's {@code max-height}; with a width it is dropped, as the image keeps
 * its proportions. Sizes in per cent were removed when the chapter was read.
 */
final class LimitImageSizes extends ChapterTransform {
    static final String CLASS = "img-max";
    /** A size in CSS pixels: digits, with or without "px". */
    private static final Pattern PIXELS = Pattern.compile("\\s*(\\d{1,5}(?:\\.\\d+)?)\\s*(?:px)?\\s*");

    @Override
    Chapter apply(Chapter ch, Diagnostics diag) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : ch.blocks()) blocks.add(sized(b.allXhtml()) ? b.mapXhtml(LimitImageSizes::limit) : b);
        return ch.withBlocks(blocks);
    }

    /** Whether a fragment may hold an image with a size (a quick look before parsing). */
    private static boolean sized(String xhtml) {
        return xhtml.contains("<img") && (xhtml.contains("width=") || xhtml.contains("height="));
    }

    static String limit(String xhtml) {
        if (!sized(xhtml)) return xhtml;
        return Html.edit(xhtml, body -> {
            for (Element img : body.select("img[width], img[height]")) {
                String width = pixels(img.attr("width"));
                String height = pixels(img.attr("height"));
                img.removeAttr("width").removeAttr("height");
                if (width != null) {
                    Element span = new Element("span").addClass(CLASS).attr("style", "max-width: " + width + "px");
                    img.before(span);
                    span.appendChild(img);
                } else if (height != null) {
                    img.attr("style", (img.attr("style").isBlank() ? "" : img.attr("style").strip().replaceFirst(";?$", "; "))
                            + "max-height: " + height + "px");
                }
            }
        });
    }

    private static String pixels(String attr) {
        Matcher m = PIXELS.matcher(attr);
        return m.matches() ? m.group(1) : null;
    }
}
