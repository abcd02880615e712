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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the book's own stylesheets (the {@code styles/} folder) for what would make the book load something
 * from elsewhere: {@code url(…)} or {@code @import} of a web address or an absolute path, and scripts
 * ({@code expression(…)}, {@code javascript:}). Fonts and images the CSS uses must travel with the book.
 */
public final class StyleChecker {
    private static final Pattern URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("@import\\s+(['\"])([^'\"]*)\\1", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT = Pattern.compile("expression\\s*\\(|javascript:|behavior\\s*:|-moz-binding", Pattern.CASE_INSENSITIVE);

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
        for (Path f : files) {
            String css;
            try {
                css = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                diag.error(SourcePos.of(f), "cannot read the stylesheet: " + e.getMessage(), "save it as UTF-8 and check its permissions");
                continue;
            }
            checkCss(f, css, diag);
        }
    }

    static void checkCss(Path file, String css, Diagnostics diag) {
        String text = blankComments(css);
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String target = m.group(2).strip();
            if (isExternal(target)) {
                diag.error(SourcePos.at(file, text, m.start()), "the stylesheet loads '" + target + "' from outside the book",
                        "the book must be self-contained: copy the file next to the stylesheet and refer to it by a relative path");
            }
        }
        m = IMPORT.matcher(text);
        while (m.find()) {
            if (isExternal(m.group(2).strip())) {
                diag.error(SourcePos.at(file, text, m.start()), "the stylesheet imports '" + m.group(2).strip() + "' from outside the book",
                        "copy the rules into this stylesheet");
            }
        }
        m = SCRIPT.matcher(text);
        while (m.find()) {
            diag.error(SourcePos.at(file, text, m.start()), "the stylesheet contains a script ('" + m.group() + "')", "delete it: the book runs no scripts");
        }
    }

    private static boolean isExternal(String target) {
        String t = target.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.startsWith("#")) return false;
        if (t.startsWith("data:font/") || t.startsWith("data:application/font") || t.startsWith("data:image/png")
                || t.startsWith("data:image/jpeg") || t.startsWith("data:image/gif")) return false;
        return t.startsWith("/") || t.startsWith("\\") || t.matches("^[a-z][a-z0-9+.-]*:.*");
    }

    /** Replaces comments by spaces, keeping line breaks, so offsets stay where they were. */
    private static String blankComments(String css) {
        StringBuilder sb = new StringBuilder(css);
        int i = 0;
        while ((i = sb.indexOf("/*", i)) >= 0) {
            int end = sb.indexOf("*/", i + 2);
            int stop = end < 0 ? sb.length() : end + 2;
            for (int k = i; k < stop; k++) if (sb.charAt(k) != '\n') sb.setCharAt(k, ' ');
            i = stop;
        }
        return sb.toString();
    }

}
