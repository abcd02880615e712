package org.coursebook.render.pdf;

import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Tree;
import org.coursebook.render.Pagination;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Table 6.2 on page 118": in the print book, a cross-reference to a numbered table or figure is followed by the page
 * its target begins on, unless that is the reference's own page. The print stylesheet writes the words
 * ({@code a.page-ref::after}: {@code " on page " target-counter(attr(href), page)}); this class marks the links
 * ({@link #mark}: class {@value #CLASS}, and an id, {@code page-ref-N}, to find the link's page by), and after the
 * first layout takes the mark off the links whose target is on their own page ({@link #withoutSamePage}), for the
 * second layout ({@link PdfEngine#drawBook}).
 */
final class PageReferences {
    /** The class that asks the print stylesheet for " on page N". */
    static final String CLASS = "page-ref";
    /** A link to a place in the print document as the print writer writes it: its href first, its other attributes after. */
    private static final Pattern LINK = Pattern.compile("<a href=\"#([^\"]+)\"([^>]*)>");

    /** The print ids of the book's numbered tables and figures ({@code part--id}). */
    private final Set<String> numbered;
    /** The links marked by {@link #mark}, in document order: each its own print id and its target's. */
    private final List<String[]> links = new ArrayList<>();

    private PageReferences(Set<String> numbered) {
        this.numbered = numbered;
    }

    /** The numbered tables and figures of {@code book} (as the print book writes it), by their print ids. */
    static PageReferences of(Book book) {
        Set<String> ids = new HashSet<>();
        for (Chapter c : book.allParts()) {
            for (Block.Table t : Tree.collect(c.blocks(), Block.Table.class)) {
                if (!t.label().isEmpty() && t.attrs().has("id")) ids.add(c.slug() + "--" + t.attrs().id());
            }
            for (Block.Figure f : Tree.collect(c.blocks(), Block.Figure.class)) {
                if (!f.label().isEmpty() && f.attrs().has("id")) ids.add(c.slug() + "--" + f.attrs().id());
            }
        }
        return new PageReferences(ids);
    }

    /**
     * The print document with every cross-reference ({@code a.xref}) to a numbered table or figure marked: class
     * {@value #CLASS} and, if it has none, an id. Call once, on the document as the print writer wrote it.
     */
    String mark(String xhtml) {
        if (numbered.isEmpty()) return xhtml;
        links.clear();
        return rewrite(xhtml, null);
    }

    /**
     * The marked document without the mark on the links whose target begins on the page where the link does, in
     * {@code first}'s layout; null when there are none (no second layout is needed).
     */
    String withoutSamePage(String xhtml, Pagination first) {
        Set<Integer> same = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            int here = first.pageOf(links.get(i)[0]), there = first.pageOf(links.get(i)[1]);
            if (here >= 0 && here == there) same.add(i);
        }
        return same.isEmpty() ? null : rewrite(xhtml, same);
    }

    /** Marks the links (when {@code unmark} is null), or takes the mark off the links with those indexes. */
    private String rewrite(String xhtml, Set<Integer> unmark) {
        Matcher m = LINK.matcher(xhtml);
        StringBuilder sb = new StringBuilder(xhtml.length() + 64);
        int k = 0;
        while (m.find()) {
            String target = m.group(1), rest = m.group(2);
            String classes = attr(rest, "class");
            boolean isRef = unmark == null ? classes != null && has(classes, "xref") && numbered.contains(target)
                    : classes != null && has(classes, CLASS);
            if (!isRef) {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String tag;
            if (unmark == null) {
                String id = attr(rest, "id");
                String restWith = rest.replace("class=\"" + classes + "\"", "class=\"" + classes + " " + CLASS + "\"");
                if (id == null) {
                    id = CLASS + "-" + (links.size() + 1);
                    restWith = " id=\"" + id + "\"" + restWith;
                }
                links.add(new String[] {id, target});
                tag = "<a href=\"#" + target + "\"" + restWith + ">";
            } else {
                tag = unmark.contains(k)
                        ? "<a href=\"#" + target + "\"" + rest.replace("class=\"" + classes + "\"", "class=\"" + without(classes, CLASS) + "\"") + ">"
                        : m.group();
                k++;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(tag));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    private static boolean has(String classes, String c) {
        for (String s : classes.split("\\s+")) if (s.equals(c)) return true;
        return false;
    }

    private static String without(String classes, String c) {
        List<String> out = new ArrayList<>();
        for (String s : classes.split("\\s+")) if (!s.equals(c) && !s.isEmpty()) out.add(s);
        return String.join(" ", out);
    }
}
