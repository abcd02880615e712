package org.coursebook.support;

import org.coursebook.diag.SourcePos;
import org.coursebook.model.Attrs;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Element;
import org.coursebook.model.Footnote;
import org.coursebook.model.Inline;
import org.coursebook.model.LecturePoint;
import org.coursebook.model.Node;
import org.coursebook.model.Target;
import org.coursebook.model.Term;

import java.util.List;
import java.util.Map;

/**
 * The document tree of a book in a readable text form, one node a line, indented by depth, in the manner of
 * pandoc's {@code native} output: what the model tests compare with their golden files. Positions are given as
 * {@code file:line:column} (file name only), so that a change of where a node was read from shows too.
 */
public final class TreeDump {
    private final StringBuilder sb = new StringBuilder();

    private TreeDump() {}

    public static String of(Book book) {
        TreeDump d = new TreeDump();
        for (Chapter c : book.allParts()) d.chapter(c);
        return d.sb.toString();
    }

    private void chapter(Chapter c) {
        line(0, "Part " + c.kind() + (c.isNumbered() ? " " + c.number() : "") + " id=" + c.id() + " source=" + q(c.sourceName())
                + " title=" + q(c.title()) + " @" + pos(c.pos()));
        if (!c.subtitle().isEmpty()) { line(1, "subtitle"); nodes(c.subtitle(), 2); }
        if (!c.summary().isEmpty()) { line(1, "summary"); nodes(c.summary(), 2); }
        for (LecturePoint p : c.lecturePoints()) { line(1, "LecturePoint @" + pos(p.pos())); nodes(p.content(), 2); }
        for (Term t : c.terms()) line(1, "Term " + q(t.term()) + " " + q(t.translit()) + " " + q(t.meaning()));
        nodes(c.blocks(), 1);
        for (Footnote f : c.footnotes()) {
            line(1, "Footnote " + q(f.label()) + " #" + f.number() + " @" + pos(f.pos()));
            nodes(f.content(), 2);
        }
        for (var a : c.assets()) line(1, "Asset " + q(a.href()) + " " + a.mediaType());
    }

    private void nodes(List<? extends Node> nodes, int depth) {
        for (Node n : nodes) node(n, depth);
    }

    private void node(Node n, int depth) {
        String head;
        if (n instanceof Inline.Text t) head = "Text " + q(t.text());
        else if (n instanceof Inline.Code c) head = "Code " + q(c.text());
        else if (n instanceof Inline.Emph) head = "Emph";
        else if (n instanceof Inline.Strong) head = "Strong";
        else if (n instanceof Inline.Link l) head = "Link " + target(l.target()) + attrs(l.attrs());
        else if (n instanceof Inline.Image i) head = "Image " + q(i.src()) + " alt=" + q(i.alt()) + attrs(i.attrs());
        else if (n instanceof Inline.NoteRef r) head = "NoteRef " + q(r.label()) + " #" + r.number() + (r.first() ? " first" : "");
        else if (n instanceof Inline.Lang l) head = "Lang " + l.lang();
        else if (n instanceof Inline.Lifted) head = "Lifted";
        else if (n instanceof Inline.LineBreak) head = "LineBreak";
        else if (n instanceof Inline.Wbr) head = "Wbr";
        else if (n instanceof Element e) head = "Element <" + e.tag() + ">" + attrs(e.attrs());
        else if (n instanceof Block.Heading h) head = "Heading " + h.level() + " #" + h.id() + (h.number().isEmpty() ? "" : " number=" + h.number());
        else if (n instanceof Block.Para p) head = "Para" + attrs(p.attrs());
        else if (n instanceof Block.ListBlock l) head = (l.ordered() ? "OrderedList" : "BulletList") + attrs(l.attrs());
        else if (n instanceof Block.Item i) head = "Item" + attrs(i.attrs());
        else if (n instanceof Block.Quote q) head = "Quote" + attrs(q.attrs());
        else if (n instanceof Block.Table t) head = "Table" + (t.number().isEmpty() ? "" : " number=" + t.number()) + attrs(t.attrs()) + (t.fit().layout().equals("AS_IS") ? "" : " fit=" + t.fit());
        else if (n instanceof Block.Caption) head = "Caption";
        else if (n instanceof Block.Section s) head = "Section " + s.kind();
        else if (n instanceof Block.Row r) head = "Row" + attrs(r.attrs());
        else if (n instanceof Block.Cell c) head = (c.header() ? "HeaderCell" : "Cell") + attrs(c.attrs());
        else if (n instanceof Block.Figure f) head = "Figure" + (f.number().isEmpty() ? "" : " number=" + f.number()) + attrs(f.attrs());
        else if (n instanceof Block.Listing l) head = "Listing info=" + q(l.info()) + " code=" + q(l.code());
        else if (n instanceof Block.Rule) head = "Rule";
        else if (n instanceof Block.Sidebar) head = "Sidebar";
        else if (n instanceof Block.PullQuote p) head = "PullQuote " + p.kind() + (p.attribution() == null ? ""
                : " speaker=" + q(p.attribution().speaker()) + " year=" + q(p.attribution().year()));
        else head = n.getClass().getSimpleName();
        if (n instanceof Block b && !(n instanceof Element) && !(n instanceof Block.Caption || n instanceof Block.Section
                || n instanceof Block.Row || n instanceof Block.Cell || n instanceof Block.Item)) head += " @" + pos(b.pos());
        line(depth, head);
        if (n instanceof Block.PullQuote p && p.attribution() != null && !p.attribution().work().isEmpty()) {
            line(depth + 1, "work");
            nodes(p.attribution().work(), depth + 2);
        }
        nodes(n.children(), depth + 1);
    }

    private static String target(Target t) {
        if (t instanceof Target.Ref r) return "ref " + r.chapter() + (r.anchor().isEmpty() ? "" : "#" + r.anchor());
        if (t instanceof Target.Url u) return "url " + q(u.href());
        if (t instanceof Target.Unresolved u) return "unresolved " + q(u.href());
        return "none";
    }

    private static String attrs(Attrs a) {
        if (a.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" {");
        boolean first = true;
        for (Map.Entry<String, String> e : a.map().entrySet()) {
            if (!first) sb.append(' ');
            sb.append(e.getKey()).append('=').append(q(e.getValue()));
            first = false;
        }
        return sb.append('}').toString();
    }

    private static String pos(SourcePos p) {
        return p.file().getFileName() + ":" + p.line() + ":" + p.column();
    }

    private static String q(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private void line(int depth, String text) {
        sb.append("  ".repeat(depth)).append(text).append('\n');
    }
}
