package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Attrs;
import org.coursebook.model.Chapter;
import org.coursebook.model.Element;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;

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
        return mapNodes(ch, n -> true, n -> List.of(limit(n, ch)));
    }

    private static Node limit(Node n, Chapter ch) {
        if (!(n instanceof Inline.Image img) || !img.attrs().has("width") && !img.attrs().has("height")) return n;
        String width = pixels(img.attrs().get("width"));
        String height = pixels(img.attrs().get("height"));
        Attrs attrs = img.attrs().without("width").without("height");
        if (width != null) {
            Inline.Image plain = new Inline.Image(img.src(), img.alt(), attrs);
            return new Element("span", Attrs.of("class", CLASS, "style", "max-width: " + width + "px"), List.of(plain), ch.pos());
        }
        if (height != null) {
            String style = attrs.get("style");
            attrs = attrs.with("style", (style.isBlank() ? "" : style.strip().replaceFirst(";?$", "; ")) + "max-height: " + height + "px");
        }
        return new Inline.Image(img.src(), img.alt(), attrs);
    }

    private static String pixels(String attr) {
        Matcher m = PIXELS.matcher(attr);
        return m.matches() ? m.group(1) : null;
    }
}
