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
 * remote files and unsupported types are refused with a message.
 */
public final class ImageResolver {
    /** Default cap on one image. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

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
        String decoded = URLDecoder.decode(src.replace("+", "%2B"), StandardCharsets.UTF_8);
        int cut = decoded.indexOf('#');
        if (cut >= 0) decoded = decoded.substring(0, cut);
        cut = decoded.indexOf('?');
        if (cut >= 0) decoded = decoded.substring(0, cut);
        if (decoded.startsWith("/") || decoded.matches("^[A-Za-z]:[\\\\/].*")) {
            diag.error(pos, "the image path '" + src + "' is absolute", "use a path relative to the chapter, e.g. images/figure.png");
            return null;
        }
        Path dir = chapterFile.toAbsolutePath().normalize().getParent();
        Path p = dir.resolve(decoded).normalize();
        if (!p.startsWith(bookDir)) {
            diag.error(pos, "the image path '" + src + "' leaves the book's folder", "keep images inside " + bookDir.getFileName() + "/images/");
            return null;
        }
        if (!Files.exists(p)) {
            diag.error(pos, "the image '" + src + "' does not exist", "check the file name; it is looked for at " + p);
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
                diag.error(pos, "the image '" + src + "' is not really a ." + ext + " file", "save it again in the format its name says");
                return null;
            }
        } catch (IOException e) {
            diag.error(pos, "cannot read the image '" + src + "': " + e.getMessage(), "check its permissions");
            return null;
        }
        String href = bookDir.relativize(p).toString().replace('\\', '/');
        if (!href.startsWith("images/")) href = "images/" + href.replace('/', '-');
        return new Asset(p, href, type, pos);
    }

    private static boolean contentMatches(Path p, String ext) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return switch (ext) {
            case "png" -> n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
            case "jpg", "jpeg" -> n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8;
            case "gif" -> n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F';
            default -> false;
        };
    }
}
