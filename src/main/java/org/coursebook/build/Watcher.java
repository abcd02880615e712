package org.coursebook.build;

import org.coursebook.render.Styles;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watch mode: builds the book, then rebuilds it whenever a file in the book's folder or its styles folder
 * changes. The pipeline stays warm (parser, templates, fonts, hyphenation patterns), and only the chapters that
 * changed are read again ({@link ChapterCache}). Changes that arrive together (an editor saving several files,
 * or writing one in steps) are gathered for {@link #DEBOUNCE_MILLIS} and give one rebuild. A failed build is
 * reported to the listener and the watcher goes on. {@link #run()} returns when {@link #close()} is called or
 * the thread is interrupted.
 */
public final class Watcher implements AutoCloseable {
    /** Quiet time after a change before the rebuild starts. */
    public static final long DEBOUNCE_MILLIS = 150;

    /** What the watcher reports; called on the watching thread. */
    public interface Listener {
        /** The watcher is about to build; {@code changed} names the files that changed (empty for the first build). */
        void building(List<Path> changed);

        void built(BuildPipeline.Result result, long millis);

        /** The build failed: a {@link org.coursebook.diag.BuildException} for errors in the sources. */
        void failed(Exception e, long millis);
    }

    private final BuildPipeline pipeline;
    private final BuildOptions opts;
    private final Listener listener;
    private final ChapterCache cache = new ChapterCache();
    private final Path bookDir;
    private final Path manifest;
    /** The folder the chapters' paths in the manifest are relative to (an mdBook's src/; else the manifest's folder). */
    private final Path chaptersDir;
    private final Path stylesDir;
    private final Path outDir;
    private final WatchService service;
    private volatile boolean closed;

    public Watcher(BuildPipeline pipeline, BuildOptions opts, Listener listener) throws IOException {
        this.pipeline = pipeline;
        this.opts = opts;
        this.listener = listener;
        this.manifest = opts.manifest().toAbsolutePath().normalize();
        this.bookDir = manifest.getParent();
        this.chaptersDir = org.coursebook.read.ManifestFormats.chaptersDir(manifest);
        Path styles = Styles.locate(manifest);
        this.stylesDir = styles == null ? null : styles.toAbsolutePath().normalize();
        this.outDir = opts.outDir().toAbsolutePath().normalize();
        this.service = FileSystems.getDefault().newWatchService();
        registerTree(bookDir);
        if (stylesDir != null && !stylesDir.startsWith(bookDir)) registerTree(stylesDir);
    }

    /** The folders watched: the book's folder and, if it has one outside it, the styles folder. */
    public List<Path> watched() {
        return stylesDir == null || stylesDir.startsWith(bookDir) ? List.of(bookDir) : List.of(bookDir, stylesDir);
    }

    public ChapterCache cache() {
        return cache;
    }

    /** Builds once, then rebuilds on every change until closed or interrupted. */
    public void run() throws InterruptedException {
        build(List.of());
        try {
            while (!closed) {
                WatchKey first = service.take();
                Set<Path> changed = new LinkedHashSet<>();
                boolean overflow = collect(first, changed);
                WatchKey next;
                while ((next = service.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    overflow |= collect(next, changed);
                }
                if (closed) break;
                if (overflow) cache.clear();
                if (changed.isEmpty() && !overflow) continue;
                build(new ArrayList<>(changed));
            }
        } catch (ClosedWatchServiceException e) {
            // closed: stop
        }
    }

    private void build(List<Path> changed) {
        listener.building(changed);
        long t = System.nanoTime();
        try {
            BuildPipeline.Result r = pipeline.build(opts, cache);
            listener.built(r, (System.nanoTime() - t) / 1_000_000);
        } catch (Exception e) {
            listener.failed(e, (System.nanoTime() - t) / 1_000_000);
        }
    }

    /** Takes the events of one key; forgets what they make stale. Returns true if events were lost. */
    private boolean collect(WatchKey key, Set<Path> changed) {
        boolean overflow = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> ev : key.pollEvents()) {
            if (ev.kind() == StandardWatchEventKinds.OVERFLOW) {
                overflow = true;
                continue;
            }
            Path p = dir.resolve((Path) ev.context()).normalize();
            if (p.startsWith(outDir) || ignored(p)) continue;
            if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
                registerQuietly(p);
                cache.clear(); // a folder appeared (images moved in, say): read everything again
                changed.add(p);
                continue;
            }
            changed.add(p);
            invalidate(p, ev.kind());
        }
        key.reset();
        return overflow;
    }

    private void invalidate(Path p, WatchEvent.Kind<?> kind) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (stylesDir != null && p.startsWith(stylesDir)) {
            if (name.endsWith(".ftl")) pipeline.reloadTemplates();
            return; // stylesheets are read on every build
        }
        if (p.equals(manifest) || p.equals(chaptersDir.resolve("SUMMARY.md"))) {
            cache.clear(); // parts may have moved between front matter, chapters and back matter
        } else if (org.coursebook.read.ManifestFormats.isMarkdown(name)) {
            // the cache knows a file by its path from the folder the manifest's paths start at (an mdBook's src/)
            cache.forget(chaptersDir.relativize(p).toString().replace('\\', '/'));
        } else if (kind != StandardWatchEventKinds.ENTRY_MODIFY) {
            cache.clear(); // an image appeared or went: references to it may now resolve differently
        }
        // a modified image needs no re-read: the renderers copy images from disk on every build
    }

    /** Editor back-ups, swap files and hidden files. */
    private static boolean ignored(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".") || n.endsWith("~") || n.endsWith(".swp") || n.endsWith(".swx") || n.endsWith(".tmp")
                || n.startsWith("#");
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                if (d.normalize().startsWith(outDir) || (!d.equals(root) && ignored(d))) continue;
                d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void registerQuietly(Path dir) {
        try {
            registerTree(dir);
        } catch (IOException e) {
            // it went again before we could watch it; the next change there is missed, the rebuild still runs
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
