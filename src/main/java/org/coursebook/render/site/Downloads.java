package org.coursebook.render.site;

import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.render.ListingRenderer;
import org.coursebook.render.Written;
import org.coursebook.render.handout.HandoutRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files the download page offers: the e-book, the print book, its print cover and the handouts, as the
 * renderers of this build returned them ({@link Written}: size, page count, SHA-256, all known when the file
 * was written), and, for a build that did not remake them, those that earlier builds of the book left in the
 * folder, as the folder's record describes them ({@link org.coursebook.render.Output#kept()}). Nothing is found
 * by looking at file names in the folder, and no PDF is parsed for its page count. A file an earlier build left
 * is checked against the record (its SHA-256): one changed since is left off the page with a warning.
 */
public final class Downloads {
    /** What a file is, which decides where and how the page lists it. */
    public enum Kind { EBOOK, PRINT_BOOK, HANDOUT, PRINT_FILE }

    /**
     * One downloadable file.
     *
     * @param href    its path relative to the output folder, with forward slashes
     * @param chapter for a handout, the chapter it belongs to (null if none matches its name)
     * @param pages   the page count of a PDF; 0 for an EPUB
     */
    public record Download(Kind kind, String href, String fileName, Chapter chapter, long bytes, int pages, String sha256) {
        /** The kind as a name for templates and CSS classes: "ebook", "print-book", "handout", "print-file". */
        public String type() {
            return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether this is the file with every handout in it. */
        public boolean isAllHandouts() {
            return kind == Kind.HANDOUT && fileName.equals(HandoutRenderer.ALL);
        }

        /** The size for people: "940 KB", "2.3 MB". */
        public String size() {
            return humanSize(bytes);
        }
    }

    private Downloads() {}

    /**
     * Checksums of files left from earlier builds, kept between builds (watch mode): a file is hashed again when
     * its size, modification time or identity (inode; a build replaces a file by moving a new one into place)
     * has changed. Each page that lists downloads keeps its own.
     */
    public static final class Measurements {
        record Stamp(Object fileKey, long size, long modified) {}

        record Measured(Stamp stamp, String sha256) {}

        private Map<Path, Measured> known = new java.util.HashMap<>();
        private Map<Path, Measured> used = new java.util.HashMap<>();

        /** The size and SHA-256 of a file from an earlier build, measured or remembered. */
        synchronized Measured of(Path file) throws IOException {
            var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            Stamp stamp = new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().toMillis());
            Measured m = known.get(file);
            if (m == null || !m.stamp().equals(stamp) || a.fileKey() == null) m = new Measured(stamp, sha256(file));
            used.put(file, m);
            return m;
        }

        /** Forgets the files this build did not list. */
        synchronized void endBuild() {
            known = used;
            used = new java.util.HashMap<>();
        }
    }

    /** How the page lists a file of this role; null for a file it does not offer (the font licence, an imposed copy). */
    static Kind kind(String role) {
        return switch (role) {
            case Written.EBOOK -> Kind.EBOOK;
            case Written.PRINT_BOOK -> Kind.PRINT_BOOK;
            case Written.HANDOUT, Written.ALL_HANDOUTS -> Kind.HANDOUT;
            case Written.PRINT_COVER -> Kind.PRINT_FILE;
            default -> null;
        };
    }

    /**
     * The downloads, in the page's order: by kind, then the file of all handouts, then by chapter, then by path.
     *
     * @param dir the output folder, where the files an earlier build left are checked against the record
     * @param diag receives a warning for each file that cannot be listed truthfully
     */
    static List<Download> find(Book book, ListingRenderer.Files files, Path dir, Measurements measurements,
                               Diagnostics diag) throws IOException {
        return find(book, files, dir, measurements, diag, "the download page");
    }

    /**
     * The downloads, as {@link #find(Book, ListingRenderer.Files, Path, Measurements, Diagnostics)} finds them, for
     * a listing that names itself {@code page} in its warnings ("the web edition").
     */
    public static List<Download> find(Book book, ListingRenderer.Files files, Path dir, Measurements measurements,
                                      Diagnostics diag, String page) throws IOException {
        List<Download> out = new ArrayList<>();
        for (Written w : files.written()) {
            Kind kind = kind(w.role());
            if (kind != null) out.add(download(book, w, kind));
        }
        for (Written w : files.kept()) {
            Kind kind = kind(w.role());
            if (kind == null) continue;
            Path file = dir.resolve(w.path());
            var now = measurements.of(file);
            if (now.stamp().size() != w.bytes() || !now.sha256().equals(w.sha256())) {
                diag.warning(SourcePos.of(file), page + " leaves out " + w.path()
                                + ": it changed after coursebook wrote it, so its size and page count are no longer known",
                        "build the format that writes it again, or remove the file");
                continue;
            }
            out.add(download(book, w, kind));
        }
        measurements.endBuild();
        if (files.unknown() > 0) {
            diag.warning(SourcePos.of(dir.resolve(org.coursebook.render.Output.RECORD)), page + " leaves out "
                            + files.unknown() + " file" + (files.unknown() == 1 ? "" : "s")
                            + " an earlier build left in the folder: an older coursebook wrote them without recording their size and pages",
                    "build every format once (coursebook build without --format), and " + page + " lists them again");
        }
        out.sort(Comparator.comparing(Download::kind)
                .thenComparingInt(d -> d.isAllHandouts() ? -1 : d.chapter() == null ? Integer.MAX_VALUE : book.allParts().indexOf(d.chapter()))
                .thenComparing(Download::href));
        return out;
    }

    private static Download download(Book book, Written w, Kind kind) {
        Chapter chapter = kind == Kind.HANDOUT ? chapterOf(book, w.fileName()) : null;
        return new Download(kind, w.path(), w.fileName(), chapter, w.bytes(), Math.max(w.pages(), 0), w.sha256());
    }

    /**
     * The chapter a handout file is for: the one the handout renderer names it after, else the one whose slug the
     * name is or contains (longest match wins); null for a file of all the handouts or an unknown one.
     */
    static Chapter chapterOf(Book book, String fileName) {
        for (Chapter c : book.chapters()) if (HandoutRenderer.fileName(c).equals(fileName)) return c;
        String stem = fileName.substring(0, fileName.length() - ".pdf".length());
        Chapter best = null;
        for (Chapter c : book.allParts()) {
            if (stem.equals(c.slug())) return c;
            if (stem.contains(c.slug()) && (best == null || c.slug().length() > best.slug().length())) best = c;
        }
        return best;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String humanSize(long bytes) {
        if (bytes < 1000) return bytes + " bytes";
        if (bytes < 999_500) return Math.round(bytes / 1000.0) + " KB";
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
