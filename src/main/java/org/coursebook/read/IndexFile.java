package org.coursebook.read;

import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.IndexTerms;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the book's index file, {@code index.yaml} beside the manifest (README "The index"): a mapping from each
 * entry as printed ({@code "collectivisation; and famine"} for a sub-entry) to the words that locate it, given as
 * a list, one string, nothing (the heading's words before its first comma or parenthesis), or a mapping with
 * {@code find}, {@code see} and {@code see also}. Problems are reported at the file's line and column; an entry
 * with a problem is left out.
 */
public final class IndexFile {
    /** The index file's name, in the manifest's folder. */
    public static final String NAME = "index.yaml";

    private IndexFile() {}

    /** The entries of {@code dir/index.yaml}, or {@link IndexTerms#NONE} when the book has none. */
    public static IndexTerms read(Path dir, Diagnostics diag) {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) return IndexTerms.NONE;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diag.error(new SourcePos(file, 1, 0), "cannot read the index file: " + e.getMessage(), "check the file's permissions and encoding (UTF-8)");
            return IndexTerms.NONE;
        }
        Yaml yaml = new Yaml(file, 0);
        Node root;
        try {
            root = yaml.parse(text);
        } catch (BuildException e) {
            for (var d : e.diagnostics()) diag.add(d);
            return IndexTerms.NONE;
        }
        if (root == null) return IndexTerms.NONE;
        if (!(root instanceof MappingNode map)) {
            diag.error(yaml.pos(root), "the index file must be a mapping of entries to the words that find them",
                    "write one 'heading: [words]' line per entry, e.g. 'Stalin, Joseph: [Stalin]'");
            return IndexTerms.NONE;
        }
        List<IndexTerms.Entry> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NodeTuple t : map.getValue()) {
            String heading = Yaml.scalar(t.getKeyNode());
            SourcePos pos = yaml.pos(t.getKeyNode());
            if (heading == null || heading.isBlank()) {
                diag.error(pos, "an index entry without a heading", "write the entry as it is printed, then ':' and the words that find it");
                continue;
            }
            heading = heading.strip().replaceAll("\\s*;\\s*", "; ");
            if (!seen.add(heading)) {
                diag.error(pos, "the index entry '" + heading + "' is listed twice", "list it once, with all its words");
                continue;
            }
            IndexTerms.Entry e = entry(yaml, heading, t.getValueNode(), pos, diag);
            if (e != null) out.add(e);
        }
        return new IndexTerms(out);
    }

    /** The words an entry with no value is found by: its heading before the first comma or parenthesis. */
    static String defaultWords(String heading) {
        String main = heading.contains(";") ? heading.substring(heading.lastIndexOf(';') + 1) : heading;
        int cut = main.length();
        for (char c : new char[] {',', '('}) {
            int i = main.indexOf(c);
            if (i > 0) cut = Math.min(cut, i);
        }
        return main.substring(0, cut).strip();
    }

    private static IndexTerms.Entry entry(Yaml yaml, String heading, Node value, SourcePos pos, Diagnostics diag) {
        if (value instanceof ScalarNode s && (s.getValue() == null || s.getValue().isBlank())) {
            return new IndexTerms.Entry(heading, List.of(defaultWords(heading)), "", List.of(), pos);
        }
        if (value instanceof ScalarNode || value instanceof SequenceNode) {
            List<String> words = words(yaml, value, heading, diag);
            return words == null ? null : new IndexTerms.Entry(heading, words, "", List.of(), pos);
        }
        MappingNode m = (MappingNode) value;
        List<String> find = List.of();
        String see = "";
        List<String> seeAlso = List.of();
        for (NodeTuple t : m.getValue()) {
            String key = Yaml.scalar(t.getKeyNode());
            switch (key == null ? "" : key) {
                case "find" -> {
                    List<String> w = words(yaml, t.getValueNode(), heading, diag);
                    if (w == null) return null;
                    find = w;
                }
                case "see" -> {
                    String s = Yaml.scalar(t.getValueNode());
                    if (s == null || s.isBlank()) {
                        diag.error(yaml.pos(t.getValueNode()), "'see' must name one index entry", "write 'see: Heading of the other entry'");
                        return null;
                    }
                    see = s.strip();
                }
                case "see also" -> {
                    List<String> w = words(yaml, t.getValueNode(), heading, diag);
                    if (w == null) return null;
                    seeAlso = w;
                }
                default -> {
                    diag.error(yaml.pos(t.getKeyNode()), "unknown key '" + key + "' in the index entry '" + heading + "'",
                            "an entry's mapping may have 'find', 'see' and 'see also'");
                    return null;
                }
            }
        }
        if (find.isEmpty() && see.isEmpty() && seeAlso.isEmpty()) {
            find = List.of(defaultWords(heading));
        }
        return new IndexTerms.Entry(heading, find, see, seeAlso, pos);
    }

    /** A list of strings (or one string); null after reporting anything else. */
    private static List<String> words(Yaml yaml, Node n, String heading, Diagnostics diag) {
        List<String> out = new ArrayList<>();
        if (n instanceof ScalarNode s) {
            if (!s.getValue().isBlank()) out.add(s.getValue().strip());
            return out;
        }
        if (n instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                String s = Yaml.scalar(item);
                if (s == null || s.isBlank()) {
                    diag.error(yaml.pos(item), "an empty or nested item in the words of '" + heading + "'", "write each word or phrase as a plain string");
                    return null;
                }
                out.add(s.strip());
            }
            return out;
        }
        diag.error(yaml.pos(n), "the words of '" + heading + "' must be a list", "write them as [word, other word]");
        return null;
    }
}
