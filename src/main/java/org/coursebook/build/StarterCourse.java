package org.coursebook.build;

import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.SourcePos;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A new course to start from ({@code coursebook init DIR}): a copy of the sample book ({@code docs/sample-book},
 * built into the jar) as {@code DIR/chapters/}, with a new identifier and date in its manifest, and a
 * {@code .gitignore} that keeps the outputs ({@code DIR/output/}) out of version control. The layout is the one
 * {@code coursebook build} looks for in {@code DIR} (see {@link org.coursebook.read.BookLocator}).
 */
public final class StarterCourse {
    /** Where the sample book is inside the jar (see pom.xml's resources). */
    static final String RESOURCE = "/coursebook/sample-book";
    /** The folder of {@code DIR} that holds the book. */
    public static final String BOOK_FOLDER = "chapters";

    private StarterCourse() {}

    /**
     * Writes the starter course.
     *
     * @param dir        the course's folder: created if missing, refused if it is a file or holds anything
     * @param date       the manifest's {@code date} (today, or SOURCE_DATE_EPOCH's day)
     * @param identifier the manifest's new {@code identifier}
     * @return the files written, relative to {@code dir}, in order
     * @throws BuildException naming {@code dir} when it is a file or not empty
     * @throws IOException    when a file cannot be written
     */
    public static List<Path> write(Path dir, LocalDate date, UUID identifier) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BuildException(Diagnostic.error(SourcePos.of(dir), "cannot start a course here: it is a file, not a folder",
                    "name a new folder, e.g. coursebook init my-course"));
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                List<String> there = s.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
                if (!there.isEmpty()) {
                    throw new BuildException(Diagnostic.error(SourcePos.of(dir),
                            "cannot start a course here: the folder is not empty (it holds " + String.join(", ", there)
                                    + (there.size() == 4 ? ", …" : "") + ")",
                            "name a new or empty folder, e.g. coursebook init my-course"));
                }
            }
        }
        List<Path> written = new ArrayList<>();
        Path book = dir.resolve(BOOK_FOLDER);
        Files.createDirectories(book);
        withSample(sample -> {
            List<Path> files;
            try (Stream<Path> s = Files.walk(sample)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                Path rel = Path.of(sample.relativize(f).toString()); // from the jar's file system to the default one
                Path target = book.resolve(rel);
                Files.createDirectories(target.getParent());
                if (rel.toString().equals("book.yaml")) {
                    Files.writeString(target, manifest(Files.readString(f, StandardCharsets.UTF_8), date, identifier));
                } else {
                    Files.copy(f, target);
                }
                written.add(dir.relativize(target));
            }
        });
        Files.writeString(dir.resolve(".gitignore"), "# what coursebook build writes\n/output/\n");
        written.add(Path.of(".gitignore"));
        return written;
    }

    private static final Pattern IDENTIFIER = Pattern.compile("(?m)^identifier:.*$");
    private static final Pattern DATE = Pattern.compile("(?m)^date:.*$");
    private static final Pattern HEADER = Pattern.compile("\\A(#[^\\n]*\\n)+");
    private static final Pattern YEAR = Pattern.compile("(?m)^(rights: \"© )\\d{4}");

    /** The sample's manifest with the new identifier and date, the copyright year of that date, and a new header. */
    static String manifest(String sample, LocalDate date, UUID identifier) {
        String s = HEADER.matcher(sample).replaceFirst(Matcher.quoteReplacement(
                "# The course's manifest: title, authors and the chapters in order (README, \"The manifest\").\n"
                        + "# Build it with 'coursebook build' in the course's folder (the one that holds chapters/).\n"));
        s = require(IDENTIFIER, s, "identifier: urn:uuid:" + identifier);
        s = require(DATE, s, "date: " + date);
        return YEAR.matcher(s).replaceFirst("$1" + date.getYear());
    }

    private static String require(Pattern p, String s, String line) {
        Matcher m = p.matcher(s);
        if (!m.find()) throw new IllegalStateException("the sample book's manifest has no line " + p.pattern());
        return m.replaceFirst(Matcher.quoteReplacement(line));
    }

    private interface SampleAction {
        void run(Path sample) throws IOException;
    }

    /** Runs {@code action} with the sample book's folder: in the jar, or in the classes folder (tests). */
    private static void withSample(SampleAction action) throws IOException {
        URL url = StarterCourse.class.getResource(RESOURCE + "/book.yaml");
        if (url == null) throw new IOException("the sample book is missing from the program (" + RESOURCE + ")");
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (!"jar".equals(uri.getScheme())) {
            action.run(Path.of(uri).getParent());
            return;
        }
        FileSystem fs;
        boolean mine = true;
        try {
            fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(uri);
            mine = false;
        }
        try {
            action.run(fs.getPath(RESOURCE));
        } finally {
            if (mine) fs.close();
        }
    }
}
