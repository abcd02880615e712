package org.coursebook.read;

import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the manifest of a Quarto book ({@code _quarto.yml}: {@code book:} title, subtitle, author, date,
 * description, chapters with their parts, appendices; {@code lang:}) or a Bookdown book ({@code _bookdown.yml}:
 * {@code rmd_files}, else every {@code .Rmd} file of the folder, {@code index.Rmd} first; the metadata from
 * {@code index.Rmd}'s YAML header; parts and appendices from {@code # (PART) Title {-}} and
 * {@code # (APPENDIX) Title {-}} lines). A chapter whose title heading is marked unnumbered ({@code {-}},
 * {@code {.unnumbered}}, and Quarto's {@code index.qmd}) is front matter before the first numbered chapter
 * and back matter after the last one.
 */
final class PandocBookManifest {
    /** What the book says of itself. {@code date} is null when it gives none (or one that is not a date). */
    record Book(String title, String subtitle, List<String> authors, String language, String description, String date,
                List<Manifest.Entry> entries) {}

    private final Diagnostics diag;

    PandocBookManifest(Diagnostics diag) {
        this.diag = diag;
    }

    private Map<String, NodeTuple> mapping(Path file, Yaml yaml) {
        String text;
        try {
            text = TextFiles.read(file, diag);
        } catch (IOException e) {
            diag.error(SourcePos.of(file), "cannot read the manifest: " + e.getMessage(), "check the path given with --book");
            return null;
        }
        if (text == null) return null;
        try {
            Node root = yaml.parse(text);
            if (root == null) {
                diag.error(SourcePos.of(file, 1), "the manifest is empty", "list the book's chapters");
                return null;
            }
            return yaml.mapping(root, "the manifest");
        } catch (BuildException e) {
            e.diagnostics().forEach(diag::add);
            return null;
        }
    }

    /** Reads {@code _quarto.yml}; null when it gives no book (reported). */
    Book quarto(Path file) {
        Yaml yaml = new Yaml(file, 0);
        Map<String, NodeTuple> top = mapping(file, yaml);
        if (top == null) return null;
        if (!top.containsKey("book")) {
            diag.error(yaml.top(), "_quarto.yml has no 'book:' section, so it is not a Quarto book",
                    "a Quarto book has 'project: type: book' and a 'book:' section with its chapters");
            return null;
        }
        Map<String, NodeTuple> book;
        try {
            book = yaml.mapping(top.get("book").getValueNode(), "'book'");
        } catch (BuildException e) {
            e.diagnostics().forEach(diag::add);
            return null;
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        List<Item> items = new ArrayList<>();
        NodeTuple chapters = book.get("chapters");
        if (chapters == null || !(chapters.getValueNode() instanceof SequenceNode seq)) {
            diag.error(chapters == null ? yaml.pos(top.get("book").getKeyNode()) : yaml.pos(chapters.getValueNode()),
                    "the Quarto book lists no chapters", "list them under 'book: chapters:'");
            return null;
        }
        for (Node n : seq.getValue()) {
            String f = Yaml.scalar(n);
            if (f != null && !f.isBlank()) {
                items.add(new Item(f.strip(), yaml.pos(n), "", false));
            } else if (n instanceof MappingNode mn) {
                Map<String, NodeTuple> m;
                try {
                    m = yaml.mapping(mn, "a part");
                } catch (BuildException e) {
                    e.diagnostics().forEach(diag::add);
                    continue;
                }
                String part = m.containsKey("part") ? Yaml.scalar(m.get("part").getValueNode()) : null;
                if (part == null || !m.containsKey("chapters") || !(m.get("chapters").getValueNode() instanceof SequenceNode cs)) {
                    diag.error(yaml.pos(mn), "this entry of 'chapters' is neither a file nor a part",
                            "write a file name, or 'part: Title' (or a file) with its own 'chapters:' list");
                    continue;
                }
                String partTitle = part.strip();
                if (MarkdownReader.isMarkdown(partTitle)) {
                    // a part file: its title names the part; its text opens the part as its first chapter
                    ManifestFormats.Peek peek = ManifestFormats.peek(dir.resolve(partTitle));
                    diag.note(yaml.pos(m.get("part").getValueNode()), "the part file '" + partTitle + "' is the first chapter of its part",
                            "coursebook shows a part as a title in the contents, not as a page of its own");
                    items.add(new Item(partTitle, yaml.pos(m.get("part").getValueNode()), peek.title().isEmpty() ? partTitle : peek.title(), false));
                    partTitle = peek.title().isEmpty() ? partTitle : peek.title();
                }
                for (Node c : cs.getValue()) {
                    String cf = Yaml.scalar(c);
                    if (cf == null || cf.isBlank()) {
                        diag.error(yaml.pos(c), "this entry of the part's chapters is not a file name", "write the file name, e.g. '- intro.qmd'");
                    } else {
                        items.add(new Item(cf.strip(), yaml.pos(c), partTitle, false));
                    }
                }
            } else {
                diag.error(yaml.pos(n), "this entry of 'chapters' is not a file name", "write the file name, e.g. '- intro.qmd'");
            }
        }
        NodeTuple appendices = book.get("appendices");
        if (appendices != null && appendices.getValueNode() instanceof SequenceNode as) {
            for (Node n : as.getValue()) {
                String f = Yaml.scalar(n);
                if (f != null && !f.isBlank()) items.add(new Item(f.strip(), yaml.pos(n), "", true));
                else diag.error(yaml.pos(n), "this entry of 'appendices' is not a file name", "write the file name, e.g. '- data.qmd'");
            }
        }
        String title = scalar(yaml, book, "title");
        String language = scalar(yaml, top, "lang");
        return new Book(title, scalar(yaml, book, "subtitle"), authors(yaml, book.get("author")), language,
                scalar(yaml, book, "description"), scalar(yaml, book, "date"), entries(dir, items, true));
    }

    /** Reads {@code _bookdown.yml} and the header of {@code index.Rmd}; null when they give no book (reported). */
    Book bookdown(Path file) {
        Yaml yaml = new Yaml(file, 0);
        Map<String, NodeTuple> top;
        try {
            String text = TextFiles.read(file, diag);
            if (text == null) return null;
            Node root = yaml.parse(text);
            top = root == null ? Map.of() : yaml.mapping(root, "the manifest");
        } catch (IOException e) {
            diag.error(SourcePos.of(file), "cannot read the manifest: " + e.getMessage(), "check the path given with --book");
            return null;
        } catch (BuildException e) {
            e.diagnostics().forEach(diag::add);
            return null;
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        List<Item> items = new ArrayList<>();
        NodeTuple rmd = top.get("rmd_files");
        Node list = rmd == null ? null : rmd.getValueNode();
        if (list instanceof MappingNode byFormat) {
            // rmd_files: {html: […], latex: […]}: the HTML book's list
            Node html = null;
            for (NodeTuple t : byFormat.getValue()) if (html == null || "html".equals(Yaml.scalar(t.getKeyNode()))) html = t.getValueNode();
            list = html;
        }
        if (list instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                String f = Yaml.scalar(n);
                if (f != null && !f.isBlank()) items.add(new Item(f.strip(), yaml.pos(n), "", false));
                else diag.error(yaml.pos(n), "this entry of 'rmd_files' is not a file name", "write the file name, e.g. '- 01-intro.Rmd'");
            }
        } else if (list != null) {
            diag.error(yaml.pos(list), "'rmd_files' must be a list of files", "write one '- file.Rmd' line per chapter");
        } else {
            // Bookdown's default: every .Rmd file of the folder but those starting with '_', index.Rmd first
            try (Stream<Path> files = Files.list(dir)) {
                List<String> names = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".rmd") && !n.startsWith("_")).sorted().toList();
                List<String> ordered = new ArrayList<>(names.stream().filter(n -> n.equalsIgnoreCase("index.Rmd")).toList());
                names.stream().filter(n -> !n.equalsIgnoreCase("index.Rmd")).forEach(ordered::add);
                for (String n : ordered) items.add(new Item(n, SourcePos.of(file, 1), "", false));
            } catch (IOException e) {
                diag.error(SourcePos.of(file, 1), "cannot list the book's folder: " + e.getMessage(), "check its permissions");
            }
        }
        if (items.isEmpty()) {
            diag.error(SourcePos.of(file, 1), "the Bookdown book lists no chapters", "list them with 'rmd_files:' or put .Rmd files beside _bookdown.yml");
            return null;
        }
        // the metadata is in the first file's YAML header (index.Rmd)
        Path index = dir.resolve(items.get(0).file());
        Map<String, NodeTuple> meta = Map.of();
        Yaml header = new Yaml(index, 1);
        try {
            String text = Files.readString(index);
            if (text.startsWith("---")) {
                int end = text.indexOf("\n---", 3);
                int endDots = text.indexOf("\n...", 3);
                if (end < 0 || endDots >= 0 && endDots < end) end = endDots;
                if (end > 0) {
                    Node root = header.parse(text.substring(text.indexOf('\n') + 1, end + 1));
                    if (root != null) meta = header.mapping(root, "the YAML header");
                }
            }
        } catch (IOException e) {
            // the chapter reader reports an unreadable file
        } catch (BuildException e) {
            e.diagnostics().forEach(diag::add);
        }
        // parts and appendices: Bookdown's marker headings, in reading order
        String part = "";
        boolean appendix = false;
        List<Item> marked = new ArrayList<>();
        for (Item it : items) {
            ManifestFormats.Peek peek = ManifestFormats.peek(dir.resolve(it.file()));
            for (ManifestFormats.Marker m : peek.markers()) {
                if (m.appendix()) {
                    appendix = true;
                    part = "";
                } else {
                    part = m.title();
                }
            }
            marked.add(new Item(it.file(), it.pos(), part, appendix));
        }
        String title = scalar(header, meta, "title");
        if (title == null) {
            diag.error(SourcePos.of(index, 1), "the Bookdown book has no title",
                    "give it in the YAML header of " + index.getFileName() + ": 'title: The Book's Title'");
        }
        return new Book(title, scalar(header, meta, "subtitle"), authors(header, meta.get("author")), scalar(header, meta, "lang"),
                scalar(header, meta, "description"), scalar(header, meta, "date"), entries(dir, marked, false));
    }

    /** A listed file: its part title ("" for none) and whether it is an appendix. */
    private record Item(String file, SourcePos pos, String part, boolean appendix) {}

    /**
     * The entries: unnumbered chapters before the first numbered one are front matter, after the last one back
     * matter; appendices are appendices.
     */
    private List<Manifest.Entry> entries(Path dir, List<Item> items, boolean quarto) {
        List<Boolean> unnumbered = new ArrayList<>();
        for (Item it : items) {
            boolean index = quarto && it.file().equalsIgnoreCase("index.qmd");
            unnumbered.add(!it.appendix() && (index || ManifestFormats.peek(dir.resolve(it.file())).unnumbered()));
        }
        int firstNumbered = -1, lastNumbered = -1;
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).appendix() && !unnumbered.get(i)) {
                if (firstNumbered < 0) firstNumbered = i;
                lastNumbered = i;
            }
        }
        List<Manifest.Entry> out = new ArrayList<>();
        List<Manifest.Entry> back = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            Manifest.Section s;
            if (it.appendix()) s = Manifest.Section.APPENDIX;
            else if (unnumbered.get(i) && (firstNumbered < 0 || i < firstNumbered)) s = Manifest.Section.FRONT;
            else if (unnumbered.get(i) && i > lastNumbered) s = Manifest.Section.BACK;
            else s = Manifest.Section.CHAPTER;
            if (unnumbered.get(i) && s == Manifest.Section.CHAPTER) {
                diag.note(it.pos(), "'" + it.file() + "' is marked unnumbered but stands between numbered chapters, so it is numbered",
                        "coursebook numbers every chapter between the first numbered one and the last");
            }
            Manifest.Entry e = new Manifest.Entry(s, it.file(), null, it.pos(), List.of(), it.part(), null);
            // back matter follows the appendices, wherever the book lists it
            if (s == Manifest.Section.BACK) back.add(e);
            else out.add(e);
        }
        out.addAll(back);
        return out;
    }

    private String scalar(Yaml yaml, Map<String, NodeTuple> map, String key) {
        NodeTuple t = map.get(key);
        if (t == null) return null;
        String s = Yaml.scalar(t.getValueNode());
        if (s == null) {
            diag.warning(yaml.pos(t.getValueNode()), "'" + key + "' is not a single value, so it is not used", "write it as 'key: value'");
        }
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The authors: a name, a list of names, or (Quarto) maps with a {@code name}. */
    private static List<String> authors(Yaml yaml, NodeTuple t) {
        List<String> out = new ArrayList<>();
        if (t == null) return out;
        Node v = t.getValueNode();
        List<Node> items = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
        for (Node n : items) {
            String s = Yaml.scalar(n);
            if (s == null && n instanceof MappingNode mn) {
                for (NodeTuple nt : mn.getValue()) if ("name".equals(Yaml.scalar(nt.getKeyNode()))) s = Yaml.scalar(nt.getValueNode());
            }
            if (s != null && !s.isBlank()) out.add(s.strip());
        }
        return out;
    }
}
