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
 *
 * <p>The folder also keeps a record of what builds wrote into it ({@value #RECORD}: one line per file, the book,
 * the producer that wrote it (a format, such as {@code handouts}), its path, and what the renderer said of it:
 * its role, page count, size and SHA-256 ({@link Written})). When a build of a book commits,
 * it removes each file that an earlier build of the same book wrote and that this build does not write, if every
 * producer that wrote it ran in this build ({@link #plan}): a renamed handout does not stay beside the new one,
 * and a build of one format leaves the other formats' files alone. Files no build recorded (the user's own) are
 * never touched. A build of some formats learns the files the others left from the record ({@link #kept()}),
 * never by looking at them.
 */
public final class Output implements AutoCloseable {
    static final String TMP_PREFIX = ".coursebook-tmp-";
    /** The record of the files builds wrote into the folder, in the folder itself (hidden). */
    public static final String RECORD = ".coursebook-written";
    /** The producer of files written before {@link #producer} is called, which no build removes. */
    static final String UNNAMED = "-";

    /**
     * One line of the record: a file (relative, forward slashes) a producer wrote for a book (a digest of its
     * manifest's path), and what the renderer said of it; {@code described} is null in a line an older
     * coursebook wrote, which had only the first three fields.
     */
    private record Entry(String book, String producer, String path, Written described) {}

    /** Writes one file's bytes. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private final Path dir;
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    /** What earlier builds recorded, as read when the output was opened. */
    private final List<Entry> earlier;
    /** The producer of each staged file (a file may have several). */
    private final Map<Path, java.util.Set<String>> producers = new LinkedHashMap<>();
    /** What each staged file is, measured as it was written. */
    private final Map<Path, Written> described = new LinkedHashMap<>();
    private String book = "";
    private java.util.Set<String> running = java.util.Set.of();
    private String producer = UNNAMED;
    private final List<Path> removed = new ArrayList<>();
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
        this.earlier = readRecord(this.dir);
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Declares what this build is: the book (its manifest's path; only a digest of it is kept, so the record
     * carries no folder names onto a website) and the producers that run. Without a plan nothing is removed.
     */
    public synchronized void plan(Path manifest, java.util.Set<String> producers) {
        this.book = digest(manifest.toAbsolutePath().normalize().toString());
        this.running = java.util.Set.copyOf(producers);
    }

    /** Names the producer of the files written from now on (the pipeline sets it before each renderer). */
    public synchronized void producer(String name) {
        this.producer = name;
    }

    /** The producers that an earlier build of this book recorded for {@code relative} (empty if none). */
    public synchronized java.util.Set<String> earlierProducers(String relative) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Entry e : earlier) if (e.book().equals(book) && e.path().equals(relative)) out.add(e.producer());
        return out;
    }

    /**
     * The files an earlier build of this book wrote that this build, as staged so far, does not write and
     * would remove at {@link #commit()}: those whose every producer runs in this build.
     */
    public synchronized List<Path> toRemove() {
        Map<String, java.util.Set<String>> byPath = new java.util.TreeMap<>();
        java.util.Set<String> others = new java.util.HashSet<>(); // files another book's build wrote too
        for (Entry e : earlier) {
            if (e.book().equals(book)) byPath.computeIfAbsent(e.path(), k -> new java.util.TreeSet<>()).add(e.producer());
            else others.add(e.path());
        }
        List<Path> out = new ArrayList<>();
        if (book.isEmpty()) return out;
        for (var e : byPath.entrySet()) {
            Path p = dir.resolve(e.getKey()).normalize();
            if (!staged.containsKey(p) && !others.contains(e.getKey()) && running.containsAll(e.getValue())
                    && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The files {@link #commit()} removed (written by an earlier build of the book, not by this one). */
    public synchronized List<Path> removed() {
        return List.copyOf(removed);
    }

    public Path dir() {
        return dir;
    }

    /** Stages {@code relative} as a file without a role or pages (see {@link #write(String, String, int, Writer)}). */
    public Written write(String relative, Writer writer) throws IOException {
        return write(relative, Written.OTHER, -1, writer);
    }

    /**
     * Stages {@code relative} (e.g. "handouts/01-x.pdf"), measuring its size and SHA-256 as the bytes go out.
     *
     * @param role  what the file is for ({@link Written}'s constants)
     * @param pages its page count if it is a PDF (the renderer counted them while the document was open), else -1
     * @return the file as written, for the renderer to return ({@link Rendered})
     */
    public synchronized Written write(String relative, String role, int pages, Writer writer) throws IOException {
        if (aborted || done) throw new IOException("the output is closed (the build was stopped or has finished)");
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir)) throw new IllegalArgumentException("output path leaves the output folder: " + relative);
        Files.createDirectories(target.getParent());
        if (target.equals(dir.resolve(RECORD))) throw new IllegalArgumentException("the output's own record: " + relative);
        Path tmp = target.resolveSibling(TMP_PREFIX + target.getFileName());
        staged.put(target, tmp);
        producers.computeIfAbsent(target, k -> new java.util.TreeSet<>()).add(producer);
        java.security.MessageDigest sha = sha256();
        try (OutputStream out = new java.security.DigestOutputStream(Files.newOutputStream(tmp), sha)) {
            writer.write(out);
        }
        Written w = new Written(relative(target), role, pages, Files.size(tmp), java.util.HexFormat.of().formatHex(sha.digest()));
        described.put(target, w);
        return w;
    }

    /**
     * The files earlier builds of this book wrote that stay in the folder when this build commits (in formats
     * this build does not make, and not written again by it), as the record describes them, sorted by path.
     * Those an older coursebook recorded without a description are left out ({@link #keptUndescribed()}).
     */
    public synchronized List<Written> kept() {
        List<Written> out = new ArrayList<>();
        for (Map.Entry<String, Written> e : keptEntries().entrySet()) if (e.getValue() != null) out.add(e.getValue());
        return out;
    }

    /** How many of the files that stay ({@link #kept()}) an older coursebook recorded without their size and pages. */
    public synchronized int keptUndescribed() {
        int n = 0;
        for (Written w : keptEntries().values()) if (w == null) n++;
        return n;
    }

    /** Path to description (null if the record has none) of the files {@link #kept()} names. */
    private Map<String, Written> keptEntries() {
        Map<String, Written> out = new java.util.TreeMap<>();
        if (book.isEmpty()) return out;
        List<Path> leaving = toRemove();
        for (Entry e : earlier) {
            Path p = dir.resolve(e.path()).normalize();
            if (!e.book().equals(book) || staged.containsKey(p) || leaving.contains(p)
                    || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
            if (e.described() != null || !out.containsKey(e.path())) out.put(e.path(), e.described());
        }
        return out;
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

    /** What each file staged so far is, as measured while it was written, in the order first written. */
    public synchronized List<Written> staged() {
        return new ArrayList<>(described.values());
    }

    /**
     * Moves every staged file into place, then removes the files {@link #toRemove()} names and records what is
     * in the folder now. The record is first written with both the earlier and the new files, so a build killed
     * halfway leaves every file it may have written on record for the next one.
     */
    public synchronized void commit() throws IOException {
        if (aborted) throw new IOException("the build was stopped; nothing was written");
        List<Path> remove = toRemove();
        List<Entry> mine = new ArrayList<>();
        for (var e : producers.entrySet()) {
            String rel = relative(e.getKey());
            for (String p : e.getValue()) mine.add(new Entry(book, p, rel, described.get(e.getKey())));
        }
        List<Entry> both = new ArrayList<>(earlier);
        both.addAll(mine);
        boolean record = !book.isEmpty(); // a build that made no plan leaves the record as it is
        if (record) writeRecord(both);
        for (var e : staged.entrySet()) move(e.getValue(), e.getKey());
        staged.clear();
        described.clear();
        for (Path p : remove) {
            Files.deleteIfExists(p);
            removed.add(p);
            for (Path d = p.getParent(); d != null && d.startsWith(dir) && !d.equals(dir); d = d.getParent()) {
                try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                    if (s.iterator().hasNext()) break;
                }
                Files.delete(d); // a folder the removed file leaves empty (handouts/, print/)
            }
        }
        if (record) {
            List<Entry> now = new ArrayList<>();
            for (Entry e : earlier) {
                Path p = dir.resolve(e.path()).normalize();
                // what a producer of this build wrote before is replaced by what it wrote now
                boolean replaced = e.book().equals(book) && running.contains(e.producer());
                if (!replaced && !remove.contains(p) && Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) now.add(e);
            }
            now.addAll(mine);
            writeRecord(now);
        }
        done = true;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException ex) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String relative(Path target) {
        return dir.relativize(target).toString().replace('\\', '/');
    }

    /** The record, sorted (so the same build writes the same bytes), written atomically. */
    private void writeRecord(List<Entry> entries) throws IOException {
        java.util.TreeSet<String> lines = new java.util.TreeSet<>();
        for (Entry e : entries) {
            Written w = e.described();
            lines.add(e.book() + "\t" + e.producer() + "\t" + e.path()
                    + (w == null ? "" : "\t" + w.role() + "\t" + w.pages() + "\t" + w.bytes() + "\t" + w.sha256()));
        }
        StringBuilder b = new StringBuilder("# Files coursebook wrote into this folder (book, format, path, role, pages, bytes, SHA-256):\n"
                + "# a build of the book removes those of its formats it no longer writes. Other files are never touched.\n");
        for (String l : lines) b.append(l).append('\n');
        Files.createDirectories(dir);
        Path target = dir.resolve(RECORD), tmp = dir.resolve(TMP_PREFIX + RECORD);
        Files.writeString(tmp, b, java.nio.charset.StandardCharsets.UTF_8);
        move(tmp, target);
    }

    /**
     * The record's entries; lines that do not name a file inside the folder by a plain relative path (a
     * damaged or hand-edited record) are ignored, so no build removes anything outside the folder. A line has
     * three fields (an older coursebook's: no description) or seven; a description that does not parse is
     * dropped, the file's entry kept.
     */
    private static List<Entry> readRecord(Path dir) throws IOException {
        Path file = dir.resolve(RECORD);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return List.of();
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (line.startsWith("#") || (f.length != 3 && f.length != 7) || f[0].isEmpty() || f[1].isEmpty()) continue;
            String rel = f[2];
            if (rel.isEmpty() || rel.startsWith("/") || rel.contains("\\") || rel.contains(":")) continue;
            boolean plain = true;
            for (String seg : rel.split("/", -1)) plain &= !seg.isEmpty() && !seg.equals(".") && !seg.equals("..");
            Path p = dir.resolve(rel).normalize();
            if (!plain || !p.startsWith(dir) || p.equals(dir.resolve(RECORD))) continue;
            out.add(new Entry(f[0], f[1], rel, f.length == 7 ? described(rel, f) : null));
        }
        return List.copyOf(out);
    }

    /** The description in a record line's last four fields, or null if they do not make one. */
    private static Written described(String rel, String[] f) {
        try {
            return new Written(rel, f[3], Integer.parseInt(f[4]), Long.parseLong(f[5]), f[6]);
        } catch (IllegalArgumentException e) { // NumberFormatException too
            return null;
        }
    }

    private static String digest(String s) {
        return org.coursebook.util.Sha256.hex(s, 8);
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        described.clear();
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
