package org.coursebook.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of manifest a book may have, and what they share: coursebook's own {@code book.yaml}, an mdBook
 * ({@code book.toml} with {@code src/SUMMARY.md}), a Quarto book ({@code _quarto.yml} with a {@code book:} section)
 * and a Bookdown book ({@code _bookdown.yml}, the metadata in {@code index.Rmd}). The command line gives the
 * manifest itself, or a folder holding one of {@link #NAMES}.
 */
public final class ManifestFormats {
    private ManifestFormats() {}

    /** A kind of manifest. Books of the foreign kinds are read as their own tools read them (see the README). */
    public enum Format {
        /** coursebook's {@code book.yaml}. */
        COURSEBOOK,
        /** mdBook: {@code book.toml} and {@code SUMMARY.md} in its source folder (https://rust-lang.github.io/mdBook/format/). */
        MDBOOK,
        /** Quarto: {@code _quarto.yml} with {@code project: type: book} and a {@code book:} section (https://quarto.org/docs/books/). */
        QUARTO,
        /** Bookdown: {@code _bookdown.yml} and the YAML header of {@code index.Rmd} (https://bookdown.org/yihui/bookdown/). */
        BOOKDOWN,
        /** pandoc: a {@code metadata.yml} beside a folder of Markdown chapters ({@link PandocFolder}). */
        PANDOC;

        /** Whether this is another tool's manifest, whose chapters may carry that tool's front matter and markup. */
        public boolean isForeign() {
            return this != COURSEBOOK;
        }
    }

    /** The manifest file names a book's folder may hold, in the order they are looked for. */
    public static final List<String> NAMES = List.of("book.yaml", "book.toml", "_quarto.yml", "_bookdown.yml", "metadata.yml", "metadata.yaml");

    /** The kind of a manifest, by its file name ({@code book.toml}, {@code _quarto.yml}, {@code _bookdown.yml}; else book.yaml's). */
    public static Format of(Path manifest) {
        Path name = manifest.getFileName();
        return switch (name == null ? "" : name.toString()) {
            case "book.toml" -> Format.MDBOOK;
            case "_quarto.yml", "_quarto.yaml" -> Format.QUARTO;
            case "_bookdown.yml", "_bookdown.yaml" -> Format.BOOKDOWN;
            case "metadata.yml", "metadata.yaml" -> Format.PANDOC;
            default -> Format.COURSEBOOK;
        };
    }

    /**
     * The folder the manifest's chapter paths are relative to: an mdBook's source folder ({@code [book] src} of
     * book.toml, default {@code src}), else the manifest's own folder.
     */
    public static Path chaptersDir(Path manifest) {
        Path dir = manifest.toAbsolutePath().normalize().getParent();
        if (of(manifest) != Format.MDBOOK) return dir;
        String src = "src";
        try {
            org.tomlj.TomlParseResult toml = org.tomlj.Toml.parse(Files.readString(manifest));
            if (toml.isString("book.src") && !toml.getString("book.src").isBlank()) src = toml.getString("book.src");
        } catch (IOException | RuntimeException e) {
            // read and reported by the manifest reader
        }
        return dir.resolve(src).normalize();
    }

    /** Whether a file name ends in one of the Markdown extensions chapters may have (.md, .markdown, .qmd, .Rmd). */
    public static boolean isMarkdown(String name) {
        return MarkdownReader.isMarkdown(name);
    }

    /** The first of {@link #NAMES} in {@code dir}, or null when it holds none. */
    public static Path find(Path dir) {
        for (String n : NAMES) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /**
     * A book's identifier derived from its title and authors: the same book gets the same one on every machine
     * and in every build (a name-based UUID, RFC 4122 version 3, of "title" and the authors, one a line).
     */
    public static String derivedIdentifier(String title, List<String> authors) {
        String name = "coursebook:" + title.strip() + "\n" + String.join("\n", authors);
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A book's date when it gives none: the day of {@code SOURCE_DATE_EPOCH} (seconds since 1970, the
     * reproducible-builds convention) when set, else the day the newest of {@code sources} was last changed
     * (UTC); today only when none can be read.
     */
    public static LocalDate derivedDate(List<Path> sources, String sourceDateEpoch) {
        if (sourceDateEpoch != null && sourceDateEpoch.strip().matches("[0-9]{1,12}")) {
            return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip())), ZoneOffset.UTC);
        }
        Instant newest = null;
        for (Path p : sources) {
            try {
                Instant t = Files.getLastModifiedTime(p).toInstant();
                if (newest == null || t.isAfter(newest)) newest = t;
            } catch (IOException e) {
                // a file that cannot be read is reported where it is read
            }
        }
        return LocalDate.ofInstant(newest == null ? Instant.EPOCH : newest, ZoneOffset.UTC);
    }

    /** What the start of a chapter file says before it is read: its title heading, and Bookdown's part markers. */
    record Peek(String title, boolean unnumbered, List<Marker> markers) {}

    /** A Bookdown {@code # (PART) Title {-}} or {@code # (APPENDIX) Title {-}} line: 1-based line. */
    record Marker(boolean appendix, String title, int line) {}

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)[ \\t#]*$");
    private static final Pattern ATTRS = Pattern.compile("\\s*\\{([^}]*)}\\s*$");
    private static final Pattern MARKER = Pattern.compile("^#\\s+\\((PART|APPENDIX)\\*?\\)\\s*(.*?)\\s*(\\{[^}]*})?\\s*$");

    /**
     * Looks at a chapter file without reading it as a chapter: the text of its first heading (level 1, else the
     * first of any level; "" for none), whether that heading is marked unnumbered ({@code {-}},
     * {@code {.unnumbered}}, as pandoc, Quarto and Bookdown mark it), and Bookdown's part and appendix markers.
     * Front matter and fenced code are skipped. A file that cannot be read gives an empty peek (reading it
     * later reports why).
     */
    static Peek peek(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return new Peek("", false, List.of());
        }
        int i = 0;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (i = 1; i < lines.size() && !lines.get(i).strip().equals("---") && !lines.get(i).strip().equals("..."); i++) { }
            i++;
        }
        String fence = null;
        String first = null, firstAny = null;
        boolean unnumbered = false, unnumberedAny = false;
        List<Marker> markers = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String l = lines.get(i);
            String f = MarkdownReader.openingFence(l);
            if (fence != null) {
                if (MarkdownReader.closesFence(l, fence)) fence = null;
                continue;
            }
            if (f != null) {
                fence = f;
                continue;
            }
            Matcher mk = MARKER.matcher(l);
            if (mk.matches()) {
                markers.add(new Marker(mk.group(1).equals("APPENDIX"), mk.group(2).strip(), i + 1));
                continue;
            }
            Matcher m = ATX.matcher(l);
            if (!m.matches()) continue;
            String text = m.group(2);
            boolean un = false;
            Matcher a = ATTRS.matcher(text);
            if (a.find()) {
                String attrs = " " + a.group(1) + " ";
                un = attrs.contains(" - ") || attrs.contains(" .unnumbered ");
                text = text.substring(0, a.start());
            }
            if (firstAny == null) {
                firstAny = text.strip();
                unnumberedAny = un;
            }
            if (m.group(1).length() == 1 && first == null) {
                first = text.strip();
                unnumbered = un;
            }
        }
        if (first != null) return new Peek(first, unnumbered, List.copyOf(markers));
        return new Peek(firstAny == null ? "" : firstAny, unnumberedAny, List.copyOf(markers));
    }
}
