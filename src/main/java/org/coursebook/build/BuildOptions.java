package org.coursebook.build;

import org.coursebook.model.PageSize;
import org.coursebook.read.BookReader;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to build: the manifest, the output folder, the formats, and overrides.
 *
 * @param buildTime fixed build time (from SOURCE_DATE_EPOCH); null for the last commit's or the manifest's date
 *                  (see {@link BuildDate})
 * @param pageSize  overrides the manifest's page size when not null
 * @param handoutPaper overrides the manifest's handout paper when not null
 */
public record BuildOptions(Path manifest, Path outDir, Set<String> formats, Instant buildTime, PageSize pageSize,
                           PageSize handoutPaper, BookReader.Limits limits, List<String> printLayouts, boolean strict) {
    public static final List<String> ALL_FORMATS = List.of("epub", "pdf", "handouts", "site", "web");

    public BuildOptions {
        Objects.requireNonNull(manifest);
        Objects.requireNonNull(outDir);
        formats = Set.copyOf(formats);
        Objects.requireNonNull(limits);
        printLayouts = printLayouts == null ? List.of() : List.copyOf(printLayouts);
    }

    /** Options without {@code --strict}: style advice is held back. */
    public BuildOptions(Path manifest, Path outDir, Set<String> formats, Instant buildTime, PageSize pageSize,
                        PageSize handoutPaper, BookReader.Limits limits, List<String> printLayouts) {
        this(manifest, outDir, formats, buildTime, pageSize, handoutPaper, limits, printLayouts, false);
    }

    public BuildOptions withStrict(boolean s) {
        return new BuildOptions(manifest, outDir, formats, buildTime, pageSize, handoutPaper, limits, printLayouts, s);
    }

    public static BuildOptions defaults(Path manifest, Path outDir) {
        return new BuildOptions(manifest, outDir, Set.copyOf(ALL_FORMATS), sourceDateEpoch(), null, null,
                BookReader.Limits.defaults(), List.of());
    }

    public BuildOptions withFormats(Set<String> f) {
        return new BuildOptions(manifest, outDir, f, buildTime, pageSize, handoutPaper, limits, printLayouts, strict);
    }

    /** SOURCE_DATE_EPOCH from the environment, or null. */
    public static Instant sourceDateEpoch() {
        return sourceDateEpoch(System.getenv());
    }

    /** SOURCE_DATE_EPOCH from {@code env}, or null; an IllegalArgumentException when it is not a number of seconds. */
    public static Instant sourceDateEpoch(java.util.Map<String, String> env) {
        String s = env.get("SOURCE_DATE_EPOCH");
        if (s == null || s.isBlank()) return null;
        try {
            return Instant.ofEpochSecond(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SOURCE_DATE_EPOCH must be a number of seconds, not '" + s + "'");
        }
    }
}
