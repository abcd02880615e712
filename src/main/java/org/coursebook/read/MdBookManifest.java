package org.coursebook.read;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an mdBook: {@code book.toml} (its {@code [book]} table: title, authors, language, description, src) and
 * the source folder's {@code SUMMARY.md}, as mdBook reads it (https://rust-lang.github.io/mdBook/format/summary.html):
 * prefix chapters (links before the first list) are front matter; the numbered chapters (list items) are
 * chapters, and the items nested under one its section files; a part title ({@code # Part}) names the part of
 * the chapters below it; suffix chapters (links after the last list) are back matter; a draft chapter
 * ({@code - [Title]()}, no file) is left out with a note. Problems are reported at their line and column.
 */
final class MdBookManifest {
    /** What the book says of itself; what it leaves out is derived (see {@link ManifestFormats}). */
    record Book(String title, String subtitle, List<String> authors, String language, String description, Path summary,
                List<Manifest.Entry> entries) {}

    private final Diagnostics diag;

    MdBookManifest(Diagnostics diag) {
        this.diag = diag;
    }

    /** Reads {@code book.toml} and its SUMMARY.md; null when neither gives a book (reported). */
    Book read(Path bookToml) {
        String text;
        try {
            text = TextFiles.read(bookToml, diag);
        } catch (IOException e) {
            diag.error(SourcePos.of(bookToml), "cannot read book.toml: " + e.getMessage(), "check the path given with --book");
            return null;
        }
        if (text == null) return null;
        TomlParseResult toml = Toml.parse(text);
        for (var e : toml.errors()) {
            TomlPosition p = e.position();
            diag.error(p == null ? SourcePos.of(bookToml, 1) : new SourcePos(bookToml, p.line(), p.column()),
                    "TOML syntax error: " + e.getMessage().replaceFirst("\\s*\\(line \\d+, column \\d+\\)$", ""), "check the quoting and the [table] headers");
        }
        if (!toml.errors().isEmpty()) return null;
        TomlTable book = toml.getTable("book");
        String title = string(bookToml, toml, "book.title");
        List<String> authors = new ArrayList<>();
        if (book != null && book.isArray("authors")) {
            TomlArray a = book.getArray("authors");
            for (int i = 0; i < a.size(); i++) if (a.get(i) instanceof String s && !s.isBlank()) authors.add(s.strip());
        } else if (book != null && book.isString("authors")) {
            authors.add(book.getString("authors").strip());
        }
        String language = string(bookToml, toml, "book.language");
        String description = string(bookToml, toml, "book.description");
        String src = string(bookToml, toml, "book.src");
        Path dir = bookToml.toAbsolutePath().normalize().getParent();
        Path srcDir = dir.resolve(src == null || src.isBlank() ? "src" : src).normalize();
        Path summary = srcDir.resolve("SUMMARY.md");
        if (title == null || title.isBlank()) {
            diag.error(toml.inputPositionOf("book") == null ? SourcePos.of(bookToml, 1) : pos(bookToml, toml.inputPositionOf("book")),
                    "book.toml gives the book no title", "add title = \"The Book's Title\" under [book]");
        }
        if (!Files.isRegularFile(summary)) {
            diag.error(SourcePos.of(bookToml, 1), "the mdBook has no " + dir.relativize(summary),
                    "an mdBook lists its chapters in SUMMARY.md in its source folder ([book] src, default src)");
            return null;
        }
        List<Manifest.Entry> entries = summary(summary);
        if (title == null || title.isBlank() || entries == null) return null;
        return new Book(title.strip(), "", authors, language, description, summary, entries);
    }

    private String string(Path file, TomlParseResult toml, String key) {
        if (!toml.contains(key)) return null;
        if (!toml.isString(key)) {
            diag.error(pos(file, toml.inputPositionOf(key)), "'" + key + "' must be a string", "write it in quotes: \"…\"");
            return null;
        }
        return toml.getString(key);
    }

    private static SourcePos pos(Path file, TomlPosition p) {
        return p == null ? SourcePos.of(file, 1) : new SourcePos(file, p.line(), p.column());
    }

    /** The entries SUMMARY.md lists, with paths relative to its folder; null when it cannot be read. */
    List<Manifest.Entry> summary(Path summary) {
        String text;
        try {
            text = TextFiles.read(summary, diag);
        } catch (IOException e) {
            diag.error(SourcePos.of(summary), "cannot read SUMMARY.md: " + e.getMessage(), "check that it is a readable file");
            return null;
        }
        if (text == null) return null;
        Document doc = Parser.builder().build().parse(text);
        List<Manifest.Entry> out = new ArrayList<>();
        boolean seenList = false, seenSuffix = false, first = true;
        String part = "";
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            SourcePos at = SourcePos.at(summary, text, n.getStartOffset());
            if (n instanceof Heading h) {
                // the first heading is the summary's own title; later ones are part titles
                if (!first) {
                    if (seenSuffix) {
                        diag.error(at, "a part title after the suffix chapters", "put part titles before the last list of chapters");
                    }
                    part = h.getText().toString().strip();
                }
            } else if (n instanceof Paragraph p) {
                Manifest.Section section = seenList ? Manifest.Section.BACK : Manifest.Section.FRONT;
                if (seenList) seenSuffix = true;
                for (Node c : p.getDescendants()) {
                    if (c instanceof Link l) {
                        Manifest.Entry e = link(summary, text, l, section, "", List.of());
                        if (e != null) out.add(e);
                    }
                }
            } else if (n instanceof BulletList || n instanceof OrderedList) {
                if (seenSuffix) {
                    diag.error(at, "a list of numbered chapters after the suffix chapters",
                            "suffix chapters (links outside a list) come after the last list of chapters; make them list items");
                }
                seenList = true;
                for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem li) chapter(summary, text, li, part, out);
                }
            } else if (!(n instanceof ThematicBreak || n instanceof HtmlBlock || n instanceof HtmlCommentBlock)) {
                diag.warning(at, "SUMMARY.md: this is not a chapter, a part title or a separator, and is left out",
                        "SUMMARY.md holds '# Part' titles, '- [Title](file.md)' items, '[Title](file.md)' prefix and suffix chapters and '---'");
            }
            first = false;
        }
        if (out.stream().noneMatch(e -> e.section() == Manifest.Section.CHAPTER)) {
            diag.error(SourcePos.of(summary, 1), "SUMMARY.md lists no numbered chapters", "list the chapters as '- [Title](file.md)' items");
        }
        return out;
    }

    /** A numbered chapter and the items nested under it (its section files, at any depth). */
    private void chapter(Path summary, String text, ListItem li, String part, List<Manifest.Entry> out) {
        Link link = firstLink(li);
        SourcePos at = SourcePos.at(summary, text, li.getStartOffset());
        if (link == null) {
            diag.warning(at, "SUMMARY.md: this item has no link and is left out", "write it as '- [Title](file.md)'");
            return;
        }
        List<Manifest.SectionFile> sections = new ArrayList<>();
        List<String> drafts = new ArrayList<>();
        sections(summary, text, li, 1, sections, drafts);
        Manifest.Entry e = link(summary, text, link, Manifest.Section.CHAPTER, part, sections);
        if (e == null && !sections.isEmpty()) {
            diag.warning(SourcePos.at(summary, text, link.getStartOffset()), "the draft chapter '" + link.getText() + "' has no file, so its "
                            + sections.size() + " section" + (sections.size() == 1 ? "" : "s") + " are left out too",
                    "give the chapter a file, or list its sections as chapters");
            return;
        }
        if (e != null) out.add(e);
    }

    private void sections(Path summary, String text, ListItem li, int depth, List<Manifest.SectionFile> out, List<String> drafts) {
        for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
            if (!(c instanceof ListBlock list)) continue;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem sub)) continue;
                Link l = firstLink(sub);
                if (l == null) continue;
                String url = l.getUrl().toString().strip();
                SourcePos at = SourcePos.at(summary, text, l.getStartOffset());
                if (url.isEmpty()) {
                    diag.note(at, "the draft chapter '" + l.getText() + "' has no file and is left out", "give it a file when it is written");
                } else {
                    out.add(new Manifest.SectionFile(path(url), depth, at));
                }
                sections(summary, text, sub, depth + 1, out, drafts);
            }
        }
    }

    /** The first link of the item's own paragraph (not of its nested list). */
    private static Link firstLink(ListItem li) {
        for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof ListBlock) return null;
            for (Node d : c.getDescendants()) if (d instanceof Link l) return l;
            if (c instanceof Link l) return l;
        }
        return null;
    }

    private Manifest.Entry link(Path summary, String text, Link l, Manifest.Section section, String part, List<Manifest.SectionFile> sections) {
        String url = l.getUrl().toString().strip();
        SourcePos at = SourcePos.at(summary, text, l.getStartOffset());
        if (url.isEmpty()) {
            diag.note(at, "the draft chapter '" + l.getText() + "' has no file and is left out", "give it a file when it is written");
            return null;
        }
        return new Manifest.Entry(section, path(url), null, at, sections, part, null);
    }

    /** A link's destination as a path: percent escapes decoded, "./" dropped. */
    private static String path(String url) {
        String p = url;
        int hash = p.indexOf('#');
        if (hash >= 0) p = p.substring(0, hash);
        try {
            p = java.net.URLDecoder.decode(p.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a '%' of the name's own
        }
        return SectionMerger.normalise(p);
    }
}
