package org.coursebook.read;

import org.coursebook.model.Asset;

/**
 * Who publishes the book, for the generated cover: the manifest's {@code publisher} (an institution or department,
 * also the EPUB's {@code dc:publisher}) and {@code logo} (a PNG, JPEG or SVG file in the book's folder).
 *
 * @param publisher the publisher's name, "" for none
 * @param logo      the logo file, checked like a chapter's image, or null for none
 */
public record Institution(String publisher, Asset logo) {
    /** No publisher and no logo. */
    public static final Institution NONE = new Institution("", null);

    public Institution {
        publisher = publisher == null ? "" : publisher.strip();
    }

    public boolean isEmpty() {
        return publisher.isEmpty() && logo == null;
    }
}
