package org.coursebook.read;

import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.SourcePos;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads YAML as a node tree (SnakeYAML's composer, which builds no objects), so every value keeps its line.
 * Used for the manifest and for chapter front matter.
 */
final class Yaml {
    private final Path file;
    private final int lineOffset;

    /** @param lineOffset lines before the YAML text in its file (front matter starts after "---") */
    Yaml(Path file, int lineOffset) {
        this.file = file;
        this.lineOffset = lineOffset;
    }

    /** Parses the text; a syntax error becomes a diagnostic at its line. Returns null for an empty document. */
    Node parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(5 * 1024 * 1024);
        try {
            return new org.yaml.snakeyaml.Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (problem != null && problem.startsWith("Global tag is not allowed")) {
                throw new BuildException(Diagnostic.error(pos(m), "YAML tags that name Java classes (!!java…) are not allowed",
                        "write plain text, lists and mappings; quote a value that starts with '!'"));
            }
            throw new BuildException(Diagnostic.error(pos(m), "YAML syntax error: " + oneLine(problem),
                    "check indentation, and quote values that contain ':' or start with a quote or '@'"));
        } catch (YAMLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("Number of aliases")) {
                throw new BuildException(Diagnostic.error(new SourcePos(file, lineOffset + 1, 0),
                        "the YAML repeats its aliases (*name) more than a book needs", "write the values out instead of aliasing them"));
            }
            throw new BuildException(Diagnostic.error(new SourcePos(file, lineOffset + 1, 0),
                    "YAML error: " + oneLine(e.getMessage()), "check the YAML syntax"));
        }
    }

    /** The first line of the YAML text. */
    SourcePos top() {
        return new SourcePos(file, lineOffset + 1, 0);
    }

    SourcePos pos(Node node) {
        return pos(node.getStartMark());
    }

    /** The position of a 0-based line and column of the YAML text. */
    SourcePos pos(int line, int column) {
        return new SourcePos(file, lineOffset + line + 1, column + 1);
    }

    SourcePos pos(Mark m) {
        if (m == null) return new SourcePos(file, lineOffset + 1, 0);
        return new SourcePos(file, lineOffset + m.getLine() + 1, m.getColumn() + 1);
    }

    /** The keys of a mapping with their value nodes, in order; duplicate keys are an error. */
    Map<String, NodeTuple> mapping(Node node, String what) {
        if (!(node instanceof MappingNode mn)) {
            throw new BuildException(Diagnostic.error(pos(node), what + " must be a mapping of keys to values",
                    "write it as 'key: value' lines"));
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
            if (out.containsKey(key)) {
                throw new BuildException(Diagnostic.error(pos(t.getKeyNode()), "the key '" + key + "' appears twice",
                        "remove one of them"));
            }
            out.put(key, t);
        }
        return out;
    }

    static boolean isScalar(Node n) {
        return n instanceof ScalarNode;
    }

    static boolean isSequence(Node n) {
        return n instanceof SequenceNode;
    }

    static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
