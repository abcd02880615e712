package org.coursebook.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts the book is set in, taken from jars on the classpath (obtained through Maven): Liberation Serif
 * for text, Liberation Sans for headings and boxes; both cover Latin and Cyrillic. Their bytes are loaded once
 * and reused across builds.
 */
public final class Fonts {
    /** One font file: CSS family, weight, style, classpath resource, file name in the outputs. */
    public record Face(String family, int weight, String style, String resource, String fileName) {}

    public static final String SERIF = "Liberation Serif";
    public static final String SANS = "Liberation Sans";
    public static final String LICENSE_RESOURCE = "/liberation/LICENSE";

    public static final List<Face> FACES = List.of(
            new Face(SERIF, 400, "normal", "/liberation/LiberationSerif-Regular.ttf", "LiberationSerif-Regular.ttf"),
            new Face(SERIF, 400, "italic", "/liberation/LiberationSerif-Italic.ttf", "LiberationSerif-Italic.ttf"),
            new Face(SERIF, 700, "normal", "/liberation/LiberationSerif-Bold.ttf", "LiberationSerif-Bold.ttf"),
            new Face(SERIF, 700, "italic", "/liberation/LiberationSerif-BoldItalic.ttf", "LiberationSerif-BoldItalic.ttf"),
            new Face(SANS, 400, "normal", "/liberation/LiberationSans-Regular.ttf", "LiberationSans-Regular.ttf"),
            new Face(SANS, 400, "italic", "/liberation/LiberationSans-Italic.ttf", "LiberationSans-Italic.ttf"),
            new Face(SANS, 700, "normal", "/liberation/LiberationSans-Bold.ttf", "LiberationSans-Bold.ttf"),
            new Face(SANS, 700, "italic", "/liberation/LiberationSans-BoldItalic.ttf", "LiberationSans-BoldItalic.ttf"));

    private final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

    public byte[] bytes(Face face) {
        return cache.computeIfAbsent(face.resource(), Fonts::load);
    }

    public String license() {
        return new String(cache.computeIfAbsent(LICENSE_RESOURCE, Fonts::load), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] load(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font resource missing from the classpath: " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
