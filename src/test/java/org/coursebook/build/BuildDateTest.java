package org.coursebook.build;

import org.coursebook.read.BookReader;
import org.coursebook.render.Renderers;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The build date: SOURCE_DATE_EPOCH, else the last commit that touched the book's folder, else the manifest's date.
 * The git tests make a repository in a temporary folder with the git on the PATH; without git they are skipped
 * (and say so), since the fallback is then what every build gets.
 */
class BuildDateTest {
    static final Instant FIRST = Instant.parse("2030-05-06T07:08:09Z");
    static final Instant LATER = Instant.parse("2031-01-02T03:04:05Z");

    @TempDir
    Path tmp;

    static boolean hasGit() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs git in {@code dir}, committing as a fixed person at {@code when}. */
    static void git(Path dir, Instant when, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        if (when != null) {
            pb.environment().put("GIT_AUTHOR_DATE", when.toString());
            pb.environment().put("GIT_COMMITTER_DATE", when.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + out);
    }

    @Test
    void sourceDateEpochComesFirstThenTheManifestsDateOutsideARepository() {
        Instant sde = Instant.parse("2029-01-01T00:00:00Z");
        assertEquals(sde, BuildDate.of(sde, tmp, LocalDate.of(2026, 1, 15)));
        assertEquals(Instant.parse("2026-01-15T00:00:00Z"), BuildDate.of(null, tmp, LocalDate.of(2026, 1, 15)),
                "a folder that is in no repository: the manifest's date");
        assertTrue(BuildDate.lastCommit(tmp.resolve("no-such-folder")).isEmpty());
    }

    @Test
    void theLastCommitThatTouchedTheBooksFolder() throws Exception {
        Assumptions.assumeTrue(hasGit(), "no git on the PATH: the build uses the manifest's date, tested above");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, null, "init", "-q");
        TestBook book = TestBook.create(repo.resolve("course"));
        Files.writeString(repo.resolve("README.md"), "notes\n");
        Path bookDir = book.manifest().getParent();
        assertTrue(BuildDate.lastCommit(bookDir).isEmpty(), "no commit yet: the manifest's date");
        assertEquals(Instant.parse("2026-01-15T00:00:00Z"), BuildDate.of(null, bookDir, LocalDate.of(2026, 1, 15)));

        git(repo, null, "add", ".");
        git(repo, FIRST, "commit", "-q", "-m", "the book");
        assertEquals(FIRST, BuildDate.of(null, bookDir, LocalDate.of(2026, 1, 15)));

        Files.writeString(repo.resolve("README.md"), "other notes\n");
        git(repo, null, "add", ".");
        git(repo, LATER, "commit", "-q", "-m", "not the book");
        assertEquals(FIRST, BuildDate.of(null, bookDir, LocalDate.of(2026, 1, 15)), "a commit elsewhere in the repository");

        Files.writeString(book.path("ch.md"), TestBook.CHAPTER + "\nA new paragraph.\n");
        assertEquals(FIRST, BuildDate.of(null, bookDir, LocalDate.of(2026, 1, 15)), "an edit not committed yet");

        git(repo, null, "add", ".");
        git(repo, LATER, "commit", "-q", "-m", "the book again");
        assertEquals(LATER, BuildDate.of(null, bookDir, LocalDate.of(2026, 1, 15)));
    }

    @Test
    void theEpubAndTheDownloadPageCarryTheCommitTimeAndTwoBuildsAreTheSame() throws Exception {
        Assumptions.assumeTrue(hasGit(), "no git on the PATH: the build uses the manifest's date");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, null, "init", "-q");
        TestBook book = TestBook.create(repo.resolve("course"));
        git(repo, null, "add", ".");
        git(repo, FIRST, "commit", "-q", "-m", "the book");

        BuildPipeline pipeline = new BuildPipeline(Renderers.all(), s -> {});
        byte[][] epubs = new byte[2][];
        for (int i = 0; i < 2; i++) {
            Path out = tmp.resolve("out" + i);
            pipeline.build(new BuildOptions(book.manifest(), out, Set.of("epub", "site"), null, null, null,
                    BookReader.Limits.defaults(), List.of()));
            Path epub = out.resolve("test-book.epub");
            epubs[i] = Files.readAllBytes(epub);
            try (ZipFile z = new ZipFile(epub.toFile())) {
                String opf = new String(z.getInputStream(z.getEntry("OEBPS/package.opf")).readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(opf.contains("<meta property=\"dcterms:modified\">2030-05-06T07:08:09Z</meta>"), opf);
            }
            String page = Files.readString(out.resolve("index.html"));
            assertTrue(page.contains("Built on <time datetime=\"2030-05-06\">6 May 2030</time>"), "the download page's date");
        }
        assertArrayEquals(epubs[0], epubs[1], "the same commit gives the same bytes");
    }
}
