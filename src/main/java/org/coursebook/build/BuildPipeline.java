package org.coursebook.build;

import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Book;
import org.coursebook.model.BookMeta;
import org.coursebook.model.Chapter;
import org.coursebook.read.BookReader;
import org.coursebook.read.Manifest;
import org.coursebook.read.Markdown;
import org.coursebook.read.StyleChecker;
import org.coursebook.render.Fonts;
import org.coursebook.render.GlyphCoverage;
import org.coursebook.render.Output;
import org.coursebook.render.RenderContext;
import org.coursebook.render.ListingRenderer;
import org.coursebook.render.Rendered;
import org.coursebook.render.Renderer;
import org.coursebook.render.Written;
import org.coursebook.render.Styles;
import org.coursebook.render.Templates;
import org.coursebook.render.print.Imposition;
import org.coursebook.render.print.PrintFiles;
import org.coursebook.render.site.DownloadPageRenderer;
import org.coursebook.transform.Transform;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole build: read the manifest and chapters, run the transforms, render each requested format into a
 * staged output, and commit the outputs only if everything succeeded. Parsers, templates and fonts are kept
 * between builds of the same pipeline (watch mode).
 */
public final class BuildPipeline {
    /**
     * What a build produced: the files it wrote (their paths, and what the renderers returned for them: roles,
     * sizes, page counts), and those of an earlier build of the book it removed because it no longer writes them
     * (see {@link Output}).
     */
    public record Result(Book book, List<Path> written, List<Written> files, List<Diagnostic> diagnostics, List<Stage> stages,
                         List<Path> removed) {
        public Result {
            written = List.copyOf(written);
            files = List.copyOf(files);
            removed = List.copyOf(removed);
        }
    }

    /** The formats whose page lists the book's files, with that page: made again when an earlier build made it. */
    private static final Map<String, String> LISTINGS = new java.util.LinkedHashMap<>(Map.of(
            "site", DownloadPageRenderer.PAGE, "web", org.coursebook.render.web.WebEditionRenderer.FRONT_PAGE));

    /** The producer name of the print-shop files under print/ (not a format: they come with --print-layout). */
    static final String PRINT_FILES = "print";

    /** One timed stage, for the progress report. */
    public record Stage(String name, long millis) {}

    private final Markdown markdown = new Markdown();
    private final Fonts fonts = new Fonts();
    private final GlyphCoverage glyphs = new GlyphCoverage(fonts);
    private final List<Renderer> renderers;
    private final Consumer<String> progress;
    private Templates templates;
    private Path templatesDir;

    public BuildPipeline(List<Renderer> renderers, Consumer<String> progress) {
        this.renderers = List.copyOf(renderers);
        this.progress = progress;
    }

    /**
     * Reads and transforms the book without writing anything; throws if there are errors. Also reports what the
     * print book would warn about without drawing it (tables too wide for its page).
     */
    public Book check(BuildOptions opts, Diagnostics diag, Map<String, Chapter> cache) {
        Read read = read(opts, diag, cache);
        try {
            templates(opts).check(diag);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Book book = transform(read, diag);
        org.coursebook.render.pdf.PdfRenderer.checkTables(book, diag);
        return book;
    }

    /** A book as read, and the parts that could not be read (they have their own errors). */
    private record Read(Book book, Set<String> unread) {}

    /** Reads the manifest and the parts it lists (those in {@code cache} are reused); throws only if the manifest is unusable. */
    private Read read(BuildOptions opts, Diagnostics diag, Map<String, Chapter> cache) {
        BookReader reader = new BookReader(markdown, opts.limits());
        return readParts(reader, readManifest(reader, opts, diag), opts, diag, cache);
    }

    private static Manifest readManifest(BookReader reader, BuildOptions opts, Diagnostics diag) {
        Manifest manifest = reader.readManifest(opts.manifest(), diag);
        if (manifest == null) {
            diag.throwIfErrors();
            throw new BuildException(Diagnostic.error(org.coursebook.diag.SourcePos.of(opts.manifest()), "the manifest cannot be used", ""));
        }
        return manifest;
    }

    private static Read readParts(BookReader reader, Manifest manifest, BuildOptions opts, Diagnostics diag,
                                  Map<String, Chapter> cache) {
        Book book = reader.read(manifest, diag, cache);
        StyleChecker.check(Styles.locate(opts.manifest()), diag);
        book = book.withMeta(meta(manifest.meta(), opts));
        Set<String> unread = new HashSet<>();
        for (Manifest.Entry e : manifest.entries()) unread.addAll(e.files());
        for (Chapter c : book.allParts()) unread.removeAll(c.sourceFiles());
        return new Read(book, unread);
    }

    /** The manifest's metadata with the command line's page size and handout paper, if given. */
    private static BookMeta meta(BookMeta meta, BuildOptions opts) {
        if (opts.pageSize() != null) meta = meta.withPageSize(opts.pageSize());
        if (opts.handoutPaper() != null) meta = meta.withHandoutPaper(opts.handoutPaper());
        return meta;
    }

    /**
     * The transforms run even when reading found errors, so that one run reports every problem; links to
     * parts that could not be read are not checked (those parts have their own errors).
     */
    private Book transform(Read read, Diagnostics diag) {
        Book book = Transform.applyAll(read.book(), diag, read.unread());
        glyphs.check(book, diag);
        diag.throwIfErrors();
        return book;
    }

    /** Forgets the parsed templates, so the next build reads them again (a template changed). */
    public synchronized void reloadTemplates() {
        templates = null;
    }

    public Result build(BuildOptions opts) throws IOException {
        return build(opts, new ChapterCache());
    }

    /**
     * Builds the book, reusing the parts in {@code cache} that were read before and keeping there what this
     * build read (watch mode). Parts are kept only from a read without errors, so a part with errors is read
     * again, and its errors reported again, on every rebuild until it is fixed.
     */
    public synchronized Result build(BuildOptions opts, ChapterCache cache) throws IOException {
        Diagnostics diag = new Diagnostics(opts.strict());
        List<Stage> stages = new ArrayList<>();
        long t0 = System.nanoTime();
        BookReader reader = new BookReader(markdown, opts.limits());
        Manifest manifest = readManifest(reader, opts, diag);
        Instant buildTime = BuildDate.of(opts.buildTime(), manifest.dir(), manifest.meta().date());
        Styles styles = new Styles(Styles.locate(opts.manifest()));
        checkOutputFolder(opts, styles.dir(), manifest);
        Templates templates = templates(opts);
        try (Output output = new Output(opts.outDir())) {
            Set<String> formats = new java.util.LinkedHashSet<>(opts.formats());
            output.plan(opts.manifest(), producers(formats, opts));
            // The download page and the web edition's front page list the book's files in the folder with their
            // checksums: when an earlier build made one, it is made again, so that it never describes files this build
            // replaced or removed.
            Set<String> refreshed = new HashSet<>();
            for (Map.Entry<String, String> listing : LISTINGS.entrySet()) {
                String format = listing.getKey(), page = listing.getValue();
                if (!formats.contains(format) && output.earlierProducers(page).contains(format)
                        && java.nio.file.Files.isRegularFile(output.dir().resolve(page))) refreshed.add(format);
            }
            if (!refreshed.isEmpty()) {
                formats.addAll(refreshed);
                output.plan(opts.manifest(), producers(formats, opts));
            }
            List<Renderer> selected = renderers.stream().filter(r -> formats.contains(r.format())).toList();
            // The book's own fonts (@font-face in its stylesheets) are read anew each build: the styles may have changed.
            RenderContext ctx = new RenderContext(output, templates, styles,
                    fonts.withBookFaces(org.coursebook.render.fonts.BookFonts.declared(styles.dir())), buildTime, diag,
                    manifest.institution());
            Book outline = new Book(meta(manifest.meta(), opts), manifest.dir(), List.of(), List.of(), List.of());
            for (Renderer r : selected) r.prepare(outline, ctx);

            Map<String, Chapter> offered = cache.snapshot();
            Read read = readParts(reader, manifest, opts, diag, offered);
            String note = plural(read.book().allParts().size(), "part");
            if (!diag.hasErrors()) {
                cache.remember(read.book(), offered);
                int fresh = cache.lastRead().size();
                int parts = fresh + cache.lastReused();
                note = fresh == parts ? plural(parts, "file") : fresh + " of " + parts + " files read again"
                        + (fresh > 0 && fresh <= 3 ? ": " + String.join(", ", cache.lastRead()) : "");
            }
            templates.check(diag);
            stages.add(stage("read", t0, note));
            long t1 = System.nanoTime();
            Book book = transform(read, diag);
            stages.add(stage("transform", t1, ""));

            // What the renderers return is what the later ones (the download page, the print-shop copies) and the
            // summary are given: none of them looks in the output folder or parses a PDF again.
            List<Written> files = new ArrayList<>();
            for (Renderer r : selected) {
                long t = System.nanoTime();
                output.producer(r.format());
                String remark = "";
                try {
                    Set<String> before = paths(output.staged());
                    Rendered done = r instanceof ListingRenderer listing
                            ? listing.render(book, ctx, new ListingRenderer.Files(files, output.kept(), output.keptUndescribed()))
                            : r.render(book, ctx);
                    files.addAll(checkReturned(r, before, done, output));
                    remark = done.note();
                } catch (BuildException e) {
                    // A source error only a renderer can see (a book's template that fails as it runs): reported
                    // with the others; the other renderers still run, so that one build lists every such error.
                    addNew(diag, e.diagnostics());
                }
                stages.add(stage(stageName(r), t, refreshed.contains(r.format())
                        ? "made again: it lists the files this build changed" : remark));
            }
            if (!opts.printLayouts().isEmpty()) {
                long t = System.nanoTime();
                output.producer(PRINT_FILES);
                // the print cover is printed on its own, on cover stock: not imposed (PrintFiles.IMPOSED)
                List<Written> imposed = PrintFiles.write(output, files, opts.printLayouts().stream().map(BuildPipeline::layout).toList(), buildTime);
                if (imposed.isEmpty() && !diag.hasErrors()) {
                    diag.warning(org.coursebook.diag.SourcePos.of(opts.manifest()), "--print-layout was given but no PDF was built",
                            "add pdf or handouts to --format to get imposed copies in print/");
                }
                files.addAll(imposed);
                stages.add(stage("print", t, ""));
            }
            diag.throwIfErrors();
            List<Path> written = output.targets();
            output.commit();
            return new Result(book, written, files, diag.all(), stages, output.removed());
        }
    }

    /** The book's templates (its styles/templates/ over the built-in ones), parsed once while that folder stays. */
    private synchronized Templates templates(BuildOptions opts) throws IOException {
        Path styles = Styles.locate(opts.manifest());
        Path tdir = styles == null ? null : new Styles(styles).templatesDir();
        if (templates == null || !java.util.Objects.equals(tdir, templatesDir)) {
            templates = new Templates(tdir);
            templatesDir = tdir;
        }
        return templates;
    }

    /** Adds those of {@code found} that {@code diag} does not hold yet (two renderers may meet one template's error). */
    private static void addNew(Diagnostics diag, List<Diagnostic> found) {
        List<Diagnostic> known = diag.all();
        for (Diagnostic d : found) if (!known.contains(d)) diag.add(d);
    }

    private static Set<String> paths(List<Written> files) {
        Set<String> out = new HashSet<>();
        for (Written w : files) out.add(w.path());
        return out;
    }

    /**
     * A renderer's result, checked against what it staged: every file it wrote is returned, as the output measured
     * it, and nothing else. A mismatch is a bug in the renderer (an internal error), not a problem of the book.
     */
    static List<Written> checkReturned(Renderer r, Set<String> before, Rendered done, Output output) {
        Map<String, Written> staged = new java.util.LinkedHashMap<>();
        for (Written w : output.staged()) staged.put(w.path(), w);
        Set<String> fresh = new java.util.TreeSet<>(staged.keySet());
        fresh.removeAll(before);
        Set<String> returned = new java.util.TreeSet<>();
        for (Written w : done.files()) {
            if (!w.equals(staged.get(w.path()))) {
                throw new IllegalStateException(r.getClass().getSimpleName() + " returned " + w + ", which is not what it staged: " + staged.get(w.path()));
            }
            returned.add(w.path());
        }
        if (!returned.containsAll(fresh)) {
            fresh.removeAll(returned);
            throw new IllegalStateException(r.getClass().getSimpleName() + " wrote " + fresh + " without returning it");
        }
        return done.files();
    }

    /** What runs in a build: its formats, and the print-shop files if asked for. */
    private static Set<String> producers(Set<String> formats, BuildOptions opts) {
        Set<String> p = new HashSet<>(formats);
        if (!opts.printLayouts().isEmpty()) p.add(PRINT_FILES);
        return p;
    }

    private static Imposition.Layout layout(String key) {
        return Imposition.Layout.fromKey(key).orElseThrow(() -> new IllegalArgumentException("unknown print layout '" + key + "'"));
    }

    /**
     * The build writes only into the output folder, never among the sources: the output folder may not be the
     * book's folder, contain it, or hold any file the manifest lists (a chapter, the cover image), and it may not be
     * the styles folder, lie inside it or contain it. A folder of its own inside the book's folder is allowed
     * ({@code output/} beside {@code book.yaml}): the watch leaves it out.
     */
    static void checkOutputFolder(BuildOptions opts, Path stylesDir, Manifest manifest) {
        if (java.nio.file.Files.exists(opts.outDir()) && !java.nio.file.Files.isDirectory(opts.outDir())) {
            throw new BuildException(Diagnostic.error(org.coursebook.diag.SourcePos.of(opts.outDir()),
                    "the output folder " + opts.outDir() + " is a file", "build into a folder, e.g. --out output"));
        }
        Path out = real(opts.outDir());
        Path book = real(opts.manifest().toAbsolutePath().normalize().getParent());
        String hint = "build into a folder of its own, e.g. --out output";
        if (book.startsWith(out)) {
            throw new BuildException(Diagnostic.error(org.coursebook.diag.SourcePos.of(opts.outDir()),
                    "the output folder " + (out.equals(book) ? "is" : "contains") + " the source folder " + book, hint));
        }
        if (stylesDir != null) {
            Path styles = real(stylesDir);
            if (out.startsWith(styles) || styles.startsWith(out)) {
                throw new BuildException(Diagnostic.error(org.coursebook.diag.SourcePos.of(opts.outDir()),
                        "the output folder " + (out.equals(styles) ? "is" : out.startsWith(styles) ? "is inside" : "contains")
                                + " the source folder " + styles, hint));
            }
        }
        if (!out.startsWith(book)) return;
        List<Path> sources = new ArrayList<>();
        for (Manifest.Entry e : manifest.entries()) if (!e.isGenerated()) sources.add(manifest.dir().resolve(e.file()));
        if (manifest.meta().cover() != null) sources.add(manifest.meta().cover().source());
        if (manifest.institution().logo() != null) sources.add(manifest.institution().logo().source());
        for (Path src : sources) {
            if (real(src).startsWith(out)) {
                throw new BuildException(Diagnostic.error(org.coursebook.diag.SourcePos.of(opts.outDir()),
                        "the output folder holds " + book.relativize(real(src)) + ", a source of the book",
                        "build into a folder that holds no chapter or image of the book, e.g. --out output"));
            }
        }
    }

    /** The path with links resolved as far as it exists (the output folder may not exist yet). */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !java.nio.file.Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** A renderer's stage in the progress report: its class name in words ("PrintCoverRenderer": "print cover"). */
    static String stageName(Renderer r) {
        String name = r.getClass().getSimpleName().replaceFirst("Renderer$", "");
        String words = name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT).strip();
        return words.isEmpty() ? r.format() : words;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private Stage stage(String name, long startNanos, String note) {
        Stage s = new Stage(name, (System.nanoTime() - startNanos) / 1_000_000);
        progress.accept(String.format(java.util.Locale.ROOT, "%-14s %7.2f s%s", s.name(), s.millis() / 1000.0,
                note.isEmpty() ? "" : "  (" + note + ")"));
        return s;
    }
}
