package org.coursebook.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.Diagnostic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The end of a build's report: the files written, their sizes, the PDFs' page counts, the warnings. */
final class Summary {
    private Summary() {}

    static void print(PrintStream out, Path outDir, BuildPipeline.Result r, long millis) {
        Path dir = outDir.toAbsolutePath().normalize();
        List<String[]> rows = new ArrayList<>();
        int width = 0;
        for (Path p : r.written()) {
            String name = dir.relativize(p.toAbsolutePath().normalize()).toString();
            width = Math.max(width, name.length());
            rows.add(new String[] {name, size(p), pages(p)});
        }
        out.printf(Locale.ROOT, "wrote %d file%s to %s in %.2f s%n", rows.size(), rows.size() == 1 ? "" : "s",
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

    static String size(Path p) {
        long n;
        try {
            n = Files.size(p);
        } catch (IOException e) {
            return "?";
        }
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }

    /** "135 pages" for a PDF, empty for anything else. */
    static String pages(Path p) {
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) return "";
        try (PDDocument doc = Loader.loadPDF(p.toFile())) {
            return Main.plural(doc.getNumberOfPages(), "page");
        } catch (IOException e) {
            return "";
        }
    }
}
