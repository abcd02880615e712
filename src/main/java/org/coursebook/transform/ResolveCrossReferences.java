package org.coursebook.transform;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Footnote;
import org.coursebook.read.XhtmlCleaner;
import org.jsoup.nodes.Element;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves links between parts: {@code [text](03-soviet-ideology.md#paris-commune)} becomes a link to the
 * chapter's XHTML file and heading; an empty link text is filled with "Chapter 3, Soviet Ideology". Links to
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
        }
        List<Chapter> front = new ArrayList<>(), body = new ArrayList<>(), back = new ArrayList<>();
        for (Chapter c : book.frontMatter()) front.add(resolve(c, bySource, ids, diag));
        for (Chapter c : book.chapters()) body.add(resolve(c, bySource, ids, diag));
        for (Chapter c : book.backMatter()) back.add(resolve(c, bySource, ids, diag));
        return book.withParts(front, body, back);
    }

    static Set<String> idsOf(Chapter c) {
        Set<String> ids = new HashSet<>();
        ids.add(c.slug());
        for (Block b : c.blocks()) {
            if (b instanceof Block.Heading h) ids.add(h.id());
            String x = b.allXhtml();
            if (x.contains("id=\"")) for (Element e : XhtmlCleaner.parse(x).select("[id]")) ids.add(e.id());
        }
        for (Footnote f : c.footnotes()) ids.add(f.id());
        return ids;
    }

    private Chapter resolve(Chapter c, Map<String, Chapter> bySource, Map<String, Set<String>> ids, Diagnostics diag) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : c.blocks()) {
            blocks.add(b instanceof Block.Heading ? b : b.mapXhtml(x -> links(x, b.pos(), c, bySource, ids, diag)));
        }
        List<Footnote> notes = new ArrayList<>();
        for (Footnote f : c.footnotes()) {
            notes.add(new Footnote(f.label(), f.number(), links(f.xhtml(), f.pos(), c, bySource, ids, diag), f.pos()));
        }
        return c.withBlocksAndFootnotes(blocks, notes);
    }

    private String links(String xhtml, SourcePos pos, Chapter here, Map<String, Chapter> bySource,
                         Map<String, Set<String>> ids, Diagnostics diag) {
        if (!xhtml.contains("<a ")) return xhtml;
        return Html.edit(xhtml, body -> {
            for (Element a : body.select("a[href]")) {
                if (a.hasClass("noteref")) continue;
                String href = a.attr("href").strip();
                String lower = href.toLowerCase(java.util.Locale.ROOT);
                if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    if (!(lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:"))) {
                        diag.error(pos, "the link '" + href + "' uses an unsupported scheme", "link to http(s) addresses or to other chapters only");
                        a.removeAttr("href");
                    } else if (href.indexOf(' ') >= 0) {
                        // written as [text](<https://example.org/a b>): a URL cannot hold a space (RFC 3986)
                        a.attr("href", href.replace(" ", "%20"));
                    }
                    continue;
                }
                String file = href, frag = "";
                int hash = href.indexOf('#');
                if (hash >= 0) {
                    file = href.substring(0, hash);
                    frag = percentDecode(href.substring(hash + 1));
                }
                // a chapter's file name may hold spaces, written as %20 or inside <…>: [](<03 Basic Terms.md>)
                file = percentDecode(file);
                if (file.startsWith("./")) file = file.substring(2);
                Chapter target = file.isEmpty() ? here : bySource.get(file);
                if (target == null && unreadParts.contains(file)) continue; // its own error is reported
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
                    a.removeAttr("href");
                    continue;
                }
                if (!frag.isEmpty() && !ids.get(target.sourceName()).contains(frag)) {
                    diag.error(pos, "the cross-reference '" + href + "' points to '#" + frag + "', which "
                                    + (target == here ? "this chapter" : "'" + target.sourceName() + "'") + " does not have",
                            "use the id of a heading, e.g. #" + target.sections().stream().map(Block.Heading::id).findFirst().orElse(target.slug()));
                    a.removeAttr("href");
                    continue;
                }
                String resolved = (target == here && !frag.isEmpty() ? "" : target.fileName()) + (frag.isEmpty() ? "" : "#" + frag);
                a.attr("href", resolved);
                a.addClass("xref");
                if (a.text().isBlank() && a.select("img").isEmpty()) {
                    String name = target.isNumbered() ? target.label() + ", " + target.title() : target.title();
                    if (!frag.isEmpty()) {
                        for (Block.Heading h : sectionsAndSub(target)) {
                            if (h.id().equals(frag)) name = (h.number().isEmpty() ? "" : "section " + h.number() + ", ") + h.text();
                        }
                    }
                    a.text(name);
                }
            }
        });
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

    private static List<Block.Heading> sectionsAndSub(Chapter c) {
        List<Block.Heading> out = new ArrayList<>();
        for (Block b : c.blocks()) if (b instanceof Block.Heading h) out.add(h);
        return out;
    }
}
