package org.coursebook.render.fonts;

import com.helger.css.decl.CSSDeclaration;
import com.helger.css.decl.CSSExpression;
import com.helger.css.decl.CSSExpressionMemberFunction;
import com.helger.css.decl.CSSExpressionMemberTermSimple;
import com.helger.css.decl.CSSSelector;
import com.helger.css.decl.CSSSelectorAttribute;
import com.helger.css.decl.CSSSelectorMemberFunctionLike;
import com.helger.css.decl.CSSSelectorMemberNot;
import com.helger.css.decl.CSSSelectorSimpleMember;
import com.helger.css.decl.CSSStyleRule;
import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.decl.ECSSSelectorCombinator;
import com.helger.css.decl.ICSSExpressionMember;
import com.helger.css.decl.ICSSSelectorMember;
import com.helger.css.decl.visit.CSSVisitor;
import com.helger.css.decl.visit.DefaultCSSVisitor;
import com.helger.css.writer.CSSWriterSettings;
import org.coursebook.read.CssFonts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Selector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which text of a set of XHTML documents asks for which font: the stylesheets' {@code font-family},
 * {@code font-weight}, {@code font-style} and {@code font} declarations applied as the CSS cascade does
 * (specificity, order, {@code !important}, inheritance; CSS Cascade 4), with jsoup matching the selectors.
 * Where the cascade cannot be decided from the documents alone ({@code :hover}, {@code ::first-line},
 * {@code :lang()}, a selector jsoup does not know), both outcomes are kept, so a character may be listed for
 * more fonts than it will be drawn with, never for fewer. Generated text ({@code content} strings, list
 * markers, quotation marks) and {@code text-transform} (both cases of each letter) are included.
 */
public final class TextFonts {
    /** What a piece of text asks for: its font stack, weight (100–900) and style. */
    public record Request(List<String> families, int weight, boolean italic) {
        public Request {
            families = List.copyOf(families);
        }
    }

    /** The computed font of an element; {@code transform}: the text may be drawn in another case. */
    private record Style(List<String> families, int weight, boolean italic, boolean transform) {}

    /** One declaration of a rule for one of its selectors. */
    private record Entry(String selector, int specificity, int order, CSSDeclaration decl, boolean important,
                         boolean uncertain, String pseudo) {}

    private static final Set<String> PROPERTIES = Set.of("font-family", "font-weight", "font-style", "font",
            "text-transform", "font-variant", "font-variant-caps", "content");
    private static final Set<String> STRUCTURAL = Set.of("first-child", "last-child", "only-child", "first-of-type",
            "last-of-type", "only-of-type", "empty", "root");
    /** Characters a reading system may draw in any text (spaces, hyphens at line breaks). */
    private static final String ALWAYS = " \u00A0-\u2010\u00AD";
    private static final String LIST_MARKERS = "•◦▪–-0123456789.)";
    private static final String QUOTES = "“”‘’«»„‚\"'";
    private static final int MAX_ALTERNATIVES = 16;

    private final List<Entry> entries = new ArrayList<>();

    /** @param sheets the stylesheets in the order the documents link them */
    public TextFonts(List<CascadingStyleSheet> sheets) {
        int[] order = {0};
        for (CascadingStyleSheet sheet : sheets) {
            CSSVisitor.visitCSS(sheet, new DefaultCSSVisitor() {
                @Override
                public void onBeginStyleRule(CSSStyleRule rule) {
                    for (CSSSelector sel : rule.getAllSelectors()) {
                        Translated t = translate(sel);
                        for (CSSDeclaration d : rule.getAllDeclarations()) {
                            if (!PROPERTIES.contains(d.getProperty().toLowerCase(Locale.ROOT))) continue;
                            entries.add(new Entry(t.jsoup, t.specificity, order[0]++, d, d.isImportant(), t.uncertain, t.pseudo));
                        }
                    }
                }
            });
        }
        entries.sort(Comparator.comparing(Entry::important).thenComparingInt(Entry::specificity).thenComparingInt(Entry::order));
    }

    /**
     * Adds what {@code xhtml} asks for to {@code into}: per request, the text's grapheme clusters (a letter with
     * its combining marks stays whole, as a reading system picks one font for the cluster).
     */
    public void collect(String xhtml, Map<Request, Set<String>> into) {
        Document doc = Jsoup.parse(xhtml);
        Map<Element, List<Entry>> matched = new IdentityHashMap<>();
        Map<String, List<Entry>> bySelector = new java.util.LinkedHashMap<>();
        for (Entry e : entries) bySelector.computeIfAbsent(e.selector, k -> new ArrayList<>()).add(e);
        for (Map.Entry<String, List<Entry>> s : bySelector.entrySet()) {
            List<Element> els;
            boolean everywhere = false;
            try {
                els = s.getKey().isEmpty() ? doc.getAllElements() : doc.select(s.getKey());
            } catch (Selector.SelectorParseException | IllegalArgumentException ex) {
                els = doc.getAllElements(); // cannot tell where it applies: assume it may apply anywhere
                everywhere = true;
            }
            for (Element el : els) {
                List<Entry> list = matched.computeIfAbsent(el, k -> new ArrayList<>());
                for (Entry e : s.getValue()) {
                    list.add(everywhere && !e.uncertain ? new Entry(e.selector, e.specificity, e.order, e.decl, e.important, true, e.pseudo) : e);
                }
            }
        }
        for (List<Entry> list : matched.values()) list.sort(Comparator.comparing(Entry::important).thenComparingInt(Entry::specificity).thenComparingInt(Entry::order));
        Set<Style> initial = Set.of(new Style(List.of(), 400, false, false));
        walk(doc.child(0), initial, matched, into);
    }

    private void walk(Element el, Set<Style> inherited, Map<Element, List<Entry>> matched, Map<Request, Set<String>> into) {
        List<Entry> list = matched.getOrDefault(el, List.of());
        Set<Style> styles = new LinkedHashSet<>();
        for (Style s : inherited) styles.add(apply(s, list, false));
        for (Entry e : list) {
            if (!e.uncertain || e.pseudo != null) continue;
            Set<Style> more = new LinkedHashSet<>();
            for (Style s : styles) more.add(apply(s, List.of(e), true));
            add(styles, more);
        }
        // ::before / ::after and ::first-line and the like: the generated text, and the element's text maybe
        Map<String, List<Entry>> pseudos = new TreeMap<>();
        for (Entry e : list) if (e.pseudo != null) pseudos.computeIfAbsent(e.pseudo, k -> new ArrayList<>()).add(e);
        for (Map.Entry<String, List<Entry>> p : pseudos.entrySet()) {
            Set<Style> ps = new LinkedHashSet<>();
            for (Style s : styles) ps.add(apply(s, p.getValue(), true));
            StringBuilder generated = new StringBuilder();
            for (Entry e : p.getValue()) {
                if (e.decl.getProperty().equalsIgnoreCase("content")) generated.append(contentText(e.decl.getExpression(), el));
            }
            if (p.getKey().equals("before") || p.getKey().equals("after")) {
                text(generated.toString(), ps, into);
            } else {
                add(styles, ps);
            }
        }
        boolean inHead = el.nameIs("head");
        if (inHead) return;
        if (el.nameIs("li")) text(LIST_MARKERS, styles, into);
        if (el.nameIs("q")) text(QUOTES, styles, into);
        for (Node n : el.childNodes()) {
            if (n instanceof TextNode t) {
                if (!el.nameIs("html")) text(t.getWholeText(), styles, into);
            } else if (n instanceof Element child) {
                walk(child, styles, matched, into);
            }
        }
    }

    private static void add(Set<Style> styles, Set<Style> more) {
        for (Style s : more) {
            if (styles.size() >= MAX_ALTERNATIVES) break;
            styles.add(s);
        }
    }

    private static void text(String text, Set<Style> styles, Map<Request, Set<String>> into) {
        Set<String> found = clusters(text);
        if (found.isEmpty()) return;
        for (Style s : styles) {
            if (s.families.isEmpty()) continue;
            Set<String> set = into.computeIfAbsent(new Request(s.families, s.weight, s.italic), k -> {
                Set<String> fresh = new HashSet<>();
                for (int i = 0; i < ALWAYS.length(); i++) fresh.add(ALWAYS.substring(i, i + 1));
                return fresh;
            });
            set.addAll(found);
            if (s.transform) {
                for (String c : found) {
                    set.add(c.toUpperCase(Locale.ROOT));
                    set.add(c.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /**
     * The text's distinct grapheme clusters, as far as fonts are concerned: a character with the combining marks,
     * joiners and variation selectors that follow it (a reading system draws those from one font if it can).
     * Whitespace and control characters are left out.
     */
    public static Set<String> clusters(String text) {
        Set<String> found = new HashSet<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            while (i < n) {
                int next = text.codePointAt(i);
                if (extendsCluster(next)) {
                    i += Character.charCount(next);
                } else if (text.codePointBefore(i) == 0x200D) { // a zero-width joiner joins the next character too
                    i += Character.charCount(next);
                } else {
                    break;
                }
            }
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0xA0) continue;
            found.add(text.substring(start, i));
        }
        return found;
    }

    private static boolean extendsCluster(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
                || cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF); // emoji skin tones
    }

    /** The text a {@code content} value generates, as far as it can be known: strings, counters, quotes, attributes. */
    private static String contentText(CSSExpression e, Element el) {
        StringBuilder sb = new StringBuilder();
        for (ICSSExpressionMember m : e.getAllMembers()) {
            if (m instanceof CSSExpressionMemberTermSimple t) {
                if (t.isStringLiteral()) sb.append(CssFonts.unquote(t.getValue()));
                else if (t.getValue().toLowerCase(Locale.ROOT).endsWith("-quote")) sb.append(QUOTES);
            } else if (m instanceof CSSExpressionMemberFunction f) {
                String name = f.getFunctionName().toLowerCase(Locale.ROOT);
                if (name.startsWith("counter") || name.startsWith("target-counter")) sb.append("0123456789.ivxlcdmIVXLCDM");
                else if (name.equals("attr") && f.hasExpression()) sb.append(el.attr(CssFonts.first(f.getExpression())));
                else if (f.hasExpression()) sb.append(contentText(f.getExpression(), el));
            }
        }
        return sb.toString();
    }

    private static Style apply(Style s, List<Entry> list, boolean includePseudo) {
        List<String> families = s.families;
        int weight = s.weight;
        boolean italic = s.italic;
        boolean transform = s.transform;
        for (Entry e : list) {
            if (!includePseudo && (e.pseudo != null || e.uncertain)) continue;
            CSSExpression x = e.decl.getExpression();
            switch (e.decl.getProperty().toLowerCase(Locale.ROOT)) {
                case "font-family" -> {
                    CssFonts.FamilyList f = CssFonts.families(x);
                    if (!f.unresolved() && !f.families().isEmpty()) families = f.families();
                }
                case "font-weight" -> weight = CssFonts.weight(CssFonts.first(x), s.weight);
                case "font-style" -> italic = CssFonts.isItalic(CssFonts.first(x));
                case "font" -> {
                    CssFonts.FamilyList f = CssFonts.shorthandFamilies(x);
                    if (f != null) {
                        if (!f.unresolved() && !f.families().isEmpty()) families = f.families();
                        weight = 400;
                        italic = false;
                        for (String k : CssFonts.shorthandKeywords(x)) {
                            if (CssFonts.isItalic(k)) italic = true;
                            else if (k.equals("small-caps")) transform = true;
                            else if (isWeight(k)) weight = CssFonts.weight(k, s.weight);
                        }
                    }
                }
                case "text-transform" -> transform = !CssFonts.first(x).equals("none");
                case "font-variant", "font-variant-caps" -> transform = transform || e.decl.getExpressionAsCSSString().contains("caps");
                default -> { }
            }
        }
        return new Style(families, weight, italic, transform);
    }

    private static boolean isWeight(String k) {
        if (k.equals("bold") || k.equals("bolder") || k.equals("lighter")) return true;
        try {
            Double.parseDouble(k);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A selector as jsoup reads it, its specificity, and what jsoup cannot decide. */
    private record Translated(String jsoup, int specificity, boolean uncertain, String pseudo) {}

    private static Translated translate(CSSSelector sel) {
        CSSWriterSettings ws = new CSSWriterSettings();
        StringBuilder sb = new StringBuilder();
        int ids = 0, classes = 0, types = 0;
        boolean uncertain = false;
        String pseudo = null;
        for (ICSSSelectorMember m : sel.getAllMembers()) {
            if (m instanceof ECSSSelectorCombinator c) {
                sb.append(c == ECSSSelectorCombinator.BLANK ? " " : " " + c.getName() + " ");
            } else if (m instanceof CSSSelectorSimpleMember s) {
                String v = s.getValue();
                if (s.isHash()) {
                    ids++;
                    sb.append(v);
                } else if (s.isClass()) {
                    classes++;
                    sb.append(v);
                } else if (s.isPseudo()) {
                    String name = v.replaceFirst("^::?", "").toLowerCase(Locale.ROOT);
                    boolean element = v.startsWith("::") || Set.of("before", "after", "first-line", "first-letter").contains(name);
                    if (element) {
                        types++;
                        pseudo = name;
                    } else if (STRUCTURAL.contains(name)) {
                        classes++;
                        sb.append(':').append(name);
                    } else {
                        classes++;
                        uncertain = true; // :hover, :focus, :link…: may or may not apply
                    }
                } else {
                    if (!v.equals("*")) types++;
                    sb.append(v.replace('|', ':'));
                }
            } else if (m instanceof CSSSelectorAttribute a) {
                classes++;
                sb.append('[').append(a.getNamespacePrefix() == null || a.getNamespacePrefix().isEmpty() ? "" : a.getNamespacePrefix().replace("|", "") + ":")
                        .append(a.getAttrName());
                if (a.getOperator() != null) sb.append(a.getOperator().getName()).append(a.getAttrValue());
                sb.append(']');
            } else if (m instanceof CSSSelectorMemberNot n) {
                classes++;
                sb.append(n.getAsCSSString(ws, 0));
            } else if (m instanceof CSSSelectorMemberFunctionLike f) {
                classes++;
                String name = f.getFunctionName().toLowerCase(Locale.ROOT);
                if (name.startsWith(":nth-")) sb.append(f.getAsCSSString(ws, 0));
                else uncertain = true; // :lang(), :dir() and the like
            } else {
                classes++;
                uncertain = true;
            }
        }
        String s = sb.toString().strip();
        if (s.endsWith(">") || s.endsWith("+") || s.endsWith("~")) s = s + " *";
        if (s.startsWith(">") || s.startsWith("+") || s.startsWith("~")) s = "* " + s;
        return new Translated(s, ids * 10000 + classes * 100 + types, uncertain, pseudo);
    }

    /** Lists the requests in a stable order (for reports and tests). */
    public static List<Request> sorted(Set<Request> requests) {
        List<Request> l = new ArrayList<>(requests);
        l.sort(Comparator.comparing((Request r) -> String.join(",", r.families)).thenComparingInt(Request::weight).thenComparing(Request::italic));
        return l;
    }
}
