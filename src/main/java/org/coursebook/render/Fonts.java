package org.coursebook.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The fonts the book is set in, taken from jars on the classpath (obtained through Maven). The book's own faces
 * are Liberation Serif for text, Liberation Sans for headings and boxes and Liberation Mono for code; all three
 * cover Latin, Greek and Cyrillic. Behind them stands a fallback chain of DejaVu faces that adds Armenian,
 * Georgian, Hebrew, Arabic (with the presentation forms that shaping produces), the combining diacritics and
 * most symbols and dingbats. A character is drawn with the first font of its CSS stack that has it, so every
 * stack ends in {@link #LAST_RESORT}. Font bytes are loaded once and reused across builds.
 */
public final class Fonts {
    /** One font file: CSS family, weight, style, classpath resource, file name in the outputs. */
    public record Face(String family, int weight, String style, String resource, String fileName) {}

    public static final String SERIF = "Liberation Serif";
    public static final String SANS = "Liberation Sans";
    public static final String MONO = "Liberation Mono";
    public static final String SERIF_FALLBACK = "DejaVu Serif";
    public static final String SANS_FALLBACK = "DejaVu Sans";
    public static final String MONO_FALLBACK = "DejaVu Sans Mono";
    /** The family that ends every font stack: the widest coverage of the bundled fonts. */
    public static final String LAST_RESORT = SANS_FALLBACK;
    public static final String LICENSE_RESOURCE = "/liberation/LICENSE";
    public static final String DEJAVU_LICENSE_RESOURCE = "/coursebook/fonts/DejaVu-LICENSE.txt";

    private static final String LIB = "/liberation/";
    private static final String DJV = "/net/sf/jasperreports/fonts/dejavu/";

    /** The book's text faces: serif and sans, four faces each (the cover uses these). */
    public static final List<Face> FACES = List.of(
            liberation(SERIF, "LiberationSerif", 400, "normal", "Regular"),
            liberation(SERIF, "LiberationSerif", 400, "italic", "Italic"),
            liberation(SERIF, "LiberationSerif", 700, "normal", "Bold"),
            liberation(SERIF, "LiberationSerif", 700, "italic", "BoldItalic"),
            liberation(SANS, "LiberationSans", 400, "normal", "Regular"),
            liberation(SANS, "LiberationSans", 400, "italic", "Italic"),
            liberation(SANS, "LiberationSans", 700, "normal", "Bold"),
            liberation(SANS, "LiberationSans", 700, "italic", "BoldItalic"));

    /** The code face: Liberation Mono, metric-compatible with Courier New. */
    public static final List<Face> MONO_FACES = List.of(
            liberation(MONO, "LiberationMono", 400, "normal", "Regular"),
            liberation(MONO, "LiberationMono", 400, "italic", "Italic"),
            liberation(MONO, "LiberationMono", 700, "normal", "Bold"),
            liberation(MONO, "LiberationMono", 700, "italic", "BoldItalic"));

    /** The fallback faces, in the order a stack consults them: DejaVu Serif, DejaVu Sans Mono, DejaVu Sans. */
    public static final List<Face> FALLBACK_FACES = List.of(
            dejavu(SERIF_FALLBACK, 400, "normal", "DejaVuSerif"),
            dejavu(SERIF_FALLBACK, 400, "italic", "DejaVuSerif-Italic"),
            dejavu(SERIF_FALLBACK, 700, "normal", "DejaVuSerif-Bold"),
            dejavu(SERIF_FALLBACK, 700, "italic", "DejaVuSerif-BoldItalic"),
            dejavu(MONO_FALLBACK, 400, "normal", "DejaVuSansMono"),
            dejavu(MONO_FALLBACK, 400, "italic", "DejaVuSansMono-Oblique"),
            dejavu(MONO_FALLBACK, 700, "normal", "DejaVuSansMono-Bold"),
            dejavu(MONO_FALLBACK, 700, "italic", "DejaVuSansMono-BoldOblique"),
            dejavu(SANS_FALLBACK, 400, "normal", "DejaVuSans"),
            // The last resort is upright in every style: DejaVu Sans Oblique lacks scripts (Arabic, Georgian …) that
            // the upright face has, and a character drawn upright is better than a '#'.
            dejavu(SANS_FALLBACK, 400, "italic", "DejaVuSans"),
            dejavu(SANS_FALLBACK, 700, "normal", "DejaVuSans-Bold"),
            dejavu(SANS_FALLBACK, 700, "italic", "DejaVuSans-Bold"));

    /** The CSS font stacks of the bundled styles, each ending in the last resort: serif text, sans, code. */
    public static final List<List<String>> STACKS = List.of(
            List.of(SERIF, SERIF_FALLBACK, LAST_RESORT),
            List.of(SANS, LAST_RESORT),
            List.of(MONO, MONO_FALLBACK, LAST_RESORT));

    /** Every bundled face: what the print engine registers. */
    public static final List<Face> ALL = Stream.of(FACES, MONO_FACES, FALLBACK_FACES).flatMap(List::stream).toList();

    private static Face liberation(String family, String file, int weight, String style, String variant) {
        String name = file + "-" + variant + ".ttf";
        return new Face(family, weight, style, LIB + name, name);
    }

    private static Face dejavu(String family, int weight, String style, String file) {
        return new Face(family, weight, style, DJV + file + ".ttf", file + ".ttf");
    }

    private final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

    /** The face's TrueType bytes (shared; do not modify). */
    public byte[] bytes(Face face) {
        return cache.computeIfAbsent(face.resource(), Fonts::load);
    }

    /** The licences of the bundled fonts (Liberation: SIL OFL 1.1; DejaVu: Bitstream Vera licence), as text. */
    public String license() {
        return text(LICENSE_RESOURCE) + "\n\n" + text(DEJAVU_LICENSE_RESOURCE);
    }

    private String text(String resource) {
        return new String(cache.computeIfAbsent(resource, Fonts::load), java.nio.charset.StandardCharsets.UTF_8);
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
