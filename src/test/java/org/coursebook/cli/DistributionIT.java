package org.coursebook.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The installed command, as a user runs it: the distribution {@code mvn package} leaves (target/coursebook-V.tar.gz)
 * is unpacked into a temporary folder, its launcher linked from another folder that is put on PATH, and run in a
 * folder of its own (never the repository's), with its own cache folder. Runs in {@code mvn verify}, after package.
 */
class DistributionIT {
    @TempDir
    static Path root;
    static Path bin;
    static Path home;
    static Path cache;

    @BeforeAll
    static void unpack() throws Exception {
        String dist = System.getProperty("coursebook.dist");
        assertNotNull(dist, "failsafe passes coursebook.dist, the distribution's path");
        Path share = Files.createDirectories(root.resolve("share"));
        Process tar = new ProcessBuilder("tar", "-xzf", Path.of(dist).toAbsolutePath().toString(), "-C", share.toString())
                .inheritIO().start();
        assertEquals(0, tar.waitFor());
        try (Stream<Path> s = Files.list(share)) {
            home = s.findFirst().orElseThrow();
        }
        assertTrue(Files.isExecutable(home.resolve("bin/coursebook")), "the launcher is executable as unpacked");
        bin = Files.createDirectories(root.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("coursebook"), home.resolve("bin/coursebook"));
        cache = root.resolve("cache");
    }

    record Run(int code, String out, String err) {}

    /** Runs {@code coursebook ARGS} through PATH, in {@code cwd}, with {@code env} added to a plain environment. */
    static Run coursebook(Path cwd, Map<String, String> env, String... args) throws Exception {
        // through a shell, which looks the command up on the PATH given here, as a user's shell does
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "coursebook \"$@\"", "coursebook"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("COURSEBOOK") || k.equals("SOURCE_DATE_EPOCH") || k.equals("CI"));
        e.put("PATH", bin + ":" + System.getenv("PATH"));
        e.put("XDG_CACHE_HOME", cache.toString());
        e.putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt"), err = Files.createTempFile(root, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("coursebook " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static Run coursebook(Path cwd, String... args) throws Exception {
        return coursebook(cwd, Map.of(), args);
    }

    @Test
    void versionFromAnyFolderThroughALinkOnPath(@TempDir Path elsewhere) throws Exception {
        Run r = coursebook(elsewhere, "--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("coursebook " + System.getProperty("coursebook.version")), r.out());
        assertEquals("", r.err());
    }

    @Test
    void theQuickStartFromAnEmptyFolderAndTheClassDataArchiveRecordedOnceThenUsed(@TempDir Path dir) throws Exception {
        // README, "Quick start": coursebook init my-course, cd my-course, coursebook build
        Run init = coursebook(dir, "init", "my-course");
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("cd my-course"), init.out());
        Path course = dir.resolve("my-course");
        Run first = coursebook(course, "build");
        assertEquals(0, first.code(), first.err());
        assertEquals("", first.err(), "no warnings, from the JVM or the build");
        for (String f : List.of("reading-old-maps.epub", "reading-old-maps.pdf", "index.html", "handouts/all-handouts.pdf")) {
            assertTrue(Files.isRegularFile(course.resolve("output").resolve(f)), f + ": " + first.out());
        }
        List<Path> archives;
        try (Stream<Path> s = Files.list(cache.resolve("coursebook"))) {
            archives = s.filter(p -> p.toString().endsWith(".jsa")).toList();
        }
        assertEquals(1, archives.size(), "one archive, recorded by the first build: " + archives);

        Path log = dir.resolve("classes.txt");
        Run second = coursebook(course, Map.of("COURSEBOOK_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "check");
        assertEquals(0, second.code(), second.err());
        assertEquals("", second.err());
        assertTrue(Files.readString(log).contains("org.coursebook.cli.Main source: shared objects file (top)"),
                "the check maps the build's classes from the archive");

        // A jar that changed (here only its time) makes the archive stale: it is not used, and the JVM says nothing.
        Path jar = home.resolve("lib/coursebook.jar");
        FileTime was = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.fromMillis(was.toMillis() + 60_000));
            Path log2 = dir.resolve("classes2.txt");
            Run stale = coursebook(course, Map.of("COURSEBOOK_JAVA_OPTS", "-Xlog:class+load=info:file=" + log2), "check");
            assertEquals(0, stale.code(), stale.err());
            assertEquals("", stale.err(), "no class-data warning for a stale archive");
            assertFalse(Files.readString(log2).contains("org.coursebook.cli.Main source: shared objects file (top)"));
        } finally {
            Files.setLastModifiedTime(jar, was);
        }
    }

    @Test
    void theQuickCompilerForOneShotCommandsButNotForWatch(@TempDir Path dir) throws Exception {
        Map<String, String> flags = Map.of("COURSEBOOK_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        Run check = coursebook(dir, flags, "check", "--help");
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains("-XX:TieredStopAtLevel=1"), check.out());
        Run watch = coursebook(dir, flags, "watch", "--help");
        assertEquals(0, watch.code(), watch.err());
        assertFalse(watch.out().contains("TieredStopAtLevel"), watch.out());
        assertTrue(watch.out().contains("rebuild"), watch.out());
    }

    @Test
    void withoutJavaTheLauncherSaysWhatToInstall(@TempDir Path dir) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", dir.resolve("no-java").toString());
        // a PATH with the launcher and the basic tools, but no java
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String t : List.of("sh", "ls", "sed", "dirname", "cat", "cksum", "cut", "grep", "mkdir")) {
            for (String d : List.of("/usr/bin", "/bin")) {
                Path p = Path.of(d, t);
                if (Files.isExecutable(p)) {
                    Files.createSymbolicLink(tools.resolve(t), p);
                    break;
                }
            }
        }
        env.put("PATH", bin + ":" + tools);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/coursebook").toString(), "--version").directory(dir.toFile());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.waitFor(), out);
        assertTrue(out.contains("no Java found: install Java 17 or newer, or set JAVA_HOME"), out);
    }
}
