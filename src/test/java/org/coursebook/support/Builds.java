package org.coursebook.support;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.read.BookReader;
import org.coursebook.render.Renderers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Builds test books. The real book is built once per test run and shared. */
public final class Builds {
    public static final Instant FIXED_TIME = Instant.parse("2026-09-01T00:00:00Z");
    private static final ConcurrentHashMap<String, BuildPipeline.Result> CACHE = new ConcurrentHashMap<>();
    private static final BuildPipeline PIPELINE = new BuildPipeline(Renderers.all(), s -> {});

    private Builds() {}

    /** The repository's own book, built into target/real-book (once). */
    public static BuildPipeline.Result realBook() {
        return CACHE.computeIfAbsent("real", k -> {
            try {
                Path out = Path.of("target/real-book");
                return build(Path.of("chapters/book.yaml"), out, Set.copyOf(BuildOptions.ALL_FORMATS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static Path realOut() {
        realBook();
        return Path.of("target/real-book");
    }

    /** Copies a test book from src/test/resources/books/NAME into a fresh folder and returns its manifest. */
    public static Path copyBook(String name, Path dir) throws IOException {
        Path src = Path.of("src/test/resources/books", name);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path t = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir.resolve("book.yaml");
    }

    public static BuildPipeline.Result build(Path manifest, Path out, Set<String> formats) throws IOException {
        BuildOptions o = new BuildOptions(manifest, out, formats, FIXED_TIME, null, null, BookReader.Limits.defaults(), List.of());
        return PIPELINE.build(o);
    }

    /** The small book, built once into target/small-book. */
    public static BuildPipeline.Result smallBook() {
        return CACHE.computeIfAbsent("small", k -> {
            try {
                Path dir = Path.of("target/small-book-src");
                Path manifest = copyBook("small", dir);
                return build(manifest, Path.of("target/small-book"), Set.copyOf(BuildOptions.ALL_FORMATS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
