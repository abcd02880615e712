package org.coursebook.read;

import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.SourcePos;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an SVG image before it is copied into the EPUB and drawn (by Batik) into the PDF. The file is read with
 * the JDK's own streaming XML parser, hardened: no DTD processing, no external entities, no XInclude. A
 * DOCTYPE as drawing programs write it (graphviz, matplotlib, older Inkscape: {@code <!DOCTYPE svg PUBLIC
 * "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">}, or just {@code <!DOCTYPE svg>})
 * is accepted, and is left out of the outputs ({@link #forOutput}); a DOCTYPE with declarations of its own
 * (an internal subset: entities, which can read other files or expand without end) or naming any other DTD is
 * refused. A UTF-8 byte order mark is accepted, and left out of the outputs too. The image must be
 * self-contained and static: no scripts, event handlers, {@code foreignObject} (HTML inside SVG), processing
 * instructions, or references to other files or web addresses, whether in {@code href}, in {@code style} or in
 * animations. Every problem names the SVG file's line and column (XML 1.0, section 2.8, for the DOCTYPE).
 */
public final class SvgChecker {
    /** Deeper element nesting is refused: Batik renders the tree recursively. */
    public static final int MAX_DEPTH = 256;

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Set<String> ANIMATIONS = Set.of("animate", "set", "animatemotion", "animatetransform",
            "animatecolor");
    private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?\\s*([^)'\"]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAFE_DATA = Pattern.compile("data:image/(png|jpeg|jpg|gif);.*", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("@import[^;]*;?", Pattern.CASE_INSENSITIVE);
    private static final String SELF_CONTAINED = "an SVG in the book must be self-contained and static";
    /** The W3C's own SVG DTDs, which a DOCTYPE may name: they are never read, by us or by the renderers. */
    private static final Pattern W3C_SVG_DTD = Pattern.compile("https?://www\\.w3\\.org/[\\w./-]*svg[\\w.-]*\\.dtd",
            Pattern.CASE_INSENSITIVE);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SvgChecker() {}

    /** Every problem found in the SVG file (empty when it is safe to use). */
    public static List<Diagnostic> check(Path file) {
        List<Diagnostic> out = new ArrayList<>();
        XMLInputFactory f = XMLInputFactory.newDefaultFactory(); // the JDK's parser, whatever is on the class path
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            out.add(Diagnostic.error(SourcePos.of(file), "cannot read the SVG: " + e.getMessage(), "check its permissions"));
            return out;
        }
        String source = new String(bytes, StandardCharsets.UTF_8);
        Text text = new Text(file, source.startsWith("\uFEFF") ? source.substring(1) : source);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                int depth = 0;
                boolean root = true;
                boolean inStyle = false;
                while (r.hasNext()) {
                    int ev = r.next();
                    switch (ev) {
                        case XMLStreamConstants.DTD -> doctype(text, text.back(r.getLocation(), "<!DOCTYPE"), out);
                        case XMLStreamConstants.PROCESSING_INSTRUCTION -> out.add(error(text.back(r.getLocation(), "<?"),
                                "the SVG has a processing instruction <?" + r.getPITarget() + " …?>",
                                "delete it: " + SELF_CONTAINED));
                        case XMLStreamConstants.START_ELEMENT -> {
                            depth++;
                            String name = r.getLocalName().toLowerCase(Locale.ROOT);
                            SourcePos loc = text.back(r.getLocation(), "<");
                            if (root) {
                                root = false;
                                if (!name.equals("svg") || !SVG_NS.equals(r.getNamespaceURI())) {
                                    out.add(error(loc, "the file's root element is <" + r.getLocalName()
                                                    + ">, not an SVG <svg> element in the SVG namespace",
                                            "save the image as SVG (with xmlns=\"" + SVG_NS + "\"), or as PNG"));
                                    return out;
                                }
                            }
                            if (depth > MAX_DEPTH) {
                                out.add(error(loc, "the SVG's elements are nested more than " + MAX_DEPTH + " levels deep",
                                        "simplify the drawing (ungroup nested groups)"));
                                return out;
                            }
                            element(r, name, loc, out);
                            inStyle = name.equals("style");
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            depth--;
                            inStyle = false;
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                            if (inStyle) style(text.pos(r.getLocation()), r.getText(), out);
                        }
                        default -> { }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            Location loc = e.getLocation();
            String msg = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", "");
            out.add(error(text.pos(loc), "the SVG is not well-formed XML: " + msg.replaceAll("\\s+", " ").strip(),
                    "open it in an SVG editor and save it again, or fix the line shown"));
        } catch (IOException e) {
            out.add(Diagnostic.error(SourcePos.of(file), "cannot read the SVG: " + e.getMessage(), "check its permissions"));
        }
        return out;
    }

    /**
     * Checks the DOCTYPE starting at {@code at} (XML 1.0 production [28]: {@code <!DOCTYPE name ExternalID? [subset]?>}).
     * The parser's own text of it is not reliable, so the declaration is read from the file.
     */
    private static void doctype(Text text, SourcePos at, List<Diagnostic> out) {
        Doctype d = Doctype.find(text.s());
        if (d == null) {
            out.add(error(at, "the SVG's DOCTYPE declaration cannot be read",
                    "delete the <!DOCTYPE …> line: SVG needs none"));
        } else if (d.subset() != null) {
            boolean entities = d.subset().contains("<!ENTITY");
            out.add(error(at, entities ? "the SVG's DOCTYPE declares entities"
                            : "the SVG's DOCTYPE has declarations of its own ([…])",
                    "delete the part in square brackets" + (entities ? " and write out what each entity (&name;) stands for" : "")
                            + ", or the whole <!DOCTYPE …>: SVG needs none, and declarations in it can make an XML reader"
                            + " read other files or expand text without end"));
        } else if (d.systemId() != null && !W3C_SVG_DTD.matcher(d.systemId()).matches()) {
            out.add(error(at, "the SVG's DOCTYPE refers to '" + shorten(d.systemId()) + "'",
                    "delete the <!DOCTYPE …> line (SVG needs none), or name the W3C's SVG DTD: " + SELF_CONTAINED));
        }
    }

    /**
     * The SVG's bytes as the outputs carry them: without a UTF-8 byte order mark or a DOCTYPE (the print
     * renderer's XML reader refuses a byte order mark it has decoded as text; a DOCTYPE naming a DTD is
     * nothing a reading system needs). Only for a file {@link #check} accepted; other bytes come back as they are.
     */
    public static byte[] forOutput(byte[] svg) {
        int start = startsWith(svg, BOM) ? BOM.length : 0;
        String s = new String(svg, start, svg.length - start, StandardCharsets.UTF_8);
        Doctype d = Doctype.find(s);
        if (d == null || d.subset() != null) {
            return start == 0 ? svg : java.util.Arrays.copyOfRange(svg, start, svg.length);
        }
        return (s.substring(0, d.start()) + s.substring(d.end())).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }

    /**
     * A DOCTYPE declaration read from the text: where it starts and ends (after its '>'), its system identifier
     * and its internal subset (the text between '[' and ']'), each null when absent.
     */
    private record Doctype(int start, int end, String systemId, String subset) {
        /** The DOCTYPE in the prolog (before the first element), or null if there is none or it cannot be read. */
        static Doctype find(String s) {
            int start = -1;
            for (int i = s.indexOf('<'); i >= 0 && start < 0; ) {
                if (s.startsWith("<!--", i)) {
                    int close = s.indexOf("-->", i + 4);
                    i = close < 0 ? -1 : s.indexOf('<', close + 3);
                } else if (s.startsWith("<?", i)) {
                    int close = s.indexOf("?>", i + 2);
                    i = close < 0 ? -1 : s.indexOf('<', close + 2);
                } else if (s.startsWith("<!DOCTYPE", i)) {
                    start = i;
                } else {
                    return null; // the root element: no DOCTYPE
                }
            }
            if (start < 0) return null;
            int i = start + "<!DOCTYPE".length();
            List<String> literals = new ArrayList<>();
            String subset = null;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    int close = s.indexOf(c, i + 1);
                    if (close < 0) return null;
                    literals.add(s.substring(i + 1, close));
                    i = close + 1;
                } else if (c == '[') {
                    int close = subsetEnd(s, i + 1);
                    if (close < 0) return null;
                    subset = s.substring(i + 1, close);
                    i = close + 1;
                } else if (c == '>') {
                    String keywords = s.substring(start + "<!DOCTYPE".length(), i).strip();
                    boolean pub = keywords.matches("(?s)\\S+\\s+PUBLIC\\b.*");
                    String system = pub ? (literals.size() > 1 ? literals.get(1) : null) : literals.isEmpty() ? null : literals.get(0);
                    return new Doctype(start, i + 1, system, subset);
                } else {
                    i++;
                }
            }
            return null;
        }

        /** The index of the ']' closing an internal subset that starts at {@code from}; quoted text and comments skipped. */
        private static int subsetEnd(String s, int from) {
            for (int i = from; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    i = s.indexOf(c, i + 1);
                    if (i < 0) return -1;
                } else if (s.startsWith("<!--", i)) {
                    i = s.indexOf("-->", i + 4);
                    if (i < 0) return -1;
                    i += 2;
                } else if (c == ']') {
                    return i;
                }
            }
            return -1;
        }
    }

    private static void element(XMLStreamReader r, String name, SourcePos loc, List<Diagnostic> out) {
        if (name.equals("script")) {
            out.add(error(loc, "the SVG contains a <script>", "delete the script: " + SELF_CONTAINED));
        } else if (name.equals("foreignobject")) {
            out.add(error(loc, "the SVG contains a <foreignObject> (HTML inside the drawing)",
                    "draw it with SVG elements, or make the image a PNG: " + SELF_CONTAINED));
        } else if (name.equals("iframe") || name.equals("object") || name.equals("embed") || name.equals("handler")
                || name.equals("listener")) {
            out.add(error(loc, "the SVG contains an <" + r.getLocalName() + "> element", "delete it: " + SELF_CONTAINED));
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String attr = r.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
            String value = r.getAttributeValue(i);
            String squashed = value.toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
            if (attr.startsWith("on")) {
                out.add(error(loc, "the SVG has an event handler attribute '" + r.getAttributeLocalName(i) + "'",
                        "delete it: " + SELF_CONTAINED));
            } else if (attr.equals("href") || attr.equals("src")) {
                reference(loc, name, value, squashed, out);
            } else if (attr.equals("style")) {
                style(loc, value, out);
            } else if (ANIMATIONS.contains(name) && attr.equals("attributename")
                    && (squashed.endsWith("href") || squashed.startsWith("on"))) {
                out.add(error(loc, "the SVG animates the attribute '" + value + "'",
                        "delete the animation: " + SELF_CONTAINED));
            } else if (squashed.startsWith("javascript:") || squashed.startsWith("vbscript:")) {
                out.add(error(loc, "the SVG has a script in the attribute '" + r.getAttributeLocalName(i) + "'",
                        "delete it: " + SELF_CONTAINED));
            } else if (squashed.contains("url(")) {
                style(loc, value, out);
            }
        }
    }

    private static void reference(SourcePos loc, String element, String value, String squashed, List<Diagnostic> out) {
        if (squashed.startsWith("#") || squashed.isEmpty()) return;
        if (SAFE_DATA.matcher(squashed).matches()) return;
        if (element.equals("a") && (squashed.startsWith("http:") || squashed.startsWith("https:") || squashed.startsWith("mailto:"))) {
            return; // a link the reader may follow; nothing is loaded
        }
        out.add(error(loc, "the SVG refers to '" + shorten(value) + "'",
                "embed what it shows in the SVG itself (PNG, JPEG or GIF as a data: URL) or refer to an id in the same file (#id): "
                        + SELF_CONTAINED));
    }

    private static void style(SourcePos loc, String css, List<Diagnostic> out) {
        String lower = css.toLowerCase(Locale.ROOT);
        if (lower.contains("@import")) {
            out.add(error(loc, "the SVG's style imports another stylesheet", "delete the @import: " + SELF_CONTAINED));
            css = IMPORT.matcher(css).replaceAll("");
        }
        if (lower.contains("expression(") || lower.contains("javascript:")) {
            out.add(error(loc, "the SVG's style contains a script", "delete it: " + SELF_CONTAINED));
        }
        Matcher m = URL.matcher(css);
        while (m.find()) {
            String target = m.group(1).strip();
            String squashed = target.toLowerCase(Locale.ROOT);
            if (!squashed.startsWith("#") && !SAFE_DATA.matcher(squashed).matches()) {
                out.add(error(loc, "the SVG's style loads '" + shorten(target) + "'",
                        "refer only to ids in the same file, url(#id): " + SELF_CONTAINED));
            }
        }
    }

    private static Diagnostic error(SourcePos pos, String message, String hint) {
        return Diagnostic.error(pos, message, hint);
    }

    /** The SVG's text, to turn the parser's locations (which point after a construct) into where it starts. */
    private record Text(Path file, String s) {
        SourcePos pos(Location loc) {
            if (loc == null || loc.getLineNumber() <= 0) return SourcePos.of(file);
            return new SourcePos(file, loc.getLineNumber(), Math.max(0, loc.getColumnNumber()));
        }

        /** Where the nearest {@code start} before the location begins; the location itself if not found. */
        SourcePos back(Location loc, String start) {
            if (loc == null || loc.getLineNumber() <= 0) return SourcePos.of(file);
            // the parser's line and column are reliable (its character offset is not): find the offset they name
            int end = 0;
            for (int line = 1; line < loc.getLineNumber() && end >= 0; line++) {
                end = s.indexOf('\n', end);
                if (end >= 0) end++;
            }
            if (end < 0) return pos(loc);
            end = Math.min(s.length(), end + Math.max(0, loc.getColumnNumber() - 1));
            int at = s.lastIndexOf(start, Math.max(0, end - 1));
            if (at < 0) return pos(loc);
            return SourcePos.at(file, s, at);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
