package org.coursebook.read;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the manifest and every part it lists into a {@link Book}. Chapters are read in parallel. */
public final class BookReader {
    /**
     * Stack for the threads that read chapters. Parsing and rendering recurse over the document tree; the
     * reader refuses trees deeper than {@link MarkdownReader#MAX_NESTING} levels before rendering, and this
     * leaves room to spare for the parser on the way there (a thread's stack is reserved, not committed).
     */
    static final long READER_STACK_BYTES = 64L << 20;

    /** The slug of the generated glossary page. */
    public static final String GLOSSARY = "glossary";

    private final Markdown md;
    private final Limits limits;

    /** Size caps for source files. */
    public record Limits(long maxChapterBytes, long maxImageBytes) {
        public static Limits defaults() {
            return new Limits(TextFiles.DEFAULT_MAX_BYTES, ImageResolver.DEFAULT_MAX_BYTES);
        }
    }

    public BookReader(Markdown md, Limits limits) {
        this.md = md;
        this.limits = limits;
    }

    public BookReader() {
        this(new Markdown(), Limits.defaults());
    }

    /** Reads the whole book; returns null when the manifest itself is unusable. Problems go to {@code diag}. */
    public Book read(Path manifestFile, Diagnostics diag) {
        Manifest manifest = readManifest(manifestFile, diag);
        if (manifest == null) return null;
        return read(manifest, diag, Map.of());
    }

    /** Reads the manifest: a book.yaml, or pandoc's metadata file of a folder of chapters ({@link PandocFolder}). */
    public Manifest readManifest(Path manifestFile, Diagnostics diag) {
        Path name = manifestFile.getFileName();
        if (name != null && PandocFolder.METADATA.contains(name.toString())) return PandocFolder.read(manifestFile, diag);
        return new ManifestReader(diag, limits.maxImageBytes()).read(manifestFile);
    }

    /**
     * Reads the parts of the manifest. {@code cache} maps a source file name to a chapter read before, for
     * parts that have not changed since (watch mode); parts not in it are read from disk.
     */
    public Book read(Manifest manifest, Diagnostics diag, Map<String, Chapter> cache) {
        Path dir = manifest.dir();
        ImageResolver images = new ImageResolver(dir, diag, limits.maxImageBytes());
        MarkdownReader reader = new MarkdownReader(md, dir, diag, images, limits.maxChapterBytes());
        List<Manifest.Entry> entries = manifest.entries();
        int[] numbers = new int[entries.size()];
        int n = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).section() == Manifest.Section.CHAPTER) numbers[i] = ++n;
        }
        Map<Integer, Chapter> read = new ConcurrentHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            int i = k;
            tasks.add(() -> {
                Manifest.Entry e = entries.get(i);
                Chapter.Kind kind = switch (e.section()) {
                    case FRONT -> Chapter.Kind.FRONT;
                    case CHAPTER -> Chapter.Kind.CHAPTER;
                    case BACK -> Chapter.Kind.BACK;
                };
                Chapter c;
                if (e.isGenerated()) {
                    c = new Chapter(kind, 0, GLOSSARY, "generate:" + e.generated(), e.pos(), "Glossary", List.of(),
                            List.of(), List.of(), List.of(), List.<Block>of(), List.of(), List.of());
                } else if (cache.containsKey(e.file()) && cache.get(e.file()).number() == numbers[i]) {
                    c = cache.get(e.file());
                } else {
                    Path file = dir.resolve(e.file()).normalize();
                    if (!ManifestReader.usable(file, dir)) return; // reported by the manifest reader
                    c = reader.read(file, e.file(), kind, numbers[i]);
                }
                if (c != null) read.put(i, c);
            });
        }
        runAll(tasks);
        List<Chapter> front = new ArrayList<>(), body = new ArrayList<>(), back = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Chapter c = read.get(i);
            if (c == null) continue;
            switch (c.kind()) {
                case FRONT -> front.add(c);
                case CHAPTER -> body.add(c);
                case BACK -> back.add(c);
            }
        }
        return new Book(manifest.meta(), dir, front, body, back);
    }

    /** Runs the tasks on reader threads (one a core, each with a deep stack) and waits for all of them. */
    private static void runAll(List<Runnable> tasks) {
        int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(null, () -> {
                for (int i; (i = next.getAndIncrement()) < tasks.size() && failure.get() == null; ) {
                    try {
                        tasks.get(i).run();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "coursebook-reader-" + t, READER_STACK_BYTES);
            th.setDaemon(true);
            pool.add(th);
            th.start();
        }
        for (Thread th : pool) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the chapters", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error err) throw err;
        if (f != null) throw new IllegalStateException(f);
    }
}
