package org.coursebook.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stylesheets: {@code base.css} (shared by every output), {@code epub.css}, {@code print.css},
 * {@code handout.css}. Read from the styles folder when it has the file, else from the copy built into the jar.
 */
public final class Styles {
    private final Path dir;

    /** @param dir the styles folder, or null to use only the built-in styles */
    public Styles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The styles folder for a book: {@code styles/} next to the manifest's folder, if there is one. */
    public static Path locate(Path manifest) {
        Path bookDir = manifest.toAbsolutePath().normalize().getParent();
        for (Path candidate : new Path[] {bookDir.resolve("styles"), bookDir.getParent() == null ? null : bookDir.getParent().resolve("styles")}) {
            if (candidate != null && Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }

    public String css(String name) throws IOException {
        if (dir != null && Files.isRegularFile(dir.resolve(name))) {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        }
        try (InputStream in = Styles.class.getResourceAsStream("/styles/" + name)) {
            if (in == null) throw new IOException("no stylesheet " + name + " in " + dir + " or built in");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The stylesheet for the print engine: as {@link #css}, with its {@code @font-face} rules blanked out, since
     * the engine is given the book's font files directly (registered under the declared family, weight and style).
     */
    public String printCss(String name) throws IOException {
        return org.coursebook.read.CssFonts.withoutFontFaces(css(name));
    }

    public Path templatesDir() {
        return dir == null ? null : dir.resolve("templates");
    }
}
