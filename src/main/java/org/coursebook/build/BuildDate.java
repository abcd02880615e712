package org.coursebook.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The date a build gives its outputs (the EPUB's {@code dcterms:modified} and zip entry times, the PDFs' creation
 * and modification dates, the download page's "built on"), never the clock, so that the same sources give the
 * same bytes: {@code SOURCE_DATE_EPOCH} when it is set (reproducible-builds.org's convention); else, when the
 * book's folder is in a git repository, the commit time of the last commit that touched that folder, so that a
 * reading app sees a changed book as a newer one; else the manifest's {@code date} at 00:00 UTC.
 */
public final class BuildDate {
    /** How long git may take to answer before the manifest's date is used. */
    static final long GIT_TIMEOUT_SECONDS = 10;

    private BuildDate() {}

    /**
     * The build's date.
     *
     * @param sourceDateEpoch SOURCE_DATE_EPOCH as an instant, or null when it is not set
     * @param bookDir         the manifest's folder
     * @param manifestDate    the manifest's {@code date}
     */
    public static Instant of(Instant sourceDateEpoch, Path bookDir, LocalDate manifestDate) {
        if (sourceDateEpoch != null) return sourceDateEpoch;
        return lastCommit(bookDir).orElseGet(() -> manifestDate.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /**
     * The committer time of the last commit that touched {@code dir} or anything in it
     * ({@code git log -1 --format=%ct -- .} run in {@code dir}); empty when there is no git on the PATH, the folder is
     * not in a repository (or one git refuses to read), no commit touched it yet, or git does not answer within
     * {@value #GIT_TIMEOUT_SECONDS} s. Changes not yet committed do not change the date.
     */
    public static Optional<Instant> lastCommit(Path dir) {
        ProcessBuilder pb = new ProcessBuilder(List.of("git", "--no-pager", "log", "-1", "--format=%ct", "--", "."))
                .directory(dir.toAbsolutePath().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(isWindows() ? "NUL" : "/dev/null")));
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
        Process p;
        try {
            p = pb.start();
        } catch (IOException | RuntimeException noGit) {
            return Optional.empty();
        }
        try (InputStream in = p.getInputStream()) {
            if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (p.exitValue() != 0 || !out.matches("[0-9]{1,12}")) return Optional.empty();
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(out)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
