package org.coursebook.render.site;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.render.Output;
import org.coursebook.render.cover.PrintCoverRenderer;
import org.coursebook.render.handout.HandoutRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
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
import java.util.TreeMap;

/**
 * The files the download page offers, measured: every EPUB and PDF the other renderers of this build staged
 * (the book, its print cover, the handouts, any other print file), and, for a build that did not remake
 * them, the book's files already in the output folder from an earlier build, but not those this build
 * removes ({@link Output#toRemove()}). Each with its size, page count (PDFs) and SHA-256, read from the bytes
 * that will be in the folder when the build has finished.
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
     * Page counts and checksums of files left from earlier builds, kept between builds (watch mode): a file is
     * measured again when its size, modification time or identity (inode; a build replaces a file by moving a
     * new one into place) has changed. Files this build staged are always measured.
     */
    static final class Measurements {
        record Stamp(Object fileKey, long size, long modified) {}

        record Measured(Stamp stamp, int pages, String sha256) {}

        private Map<Path, Measured> known = new java.util.HashMap<>();
        private Map<Path, Measured> used = new java.util.HashMap<>();

        /** {pages, sha256} of a file from an earlier build, measured or remembered. */
        synchronized Measured of(Path file) throws IOException {
            var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            Stamp stamp = new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().toMillis());
            Measured m = known.get(file);
            if (m == null || !m.stamp().equals(stamp) || a.fileKey() == null) {
                m = new Measured(stamp, file.toString().endsWith(".pdf") ? pageCount(file) : 0, sha256(file));
            }
            used.put(file, m);
            return m;
        }

        /** Forgets the files this build did not list. */
        synchronized void endBuild() {
            known = used;
            used = new java.util.HashMap<>();
        }
    }

    static List<Download> find(Book book, Output output) throws IOException {
        return find(book, output, new Measurements());
    }

    static List<Download> find(Book book, Output output, Measurements measurements) throws IOException {
        String slug = book.meta().slug();
        String epub = slug + ".epub", pdf = slug + ".pdf", cover = PrintCoverRenderer.fileName(slug);
        Path dir = output.dir();
        Map<String, Path> files = new TreeMap<>();
        java.util.Set<Path> stagedFiles = new java.util.HashSet<>();
        boolean handoutsStaged = false;
        for (Path target : output.targets()) {
            String rel = dir.relativize(target).toString().replace('\\', '/');
            boolean handout = rel.startsWith("handouts/") && rel.endsWith(".pdf");
            handoutsStaged |= handout;
            if (handout || (!rel.contains("/") && (rel.endsWith(".pdf") || rel.endsWith(".epub")))) {
                files.put(rel, output.stagedFile(target));
                stagedFiles.add(output.stagedFile(target));
            }
        }
        List<Path> leaving = output.toRemove(); // an earlier build's files this build removes
        for (String name : List.of(epub, pdf, cover)) {
            Path p = dir.resolve(name);
            if (!files.containsKey(name) && Files.isRegularFile(p) && !leaving.contains(p)) files.put(name, p);
        }
        if (!handoutsStaged && Files.isDirectory(dir.resolve("handouts"))) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir.resolve("handouts"), "*.pdf")) {
                for (Path p : s) {
                    if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".") && !leaving.contains(p)) {
                        files.put("handouts/" + p.getFileName(), p);
                    }
                }
            }
        }

        List<Download> out = new ArrayList<>();
        for (var e : files.entrySet()) {
            String rel = e.getKey();
            Path bytes = e.getValue();
            Kind kind = rel.equals(epub) ? Kind.EBOOK : rel.equals(pdf) ? Kind.PRINT_BOOK
                    : rel.startsWith("handouts/") ? Kind.HANDOUT : Kind.PRINT_FILE;
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            Chapter chapter = kind == Kind.HANDOUT ? chapterOf(book, name) : null;
            if (stagedFiles.contains(bytes)) {
                int pages = rel.endsWith(".pdf") ? pageCount(bytes) : 0;
                out.add(new Download(kind, rel, name, chapter, Files.size(bytes), pages, sha256(bytes)));
            } else {
                var m = measurements.of(bytes);
                out.add(new Download(kind, rel, name, chapter, m.stamp().size(), m.pages(), m.sha256()));
            }
        }
        measurements.endBuild();
        out.sort(Comparator.comparing(Download::kind)
                .thenComparingInt(d -> d.isAllHandouts() ? -1 : d.chapter() == null ? Integer.MAX_VALUE : book.allParts().indexOf(d.chapter()))
                .thenComparing(Download::href));
        return out;
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

    private static int pageCount(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
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
