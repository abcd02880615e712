package org.coursebook.read;

import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Asset;
import org.coursebook.model.BookMeta;
import org.coursebook.model.PageSize;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads and checks {@code book.yaml}. Every problem becomes a diagnostic at its line. */
public final class ManifestReader {
    static final Set<String> KEYS = Set.of("title", "subtitle", "authors", "language", "identifier", "rights",
            "license", "date", "description", "page-size", "handout-paper", "cover", "front-matter", "chapters", "appendices",
            "back-matter", "publisher", "logo");
    /** The keys of a chapter entry written as a mapping ({@code - file: 03.md} with {@code sections: […]}). */
    static final Set<String> ENTRY_KEYS = Set.of("file", "sections");
    /** Cover images the build picks up from the book's folder when the manifest names none. */
    static final List<String> COVER_FILES = List.of("cover.png", "cover.jpg", "cover.jpeg");
    /** Covers shorter than this look blurred in reading apps' libraries and in print. */
    static final int MIN_COVER_HEIGHT = 1000;
    private static final Pattern UUID = Pattern.compile(
            "(urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ISBN = Pattern.compile("(urn:isbn:)?(97[89])?[0-9-]{9,13}[0-9Xx]");
    private static final Pattern LANG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");
    private static final Set<String> GENERATED = Set.of("glossary", "tables", "figures", "index");

    private final Diagnostics diag;
    private final long maxImageBytes;

    public ManifestReader(Diagnostics diag) {
        this(diag, ImageResolver.DEFAULT_MAX_BYTES);
    }

    /** @param maxImageBytes the largest cover image accepted */
    public ManifestReader(Diagnostics diag, long maxImageBytes) {
        this.diag = diag;
        this.maxImageBytes = maxImageBytes;
    }

    /**
     * Reads the manifest: a {@code book.yaml}, or an mdBook's {@code book.toml}, a Quarto book's {@code _quarto.yml}
     * or a Bookdown book's {@code _bookdown.yml} (by its file name, {@link ManifestFormats#of}); returns null (with
     * diagnostics) when it cannot be used at all.
     */
    public Manifest read(Path file) {
        ManifestFormats.Format format = ManifestFormats.of(file);
        if (format.isForeign()) return readForeign(file, format);
        String text;
        try {
            text = TextFiles.read(file, diag);
        } catch (IOException e) {
            diag.error(SourcePos.of(file), "cannot read the manifest: " + e.getMessage(),
                    "check the path given with --book");
            return null;
        }
        if (text == null) return null;
        Yaml yaml = new Yaml(file, 0);
        Node root;
        try {
            root = yaml.parse(text);
        } catch (BuildException e) {
            e.diagnostics().forEach(diag::add);
            return null;
        }
        if (root == null) {
            diag.error(SourcePos.of(file, 1), "the manifest is empty", "give at least a title and a list of chapters");
            return null;
        }
        Map<String, NodeTuple> map;
        try {
            map = yaml.mapping(root, "the manifest");
        } catch (BuildException e) {
            e.diagnostics().forEach(diag::add);
            return null;
        }
        // a misspelt list of parts ('chapter:') is the cause: what follows from it (no chapters, files not listed)
        // is not reported too, so that the one fix that matters comes first and alone
        Set<String> misspeltLists = new java.util.HashSet<>();
        for (var e : map.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                String near = nearest(e.getKey());
                if (near != null && PART_LISTS.contains(near)) misspeltLists.add(near);
                diag.error(yaml.pos(e.getValue().getKeyNode()), "unknown key '" + e.getKey() + "' in the manifest",
                        "known keys: " + String.join(", ", new TreeSet<>(KEYS)) + suggestion(e.getKey()));
            }
        }
        SourcePos top = SourcePos.of(file, 1);
        String title = string(yaml, map, "title", true);
        if (title != null && title.isBlank()) {
            diag.error(yaml.pos(map.get("title").getValueNode()), "the book's title is empty", "write the title after 'title:'");
        }
        String subtitle = string(yaml, map, "subtitle", false);
        List<String> authors = stringList(yaml, map, "authors");
        if (authors.isEmpty() && map.containsKey("authors")) {
            diag.error(yaml.pos(map.get("authors").getValueNode()), "no authors given", "list at least one author");
        }
        String language = string(yaml, map, "language", false);
        if (language == null) language = "en";
        else if (!LANG.matcher(language).matches()) {
            diag.error(yaml.pos(map.get("language").getValueNode()), "'" + language + "' is not a language tag",
                    "use a BCP 47 tag such as en, en-GB or ru");
        }
        String identifier = string(yaml, map, "identifier", true);
        if (identifier != null) {
            if (UUID.matcher(identifier).matches()) {
                if (!identifier.startsWith("urn:uuid:")) identifier = "urn:uuid:" + identifier.toLowerCase(java.util.Locale.ROOT);
            } else if (ISBN.matcher(identifier).matches()) {
                if (!identifier.startsWith("urn:isbn:")) identifier = "urn:isbn:" + identifier.replace("-", "");
            } else {
                diag.error(yaml.pos(map.get("identifier").getValueNode()), "the identifier is neither a UUID nor an ISBN",
                        "use urn:uuid:<uuid> (generate one with uuidgen) or urn:isbn:<13 digits>");
            }
        }
        String rights = string(yaml, map, "rights", false);
        String license = string(yaml, map, "license", false);
        LocalDate date = null;
        String dateText = string(yaml, map, "date", true);
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                diag.error(yaml.pos(map.get("date").getValueNode()), "'" + dateText + "' is not a date",
                        "write the publication date as YYYY-MM-DD");
            }
        }
        String description = string(yaml, map, "description", false);
        PageSize pageSize = pageSize(yaml, map, "page-size", PageSize.LETTER);
        PageSize handoutPaper = pageSize(yaml, map, "handout-paper", pageSize == PageSize.A4 ? PageSize.A4 : PageSize.LETTER);

        List<Manifest.Entry> entries = new ArrayList<>();
        Path dir = file.toAbsolutePath().normalize().getParent();
        Asset cover = cover(yaml, map, file, dir);
        String publisher = string(yaml, map, "publisher", false);
        Asset logo = logo(yaml, map, file, dir);
        entries.addAll(entries(yaml, map, "front-matter", Manifest.Section.FRONT, false));
        entries.addAll(entries(yaml, map, "chapters", Manifest.Section.CHAPTER, !misspeltLists.contains("chapters")));
        entries.addAll(entries(yaml, map, "appendices", Manifest.Section.APPENDIX, false));
        entries.addAll(entries(yaml, map, "back-matter", Manifest.Section.BACK, false));
        entries = withSlugs(entries);
        checkFiles(entries, dir);
        if (misspeltLists.isEmpty()) warnUnlisted(file, dir, entries);

        if (title == null || title.isBlank() || identifier == null || date == null) return null;
        try {
            BookMeta meta = new BookMeta(title.strip(), subtitle, authors, language, identifier, rights, license, date,
                    description, pageSize, handoutPaper, cover);
            return new Manifest(file, meta, entries, new Institution(publisher, logo));
        } catch (IllegalArgumentException e) {
            diag.error(top, e.getMessage(), "");
            return null;
        }
    }

    /**
     * Another tool's manifest: the book's parts as that tool lists them, and what it says of the book. What EPUB
     * needs and the book does not give is derived, with one note: the identifier from the title and authors, the
     * date from SOURCE_DATE_EPOCH or the newest source file.
     */
    private Manifest readForeign(Path file, ManifestFormats.Format format) {
        String title, subtitle, language, description, dateText = null;
        List<String> authors;
        List<Manifest.Entry> entries;
        Path listFile = file;
        if (format == ManifestFormats.Format.MDBOOK) {
            MdBookManifest.Book b = new MdBookManifest(diag).read(file);
            if (b == null) return null;
            title = b.title();
            subtitle = b.subtitle();
            authors = b.authors();
            language = b.language();
            description = b.description();
            entries = b.entries();
            listFile = b.summary();
        } else {
            PandocBookManifest reader = new PandocBookManifest(diag);
            PandocBookManifest.Book b = format == ManifestFormats.Format.QUARTO ? reader.quarto(file) : reader.bookdown(file);
            if (b == null) return null;
            if (b.title() == null) {
                if (format == ManifestFormats.Format.QUARTO) {
                    diag.error(SourcePos.of(file, 1), "the Quarto book has no title", "add 'title: …' under 'book:'");
                }
                return null;
            }
            title = b.title();
            subtitle = b.subtitle();
            authors = b.authors();
            language = b.language();
            description = b.description();
            dateText = b.date();
            entries = b.entries();
        }
        Path dir = listFile.toAbsolutePath().normalize().getParent();
        entries = withSlugs(entries);
        checkFiles(entries, dir);
        warnUnlisted(listFile, dir, entries);
        if (language == null || language.isBlank()) {
            language = "en";
        } else if (!LANG.matcher(language.strip()).matches()) {
            diag.warning(SourcePos.of(file, 1), "'" + language + "' is not a language tag, so the book is marked as English (en)",
                    "use a BCP 47 tag such as en, en-GB or de");
            language = "en";
        }
        List<String> derived = new ArrayList<>();
        String identifier = ManifestFormats.derivedIdentifier(title, authors);
        derived.add("the identifier " + identifier + " from the title and authors");
        LocalDate date = null;
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText.length() >= 10 ? dateText.substring(0, 10) : dateText);
            } catch (DateTimeParseException e) {
                // "today", "last-modified", `r Sys.Date()`: a date the other tool computes
            }
        }
        if (date == null) {
            String epoch = System.getenv("SOURCE_DATE_EPOCH");
            List<Path> sources = new ArrayList<>();
            sources.add(file);
            sources.add(listFile);
            for (Manifest.Entry e : entries) for (String f : e.files()) sources.add(dir.resolve(f));
            date = ManifestFormats.derivedDate(sources, epoch);
            derived.add("the date " + date + (epoch != null && !epoch.isBlank() ? " from SOURCE_DATE_EPOCH" : " from the newest source file"));
        }
        diag.note(SourcePos.of(file), "the book gives no " + (derived.size() == 2 ? "identifier or date" : "identifier")
                        + ", which an EPUB needs: derived " + String.join(", and ", derived),
                "the same sources give the same ones in every build; to fix them, build from a book.yaml that gives 'identifier:' and 'date:'");
        if (title.isBlank() || diag.hasErrors() && entries.isEmpty()) return null;
        Asset cover = cover(new Yaml(file, 0), Map.of(), listFile, file.toAbsolutePath().normalize().getParent());
        try {
            BookMeta meta = new BookMeta(title, subtitle, authors, language.strip(), identifier, null, null, date,
                    description, PageSize.LETTER, PageSize.LETTER, cover);
            return new Manifest(listFile, meta, entries, format);
        } catch (IllegalArgumentException e) {
            diag.error(SourcePos.of(file, 1), e.getMessage(), "");
            return null;
        }
    }

    /**
     * The instructor's cover image: the file the manifest's {@code cover} names, else {@code cover.png} or
     * {@code cover.jpg} in the book's folder; null when there is none (the build generates a cover).
     */
    private Asset cover(Yaml yaml, Map<String, NodeTuple> map, Path manifest, Path dir) {
        ImageResolver images = new ImageResolver(dir, diag, maxImageBytes);
        Asset image;
        if (map.containsKey("cover")) {
            String name = string(yaml, map, "cover", false);
            if (name == null) return null;
            SourcePos pos = yaml.pos(map.get("cover").getValueNode());
            if (name.isBlank()) {
                diag.error(pos, "'cover' is empty", "name a PNG or JPEG image in the book's folder, or remove the key to have the build generate a cover");
                return null;
            }
            image = images.resolve(manifest, name.strip(), pos);
        } else {
            List<String> found = COVER_FILES.stream().filter(n -> Files.isRegularFile(dir.resolve(n))).toList();
            if (found.isEmpty()) return null;
            if (found.size() > 1) {
                diag.error(SourcePos.of(manifest, 1), "the book's folder has more than one cover image: " + String.join(", ", found),
                        "keep one, or name the one to use with 'cover:' in the manifest");
                return null;
            }
            image = images.resolve(manifest, found.get(0), SourcePos.of(dir.resolve(found.get(0))));
        }
        if (image == null) return null;
        if (!image.mediaType().equals("image/png") && !image.mediaType().equals("image/jpeg")) {
            diag.error(image.pos(), "the cover image must be a PNG or JPEG file, not " + image.mediaType(),
                    "reading apps show PNG and JPEG covers in their libraries; export the cover as PNG or JPEG (1600×2400 pixels)");
            return null;
        }
        org.coursebook.util.ImageHeader size;
        try {
            size = org.coursebook.util.ImageHeader.read(image.source());
        } catch (java.io.IOException e) {
            diag.error(image.pos(), "the cover image cannot be decoded", "save it again as a PNG or JPEG file");
            return null;
        }
        if (size.height() < MIN_COVER_HEIGHT) {
            diag.warning(image.pos(), "the cover image is only " + size.width() + "×" + size.height() + " pixels",
                    "reading apps and print want a cover at least " + MIN_COVER_HEIGHT + " pixels high; 1600×2400 is ideal");
        }
        return image;
    }

    /**
     * The institution's logo for the generated cover: the PNG, JPEG or SVG file the manifest's {@code logo} names,
     * checked as a chapter's image is (inside the book's folder, its type, its size); null when there is none or it
     * cannot be used (with an error at the key's value).
     */
    private Asset logo(Yaml yaml, Map<String, NodeTuple> map, Path manifest, Path dir) {
        if (!map.containsKey("logo")) return null;
        String name = string(yaml, map, "logo", false);
        if (name == null) return null;
        SourcePos pos = yaml.pos(map.get("logo").getValueNode());
        if (name.isBlank()) {
            diag.error(pos, "'logo' is empty", "name a PNG, JPEG or SVG file in the book's folder, e.g. 'logo: images/logo.svg', or remove the key");
            return null;
        }
        Asset image = new ImageResolver(dir, diag, maxImageBytes).resolve(manifest, name.strip(), pos);
        if (image == null) return null;
        if (!Set.of("image/png", "image/jpeg", "image/svg+xml").contains(image.mediaType())) {
            diag.error(pos, "the logo must be a PNG, JPEG or SVG file, not " + image.mediaType(),
                    "export the logo as SVG (best: it stays sharp at every size) or as a PNG with a transparent background");
            return null;
        }
        return image;
    }

    /** Pages every EPUB has besides the parts: a part may not take their names. */
    static final Set<String> RESERVED_PAGES = Set.of("cover", "title", "copyright", "nav");

    /**
     * Each part's output name: its file name's stem ({@code 03-ideology.md}: 03-ideology), or, when two listed
     * files share a name in different folders ({@code intro/index.md}, {@code start/index.md}, as mdBook books have
     * them), the path with its folders (intro-index, start-index). A lone {@code index.md} is index-page: the web
     * edition's front page is index.html.
     */
    static List<Manifest.Entry> withSlugs(List<Manifest.Entry> entries) {
        Map<String, Set<String>> filesByStem = new HashMap<>();
        for (Manifest.Entry e : entries) {
            if (!e.isGenerated()) filesByStem.computeIfAbsent(MarkdownReader.stem(e.file()), k -> new TreeSet<>()).add(e.file());
        }
        List<Manifest.Entry> out = new ArrayList<>();
        for (Manifest.Entry e : entries) {
            if (!e.isGenerated() && filesByStem.get(MarkdownReader.stem(e.file())).size() == 1
                    && MarkdownReader.stem(e.file()).equals("index")) {
                // index.md (Quarto's and many sites' first page) would be the web edition's front page, index.html
                out.add(e.withSlug("index-page"));
            } else if (!e.isGenerated() && filesByStem.get(MarkdownReader.stem(e.file())).size() > 1) {
                String path = MarkdownReader.withoutExtension(Path.of(e.file()).normalize().toString().replace('\\', '/'));
                out.add(e.withSlug(org.coursebook.model.Slugs.slugify(path)));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /** Checks every listed file (the parts' and their section files') and the parts' output names. */
    void checkFiles(List<Manifest.Entry> entries, Path dir) {
        Map<String, SourcePos> seen = new HashMap<>();
        // Each part is written as <slug>.xhtml (and its ids are prefixed with the slug): two parts with one slug
        // would overwrite each other (a duplicate zip entry), and a part named like a page of the book's own
        // (the generated glossary, the title page) would replace it.
        Map<String, Manifest.Entry> slugs = new HashMap<>();
        for (Manifest.Entry e : entries) {
            String slug = e.slug();
            if (!e.isGenerated() && RESERVED_PAGES.contains(slug)) {
                diag.error(e.pos(), "'" + e.file() + "' would be written as " + slug + ".xhtml, the name of the book's own "
                        + slug + " page", "rename the file, e.g. to " + slug + "-notes.md");
            }
            Manifest.Entry other = slugs.putIfAbsent(slug, e);
            if (other != null && !(other.isGenerated() == e.isGenerated() && java.util.Objects.equals(
                    other.isGenerated() ? other.generated() : other.file(), e.isGenerated() ? e.generated() : e.file()))) {
                String mine = e.isGenerated() ? "the generated " + e.generated() : "'" + e.file() + "'";
                String theirs = other.isGenerated() ? "the generated " + other.generated() : "'" + other.file() + "'";
                diag.error(e.pos(), mine + " and " + theirs + " (line " + other.pos().line() + ") would both be written as "
                                + slug + ".xhtml",
                        other.isGenerated() || e.isGenerated()
                                ? "list either your own " + slug + " file or 'generate: " + slug + "', not both"
                                : "rename one of the two files: a part's file name, with its folders, must be unique in the book");
            }
            if (e.isGenerated()) {
                if (!GENERATED.contains(e.generated())) {
                    diag.error(e.pos(), "cannot generate '" + e.generated() + "'", "the build can generate: glossary, index (the back-of-book index), tables (a list of tables), figures (a list of figures)");
                }
                String key = "generate:" + e.generated();
                if (seen.putIfAbsent(key, e.pos()) != null) diag.error(e.pos(), "'generate: " + e.generated() + "' is listed twice", "list it once");
                continue;
            }
            checkFile(e.file(), e.pos(), "chapter file", dir, seen);
            for (Manifest.SectionFile f : e.sections()) checkFile(f.file(), f.pos(), "section file", dir, seen);
        }
    }

    /** One listed file: listed once, Markdown, inside the book's folder, readable. */
    private void checkFile(String file, SourcePos pos, String what, Path dir, Map<String, SourcePos> seen) {
        SourcePos first = seen.putIfAbsent(Path.of(file).normalize().toString(), pos);
        if (first != null) {
            diag.error(pos, "'" + file + "' is listed twice (first at line " + first.line() + ")",
                    "a file can appear only once in the book; remove one of the entries");
            return;
        }
        if (!MarkdownReader.isMarkdown(file)) {
            diag.error(pos, "'" + file + "' is not a Markdown file", "chapter files end in .md (or .markdown, .qmd, .Rmd)");
            return;
        }
        Path p = dir.resolve(file).normalize();
        if (!p.startsWith(dir) || Path.of(file).isAbsolute()) {
            diag.error(pos, "'" + file + "' is outside the book's folder", "keep chapter files next to book.yaml");
        } else if (!Files.exists(p)) {
            diag.error(pos, what + " '" + file + "' does not exist", "create " + p + " or fix the name in the manifest");
        } else if (!realPathInside(p, dir)) {
            diag.error(pos, "'" + file + "' is a link to a file outside the book's folder",
                    "copy the file into the book's folder instead of linking to it");
        } else if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            diag.error(pos, what + " '" + file + "' cannot be read", "check that it is a readable file");
        }
    }

    /** Whether a listed file can be read: inside the book's folder (also after following links), a readable file. */
    static boolean usable(Path file, Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        Path p = file.toAbsolutePath().normalize();
        return p.startsWith(d) && Files.isRegularFile(p) && Files.isReadable(p) && realPathInside(p, d);
    }

    /** Whether the file, with every symbolic link on its way followed, is still inside {@code dir}. */
    static boolean realPathInside(Path file, Path dir) {
        try {
            return file.toRealPath().startsWith(dir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private void warnUnlisted(Path manifest, Path dir, List<Manifest.Entry> entries) {
        Set<String> listed = new TreeSet<>();
        for (Manifest.Entry e : entries) for (String f : e.files()) listed.add(Path.of(f).normalize().toString());
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .filter(name -> !listed.contains(name) && !name.equalsIgnoreCase("README.md")
                            && !name.equals(manifest.getFileName().toString()))
                    .forEach(name -> diag.warning(SourcePos.of(manifest, 1),
                            "'" + name + "' is in the book's folder but not in the manifest, so it is not in the book",
                            "add it to chapters, front-matter or back-matter, or move it out of the folder"));
        } catch (IOException e) {
            diag.warning(SourcePos.of(manifest), "cannot list the book's folder: " + e.getMessage(), "");
        }
    }

    private List<Manifest.Entry> entries(Yaml yaml, Map<String, NodeTuple> map, String key, Manifest.Section section, boolean required) {
        NodeTuple t = map.get(key);
        List<Manifest.Entry> out = new ArrayList<>();
        if (t == null) {
            if (required) diag.error(yaml.top(),
                    "the manifest lists no chapters", "add 'chapters:' with the chapter files in order");
            return out;
        }
        Node v = t.getValueNode();
        if (!(v instanceof SequenceNode seq)) {
            diag.error(yaml.pos(v), "'" + key + "' must be a list of files", "write one '- file.md' line per entry");
            return out;
        }
        if (required && seq.getValue().isEmpty()) {
            diag.error(yaml.pos(v), "the manifest lists no chapters", "add the chapter files in order");
        }
        for (Node item : seq.getValue()) {
            String s = Yaml.scalar(item);
            if (s != null && !s.isBlank()) {
                out.add(new Manifest.Entry(section, s.strip(), null, yaml.pos(item)));
            } else if (item instanceof MappingNode mn && mn.getValue().size() == 1
                    && "generate".equals(Yaml.scalar(mn.getValue().get(0).getKeyNode()))
                    && Yaml.scalar(mn.getValue().get(0).getValueNode()) != null && section != Manifest.Section.CHAPTER) {
                out.add(new Manifest.Entry(section, null, Yaml.scalar(mn.getValue().get(0).getValueNode()).strip(), yaml.pos(item)));
            } else if (item instanceof MappingNode mn && hasKey(mn, "file")) {
                Manifest.Entry e = entryWithSections(yaml, mn, section);
                if (e != null) out.add(e);
            } else {
                diag.error(yaml.pos(item), "this entry of '" + key + "' is not a file name",
                        "write the file name, e.g. '- 01-introduction.md', or '- file: 03-ideology.md' with 'sections: [03a-marx.md]'"
                                + (section == Manifest.Section.CHAPTER || section == Manifest.Section.APPENDIX ? "" : ", or '- generate: glossary'"));
            }
        }
        return out;
    }

    private static boolean hasKey(MappingNode mn, String key) {
        return mn.getValue().stream().anyMatch(t -> key.equals(Yaml.scalar(t.getKeyNode())));
    }

    /**
     * An entry written as {@code - file: 03-ideology.md} with {@code sections: [03a-marx.md, 03b-lenin.md]}: a chapter
     * and its section files, each of which may list sections of its own the same way.
     */
    private Manifest.Entry entryWithSections(Yaml yaml, MappingNode mn, Manifest.Section section) {
        List<Manifest.SectionFile> sections = new ArrayList<>();
        String file = fileAndSections(yaml, mn, 0, sections);
        return file == null ? null : new Manifest.Entry(section, file, null, yaml.pos(mn), sections, "", null);
    }

    /** Reads {@code file:} and {@code sections:} of a mapping; adds the section files at {@code depth + 1} and deeper. */
    private String fileAndSections(Yaml yaml, MappingNode mn, int depth, List<Manifest.SectionFile> out) {
        Map<String, NodeTuple> m;
        try {
            m = yaml.mapping(mn, "the entry");
        } catch (BuildException e) {
            e.diagnostics().forEach(diag::add);
            return null;
        }
        for (var e : m.entrySet()) {
            if (!ENTRY_KEYS.contains(e.getKey())) {
                diag.error(yaml.pos(e.getValue().getKeyNode()), "unknown key '" + e.getKey() + "' in an entry with a file",
                        "an entry may have: file, sections" + suggestion(e.getKey(), ENTRY_KEYS));
            }
        }
        String file = Yaml.scalar(m.get("file").getValueNode());
        if (file == null || file.isBlank()) {
            diag.error(yaml.pos(m.get("file").getValueNode()), "'file' must be a file name", "write it as 'file: 03-ideology.md'");
            return null;
        }
        NodeTuple sec = m.get("sections");
        if (sec != null) {
            if (!(sec.getValueNode() instanceof SequenceNode seq)) {
                diag.error(yaml.pos(sec.getValueNode()), "'sections' must be a list of files",
                        "write 'sections: [03a-marx.md, 03b-lenin.md]' or one '- file.md' line per section");
            } else {
                for (Node item : seq.getValue()) {
                    String s = Yaml.scalar(item);
                    if (s != null && !s.isBlank()) {
                        out.add(new Manifest.SectionFile(s.strip(), depth + 1, yaml.pos(item)));
                    } else if (item instanceof MappingNode sub && hasKey(sub, "file")) {
                        int at = out.size();
                        String f = fileAndSections(yaml, sub, depth + 1, out);
                        if (f != null) out.add(at, new Manifest.SectionFile(f.strip(), depth + 1, yaml.pos(sub)));
                    } else {
                        diag.error(yaml.pos(item), "this entry of 'sections' is not a file name",
                                "write the section's file name, e.g. '- 03a-marx.md'");
                    }
                }
            }
        }
        return file.strip();
    }

    private String string(Yaml yaml, Map<String, NodeTuple> map, String key, boolean required) {
        NodeTuple t = map.get(key);
        if (t == null) {
            if (required) {
                diag.error(yaml.top(),
                        "the manifest has no '" + key + "'", hintFor(key));
            }
            return null;
        }
        String s = Yaml.scalar(t.getValueNode());
        if (s == null) {
            diag.error(yaml.pos(t.getValueNode()), "'" + key + "' must be a single value, not a list or mapping", hintFor(key));
            return null;
        }
        return s;
    }

    private List<String> stringList(Yaml yaml, Map<String, NodeTuple> map, String key) {
        NodeTuple t = map.get(key);
        List<String> out = new ArrayList<>();
        if (t == null) return out;
        Node v = t.getValueNode();
        if (Yaml.isScalar(v)) {
            if (!Yaml.scalar(v).isBlank()) out.add(Yaml.scalar(v).strip());
        } else if (v instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                String s = Yaml.scalar(n);
                if (s == null || s.isBlank()) diag.error(yaml.pos(n), "each entry of '" + key + "' must be a name", "");
                else out.add(s.strip());
            }
        } else {
            diag.error(yaml.pos(v), "'" + key + "' must be a name or a list of names", "");
        }
        return out;
    }

    private PageSize pageSize(Yaml yaml, Map<String, NodeTuple> map, String key, PageSize dflt) {
        String s = string(yaml, map, key, false);
        if (s == null) return dflt;
        var size = PageSize.fromKey(s);
        if (size.isEmpty() || size.get() == PageSize.A5 || size.get() == PageSize.HALF_LETTER) {
            diag.error(yaml.pos(map.get(key).getValueNode()), "unknown page size '" + s + "'", "use letter, a4 or trade");
            return dflt;
        }
        return size.get();
    }

    private static String hintFor(String key) {
        return switch (key) {
            case "title" -> "add 'title: Your Book Title'";
            case "identifier" -> "add 'identifier: urn:uuid:<uuid>' (generate one with uuidgen) or an ISBN";
            case "date" -> "add 'date: YYYY-MM-DD', the publication date";
            default -> "see README, 'The manifest'";
        };
    }

    /** The lists of parts a manifest may have. */
    private static final Set<String> PART_LISTS = Set.of("chapters", "front-matter", "back-matter", "appendices");

    private static String suggestion(String key) {
        return suggestion(key, KEYS);
    }

    /** "; did you mean 'x'?" for the known key nearest to {@code key} (at most two edits away), else "". */
    static String suggestion(String key, Set<String> known) {
        String best = nearest(key, known);
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** The known key nearest to {@code key} (at most two edits away), or null. */
    private static String nearest(String key) {
        return nearest(key, KEYS);
    }

    private static String nearest(String key, Set<String> known) {
        String best = null;
        int bestDist = 3;
        for (String k : new TreeSet<>(known)) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDist) {
                bestDist = d;
                best = k;
            }
        }
        return best;
    }

    /**
     * Levenshtein distance between two strings: the fewest insertions, deletions and substitutions of one character
     * that turn one into the other (for "did you mean" hints: manifest keys, font names, commands and options).
     */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev; prev = cur; cur = tmp;
        }
        return prev[b.length()];
    }
}
