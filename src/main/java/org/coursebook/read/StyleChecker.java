package org.coursebook.read;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the book's own stylesheets (the {@code styles/} folder), read with a CSS parser ({@link CssChecker}), for
 * what would make the book load something from elsewhere: {@code url(…)}, {@code image-set(…)} or
 * {@code @import} of a web address or an absolute path, and scripts ({@code expression(…)}, {@code behavior},
 * {@code javascript:}), also when CSS escapes spell them; CSS the parser cannot read is an error too. Fonts and
 * images the CSS uses must travel with the book. Then the fonts ({@link #checkFonts}): every {@code @font-face}
 * must name a family and a TrueType font file inside the styles folder that the PDF can embed, and every
 * {@code font-family} must name a font the book has.
 */
public final class StyleChecker {

    private StyleChecker() {}

    /** Checks every {@code .css} file directly in {@code stylesDir} (null: nothing to check). */
    public static void check(Path stylesDir, Diagnostics diag) {
        if (stylesDir == null || !Files.isDirectory(stylesDir)) return;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(stylesDir, "*.css")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            diag.warning(SourcePos.of(stylesDir), "cannot list the styles folder: " + e.getMessage(), "check its permissions");
            return;
        }
        files.sort(null);
        java.util.Map<Path, String> texts = new java.util.LinkedHashMap<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) { // a folder, or a named pipe, which would block the build as it waits to read
                diag.error(SourcePos.of(f), "the stylesheet is not a file", "replace it with a .css file, or remove it");
                continue;
            }
            String css;
            try {
                css = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                diag.error(SourcePos.of(f), "cannot read the stylesheet: " + e.getMessage(), "save it as UTF-8 and check its permissions");
                continue;
            }
            checkCss(f, css, diag);
            texts.put(f, css);
        }
        checkFonts(stylesDir, texts, diag);
    }

    /** Stylesheets whose fonts are not the book's: the download page uses its visitors' fonts, the cover its template's. */
    private static final java.util.Set<String> NOT_BOOK_FONTS = java.util.Set.of("site.css", "cover.css");
    private static final java.util.regex.Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * Checks the fonts of the stylesheets {@code texts} (file to text) in {@code stylesDir}: each
     * {@code @font-face} names a family and, with {@code src: url(…)}, TrueType font files inside the styles
     * folder (a missing file, a WOFF or PostScript-flavoured OpenType font, or a file that is no font is an
     * error at the rule); each family a {@code font-family} or {@code font} names is a bundled font, a declared
     * one or a CSS generic family, or it is an error at its declaration listing the fonts there are.
     */
    static void checkFonts(Path stylesDir, java.util.Map<Path, String> texts, Diagnostics diag) {
        Path dir = stylesDir.toAbsolutePath().normalize();
        java.util.Map<String, String> available = new java.util.LinkedHashMap<>(); // lower case -> as written
        for (org.coursebook.render.Fonts.Face f : org.coursebook.render.Fonts.ALL) available.putIfAbsent(f.family().toLowerCase(Locale.ROOT), f.family());
        java.util.Map<Path, com.helger.css.decl.CascadingStyleSheet> sheets = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<Path, String> e : texts.entrySet()) {
            if (NOT_BOOK_FONTS.contains(e.getKey().getFileName().toString())) continue;
            sheets.put(e.getKey(), CssFonts.parse(e.getValue()));
        }
        for (java.util.Map.Entry<Path, com.helger.css.decl.CascadingStyleSheet> e : sheets.entrySet()) {
            for (CssFonts.FontFace ff : CssFonts.fontFaces(e.getValue())) {
                SourcePos at = new SourcePos(e.getKey(), ff.line(), ff.column());
                if (ff.family() == null || ff.family().isBlank()) {
                    diag.error(at, "the @font-face rule names no font-family",
                            "add font-family: \"Name\"; and use that name in the font-family lists");
                } else {
                    available.putIfAbsent(ff.family().toLowerCase(Locale.ROOT), ff.family());
                }
                if (ff.urls().isEmpty()) {
                    diag.error(at, "the @font-face rule gives no font file",
                            "put the font's .ttf file in " + dir.resolve("fonts") + " and add src: url(\"fonts/NAME.ttf\");");
                }
                for (String url : ff.urls()) checkFontFile(at, dir, url, diag);
            }
        }
        for (java.util.Map.Entry<Path, com.helger.css.decl.CascadingStyleSheet> e : sheets.entrySet()) {
            for (CssFonts.FamilyList list : CssFonts.familyLists(e.getValue())) {
                if (list.unresolved()) continue;
                for (String family : list.families()) {
                    String key = family.toLowerCase(Locale.ROOT);
                    if (CssFonts.GENERIC.contains(key) || available.containsKey(key)) continue;
                    String near = closest(key, available.values());
                    diag.error(new SourcePos(e.getKey(), list.line(), list.column()),
                            "font-family names '" + family + "', which is not a font the book has",
                            (near == null ? "" : "did you mean '" + near + "'? ") + "the fonts there are: "
                                    + String.join(", ", available.values()) + ", and the generic families "
                                    + "serif, sans-serif, monospace; to use another font, put its .ttf file in "
                                    + dir.resolve("fonts") + " and declare it with @font-face (see README, Fonts)");
                }
            }
        }
    }

    private static void checkFontFile(SourcePos at, Path dir, String url, Diagnostics diag) {
        Path file = CssFonts.fontFile(dir, url);
        if (file == null) return; // a web address or an absolute path: reported by checkCss
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!file.startsWith(dir)) {
            boolean bundled = dir.getParent() != null && file.getParent() != null && file.getParent().equals(dir.getParent().resolve("fonts"))
                    && org.coursebook.render.Fonts.ALL.stream().anyMatch(f -> f.fileName().equals(name));
            if (!bundled) {
                diag.error(at, "the font file '" + url + "' is outside the styles folder",
                        "put it in " + dir.resolve("fonts") + " and write url(\"fonts/" + name + "\")");
            }
            return;
        }
        if (!Files.isRegularFile(file)) {
            List<String> there = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent() == null ? dir : file.getParent())) {
                for (Path p : ds) if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(ttf|otf|woff2?)")) there.add(p.getFileName().toString());
            } catch (IOException e) {
                // the folder does not exist: nothing to list
            }
            there.sort(null);
            diag.error(at, "the font file '" + url + "' does not exist (looked for " + file + ")",
                    there.isEmpty() ? "put the font's .ttf file there, or correct the url(…)"
                            : "correct the url(…); the folder has: " + String.join(", ", there));
            return;
        }
        if (!SAFE_FILE_NAME.matcher(name).matches()) {
            diag.error(at, "the font file name '" + name + "' has spaces or other characters e-book readers do not accept in file names",
                    "rename the file with letters, digits, '-', '_' and '.' only, and the url(…) with it");
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diag.error(at, "cannot read the font file '" + url + "': " + e.getMessage(), "check its permissions");
            return;
        }
        String problem = fontProblem(bytes);
        if (problem != null) diag.error(at, "the font file '" + url + "' " + problem,
                "use the font's TrueType file (.ttf); font sites offer it beside the web (WOFF) files");
    }

    /** Why these bytes cannot be a font of the book (null: a readable TrueType font). */
    static String fontProblem(byte[] b) {
        if (b.length >= 4 && b[0] == 'w' && b[1] == 'O' && b[2] == 'F') {
            return "is a WOFF web font, which the PDF cannot embed";
        }
        if (org.coursebook.render.fonts.FontSubsetter.isPostScriptOpenType(b)) {
            return "has PostScript (CFF) outlines, which the PDF cannot embed";
        }
        if (!org.coursebook.render.fonts.FontSubsetter.canSubset(b)) {
            return "is not a TrueType or OpenType font";
        }
        try (org.apache.fontbox.ttf.TrueTypeFont ttf = org.coursebook.render.fonts.FontSubsetter.parse(b)) {
            if (ttf.getNumberOfGlyphs() < 2 || ttf.getUnicodeCmapLookup(false) == null) return "has no glyphs for Unicode characters";
            if (ttf.getGlyph() == null || ttf.getHorizontalMetrics() == null) return "cannot be read as a font (its glyph tables are missing)";
        } catch (IOException | RuntimeException e) {
            return "cannot be read as a font (" + e.getMessage() + ")";
        }
        return null;
    }

    /** The name nearest to {@code key} (at most a third of its letters different), or null. */
    private static String closest(String key, java.util.Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = ManifestReader.distance(key, n.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    /** Reports each problem {@link CssChecker#checkStylesheet} finds in {@code css}, the text of {@code file}, at its line and column. */
    static void checkCss(Path file, String css, Diagnostics diag) {
        for (CssChecker.Problem p : CssChecker.checkStylesheet(css)) {
            diag.error(new SourcePos(file, p.line(), p.column()), p.message(), p.hint());
        }
    }

}
