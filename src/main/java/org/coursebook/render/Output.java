package org.coursebook.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build's output folder, written transactionally: every file is first written to a hidden temporary file
 * next to its target; {@link #commit()} moves them all into place (each move atomic), {@link #abort()} deletes
 * them. A build that fails, or is killed, leaves the previous outputs untouched; leftover temporary files of a
 * killed build are removed by the next one.
 */
public final class Output implements AutoCloseable {
    static final String TMP_PREFIX = ".coursebook-tmp-";

    /** Writes one file's bytes. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private final Path dir;
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private final Thread cleanup = new Thread(this::abort, "coursebook-output-cleanup");
    private boolean done;
    private boolean aborted;

    /**
     * The folder is created with the first file written, so a build that fails before it writes anything leaves
     * no folder behind.
     */
    public Output(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        if (Files.exists(this.dir) && !Files.isDirectory(this.dir)) {
            throw new java.nio.file.FileSystemException(this.dir.toString(), null, "it is a file, not a folder");
        }
        if (Files.isDirectory(this.dir)) removeStale(this.dir);
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    public Path dir() {
        return dir;
    }

    /** Stages {@code relative} (e.g. "handouts/01-x.pdf"); returns the final path it will have. */
    public synchronized Path write(String relative, Writer writer) throws IOException {
        if (aborted || done) throw new IOException("the output is closed (the build was stopped or has finished)");
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir)) throw new IllegalArgumentException("output path leaves the output folder: " + relative);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(TMP_PREFIX + target.getFileName());
        staged.put(target, tmp);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writer.write(out);
        }
        return target;
    }

    /** Where a staged file's bytes are now (before commit); used to post-process or measure a file. */
    public synchronized Path stagedFile(Path target) {
        Path tmp = staged.get(target);
        if (tmp == null) throw new IllegalArgumentException("not staged: " + target);
        return tmp;
    }

    public synchronized List<Path> targets() {
        return new ArrayList<>(staged.keySet());
    }

    /** Moves every staged file into place. */
    public synchronized void commit() throws IOException {
        if (aborted) throw new IOException("the build was stopped; nothing was written");
        for (var e : staged.entrySet()) {
            try {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        staged.clear();
        done = true;
    }

    /** Deletes every staged file; the outputs stay as they were. */
    public synchronized void abort() {
        aborted = true; // a renderer still running (the JVM is stopping) can stage nothing more
        for (Path tmp : staged.values()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the next build removes it
            }
        }
        staged.clear();
    }

    @Override
    public synchronized void close() {
        if (!done) abort();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException ignored) {
            // the JVM is shutting down; the hook runs abort() anyway
        }
    }

    private static void removeStale(Path dir) throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(dir));
        while (!dirs.isEmpty()) {
            Path d = dirs.remove(dirs.size() - 1);
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                for (Path p : s) {
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) dirs.add(p);
                    else if (p.getFileName().toString().startsWith(TMP_PREFIX)) Files.deleteIfExists(p);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
