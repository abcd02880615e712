package org.coursebook.render.pdf;

import org.coursebook.model.Asset;
import org.coursebook.model.Book;
import org.coursebook.read.SvgChecker;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The book's images for the print renderer (openhtmltopdf), which resolves an image's {@code src} against the
 * book's folder: the chapters name each image by its path in the outputs ({@link Asset#href()}, which is the
 * EPUB's), and that path is a file in the book's folder only for a plain name under {@code images/}.
 */
public final class PrintImages {
    private PrintImages() {}

    /**
     * Where the print renderer finds each image the chapters show, by its path in the outputs
     * ({@link Asset#href()}): a raster image at its own file, as a URL path relative to the book's folder
     * (percent-encoded, RFC 3986: {@code img/tide%20chart.png}); an SVG as a {@code data:} URL of the bytes
     * the EPUB carries too (without byte order mark or DOCTYPE, which the renderer's XML reader stumbles on).
     */
    public static Map<String, String> sources(Book book) throws IOException {
        Map<String, String> sources = new HashMap<>();
        java.nio.file.Path root = book.sourceDir().toAbsolutePath().normalize();
        for (Asset a : book.assets()) {
            if (a.mediaType().equals("image/svg+xml")) {
                byte[] svg = SvgChecker.forOutput(java.nio.file.Files.readAllBytes(a.source()));
                sources.put(a.href(), "data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString(svg));
            } else {
                String relative = root.relativize(a.source().toAbsolutePath().normalize()).toString().replace('\\', '/');
                try {
                    sources.put(a.href(), new java.net.URI(null, null, relative, null).toASCIIString());
                } catch (java.net.URISyntaxException e) {
                    throw new IOException("cannot make a URL of the image path " + relative, e);
                }
            }
        }
        return sources;
    }

}
