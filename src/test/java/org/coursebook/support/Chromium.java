package org.coursebook.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium} package) for end-to-end tests of web pages: a fresh profile for
 * every run, no network (host names resolve to nothing), no background services. A machine without Chromium
 * fails the test with a message saying how to install it.
 */
public final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");
    private static final long TIMEOUT_SECONDS = 180;

    private Chromium() {}

    /** The browser on the PATH; fails the test when there is none. */
    public static Path binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        throw new AssertionError("headless Chromium is needed for this test but none was found on the PATH (looked for "
                + String.join(", ", NAMES) + "). Install Debian's package: apt-get install chromium (.ci/run does this).");
    }

    /** The page's DOM after it has loaded (scripts run, subframes loaded). */
    public static String dumpDom(String url, int width, int height, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--window-size=" + width + "," + height, "--dump-dom"));
        args.addAll(List.of(extraArgs));
        args.add(url);
        return run(args)[0];
    }

    /**
     * What a page did: its DOM when Chromium dumped it, and every message written to the console by it or its
     * frames ({@code console.log}, {@code console.error}, uncaught exceptions), each as
     * {@code "message" source: url}. Chromium does not log failed loads of images or stylesheets to this log:
     * check those in the page.
     */
    public record Page(String dom, List<String> console) {}

    /**
     * Loads {@code url} and dumps its DOM once {@code virtualMillis} of the page's (virtual) time have passed with
     * nothing left to do, so that a page's timers and scripts loaded later have run.
     */
    public static Page load(String url, int width, int height, int virtualMillis, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--window-size=" + width + "," + height, "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=" + virtualMillis, "--dump-dom"));
        args.addAll(List.of(extraArgs));
        args.add(url);
        String[] out = run(args);
        List<String> console = new ArrayList<>();
        for (String line : out[1].split("\\R")) {
            int at = line.indexOf(":CONSOLE");
            if (at < 0) continue;
            int msg = line.indexOf("] ", at);
            console.add(msg < 0 ? line : line.substring(msg + 2));
        }
        return new Page(out[0], console);
    }

    /** A PNG of the viewport, {@code width} × {@code height} CSS pixels ({@code extraArgs} before the URL). */
    public static void screenshot(String url, int width, int height, Path png, String... extraArgs) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        List<String> args = new ArrayList<>(List.of("--window-size=" + width + "," + height, "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath()));
        args.addAll(List.of(extraArgs));
        args.add(url);
        run(args);
        if (!Files.isRegularFile(png)) throw new AssertionError("Chromium wrote no screenshot to " + png);
    }

    /** Standard output and standard error of one run. */
    private static String[] run(List<String> pageArgs) throws IOException {
        Path profile = Files.createTempDirectory("coursebook-chromium");
        Path out = profile.resolveSibling(profile.getFileName() + ".out");
        Path err = profile.resolveSibling(profile.getFileName() + ".err");
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--mute-audio", "--no-default-browser-check",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
                "--user-data-dir=" + profile));
        cmd.addAll(pageArgs);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("Chromium exited with " + p.exitValue() + ": " + cmd + "\n" + stderr);
            }
            return new String[] {stdout, stderr};
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Chromium ran", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // a profile file still held open; the temporary folder is cleaned by the system
            }
        }
    }
}
