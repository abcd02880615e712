package org.coursebook.read;

import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.SourcePos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a book's manifest: the one place that knows which files make a folder a book. {@code coursebook build}
 * without {@code --book} looks in the current folder; {@code --book DIR} looks in DIR; {@code --book FILE} takes
 * the file as it is. The candidates are tried in the order of {@link #CANDIDATES}.
 */
public final class BookLocator {
    /**
     * The manifests a book's folder may hold, relative to it, in the order they are tried: {@code book.yaml} beside
     * the chapters, or {@code chapters/book.yaml} (this repository's layout: the outputs go to {@code output/} beside
     * {@code chapters/}); another tool's manifest ({@link ManifestFormats}: mdBook's {@code book.toml}, Quarto's
     * {@code _quarto.yml}, Bookdown's {@code _bookdown.yml}); or pandoc's {@code metadata.yml} beside a folder of
     * Markdown chapters ({@link PandocFolder}).
     * Other kinds of manifest are added here.
     */
    public static final List<String> CANDIDATES = List.of("book.yaml", "chapters/book.yaml", "book.toml", "_quarto.yml",
            "_bookdown.yml", "metadata.yml", "metadata.yaml");

    private BookLocator() {}

    /**
     * The manifest to build.
     *
     * @param given the path given with {@code --book} (a manifest or a folder), or null for none
     * @param cwd   the folder the command runs in, where a book is looked for when {@code given} is null ({@code Path.of("")}
     *              keeps the found path relative, as the user would write it)
     * @return the manifest's path: {@code given} itself when it is a file, else the first of {@link #CANDIDATES}
     *         that exists in the folder
     * @throws BuildException with one error naming the folder and the names looked for, or the file that does not
     *         exist
     */
    public static Path locate(Path given, Path cwd) {
        Path dir = given == null ? cwd : given;
        if (given != null && !Files.isDirectory(given)) {
            if (Files.isRegularFile(given)) return given;
            throw new BuildException(Diagnostic.error(SourcePos.of(given), "the manifest does not exist",
                    "give the book's manifest or its folder with --book, or run in the book's folder without --book"));
        }
        for (String name : CANDIDATES) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        String where = given == null ? "the current folder" : "this folder";
        throw new BuildException(Diagnostic.error(SourcePos.of(dir.toAbsolutePath().normalize()),
                "no book in " + where + ": looked for " + lookedFor(),
                given == null
                        ? "run in the book's folder, or give its manifest or folder with --book"
                        : "give the manifest itself with --book, or the folder that holds one of those files"));
    }

    /** "book.yaml or chapters/book.yaml": the names tried, for messages. */
    public static String lookedFor() {
        if (CANDIDATES.size() == 1) return CANDIDATES.get(0);
        return String.join(", ", CANDIDATES.subList(0, CANDIDATES.size() - 1)) + " or " + CANDIDATES.get(CANDIDATES.size() - 1);
    }
}
