package org.coursebook.cli;

import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.Diagnostic;
import org.coursebook.render.Written;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end of a build's report: the files written, their sizes, the PDFs' page counts (as the renderers returned
 * them: nothing is read back), the warnings.
 */
final class Summary {
    private Summary() {}

    /** The web edition's folder in the output. */
    private static final String WEB = "web/";

    static void print(PrintStream out, Path outDir, BuildPipeline.Result r, long millis) {
        Path dir = outDir.toAbsolutePath().normalize();
        List<String[]> rows = new ArrayList<>();
        int width = 0;
        // the web edition is one line: its front page's folder, its file count and size (a long book has thousands)
        long webBytes = 0;
        int webFiles = 0, webRow = -1;
        for (Written w : r.files()) {
            if (w.path().startsWith(WEB)) {
                webBytes += w.bytes();
                webFiles++;
                if (webRow < 0) {
                    webRow = rows.size();
                    rows.add(null);
                }
                continue;
            }
            width = Math.max(width, w.path().length());
            rows.add(new String[] {w.path(), size(w.bytes()), w.paged() ? Main.plural(w.pages(), "page") : ""});
        }
        if (webRow >= 0) {
            String web = WEB + "index.html";
            width = Math.max(width, web.length());
            rows.set(webRow, new String[] {web, size(webBytes), "the web edition: " + Main.plural(webFiles, "file")});
        }
        out.printf(Locale.ROOT, "wrote %d file%s to %s in %.2f s%n", r.files().size(), r.files().size() == 1 ? "" : "s",
                outDir, millis / 1000.0);
        for (String[] row : rows) {
            String line = String.format(Locale.ROOT, "  %-" + width + "s  %9s", row[0], row[1]);
            out.println(row[2].isEmpty() ? line : line + "  " + row[2]);
        }
        if (!r.removed().isEmpty()) {
            out.printf(Locale.ROOT, "removed %d file%s an earlier build wrote and this one does not:%n", r.removed().size(),
                    r.removed().size() == 1 ? "" : "s");
            for (Path p : r.removed()) out.println("  " + dir.relativize(p.toAbsolutePath().normalize()));
        }
        long warnings = r.diagnostics().stream().filter(org.coursebook.diag.Diagnostic::isWarning).count();
        long errors = r.diagnostics().stream().filter(Diagnostic::isError).count();
        out.println(warnings == 0 && errors == 0 ? "no warnings" : Main.plural(warnings, "warning") + " (printed above)");
    }

    /** A size for people, in binary units: "372.5 KiB". */
    static String size(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
}
