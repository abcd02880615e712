package org.coursebook.build;

import org.coursebook.diag.BuildException;
import org.coursebook.read.BookReader;
import org.coursebook.render.Renderers;
import org.coursebook.support.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/** Watch mode on a copy of the small book: an edit rebuilds, reading only the edited chapter; errors do not stop it. */
class WatcherTest {
    /** One report from the watcher. */
    record Event(String kind, List<Path> changed, BuildPipeline.Result result, Exception error) {}

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anEditRebuildsReadingOnlyThatChapterAndAnErrorKeepsTheWatchGoing(@TempDir Path dir) throws Exception {
        Path manifest = Builds.copyBook("small", dir.resolve("book"));
        Path out = dir.resolve("out");
        BuildOptions opts = new BuildOptions(manifest, out, Set.of("epub"), Builds.FIXED_TIME, null, null,
                BookReader.Limits.defaults(), List.of());
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Watcher watcher = new Watcher(new BuildPipeline(Renderers.all(), s -> {}), opts, new Watcher.Listener() {
            @Override
            public void building(List<Path> changed) {
                events.add(new Event("building", changed, null, null));
            }

            @Override
            public void built(BuildPipeline.Result result, long millis) {
                events.add(new Event("built", List.of(), result, null));
            }

            @Override
            public void failed(Exception e, long millis) {
                events.add(new Event("failed", List.of(), null, e));
            }
        });
        Thread thread = new Thread(() -> {
            try {
                watcher.run();
            } catch (InterruptedException ignored) {
                // stopped
            }
        }, "watch-test");
        thread.start();
        try {
            assertEquals("building", next(events).kind());
            assertEquals("built", next(events).kind());
            assertEquals(List.of("preface.md", "one.md", "two.md"), watcher.cache().lastRead());
            Path epub = out.resolve("a-small-test-book.epub");
            assertFalse(chapterText(epub, "two.xhtml").contains("Freshly edited"));

            Path two = manifest.resolveSibling("two.md");
            Files.writeString(two, Files.readString(two) + "\nFreshly edited paragraph.\n");
            Event building = next(events);
            assertEquals("building", building.kind());
            assertTrue(building.changed().contains(two.toAbsolutePath().normalize()), building.changed().toString());
            Event built = next(events);
            assertEquals("built", built.kind(), () -> String.valueOf(built.error()));
            assertEquals(List.of("two.md"), watcher.cache().lastRead(), "only the edited chapter is read again");
            assertEquals(2, watcher.cache().lastReused());
            assertTrue(chapterText(epub, "two.xhtml").contains("Freshly edited paragraph."));

            Path one = manifest.resolveSibling("one.md");
            String good = Files.readString(one);
            Files.writeString(one, good + "\nA dangling reference.[^nowhere]\n");
            assertEquals("building", next(events).kind());
            Event failed = next(events);
            assertEquals("failed", failed.kind());
            assertTrue(failed.error() instanceof BuildException, String.valueOf(failed.error()));
            assertTrue(failed.error().getMessage().contains("nowhere")
                    || ((BuildException) failed.error()).diagnostics().toString().contains("nowhere"));
            assertTrue(chapterText(epub, "two.xhtml").contains("Freshly edited paragraph."), "outputs left as they were");

            Files.writeString(one, good + "\nThe error is fixed.\n");
            assertEquals("building", next(events).kind());
            Event fixed = next(events);
            assertEquals("built", fixed.kind(), () -> String.valueOf(fixed.error()));
            assertEquals(List.of("one.md"), watcher.cache().lastRead());
            assertTrue(chapterText(epub, "one.xhtml").contains("The error is fixed."));
        } finally {
            watcher.close();
            thread.join(10_000);
        }
        assertFalse(thread.isAlive(), "close() stops the watcher");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theWatchCommandRebuildsAndStopsWhenInterrupted(@TempDir Path dir) throws Exception {
        Path manifest = Builds.copyBook("small", dir.resolve("book"));
        Path out = dir.resolve("out");
        java.io.PipedOutputStream sink = new java.io.PipedOutputStream();
        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.io.PipedInputStream(sink, 1 << 16), StandardCharsets.UTF_8));
        java.io.PrintStream stdout = new java.io.PrintStream(sink, true, StandardCharsets.UTF_8);
        int[] code = {-1};
        Thread thread = new Thread(() -> code[0] = org.coursebook.cli.Main.run(new String[] {"watch", "--book",
                manifest.toString(), "--out", out.toString(), "--format", "epub"}, stdout, System.err, java.util.Map.of()));
        thread.start();
        try {
            waitFor(lines, "no warnings");
            Path one = manifest.resolveSibling("one.md");
            Files.writeString(one, Files.readString(one) + "\nAnother paragraph.\n");
            String changed = waitFor(lines, "changed: ");
            assertTrue(changed.contains("one.md"), changed);
            String read = waitFor(lines, "read ");
            assertTrue(read.contains("1 of 3 files read again: one.md"), read);
            assertTrue(waitFor(lines, "wrote 1 file to ").matches("wrote 1 file to .* in \\d+\\.\\d\\d s"));
        } finally {
            thread.interrupt();
            thread.join(10_000);
        }
        assertFalse(thread.isAlive());
        assertEquals(0, code[0]);
        sink.close();
    }

    private static String waitFor(java.io.BufferedReader lines, String prefix) throws IOException {
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith(prefix) || line.contains("] " + prefix)) return line;
        }
        fail("no line starting with '" + prefix + "'");
        return null;
    }

    private static Event next(BlockingQueue<Event> events) throws InterruptedException {
        Event e = events.poll(60, TimeUnit.SECONDS);
        assertNotNull(e, "the watcher reported nothing within a minute");
        return e;
    }

    private static String chapterText(Path epub, String file) throws IOException {
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().endsWith("/" + file) || e.getName().equals(file)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + file + " in " + epub));
            return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
