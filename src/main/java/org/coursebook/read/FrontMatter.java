package org.coursebook.read;

import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.LecturePoint;
import org.coursebook.model.Term;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A chapter's YAML front matter, read and checked.
 *
 * @param broken the front matter could not be read at all (already reported), so its keys are unknown
 */
record FrontMatter(String title, SourcePos titlePos, String subtitle, String summary,
                   List<LecturePoint> lecture, SourcePos lecturePos, List<Term> terms,
                   String body, int bodyLineOffset, boolean broken) {

    static final Set<String> KEYS = Set.of("title", "subtitle", "summary", "lecture", "terms");

    /** Splits front matter from the body and reads it; the body keeps its line offset for positions. */
    static FrontMatter read(Path file, String text, Markdown md, Diagnostics diag) {
        return read(file, text, md, diag, false);
    }

    /**
     * As {@link #read(Path, String, Markdown, Diagnostics)}; {@code foreign} for a chapter of another tool's book
     * (Quarto, Bookdown), whose front matter holds that tool's keys (format, execute, author…): those are not
     * errors but left out with one note.
     */
    static FrontMatter read(Path file, String text, Markdown md, Diagnostics diag, boolean foreign) {
        if (!(text.startsWith("---\n") || text.equals("---"))) {
            return new FrontMatter(null, null, "", "", List.of(), null, List.of(), text, 0, false);
        }
        String[] lines = text.split("\n", -1);
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].equals("---") || lines[i].equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            diag.error(SourcePos.of(file, 1), "the front matter that starts here is never closed",
                    "end the front matter with a line of three dashes: ---");
            return new FrontMatter(null, null, "", "", List.of(), null, List.of(), "", lines.length, true);
        }
        String yamlText = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, close + 1, lines.length));
        int offset = close + 1;
        Yaml yaml = new Yaml(file, 1);
        Node root;
        try {
            root = yaml.parse(yamlText);
        } catch (BuildException e) {
            e.diagnostics().forEach(diag::add);
            return new FrontMatter(null, null, "", "", List.of(), null, List.of(), body, offset, true);
        }
        if (root == null) return new FrontMatter(null, null, "", "", List.of(), null, List.of(), body, offset, false);
        Map<String, NodeTuple> map;
        try {
            map = yaml.mapping(root, "the front matter");
        } catch (BuildException e) {
            e.diagnostics().forEach(diag::add);
            return new FrontMatter(null, null, "", "", List.of(), null, List.of(), body, offset, true);
        }
        List<String> ignored = new ArrayList<>();
        for (var e : map.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                if (foreign) {
                    ignored.add(e.getKey());
                    continue;
                }
                diag.error(yaml.pos(e.getValue().getKeyNode()), "unknown front matter key '" + e.getKey() + "'",
                        "a chapter's front matter may have: " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        if (!ignored.isEmpty()) {
            diag.note(yaml.pos(map.get(ignored.get(0)).getKeyNode()), "front matter keys coursebook does not use are left out: "
                    + String.join(", ", ignored), "a chapter's front matter may have: " + String.join(", ", new TreeSet<>(KEYS)));
            for (String k : ignored) map.remove(k);
        }
        String title = scalar(yaml, map, "title", diag);
        SourcePos titlePos = map.containsKey("title") ? yaml.pos(map.get("title").getValueNode()) : null;
        if (title != null && title.isBlank()) {
            diag.error(titlePos, "the chapter title is empty", "write the title after 'title:'");
        }
        String subtitle = scalar(yaml, map, "subtitle", diag);
        String summary = scalar(yaml, map, "summary", diag);

        List<LecturePoint> lecture = new ArrayList<>();
        SourcePos lecturePos = null;
        if (map.containsKey("lecture")) {
            Node v = map.get("lecture").getValueNode();
            lecturePos = yaml.pos(map.get("lecture").getKeyNode());
            if (!(v instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                diag.error(yaml.pos(v), "'lecture' must be a list of bullet points",
                        "write each lecture bullet point on its own line starting with '- '");
            } else {
                List<Node> items = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    String s = Yaml.scalar(item);
                    if (s == null || s.isBlank()) {
                        diag.error(yaml.pos(item), "a lecture bullet point must be a line of text, not a list or mapping",
                                "write it as '- Text of the point'; quote it if it contains ': '");
                    } else {
                        checkMergedPoint(yaml, yamlText, item, diag);
                        items.add(item);
                        texts.add(s);
                    }
                }
                List<String> rendered = md.renderInline(texts);
                for (int i = 0; i < items.size(); i++) {
                    String html = rendered.get(i);
                    String plain = org.jsoup.Jsoup.parse(html).text();
                    SourcePos pos = yaml.pos(items.get(i));
                    lecture.add(new LecturePoint(cleanInline(html, pos, diag), plain, pos));
                }
            }
        }

        List<Term> terms = new ArrayList<>();
        if (map.containsKey("terms")) {
            Node v = map.get("terms").getValueNode();
            if (!(v instanceof SequenceNode seq)) {
                diag.error(yaml.pos(v), "'terms' must be a list", "each entry has term, translit and meaning");
            } else {
                for (Node item : seq.getValue()) {
                    if (!(item instanceof MappingNode)) {
                        diag.error(yaml.pos(item), "a term must have term and meaning (and translit for a term not in the Latin script)",
                                "write '- term: колхоз' then 'translit: kolkhoz' and 'meaning: collective farm' indented below");
                        continue;
                    }
                    Map<String, NodeTuple> t;
                    try {
                        t = yaml.mapping(item, "a term");
                    } catch (BuildException e) {
                        e.diagnostics().forEach(diag::add);
                        continue;
                    }
                    String term = Yaml.scalar(t.containsKey("term") ? t.get("term").getValueNode() : null);
                    String translit = Yaml.scalar(t.containsKey("translit") ? t.get("translit").getValueNode() : null);
                    String meaning = Yaml.scalar(t.containsKey("meaning") ? t.get("meaning").getValueNode() : null);
                    String lang = Yaml.scalar(t.containsKey("lang") ? t.get("lang").getValueNode() : null);
                    for (String k : t.keySet()) {
                        if (!Set.of("term", "translit", "meaning", "lang").contains(k)) {
                            diag.error(yaml.pos(t.get(k).getKeyNode()), "unknown key '" + k + "' in a term",
                                    "a term has term, meaning, and translit (for a non-Latin script) and lang (optional)");
                        }
                    }
                    List<String> missing = new ArrayList<>();
                    if (term == null || term.isBlank()) missing.add("term");
                    if (meaning == null || meaning.isBlank()) missing.add("meaning");
                    if (term != null && Term.nonLatin(term) && (translit == null || translit.isBlank())) missing.add("translit");
                    if (!missing.isEmpty()) {
                        diag.error(yaml.pos(item), "the term" + (term == null || term.isBlank() ? "" : " '" + term.strip() + "'")
                                        + " has no " + String.join(" and no ", missing),
                                "add '" + missing.get(0) + ": …' to it" + (missing.contains("translit")
                                        ? " (a term in a script other than Latin needs its transliteration)" : ""));
                        continue;
                    }
                    if (lang != null && !lang.strip().matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
                        diag.error(yaml.pos(t.get("lang").getValueNode()), "'" + lang + "' is not a language tag",
                                "write a BCP 47 tag such as de, la, el or ru");
                        continue;
                    }
                    terms.add(new Term(term.strip(), translit == null ? "" : translit.strip(), meaning.strip(),
                            lang == null ? "" : lang.strip(), yaml.pos(item)));
                }
            }
        }
        return new FrontMatter(title == null ? null : title.strip(), titlePos, subtitle == null ? "" : subtitle.strip(),
                summary == null ? "" : summary.strip(), lecture, lecturePos, terms, body, offset, false);
    }

    /**
     * A plain YAML scalar goes on over every following line indented more than its list's dash, so a point
     * written {@code "   - Next point"} one space too far in becomes the end of the point before it (YAML 1.2,
     * §7.3.3 plain scalars, multi-line). Reports each continuation line that starts with a list marker.
     */
    private static void checkMergedPoint(Yaml yaml, String yamlText, Node item, Diagnostics diag) {
        if (!(item instanceof ScalarNode sn) || sn.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) return;
        int first = item.getStartMark().getLine(), last = item.getEndMark().getLine();
        if (last <= first) return;
        String[] lines = yamlText.split("\n", -1);
        for (int i = first + 1; i <= last && i < lines.length; i++) {
            String l = lines[i];
            int indent = l.length() - l.stripLeading().length();
            String rest = l.substring(indent);
            if (rest.matches("[-*+](\\s.*)?")) {
                diag.error(yaml.pos(i, indent), "this line is read as the end of the lecture bullet point above it, not as a point of its own",
                        "start it at the same indentation as the other points (column " + (item.getStartMark().getColumn() - 1)
                                + " for the '-'); put a point that really goes on with a dash in quotes");
            }
        }
    }

    private static List<org.coursebook.model.Inline> cleanInline(String html, SourcePos pos, Diagnostics diag) {
        org.jsoup.nodes.Element body = XhtmlCleaner.parse(html);
        XhtmlCleaner.sanitize(body, pos, diag);
        return TreeBuilder.inlinesOrText(TreeBuilder.plain(pos).children(body));
    }

    private static String scalar(Yaml yaml, Map<String, NodeTuple> map, String key, Diagnostics diag) {
        if (!map.containsKey(key)) return null;
        Node v = map.get(key).getValueNode();
        String s = Yaml.scalar(v);
        if (s == null) {
            diag.error(yaml.pos(v), "'" + key + "' must be text, not a list or mapping", "write '" + key + ": text'");
        }
        return s;
    }
}
