package org.coursebook.bench;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.build.ChapterCache;
import org.coursebook.read.BookReader;
import org.coursebook.render.Renderers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What watch mode does after an edit, timed: one JVM builds the book (cold), then a chapter in the middle is
 * edited and the book rebuilt with the chapters read before reused, several times; the median of those
 * rebuilds is the warm one-chapter rebuild time. Prints {@code key=value} lines for bench/run.sh.
 *
 * <p>Usage: {@code WarmRebuild MANIFEST OUTDIR FORMATS [EDITS]} (FORMATS comma-separated, e.g. {@code epub}).
 */
public final class WarmRebuild {
    private WarmRebuild() {}

    public static void main(String[] args) throws Exception {
        Path manifest = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Set<String> formats = Set.copyOf(Arrays.asList(args[2].split(",")));
        int edits = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        BuildOptions opts = new BuildOptions(manifest, out, formats, Instant.parse("2026-09-01T00:00:00Z"), null, null,
                BookReader.Limits.defaults(), List.of());
        BuildPipeline pipeline = new BuildPipeline(Renderers.all(), s -> {});
        ChapterCache cache = new ChapterCache();

        long t = System.nanoTime();
        BuildPipeline.Result first = pipeline.build(opts, cache);
        long cold = ms(t);
        List<String> chapters = first.book().chapters().stream().map(c -> c.sourceName()).toList();
        String victim = chapters.get(chapters.size() / 2);
        Path file = manifest.toAbsolutePath().getParent().resolve(victim);
        String original = Files.readString(file, StandardCharsets.UTF_8);
        List<Long> times = new ArrayList<>();
        try {
            for (int i = 0; i < edits; i++) {
                Files.writeString(file, "\nAn added sentence, edit " + (i + 1) + ".\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                cache.forget(victim);
                t = System.nanoTime();
                pipeline.build(opts, cache);
                times.add(ms(t));
                if (!cache.lastRead().equals(List.of(victim))) {
                    throw new IllegalStateException("expected only " + victim + " to be read again, got " + cache.lastRead());
                }
            }
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
        }
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.println("cold_ms=" + cold);
        System.out.println("edited=" + victim);
        System.out.println("warm_ms=" + times);
        System.out.println("warm_median_ms=" + sorted.get(sorted.size() / 2));
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
