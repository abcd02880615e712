package org.coursebook.read;

import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Asset;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Footnote;
import org.coursebook.model.Inline;
import org.coursebook.model.LecturePoint;
import org.coursebook.model.Node;
import org.coursebook.model.Slugs;
import org.coursebook.model.Target;
import org.coursebook.model.Term;
import org.coursebook.model.Tree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges section files into their chapter (a chapter entry of the manifest with {@code sections:}, or an mdBook
 * chapter with nested entries): each section file becomes a heading of its title, one level below its parent (a
 * section's title a {@code ##} heading, a section of a section's {@code ###}), followed by its text with its own
 * headings moved down as many levels (at most to {@code ######}). So a section file is a section of its chapter,
 * numbered 3.2 and nested in the contents, not a chapter of its own.
 *
 * <p>What each file names on its own is kept apart: a heading id or note label that another file of the chapter
 * used first gets a suffix (-1, -2…, as GitHub numbers repeated ids), and the file's links to its own ids follow;
 * links between files, written relative to the linking file's folder, are rewritten relative to the book's folder.
 * The chapter remembers each section file and the anchor it starts at ({@link Chapter.SectionFile}), so that the
 * cross-reference transform resolves a link to the file, or to an id in it, to the chapter.
 */
final class SectionMerger {
    private final Diagnostics diag;
    /** Every file the manifest lists (chapters' and section files'), as it lists them. */
    private final Set<String> listed;

    SectionMerger(Diagnostics diag, Set<String> listed) {
        this.diag = diag;
        this.listed = Set.copyOf(listed);
    }

    /** One section file as read, with its depth below the chapter (1 for a section). */
    record Section(Chapter read, int depth) {}

    /** The chapter with the section files merged into it, in order. */
    Chapter merge(Chapter chapter, List<Section> sections) {
        if (sections.isEmpty()) return chapter;
        Set<String> ids = new HashSet<>(idsOf(chapter));
        ids.add(chapter.slug());
        ids.add(chapter.slug() + "-title");
        ids.add(chapter.slug() + "-lecture");
        ids.add(chapter.slug() + "-notes");
        Set<String> labels = new HashSet<>();
        for (Footnote f : chapter.footnotes()) labels.add(f.label());
        List<Block> blocks = new ArrayList<>(chapter.blocks());
        List<Footnote> notes = new ArrayList<>(chapter.footnotes());
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (Asset a : chapter.assets()) assets.put(a.href(), a);
        List<Term> terms = new ArrayList<>(chapter.terms());
        List<LecturePoint> points = new ArrayList<>(chapter.lecturePoints());
        List<Chapter.SectionFile> files = new ArrayList<>(chapter.sectionFiles());
        for (Section s : sections) {
            Chapter c = s.read();
            if (!c.subtitle().isEmpty() || !c.summary().isEmpty()) {
                diag.warning(c.pos(), "the subtitle and summary of a section file are not shown (only a chapter's are)",
                        "move them to the front matter of the chapter's own file, or into the section's text");
            }
            // the file's ids: its title's, then its headings' (moved down a level or more) and other elements'
            Map<String, String> renamed = new HashMap<>();
            String ownTitleId = c.titleId().isEmpty() ? Slugs.headingId(c.title()) : c.titleId();
            String anchor = unique(ownTitleId, ids);
            if (!anchor.equals(ownTitleId)) renamed.put(ownTitleId, anchor);
            Set<String> own = new HashSet<>();
            for (Block.Heading h : Tree.collect(c.blocks(), Block.Heading.class)) {
                String id = h.id();
                // a repeat within the file is numbered later, as in a chapter of one file (NumberHeadings)
                if (!own.add(id) || id.equals(c.titleId())) continue;
                String mine = unique(id, ids);
                if (!mine.equals(id)) renamed.put(id, mine);
            }
            Map<String, String> relabelled = new HashMap<>();
            for (Footnote f : c.footnotes()) {
                String label = f.label();
                if (labels.add(label)) continue;
                int k = 1;
                while (!labels.add(label + "-" + k)) k++;
                relabelled.put(label, label + "-" + k);
            }
            Path from = Path.of(c.sourceName()).getParent();
            java.util.function.Function<Node, List<Node>> fix = n -> List.of(rewrite(n, renamed, relabelled, from, s.depth()));
            blocks.add(new Block.Heading(Math.min(6, 1 + s.depth()), anchor, List.of(new Inline.Text(c.title())), "", c.pos()));
            blocks.addAll(Tree.map(c.blocks(), fix));
            for (Footnote f : c.footnotes()) {
                Footnote moved = new Footnote(relabelled.getOrDefault(f.label(), f.label()), f.number(), Tree.map(f.content(), fix), f.pos());
                notes.add(moved);
            }
            for (Asset a : c.assets()) assets.putIfAbsent(a.href(), a);
            terms.addAll(c.terms());
            points.addAll(c.lecturePoints());
            Map<String, String> idMap = new HashMap<>(renamed);
            if (!c.titleId().isEmpty()) idMap.put(c.titleId(), anchor);
            files.add(new Chapter.SectionFile(c.sourceName(), anchor, idMap));
        }
        return chapter.withSections(blocks, notes, new ArrayList<>(assets.values()), terms, points, files);
    }

    /** A book-relative path in the manifest's spelling: '/' separators, no "./" or "x/.." steps. */
    static String normalise(String file) {
        try {
            String n = Path.of(file).normalize().toString().replace('\\', '/');
            return n.startsWith("./") ? n.substring(2) : n;
        } catch (java.nio.file.InvalidPathException e) {
            return file;
        }
    }

    /** {@code id}, or with the first suffix -1, -2… not taken yet; the result is taken. */
    private static String unique(String id, Set<String> taken) {
        if (taken.add(id)) return id;
        int k = 1;
        while (!taken.add(id + "-" + k)) k++;
        return id + "-" + k;
    }

    /**
     * A node of a section file as it stands in the chapter: headings moved down {@code depth} levels and renamed,
     * note references relabelled, links to its own ids renamed, links to other files of the book made relative
     * to the book's folder.
     */
    private Node rewrite(Node n, Map<String, String> renamed, Map<String, String> relabelled, Path from, int depth) {
        if (n instanceof Block.Heading h) {
            return new Block.Heading(Math.min(6, h.level() + depth), renamed.getOrDefault(h.id(), h.id()), h.content(), h.number(), h.pos());
        }
        if (n instanceof Inline.NoteRef r && relabelled.containsKey(r.label())) {
            return new Inline.NoteRef(relabelled.get(r.label()), r.number(), r.first());
        }
        if (n instanceof Inline.Link a && a.target() instanceof Target.Unresolved u) {
            String href = u.href().strip();
            if (href.startsWith("#")) {
                String frag = href.substring(1);
                return renamed.containsKey(frag) ? a.withTarget(new Target.Unresolved("#" + renamed.get(frag))) : a;
            }
            if (from == null || href.isEmpty() || href.toLowerCase(java.util.Locale.ROOT).matches("^[a-z][a-z0-9+.-]*:.*")) return a;
            int hash = href.indexOf('#');
            String file = hash < 0 ? href : href.substring(0, hash), rest = hash < 0 ? "" : href.substring(hash);
            String fromBook;
            try {
                fromBook = from.resolve(java.net.URLDecoder.decode(file.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8))
                        .normalize().toString().replace('\\', '/');
            } catch (IllegalArgumentException e) {
                return a;
            }
            String md = fromBook.replaceFirst("\\.(x?html?)$", ".md");
            for (String candidate : List.of(fromBook, md)) {
                if (listed.contains(candidate)) return a.withTarget(new Target.Unresolved(candidate.replace("%", "%25") + rest));
            }
        }
        return n;
    }

    /** The ids a part's text gives: its headings', its elements', its notes'. */
    static Set<String> idsOf(Chapter c) {
        Set<String> ids = Tree.ids(c.blocks());
        if (!c.titleId().isEmpty()) ids.add(c.titleId());
        return ids;
    }
}
