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

    /** The slug of the generated back-of-book index ({@code index} is the web edition's front page). */
    public static final String INDEX = "book-index";

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
        MarkdownReader reader = new MarkdownReader(md, dir, diag, images, limits.maxChapterBytes(), manifest.format());
        List<Manifest.Entry> entries = manifest.entries();
        int[] numbers = new int[entries.size()];
        int chapters = 0, appendices = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).section() == Manifest.Section.CHAPTER) numbers[i] = ++chapters;
            else if (entries.get(i).section() == Manifest.Section.APPENDIX) numbers[i] = ++appendices;
        }
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (Manifest.Entry e : entries) for (String f : e.files()) listed.add(SectionMerger.normalise(f));
        // every file is read on its own (in parallel); a chapter's section files are then merged into it
        Map<String, Chapter> read = new ConcurrentHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            int i = k;
            Manifest.Entry e = entries.get(i);
            Chapter.Kind kind = kind(e.section());
            if (e.isGenerated()) {
                String g = e.generated();
                String slug = g.equals("glossary") ? GLOSSARY : g.equals("index") ? INDEX : "list-of-" + g;
                String title = switch (g) {
                    case "glossary" -> "Glossary";
                    case "index" -> "Index";
                    case "tables" -> "List of Tables";
                    default -> "List of Figures";
                };
                read.put(i + "", new Chapter(kind, 0, slug, "generate:" + g, e.pos(), title, List.of(),
                        List.of(), List.of(), List.of(), List.<Block>of(), List.of(), List.of()));
                continue;
            }
            Chapter cached = cache.get(e.file());
            if (cached != null && cached.number() == numbers[i] && cached.kind() == kind && cached.slug().equals(e.slug())
                    && cached.sourceFiles().equals(e.files())) {
                read.put(i + "", cached);
                continue;
            }
            boolean ownSections = e.sections().isEmpty();
            tasks.add(() -> readInto(read, i + "", reader, dir, e.file(), e.slug(), kind, numbers[i], ownSections));
            for (int j = 0; j < e.sections().size(); j++) {
                String key = i + "/" + j, file = e.sections().get(j).file();
                tasks.add(() -> readInto(read, key, reader, dir, file, MarkdownReader.stem(file), kind, Math.max(1, numbers[i]), false));
            }
        }
        runAll(tasks);
        SectionMerger merger = new SectionMerger(diag, listed);
        List<Chapter> front = new ArrayList<>(), body = new ArrayList<>(), back = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Manifest.Entry e = entries.get(i);
            Chapter c = read.get(i + "");
            if (c == null) continue;
            if (c.sectionFiles().isEmpty() && !e.sections().isEmpty()) {
                List<SectionMerger.Section> sections = new ArrayList<>();
                for (int j = 0; j < e.sections().size(); j++) {
                    Chapter s = read.get(i + "/" + j);
                    if (s != null) sections.add(new SectionMerger.Section(s, e.sections().get(j).depth()));
                }
                c = merger.merge(c, sections);
            }
            if (!c.part().equals(e.part())) c = c.withPart(e.part());
            switch (c.kind()) {
                case FRONT -> front.add(c);
                case CHAPTER -> body.add(c);
                case APPENDIX, BACK -> back.add(c);
            }
        }
        boolean indexed = entries.stream().anyMatch(e -> e.isGenerated() && e.generated().equals("index"));
        return new Book(manifest.meta(), dir, front, body, back, indexed ? IndexFile.read(dir, diag) : org.coursebook.model.IndexTerms.NONE);
    }

    private static Chapter.Kind kind(Manifest.Section section) {
        return switch (section) {
            case FRONT -> Chapter.Kind.FRONT;
            case CHAPTER -> Chapter.Kind.CHAPTER;
            case APPENDIX -> Chapter.Kind.APPENDIX;
            case BACK -> Chapter.Kind.BACK;
        };
    }

    private static void readInto(Map<String, Chapter> read, String key, MarkdownReader reader, Path dir, String name, String slug,
                                 Chapter.Kind kind, int number, boolean ownSections) {
        Path file = dir.resolve(name).normalize();
        if (!ManifestReader.usable(file, dir)) return; // reported by the manifest reader
        Chapter c = reader.read(file, name, slug, kind, number, ownSections);
        if (c != null) read.put(key, c);
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
