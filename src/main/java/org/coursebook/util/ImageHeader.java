package org.coursebook.util;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * What the header of a PNG, JPEG or GIF file says: its type, from the signature its first bytes carry (PNG: ISO/IEC
 * 15948 5.2, the 8 bytes {@code 89 50 4E 47 0D 0A 1A 0A}; JPEG: ITU-T T.81 B.1.1.2, the SOI marker
 * {@code FF D8}; GIF: the 6 bytes {@code GIF87a} or {@code GIF89a}), and its width and height in pixels, read by
 * ImageIO's reader for that type without decoding the pixels. The one place the build reads image headers: the
 * reader's checks of the book's images and cover, and the e-book cover's size.
 *
 * @param mediaType {@code image/png}, {@code image/jpeg} or {@code image/gif}
 * @param width     in pixels, at least 1
 * @param height    in pixels, at least 1
 */
public record ImageHeader(String mediaType, int width, int height) {
    public static final String PNG = "image/png", JPEG = "image/jpeg", GIF = "image/gif";

    /**
     * The type the file's first bytes announce: {@link #PNG}, {@link #JPEG} or {@link #GIF}, or null for anything
     * else (another format, a file too short, text with an image's name).
     *
     * @throws IOException if the file cannot be read
     */
    public static String sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) return PNG;
        if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8) return JPEG;
        if (n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8'
                && (head[4] == '7' || head[4] == '9') && head[5] == 'a') return GIF;
        return null;
    }

    /**
     * The file's type and size, from its header.
     *
     * @throws IOException if the file cannot be read, is not a PNG, JPEG or GIF file, or its header is damaged
     *                     (the message says which, for the file's path)
     */
    public static ImageHeader read(Path file) throws IOException {
        String type = sniff(file);
        if (type == null) throw new IOException(file + ": not a PNG, JPEG or GIF file");
        int w, h;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException(file + ": no reader for its header");
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                w = r.getWidth(0);
                h = r.getHeight(0);
            } catch (IOException | RuntimeException e) {
                // ImageIO's readers throw IIOException, and unchecked exceptions for some damaged headers, without the path
                throw new IOException(file + ": the header is damaged (" + e.getMessage() + ")", e);
            } finally {
                r.dispose();
            }
        }
        if (w < 1 || h < 1) throw new IOException(file + ": the header gives no size");
        return new ImageHeader(type, w, h);
    }
}
