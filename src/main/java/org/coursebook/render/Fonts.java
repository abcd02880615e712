package org.coursebook.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /**
     * One font file: CSS family, weight (100–900), style ({@code normal} or {@code italic}), and where its bytes
     * are: a classpath {@code resource} for a bundled face, or a {@code file} for one the book declares with
     * {@code @font-face}; {@code fileName} is its name in the outputs.
     */
    public record Face(String family, int weight, String style, String resource, String fileName, Path file) {
        public boolean italic() {
            return style.equals("italic");
        }

        /** A face of the book's own, from {@code file} (declared with {@code @font-face} in its stylesheets). */
        public static Face declared(String family, int weight, boolean italic, Path file) {
            return new Face(family, weight, italic ? "italic" : "normal", null, file.getFileName().toString(), file);
        }
    }

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
        return new Face(family, weight, style, LIB + name, name, null);
    }

    private static Face dejavu(String family, int weight, String style, String file) {
        return new Face(family, weight, style, DJV + file + ".ttf", file + ".ttf", null);
    }

    private final ConcurrentHashMap<String, byte[]> cache;
    private final List<Face> bookFaces;

    /** The bundled fonts only. */
    public Fonts() {
        this(new ConcurrentHashMap<>(), List.of());
    }

    private Fonts(ConcurrentHashMap<String, byte[]> cache, List<Face> bookFaces) {
        this.cache = cache;
        this.bookFaces = List.copyOf(bookFaces);
    }

    /**
     * These fonts plus the faces a book declares with {@code @font-face} (files in its {@code styles/fonts/}),
     * sharing the loaded bytes: one per build, as the book's stylesheets may change between builds.
     */
    public Fonts withBookFaces(List<Face> faces) {
        return new Fonts(cache, faces);
    }

    /** The faces the book declares, in the order of its stylesheets (empty for a book with none). */
    public List<Face> bookFaces() {
        return bookFaces;
    }

    /**
     * The face's font bytes (shared; do not modify). A book's font file is read again when its size or time
     * changes (watch mode).
     *
     * @throws UncheckedIOException if a book's font file cannot be read
     */
    public byte[] bytes(Face face) {
        if (face.file() == null) return cache.computeIfAbsent(face.resource(), Fonts::load);
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(face.file(), java.nio.file.attribute.BasicFileAttributes.class);
            String key = "file:" + face.file().toAbsolutePath() + ":" + a.size() + ":" + a.lastModifiedTime().toMillis();
            return cache.computeIfAbsent(key, k -> {
                try {
                    return Files.readAllBytes(face.file());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final ConcurrentHashMap<String, java.util.BitSet> coverage = new ConcurrentHashMap<>();

    /**
     * The Unicode code points the face has a glyph for (from its Unicode {@code cmap}), computed once per face.
     *
     * @throws UncheckedIOException if the font cannot be read
     */
    public java.util.BitSet coverage(Face face) {
        String key = face.file() == null ? face.resource() : face.file().toAbsolutePath() + ":" + bytes(face).length;
        return coverage.computeIfAbsent(key, k -> {
            java.util.BitSet set = new java.util.BitSet();
            try (org.apache.fontbox.ttf.TrueTypeFont ttf = org.coursebook.render.fonts.FontSubsetter.parse(bytes(face))) {
                org.apache.fontbox.ttf.CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
                if (cmap == null) return set;
                for (int gid = 1; gid < ttf.getNumberOfGlyphs(); gid++) {
                    List<Integer> codes = cmap.getCharCodes(gid);
                    if (codes != null) for (int cp : codes) if (cp >= 0 && cp <= Character.MAX_CODE_POINT) set.set(cp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return set;
        });
    }

    /**
     * The licences of the fonts, as text: the bundled fonts' (Liberation: SIL OFL 1.1; DejaVu: Bitstream Vera
     * licence), then each licence file that lies beside a font of the book's own (a file in its folder whose name
     * holds "licen", "ofl" or "copying", in name order), so that the outputs carry it with the font.
     */
    public String license() {
        StringBuilder sb = new StringBuilder(text(LICENSE_RESOURCE) + "\n\n" + text(DEJAVU_LICENSE_RESOURCE));
        java.util.TreeSet<Path> files = new java.util.TreeSet<>();
        for (Face f : bookFaces) {
            Path dir = f.file().toAbsolutePath().getParent();
            try (java.util.stream.Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                    return n.contains("licen") || n.contains("ofl") || n.contains("copying");
                }).forEach(files::add);
            } catch (IOException e) {
                // an unreadable folder: the style check has reported the fonts in it
            }
        }
        for (Path p : files) {
            try {
                sb.append("\n\n---- ").append(p.getFileName()).append(" (the book's own fonts) ----\n\n")
                        .append(Files.readString(p, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException | java.io.UncheckedIOException e) {
                sb.append("\n\n---- ").append(p.getFileName()).append(": could not be read as UTF-8 text ----\n");
            }
        }
        return sb.toString();
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
