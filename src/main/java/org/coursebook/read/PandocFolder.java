package org.coursebook.read;

import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.BookMeta;
import org.coursebook.model.PageSize;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A book as pandoc users keep one: a folder with pandoc's metadata file ({@code metadata.yml} or
 * {@code metadata.yaml}: title, subtitle, author, lang, date, rights, description or abstract) and Markdown
 * chapters in {@code chapters/} (or {@code src/}, or beside the metadata), read in the order of their file
 * names, as {@code pandoc -o book.epub metadata.yml chapters/*.md} reads them. A file whose name starts with
 * "appendix" is an appendix (Appendix A…); {@code README.md} is not part of the book. What EPUB needs and the metadata lacks
 * (an identifier; a date in ISO form) is derived reproducibly, and one note says so.
 */
public final class PandocFolder {
    /** The names of pandoc's metadata file, in the order they are tried. */
    public static final List<String> METADATA = List.of("metadata.yml", "metadata.yaml");
    /** Where the chapters are looked for, relative to the metadata's folder, in order: the first with Markdown wins. */
    static final List<String> CHAPTER_DIRS = List.of("chapters", "src", ".");

    private PandocFolder() {}

    /**
     * Reads the book whose metadata file is {@code metadata}; problems go to {@code diag} at their file and line.
     *
     * @return the manifest, or null when it cannot be made (the reason is reported)
     */
    public static Manifest read(Path metadata, Diagnostics diag) {
        Path dir = metadata.toAbsolutePath().normalize().getParent();
        String text;
        try {
            text = TextFiles.read(metadata, diag);
        } catch (IOException e) {
            diag.error(SourcePos.of(metadata), "cannot read the metadata: " + e.getMessage(), "check the path given with --book");
            return null;
        }
        if (text == null) return null;
        // pandoc's metadata file may itself be a Markdown file's front matter: "---" lines around it are allowed
        Yaml yaml = new Yaml(metadata, 0);
        Map<String, NodeTuple> map = Map.of();
        try {
            Node root = yaml.parse(text.replaceAll("(?m)^(---|\\.\\.\\.)\\s*$", ""));
            if (root != null) map = yaml.mapping(root, "the metadata");
        } catch (BuildException e) {
            e.diagnostics().forEach(diag::add);
            return null;
        }
        String folder = dir.getFileName() == null ? "Untitled" : dir.getFileName().toString();
        String title = firstScalar(map.get("title"));
        if (title == null || title.isBlank()) title = folder;
        String subtitle = firstScalar(map.get("subtitle"));
        List<String> authors = scalars(map.get("author"));
        String lang = firstScalar(map.get("lang"));
        if (lang == null || !lang.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) lang = "en";
        String rights = firstScalar(map.get("rights"));
        String description = firstScalar(map.containsKey("description") ? map.get("description") : map.get("abstract"));

        List<Path> files = chapters(dir);
        if (files.isEmpty()) {
            diag.error(SourcePos.of(metadata, 1), "no Markdown chapters beside the metadata",
                    "put the chapters (.md) in chapters/, src/ or this folder; they are read in the order of their names");
            return null;
        }
        List<String> derived = new ArrayList<>();
        String identifier = firstScalar(map.get("identifier"));
        if (identifier == null || !identifier.matches("(?i)(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            identifier = ManifestFormats.derivedIdentifier(title, authors);
            derived.add("identifier " + identifier);
        } else if (!identifier.startsWith("urn:uuid:")) {
            identifier = "urn:uuid:" + identifier.toLowerCase(Locale.ROOT);
        }
        LocalDate date = null;
        String dateText = firstScalar(map.get("date"));
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText.strip());
            } catch (DateTimeParseException e) {
                date = null; // "\today" and the like: derived below
            }
        }
        if (date == null) {
            date = ManifestFormats.derivedDate(files, System.getenv("SOURCE_DATE_EPOCH"));
            derived.add("date " + date);
        }
        if (!derived.isEmpty()) {
            diag.note(SourcePos.of(metadata, 1), "the metadata gives no " + (derived.size() == 2 ? "identifier or date" : derived.get(0).split(" ")[0])
                            + " in the form EPUB needs: derived (" + String.join(", ", derived) + ")",
                    "add 'identifier: urn:uuid:…' and 'date: YYYY-MM-DD' to " + metadata.getFileName() + " to fix them");
        }
        BookMeta meta = new BookMeta(title.strip(), subtitle == null ? "" : subtitle.strip(), authors, lang, identifier,
                rights, "", date, description, PageSize.LETTER, PageSize.LETTER);
        List<Manifest.Entry> entries = new ArrayList<>();
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            boolean appendix = f.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("appendix");
            entries.add(new Manifest.Entry(appendix ? Manifest.Section.APPENDIX : Manifest.Section.CHAPTER, rel, null, SourcePos.of(f)));
        }
        return new Manifest(metadata, meta, entries, ManifestFormats.Format.PANDOC);
    }

    /** The chapters: the Markdown files of the first of {@link #CHAPTER_DIRS} that has any, sorted by name. */
    static List<Path> chapters(Path dir) {
        for (String d : CHAPTER_DIRS) {
            Path folder = dir.resolve(d).normalize();
            if (!Files.isDirectory(folder)) continue;
            try (Stream<Path> s = Files.list(folder)) {
                List<Path> md = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")
                                && !p.getFileName().toString().equalsIgnoreCase("README.md"))
                        .sorted().toList();
                if (!md.isEmpty()) return md;
            } catch (IOException e) {
                // an unreadable folder has no chapters to offer; the next is tried
            }
        }
        return List.of();
    }

    private static String firstScalar(NodeTuple t) {
        if (t == null) return null;
        List<String> all = scalars(t);
        return all.isEmpty() ? null : all.get(0);
    }

    /** A scalar, or the scalars of a list (pandoc allows both; an author may be a map with a name). */
    private static List<String> scalars(NodeTuple t) {
        List<String> out = new ArrayList<>();
        if (t == null) return out;
        Node v = t.getValueNode();
        if (v instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) add(n, out);
        } else {
            add(v, out);
        }
        return out;
    }

    private static void add(Node n, List<String> out) {
        String s = Yaml.scalar(n);
        if (s != null && !s.isBlank()) {
            out.add(s.strip());
        } else if (n instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if ("name".equals(Yaml.scalar(t.getKeyNode()))) add(t.getValueNode(), out);
            }
        }
    }
}
