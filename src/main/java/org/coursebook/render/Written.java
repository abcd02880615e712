package org.coursebook.render;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file a renderer wrote into the output folder, as the renderer knows it when it writes it. Renderers
 * return these ({@link Rendered}); the pipeline hands them to whatever presents the build's files (the
 * download page, the print-shop copies, the build's summary), so that nothing reads another renderer's output
 * back to learn what it is, and no PDF is parsed again for its page count. The output folder's record keeps
 * them too ({@link Output#RECORD}), so that a later build of some formats knows the files of the others.
 *
 * @param path   the file's path relative to the output folder, with forward slashes
 *               ({@code handouts/04-the-soviet-system.pdf})
 * @param role   what the file is for: one of the constants below (a new format adds its own)
 * @param pages  the page count of a PDF, counted while the document was open; -1 for a file without pages
 * @param bytes  its size in bytes
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits, taken while it was written
 */
public record Written(String path, String role, int pages, long bytes, String sha256) {
    /** The EPUB e-book. */
    public static final String EBOOK = "epub";
    /** The print book's PDF. */
    public static final String PRINT_BOOK = "pdf";
    /** The front cover as its own print PDF. */
    public static final String PRINT_COVER = "print-cover";
    /** One lecture's handout PDF. */
    public static final String HANDOUT = "handout";
    /** The PDF with every handout. */
    public static final String ALL_HANDOUTS = "all-handouts";
    /** The licences of the embedded fonts. */
    public static final String FONT_LICENSE = "fonts-license";
    /** The download page. */
    public static final String DOWNLOAD_PAGE = "download-page";
    /** The cover image the download page shows. */
    public static final String PAGE_COVER = "page-cover";
    /** A page of the web edition (web/index.html, web/03-soviet-ideology.html). */
    public static final String WEB_PAGE = "web-page";
    /** Another file of the web edition: a stylesheet, font, image, script or the search index. */
    public static final String WEB_FILE = "web-file";
    /** An imposed copy for the print shop (2-up, booklet). */
    public static final String IMPOSED = "imposed";
    /** A file written without a role (a test's stand-in renderer). */
    public static final String OTHER = "file";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ROLE = Pattern.compile("[a-z0-9-]+");

    public Written {
        Objects.requireNonNull(path);
        Objects.requireNonNull(role);
        Objects.requireNonNull(sha256);
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) throw new IllegalArgumentException("not a relative path: " + path);
        if (!ROLE.matcher(role).matches()) throw new IllegalArgumentException("not a role: '" + role + "'");
        if (pages < -1) throw new IllegalArgumentException("pages: " + pages);
        if (bytes < 0) throw new IllegalArgumentException("bytes: " + bytes);
        if (!SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }

    /** Whether the file has pages (a PDF). */
    public boolean paged() {
        return pages >= 0;
    }

    /** The file's name without its folders. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
