package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Footnote;
import org.coursebook.model.Inline;
import org.coursebook.model.Node;
import org.coursebook.model.Target;
import org.coursebook.model.Tree;

import java.net.URLDecoder;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves links: {@code [text](03-soviet-ideology.md#paris-commune)} becomes a {@link Target.Ref} to the
 * chapter and heading (how it is written is the writer's choice), an address a {@link Target.Url}; an empty link text is filled with "Chapter 3, Soviet Ideology". Links to
 * files or ids that do not exist are errors.
 */
final class ResolveCrossReferences implements Transform {
    private final Set<String> unreadParts;

    ResolveCrossReferences() {
        this(Set.of());
    }

    /** @param unreadParts files the manifest lists that could not be read: links to them are not checked */
    ResolveCrossReferences(Set<String> unreadParts) {
        this.unreadParts = Set.copyOf(unreadParts);
    }

    @Override
    public Book apply(Book book, Diagnostics diag) {
        Map<String, Chapter> bySource = new HashMap<>();
        Map<String, Set<String>> ids = new HashMap<>();
        for (Chapter c : book.allParts()) {
            bySource.put(c.sourceName(), c);
            ids.put(c.sourceName(), idsOf(c));
            // a section file is found under its own name too, and stands for the chapter it was merged into
            for (Chapter.SectionFile f : c.sectionFiles()) bySource.putIfAbsent(f.sourceName(), c);
        }
        List<Chapter> front = new ArrayList<>(), body = new ArrayList<>(), back = new ArrayList<>();
        for (Chapter c : book.frontMatter()) front.add(resolve(c, bySource, ids, diag));
        for (Chapter c : book.chapters()) body.add(resolve(c, bySource, ids, diag));
        for (Chapter c : book.backMatter()) back.add(resolve(c, bySource, ids, diag));
        return book.withParts(front, body, back);
    }

    /** The ids a link may name in a part: its slug, its text's ({@link Tree#ids}), its notes', its title's. */
    static Set<String> idsOf(Chapter c) {
        Set<String> ids = Tree.ids(c.blocks());
        ids.add(c.slug());
        for (Footnote f : c.footnotes()) ids.add(f.id());
        if (!c.titleId().isEmpty()) ids.add(c.titleId());
        return ids;
    }

    private Chapter resolve(Chapter c, Map<String, Chapter> bySource, Map<String, Set<String>> ids, Diagnostics diag) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : c.blocks()) blocks.add(b instanceof Block.Heading ? b : links(b, b.pos(), c, bySource, ids, diag));
        List<Footnote> notes = new ArrayList<>();
        for (Footnote f : c.footnotes()) {
            notes.add(f.withContent(Tree.map(f.content(), n -> List.of(link(n, f.pos(), c, bySource, ids, diag)))));
        }
        return c.withBlocksAndFootnotes(blocks, notes);
    }

    private Block links(Block b, SourcePos pos, Chapter here, Map<String, Chapter> bySource, Map<String, Set<String>> ids, Diagnostics diag) {
        return Tree.map(List.of(b), n -> List.of(link(n, pos, here, bySource, ids, diag))).get(0);
    }

    private Node link(Node n, SourcePos pos, Chapter here, Map<String, Chapter> bySource,
                      Map<String, Set<String>> ids, Diagnostics diag) {
        if (!(n instanceof Inline.Link a) || !(a.target() instanceof Target.Unresolved u)) return n;
        if (a.pos() != null) pos = a.pos(); // the link's own place (or its reference definition's)
        String href = u.href().strip();
        String lower = href.toLowerCase(java.util.Locale.ROOT);
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            if (!(lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:"))) {
                diag.error(pos, "the link '" + href + "' uses an unsupported scheme", "link to http(s) addresses or to other chapters only");
                return a.withTarget(new Target.None());
            }
            // written as [text](<https://example.org/a b>): a URL cannot hold a space (RFC 3986)
            String url = href.replace(" ", "%20");
            if (!addressed(url)) {
                diag.error(pos, "the link '" + href + "' names no address", "write the whole address, e.g. https://example.org/page");
                return a.withTarget(new Target.None());
            }
            return a.withTarget(new Target.Url(url));
        }
        String file = href, frag = "";
        int hash = href.indexOf('#');
        if (hash >= 0) {
            file = href.substring(0, hash);
            frag = percentDecode(href.substring(hash + 1));
        }
        // a chapter's file name may hold spaces, written as %20 or inside <…>: [](<03 Basic Terms.md>)
        file = percentDecode(file);
        Chapter target = file.isEmpty() ? here : find(file, here, bySource);
        if (target == null) file = normalise(file);
        if (target == null && unreadParts.contains(file)) return a; // its own error is reported
        if (target == null) {
            if (file.endsWith(".md")) {
                diag.error(pos, "the cross-reference '" + href + "' names a file that is not in the book",
                        "link to one of the files the manifest lists, e.g. [](" + bySource.keySet().stream()
                                .filter(s -> s.endsWith(".md")).sorted().findFirst()
                                .map(s -> s.contains(" ") ? "<" + s + ">" : s).orElse("chapter.md") + ")");
            } else {
                diag.error(pos, "the link '" + href + "' points to a file the book does not contain",
                        "link to a chapter file (.md) or a web address");
            }
            return a.withTarget(new Target.None());
        }
        // a link to a section file lands where the file starts in its chapter; its ids are the chapter's now
        Chapter.SectionFile section = sectionFile(target, file, here);
        if (section != null) frag = frag.isEmpty() ? section.anchor() : section.idInChapter(frag);
        if (file.isEmpty() && !frag.isEmpty() && !ids.get(here.sourceName()).contains(frag)) {
            // '#id' of another part: pandoc books (Quarto, Bookdown) resolve such links across the book; so do we,
            // when exactly one part has the id
            Chapter only = null;
            int found = 0;
            for (Chapter c : new java.util.LinkedHashSet<>(bySource.values())) {
                if (ids.get(c.sourceName()).contains(frag)) {
                    only = c;
                    found++;
                }
            }
            if (found == 1) target = only;
        }
        if (!frag.isEmpty() && !ids.get(target.sourceName()).contains(frag)) {
            diag.error(pos, "the cross-reference '" + href + "' points to '#" + frag + "', which "
                            + (target == here ? "this chapter" : "'" + target.sourceName() + "'") + " does not have",
                    "use the id of a heading, e.g. #" + target.sections().stream().map(Block.Heading::id).findFirst().orElse(target.slug()));
            return a.withTarget(new Target.None());
        }
        // a link to the heading that became the part's title lands on the part
        Inline.Link resolved = a.withTarget(new Target.Ref(target.id(), frag.equals(target.titleId()) ? "" : frag));
        if (Tree.plainText(a.content()).isBlank() && Tree.collect(a.content(), Inline.Image.class).isEmpty()) {
            String name = target.isNumbered() ? target.label() + ", " + target.title() : target.title();
            if (!frag.isEmpty() && !frag.equals(target.titleId())) {
                for (Block.Heading h : Tree.collect(target.blocks(), Block.Heading.class)) {
                    if (h.id().equals(frag)) name = (h.number().isEmpty() ? "" : "section " + h.number() + ", ") + h.text();
                }
                // a table or figure is named by its number: "Table 6.2"
                for (Block.Table t : Tree.collect(target.blocks(), Block.Table.class)) {
                    if (t.attrs().id().equals(frag) && !t.label().isEmpty()) name = t.label();
                }
                for (Block.Figure f : Tree.collect(target.blocks(), Block.Figure.class)) {
                    if (f.attrs().id().equals(frag) && !f.label().isEmpty()) name = f.label();
                }
            }
            resolved = new Inline.Link(resolved.target(), List.of(new Inline.Text(name)), resolved.attrs(), resolved.pos());
        }
        return resolved;
    }

    /** The section file of {@code target} that the link's {@code file} names, or null when it names the part's own file. */
    private static Chapter.SectionFile sectionFile(Chapter target, String file, Chapter here) {
        if (file.isEmpty() || target.sectionFiles().isEmpty()) return null;
        Map<String, Chapter> own = new HashMap<>();
        own.put(target.sourceName(), target);
        if (find(file, here, own) != null) return null;
        for (Chapter.SectionFile f : target.sectionFiles()) {
            if (find(file, here, Map.of(f.sourceName(), target)) != null) return f;
        }
        return null;
    }

    /**
     * The part a link's file names: as the manifest lists it, or relative to the linking part's folder (as mdBook
     * and pandoc books link), and by its HTML name too ({@code chapter.html}, {@code .htm}, {@code .xhtml} for
     * {@code chapter.md}), as mdBook books write links.
     */
    static Chapter find(String file, Chapter here, Map<String, Chapter> bySource) {
        java.util.List<String> names = new ArrayList<>();
        String own = normalise(file);
        Path dir = Path.of(here.sourceName()).getParent();
        names.add(own);
        if (dir != null) names.add(normalise(dir.toString().replace('\\', '/') + "/" + file));
        for (String n : List.copyOf(names)) {
            String stem = n.replaceFirst("\\.(x?html?)$", "");
            if (!stem.equals(n)) {
                for (String ext : List.of(".md", ".markdown", ".qmd", ".Rmd", ".rmd")) names.add(stem + ext);
            }
        }
        for (String n : names) {
            Chapter c = bySource.get(n);
            if (c != null) return c;
        }
        return null;
    }

    /** A manifest-relative path in the manifest's spelling: '/' separators, no "./" or "x/.." steps. */
    static String normalise(String file) {
        try {
            String n = Path.of(file).normalize().toString().replace('\\', '/');
            return n.startsWith("./") ? n.substring(2) : n;
        } catch (java.nio.file.InvalidPathException e) {
            return file; // not a path this system can name: looked up as written
        }
    }

    /** Whether an http(s) address names a host, and a mailto: one somebody (RFC 3986, RFC 6068). */
    static boolean addressed(String url) {
        String u = url.strip().toLowerCase(java.util.Locale.ROOT);
        if (u.startsWith("mailto:")) return u.length() > "mailto:".length();
        return u.matches("https?://[^/?#\\s]+.*");
    }

    /** Decodes %XX escapes (RFC 3986); unlike form decoding, a '+' stays a '+' (c++.md is a file name). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a '%' not followed by two hex digits is a '%'
        }
    }

}
