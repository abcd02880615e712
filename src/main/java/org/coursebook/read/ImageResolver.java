package org.coursebook.read;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Asset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves an image reference in a chapter to a file inside the book's folder, checks its type and size, and
 * gives it a stable path inside the outputs. Paths leaving the folder (including through symbolic links),
 * remote files, unsupported types and raster images too large to decode are refused with a message.
 *
 * <p>The reference is a URL path (RFC 3986): {@code images/tide%20chart.png} and CommonMark's
 * {@code <images/tide chart.png>} name the same file. Its path inside the outputs ({@link Asset#href()}) needs no
 * escaping in a URL and is the same for the same file whichever chapter uses it (see {@link #outputHref}).
 */
public final class ImageResolver {
    /** Default cap on one image. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /**
     * The most pixels a PNG, JPEG or GIF may have (width × height, read from its header): 50 megapixels decode
     * to 200 MB of memory (4 bytes a pixel), and the print renderer and the cover decode the whole image. A
     * printed page at 300 dpi needs about 2,500 × 3,300 pixels (8 megapixels).
     */
    public static final long MAX_PIXELS = 50_000_000L;

    private static final Map<String, String> TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif", "svg", "image/svg+xml");

    private final Path bookDir;
    private final Path realBookDir;
    private final Diagnostics diag;
    private final long maxBytes;
    /** Each SVG is checked once, however many chapters use it: whether it may be used. */
    private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> svgChecked = new java.util.concurrent.ConcurrentHashMap<>();

    public ImageResolver(Path bookDir, Diagnostics diag, long maxBytes) {
        this.bookDir = bookDir.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.bookDir.toRealPath();
        } catch (IOException e) {
            real = this.bookDir;
        }
        this.realBookDir = real;
        this.diag = diag;
        this.maxBytes = maxBytes;
    }

    /** Returns the asset, or null after reporting why the image cannot be used. */
    public Asset resolve(Path chapterFile, String src, SourcePos pos) {
        String lower = src.toLowerCase(Locale.ROOT).strip();
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*") || lower.startsWith("//")) {
            diag.error(pos, "the image '" + src + "' is not a file in the book",
                    "the book must be self-contained: save the image under chapters/images/ and refer to it by its path");
            return null;
        }
        // the query and fragment end the path before it is decoded: %23 and %3F are a '#' and a '?' of the name
        String path = src;
        int cut = path.indexOf('#');
        if (cut >= 0) path = path.substring(0, cut);
        cut = path.indexOf('?');
        if (cut >= 0) path = path.substring(0, cut);
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = path; // a '%' that starts no escape (images/100%.png) is the file name's own
        }
        if (decoded.startsWith("/") || decoded.matches("^[A-Za-z]:[\\\\/].*")) {
            diag.error(pos, "the image path '" + src + "' is absolute", "use a path relative to the chapter, e.g. images/figure.png");
            return null;
        }
        Path dir = chapterFile.toAbsolutePath().normalize().getParent();
        Path p = dir.resolve(decoded).normalize();
        // relative to the chapter (as mdBook and CommonMark readers take it), else to the book's folder (as pandoc
        // takes it, from the folder it runs in)
        Path fromBook = bookDir.resolve(decoded).normalize();
        if (!Files.exists(p) && !fromBook.equals(p) && fromBook.startsWith(bookDir) && Files.exists(fromBook)) p = fromBook;
        if (!p.startsWith(bookDir)) {
            diag.error(pos, "the image path '" + src + "' leaves the book's folder", "keep images inside " + bookDir.getFileName() + "/images/");
            return null;
        }
        if (!Files.exists(p)) {
            diag.error(pos, "the image '" + src + "' does not exist", "check the file name; it is looked for at " + p
                    + (fromBook.equals(p) ? "" : " and at " + fromBook));
            return null;
        }
        try {
            if (!p.toRealPath().startsWith(realBookDir)) {
                diag.error(pos, "the image '" + src + "' is a link to a file outside the book's folder",
                        "copy the image into the book's folder instead of linking to it");
                return null;
            }
        } catch (IOException e) {
            diag.error(pos, "cannot read the image '" + src + "': " + e.getMessage(), "check its permissions");
            return null;
        }
        String name = p.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.get(ext);
        if (type == null) {
            diag.error(pos, "the image '" + src + "' is of an unsupported type" + (ext.isEmpty() ? "" : " (." + ext + ")"),
                    "convert it to PNG, JPEG, GIF or SVG");
            return null;
        }
        try {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                diag.error(pos, "cannot read the image '" + src + "'", "check that it is a readable file");
                return null;
            }
            long size = Files.size(p);
            if (size > maxBytes) {
                diag.error(pos, "the image '" + src + "' is " + size / 1024 + " KiB, over the limit of " + maxBytes / 1024 + " KiB",
                        "make it smaller, or raise the limit with --max-image-kib");
                return null;
            }
            if (ext.equals("svg")) {
                boolean ok = svgChecked.computeIfAbsent(p, svg -> {
                    var problems = SvgChecker.check(svg);
                    for (var d : problems) {
                        diag.add(new org.coursebook.diag.Diagnostic(d.severity(), d.pos(),
                                d.message() + " (the image is used at " + pos.file().getFileName() + ":" + pos.line() + ")", d.hint()));
                    }
                    return problems.isEmpty();
                });
                if (!ok) return null;
            } else if (!contentMatches(p, ext)) {
                String actual = org.coursebook.util.ImageHeader.sniff(p);
                String actualExt = actual == null ? null : TYPES.entrySet().stream().filter(e -> e.getValue().equals(actual)
                        && !e.getKey().equals("jpeg")).map(java.util.Map.Entry::getKey).findFirst().orElse(null);
                if (actualExt == null || actualExt.equals("svg")) {
                    diag.error(pos, "the image '" + src + "' is not really a ." + ext + " file", "save it again in the format its name says");
                    return null;
                }
                // a PNG saved as .jpg (a renamed file, common in real books): used as what it is, its output name
                // given the right extension, with a warning
                diag.warning(pos, "the image '" + src + "' is a ." + actualExt + " file named ." + ext + "; it is used as ." + actualExt,
                        "rename it to ." + actualExt);
                if (!pixelsFit(p, src, pos)) return null;
                return new Asset(p, outputHref(bookDir.relativize(p).toString().replace('\\', '/') + "." + actualExt), actual, pos);
            } else if (!pixelsFit(p, src, pos)) {
                return null;
            }
        } catch (IOException e) {
            diag.error(pos, "cannot read the image '" + src + "': " + e.getMessage(), "check its permissions");
            return null;
        }
        return new Asset(p, outputHref(bookDir.relativize(p).toString().replace('\\', '/')), type, pos);
    }

    /**
     * The image's path inside the outputs for its path in the book's folder ({@code relative}, with forward
     * slashes). A path under {@code images/} made only of letters, digits, {@code .}, {@code _} and {@code -} is
     * kept as it is. Any other is flattened into {@code images/} (its folders joined with {@code -}), each run of
     * other characters (spaces, {@code %}, {@code #}, {@code &}…) becomes {@code -}, and the first 8 hex digits
     * of the SHA-256 of {@code relative} are added before the extension: {@code img/tide chart.png} becomes
     * {@code images/img-tide-chart-1a2b3c4d.png}. So the result needs no escaping in a URL or an EPUB (no
     * spaces: EPUBCheck PKG-010, RSC-020), depends on nothing but {@code relative} (chapters are read in
     * parallel and cached apart), and two different files never get the same path.
     */
    public static String outputHref(String relative) {
        if (relative.startsWith("images/") && relative.length() > "images/".length()) {
            boolean safe = true;
            for (String segment : relative.substring("images/".length()).split("/", -1)) {
                safe &= !segment.isEmpty() && safeName(segment).equals(segment);
            }
            if (safe) return relative;
        }
        String flat = relative.startsWith("images/") ? relative.substring("images/".length()) : relative;
        int dot = flat.lastIndexOf('.');
        String stem = dot > 0 && flat.indexOf('/', dot) < 0 ? flat.substring(0, dot) : flat;
        String ext = stem.length() < flat.length() ? safeName(flat.substring(dot + 1)) : "";
        stem = safeName(stem.replace('/', '-')).replaceAll("^-+|-+$", "");
        String hash = org.coursebook.util.Sha256.hex(relative, 4);
        return "images/" + (stem.isEmpty() ? "image" : stem) + "-" + hash + (ext.isEmpty() ? "" : "." + ext);
    }

    /** The name with each run of characters other than letters, digits, '.', '_' and '-' replaced by one '-'. */
    private static String safeName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean replaced = false;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            boolean ok = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || c == '.' || c == '_' || c == '-';
            if (ok) {
                b.appendCodePoint(c);
                replaced = false;
            } else if (!replaced) {
                b.append('-');
                replaced = true;
            }
        }
        return b.toString();
    }

    /** Whether the raster image's header can be read and its pixels fit {@link #MAX_PIXELS}; reports why not. */
    private boolean pixelsFit(Path p, String src, SourcePos pos) {
        org.coursebook.util.ImageHeader size;
        try {
            size = org.coursebook.util.ImageHeader.read(p);
        } catch (IOException e) {
            diag.error(pos, "the image '" + src + "' cannot be read: its header is damaged",
                    "open it in an image editor and save it again");
            return false;
        }
        long pixels = (long) size.width() * size.height();
        if (pixels > MAX_PIXELS) {
            double scale = Math.sqrt((double) MAX_PIXELS / pixels);
            diag.error(pos, "the image '" + src + "' is " + size.width() + "×" + size.height() + " pixels ("
                            + megapixels(pixels) + " megapixels), more than the " + megapixels(MAX_PIXELS)
                            + " megapixels an image may have",
                    "scale it down to at most " + (int) (size.width() * scale) + "×" + (int) (size.height() * scale)
                            + " pixels; a printed page at 300 dpi needs about 2500×3300");
            return false;
        }
        return true;
    }

    private static String megapixels(long pixels) {
        return pixels % 1_000_000 == 0 ? Long.toString(pixels / 1_000_000)
                : String.format(Locale.ROOT, "%.1f", pixels / 1_000_000.0);
    }

    /** Whether the file's first bytes are those of the type its extension ({@code png}, {@code jpg}…) names. */
    private static boolean contentMatches(Path p, String ext) throws IOException {
        return TYPES.get(ext).equals(org.coursebook.util.ImageHeader.sniff(p));
    }
}
