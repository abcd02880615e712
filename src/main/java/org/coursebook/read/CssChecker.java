package org.coursebook.read;

import com.helger.css.CSSSourceLocation;
import com.helger.css.ICSSSourceLocationAware;
import com.helger.css.decl.CSSDeclaration;
import com.helger.css.decl.CSSExpression;
import com.helger.css.decl.CSSExpressionMemberFunction;
import com.helger.css.decl.CSSExpressionMemberTermSimple;
import com.helger.css.decl.CSSExpressionMemberTermURI;
import com.helger.css.decl.CSSImportRule;
import com.helger.css.decl.CSSUnknownRule;
import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.decl.ECSSExpressionOperator;
import com.helger.css.decl.ICSSExpressionMember;
import com.helger.css.decl.ICSSTopLevelRule;
import com.helger.css.decl.visit.CSSVisitor;
import com.helger.css.decl.visit.DefaultCSSVisitor;
import com.helger.css.parser.ParseException;
import com.helger.css.parser.Token;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.CSSReaderSettings;
import com.helger.css.reader.errorhandler.DoNothingCSSInterpretErrorHandler;
import com.helger.css.reader.errorhandler.ICSSParseErrorHandler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks CSS for what would make the book load something or run something, with a CSS parser (ph-css), not by
 * matching text: every {@code url(…)} and {@code src(…)}, every image function that takes file names
 * ({@code image-set()}, {@code image()}, {@code cross-fade()}), every {@code @import}, and scripts
 * ({@code expression()}, {@code behavior}, {@code -moz-binding}, {@code javascript:}). Names are compared after
 * CSS unescaping (CSS Syntax Level 3, §4.3.7), so {@code \75 rl(…)} is {@code url(…)}, as a reading system's
 * parser reads it.
 *
 * <p>CSS the parser cannot read is reported too, never passed on unchecked: a browser skips what it cannot parse
 * by its own rules, which need not be ph-css's, so a declaration one skips could be read by the other. Whatever
 * ph-css skips (its browser-compliant mode reports each skip) or leaves out of the rules it returns (the text
 * between them that is neither white space nor a comment) is a problem at its line and column.
 *
 * <p>Two uses: a stylesheet of the book ({@link #checkStylesheet}), where a relative {@code url(…)} (a font in
 * {@code styles/fonts/}, an image beside the stylesheet) is allowed and a web address or an absolute path is
 * not; and a {@code style} attribute in a chapter ({@link #checkStyleAttribute}), which may load nothing.
 */
public final class CssChecker {
    /**
     * One problem. {@code line} and {@code column} (both from 1) are in the stylesheet's text; for a style
     * attribute they are in the attribute's value, and the caller reports at the element.
     */
    public record Problem(int line, int column, String message, String hint) {}

    private enum Context { STYLESHEET, ATTRIBUTE }

    /** Functions whose argument is a URL, written as a string or unquoted. */
    private static final Set<String> URL_FUNCTIONS = Set.of("url", "src");
    /** Functions whose string arguments are URLs of images (CSS Images 4). */
    private static final Set<String> IMAGE_FUNCTIONS = Set.of("image-set", "-webkit-image-set", "image", "cross-fade",
            "-webkit-cross-fade");
    /** Properties that attach scripts or bindings (Internet Explorer's HTC, Mozilla's XBL). */
    private static final Set<String> SCRIPT_PROPERTIES = Set.of("behavior", "-ms-behavior", "-moz-binding");
    /** What loads or runs something, in text the parser could not read (after unescaping and without comments). */
    private static final Pattern LOADS = Pattern.compile(
            "(?<![a-z0-9_-])(?:url|src|image-set|-webkit-image-set|image|cross-fade|-webkit-cross-fade)\\(|@import");
    private static final Pattern SCRIPTS = Pattern.compile(
            "(?<![a-z0-9_-])expression\\(|javascript:|vbscript:|(?<![a-z0-9_-])(?:-ms-)?behavior\\s*:|-moz-binding");

    private final String text;
    private final Context context;
    private final int[] lineStarts;
    private final List<Problem> problems = new ArrayList<>();
    /** Spans [start, end) of the text the parser did not read. */
    private final List<int[]> unread = new ArrayList<>();

    private CssChecker(String text, Context context) {
        this.text = text;
        this.context = context;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) starts.add(i + 1);
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The problems of one of the book's stylesheets, in the order of the text. A relative {@code url(…)} or
     * {@code @import} is allowed (the font checks, {@link StyleChecker}, look at the files); a web address, an
     * absolute path, a {@code javascript:} URL or a script is not.
     */
    public static List<Problem> checkStylesheet(String css) {
        CssChecker c = new CssChecker(css, Context.STYLESHEET);
        c.sheet(css);
        return c.done();
    }

    /**
     * The problems of a {@code style} attribute's value (a list of declarations): anything it would load, any
     * script, anything the parser cannot read. Line and column are in the value.
     */
    public static List<Problem> checkStyleAttribute(String style) {
        CssChecker c = new CssChecker(style, Context.ATTRIBUTE);
        // "*{" and "}" around the declarations make a rule of them; positions are only used to find text
        c.sheet("*{" + style + "\n}");
        return c.done();
    }

    private List<Problem> done() {
        reportUnread();
        List<Problem> out = new ArrayList<>(new LinkedHashSet<>(problems));
        out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return out;
    }

    // ---- reading ----

    /**
     * Parses {@code source} and checks what it holds. For a style attribute, {@code source} is the value inside a
     * rule ({@code "*{" + value + "\n}"}), whose positions are mapped back to the value.
     */
    private void sheet(String source) {
        Positions at = context == Context.ATTRIBUTE ? new Positions(source, 2) : new Positions(source, 0);
        CSSReaderSettings settings = new CSSReaderSettings()
                .setBrowserCompliantMode(true)
                .setUseSourceLocation(true)
                .setTabSize(1)
                .setCustomErrorHandler(new Skips(at))
                .setCustomExceptionHandler(e -> unread(at, e.currentToken == null ? null : e.currentToken.next, null))
                .setInterpretErrorHandler(new DoNothingCSSInterpretErrorHandler());
        CascadingStyleSheet sheet = CSSReader.readFromStringReader(source, settings);
        if (sheet == null) {
            unread.add(new int[] {0, text.length()});
            return;
        }
        coverage(sheet, source, at);
        CSSVisitor.visitCSS(sheet, new DefaultCSSVisitor() {
            @Override
            public void onImport(CSSImportRule rule) {
                importRule(rule.getLocationString(), false, at.of(rule));
            }

            @Override
            public void onDeclaration(CSSDeclaration d) {
                declaration(d, at);
            }

            @Override
            public void onUnknownRule(CSSUnknownRule rule) {
                unknownRule(rule, source, at);
            }
        });
    }

    /** Records as unread whatever ph-css skipped, with the positions of its tokens. */
    private final class Skips implements ICSSParseErrorHandler {
        private final Positions at;

        Skips(Positions at) {
            this.at = at;
        }

        @Override
        public void onCSSParseError(ParseException e, Token lastValid) {
            unread(at, e.currentToken != null && e.currentToken.next != null ? e.currentToken.next : lastValid, null);
        }

        @Override
        public void onCSSUnexpectedRule(Token token, String rule, String message) {
            unread(at, token, null);
        }

        @Override
        public void onCSSDeprecatedProperty(Token prefix, Token property) {
            // "*zoom: 1" and the like: an old browser hack, read and checked like any declaration
        }

        @Override
        public void onCSSBrowserCompliantSkip(ParseException e, Token from, Token to) {
            unread(at, from, to);
        }
    }

    private void unread(Positions at, Token from, Token to) {
        if (from == null) {
            unread.add(new int[] {0, text.length()});
            return;
        }
        int start = at.offset(from.beginLine, from.beginColumn);
        Token last = to == null ? from : to;
        int end = at.offset(last.endLine, last.endColumn) + 1;
        unread.add(new int[] {Math.max(0, start), Math.min(text.length(), Math.max(start + 1, end))});
    }

    /**
     * Records as unread the text between the rules ph-css returned that is neither white space nor a comment
     * (a rule it dropped without a word: {@code @\69mport}, a rule with a broken block).
     */
    private void coverage(CascadingStyleSheet sheet, String source, Positions at) {
        boolean[] read = new boolean[source.length()];
        List<ICSSSourceLocationAware> rules = new ArrayList<>();
        rules.addAll(sheet.getAllImportRules());
        rules.addAll(sheet.getAllNamespaceRules());
        for (ICSSTopLevelRule r : sheet.getAllRules()) if (r instanceof ICSSSourceLocationAware a) rules.add(a);
        for (ICSSSourceLocationAware r : rules) {
            int[] span = at.sourceSpan(r);
            if (span == null) continue;
            for (int i = Math.max(0, span[0]); i < Math.min(read.length, span[1]); i++) read[i] = true;
        }
        Matcher charset = Pattern.compile("^@charset \"[^\"]*\";").matcher(source);
        if (charset.find()) for (int i = 0; i < charset.end(); i++) read[i] = true;
        int i = 0;
        while (i < source.length()) {
            if (read[i] || Character.isWhitespace(source.charAt(i))) {
                i++;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("<!--", i) || source.startsWith("-->", i)) {
                i += source.startsWith("<!--", i) ? 4 : 3; // CDO and CDC: allowed between rules
            } else {
                int start = i;
                while (i < source.length() && !read[i]) i++;
                int s = at.toText(start), e = at.toText(i);
                if (e > s) unread.add(new int[] {s, e});
                else if (context == Context.ATTRIBUTE && e == s) unread.add(new int[] {Math.max(0, text.length() - 1), text.length()});
            }
        }
    }

    /** Merges the unread spans and reports each once, saying what it hides when it loads or runs something. */
    private void reportUnread() {
        // A skip starts where ph-css gave up, often inside a declaration ("\\75 rl(" was read as a function before
        // the "https:" it could not): each span starts where its declaration or rule starts.
        String plainText = withoutComments(text);
        for (int[] s : unread) {
            int i = Math.min(s[0], plainText.length());
            while (i > 0 && "{};".indexOf(plainText.charAt(i - 1)) < 0) i--;
            while (i < s[0] && Character.isWhitespace(plainText.charAt(i))) i++;
            s[0] = i;
        }
        unread.sort(Comparator.comparingInt(s -> s[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] s : unread) {
            if (s[1] <= s[0] && !text.isEmpty()) continue;
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && blank(last[1], s[0])) last[1] = Math.max(last[1], s[1]);
            else merged.add(new int[] {s[0], s[1]});
        }
        for (int[] s : merged) {
            String raw = text.substring(s[0], Math.min(text.length(), Math.max(s[0], s[1])));
            String plain = withoutComments(raw);
            String unescaped = unescape(plain).toLowerCase(Locale.ROOT);
            String lower = plain.toLowerCase(Locale.ROOT);
            int[] lc = lineColumn(s[0]);
            Matcher script = SCRIPTS.matcher(unescaped), load = LOADS.matcher(unescaped);
            if (script.find()) {
                script(lc, script.group(), !lower.contains(script.group()));
            } else if (load.find()) {
                boolean hidden = !lower.contains(load.group());
                if (context == Context.ATTRIBUTE) {
                    attributeLoads(lc, hidden);
                } else {
                    add(lc, "the stylesheet has CSS the parser cannot read, and it " + (hidden ? "hides '" + load.group()
                                    + "' behind CSS escapes" : "uses '" + load.group() + "'") + ": '" + snippet(raw) + "'",
                            "write the CSS without escapes and check it; the book must be self-contained: refer to files "
                                    + "next to the stylesheet by a relative path");
                }
            } else if (context == Context.ATTRIBUTE) {
                add(lc, "the style attribute has CSS the parser cannot read: '" + snippet(raw) + "'",
                        "correct it (check the colons, semicolons and quotes), or style the element with a class in styles/");
            } else {
                add(lc, "the stylesheet has CSS the parser cannot read: '" + snippet(raw) + "'",
                        "correct it (check the braces, colons, semicolons and quotes): a reading system may read it "
                                + "differently, and coursebook passes on no CSS it cannot check");
            }
        }
    }

    /** Whether the text between two spans is only white space and comments on one line (they are one report). */
    private boolean blank(int from, int to) {
        if (to <= from) return true;
        String between = withoutComments(text.substring(from, Math.min(to, text.length())));
        return between.isBlank() && between.indexOf('\n') < 0 && between.indexOf('\r') < 0;
    }

    // ---- checking what was read ----

    private void declaration(CSSDeclaration d, Positions at) {
        int[] lc = at.of(d);
        String rawProperty = d.getProperty();
        String property = unescape(rawProperty).toLowerCase(Locale.ROOT);
        if (SCRIPT_PROPERTIES.contains(property)) {
            script(lc, property, rawProperty.indexOf('\\') >= 0);
            return;
        }
        expression(d.getExpression(), lc);
    }

    private void expression(CSSExpression e, int[] lc) {
        if (e == null) return;
        for (ICSSExpressionMember m : e.getAllMembers()) member(m, lc);
    }

    private void member(ICSSExpressionMember m, int[] lc) {
        if (m instanceof CSSExpressionMemberTermURI u) {
            url(u.getURIString(), false, lc);
        } else if (m instanceof CSSExpressionMemberFunction f) {
            String raw = f.getFunctionName();
            String name = unescape(raw).toLowerCase(Locale.ROOT);
            if (name.indexOf('(') >= 0) name = name.substring(0, name.indexOf('('));
            boolean escaped = raw.indexOf('\\') >= 0;
            if (name.equals("expression")) {
                script(lc, "expression(", escaped);
                return;
            }
            if (URL_FUNCTIONS.contains(name)) {
                url(argument(f.getExpression()), escaped, lc);
                return;
            }
            if (IMAGE_FUNCTIONS.contains(name) && f.getExpression() != null) {
                for (ICSSExpressionMember a : f.getExpression().getAllMembers()) {
                    if (a instanceof CSSExpressionMemberTermSimple t && t.isStringLiteral()) url(unescape(unquote(t.getValue())), escaped, lc);
                }
            }
            expression(f.getExpression(), lc);
        } else if (m instanceof CSSExpressionMemberTermSimple t) {
            if (t.isStringLiteral()) {
                String s = unescape(unquote(t.getValue())).toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                if (s.contains("javascript:") || s.contains("vbscript:")) script(lc, "javascript:", t.getValue().indexOf('\\') >= 0);
            }
        } else if (!(m instanceof ECSSExpressionOperator)) {
            // calc() and other forms read as a whole: their text, unescaped, must not load or run anything
            String s = unescape(withoutComments(m.getAsCSSString())).toLowerCase(Locale.ROOT);
            Matcher script = SCRIPTS.matcher(s), load = LOADS.matcher(s);
            if (script.find()) {
                script(lc, script.group(), false);
            } else if (load.find()) {
                if (context == Context.ATTRIBUTE) attributeLoads(lc, false);
                else add(lc, "the stylesheet uses '" + load.group() + "' where the CSS parser cannot check it",
                        "write the value without it: the book must be self-contained");
            }
        }
    }

    /** The URL a {@code url()} or {@code src()} function names: its one string or word, unquoted and unescaped. */
    private static String argument(CSSExpression e) {
        if (e == null) return "";
        StringBuilder sb = new StringBuilder();
        for (ICSSExpressionMember m : e.getAllMembers()) {
            if (m instanceof CSSExpressionMemberTermSimple t) sb.append(t.isStringLiteral() ? unquote(t.getValue()) : t.getValue());
            else sb.append(m.getAsCSSString());
        }
        return unescape(sb.toString());
    }

    private void url(String url, boolean escaped, int[] lc) {
        String target = url == null ? "" : url.strip();
        String squashed = target.toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
        if (squashed.startsWith("javascript:") || squashed.startsWith("vbscript:")) {
            script(lc, squashed.substring(0, squashed.indexOf(':') + 1), escaped);
        } else if (context == Context.ATTRIBUTE) {
            attributeLoads(lc, escaped);
        } else if (isExternal(target)) {
            add(lc, "the stylesheet loads '" + shorten(target) + "' from outside the book" + escapes(escaped),
                    "the book must be self-contained: copy the file next to the stylesheet and refer to it by a relative path");
        }
    }

    private void importRule(String location, boolean escaped, int[] lc) {
        String target = location == null ? "" : location.strip();
        if (context == Context.ATTRIBUTE) {
            attributeLoads(lc, escaped);
        } else if (isExternal(target)) {
            add(lc, "the stylesheet imports '" + shorten(target) + "' from outside the book" + escapes(escaped),
                    "copy the rules into this stylesheet");
        }
    }

    /**
     * An at-rule ph-css does not know ({@code @footnote}, {@code @container}): an escaped {@code @import} is
     * reported; its block is read again as declarations, then as rules, and checked like the rest.
     */
    private void unknownRule(CSSUnknownRule rule, String source, Positions at) {
        String rawName = rule.getDeclaration();
        String name = unescape(rawName).toLowerCase(Locale.ROOT);
        int[] lc = at.of(rule);
        if (name.equals("@import")) {
            // a reading system reads it as @import: whatever it names, hiding it is no way to write a stylesheet
            String target = unescape(rule.getParameterList()).strip();
            add(lc, context == Context.ATTRIBUTE ? "a style attribute that loads a resource is not allowed (written with CSS escapes)"
                            : "the stylesheet imports " + shorten(target.replaceFirst("(?s);.*", "")) + " with an @import written with CSS escapes",
                    context == Context.ATTRIBUTE ? "use the stylesheets in styles/" : "copy the rules into this stylesheet, without escapes");
            // ph-css reads the rule on to the next block, which a reading system reads as a rule of its own: checked too
        }
        int[] span = at.sourceSpan(rule);
        if (span == null) return;
        int open = source.indexOf('{', span[0]);
        int close = source.lastIndexOf('}', span[1] - 1);
        if (open < 0 || close <= open || open >= span[1]) return;
        // The block, in place: everything before it blanked (line breaks kept), a selector just before its brace,
        // so that the positions ph-css gives are those of the stylesheet.
        StringBuilder block = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            block.append(i >= open && i <= close || c == '\n' || c == '\r' ? c : ' ');
        }
        int star = open - 1;
        while (star >= 0 && (block.charAt(star) == '\n' || block.charAt(star) == '\r')) star--;
        if (star < 0) return;
        block.setCharAt(star, '*');
        CssChecker inner = new CssChecker(text, context);
        inner.nested(block.toString(), at);
        if (!inner.unread.isEmpty()) {
            // not declarations: maybe rules (@container, @scope)
            String rules = block.substring(0, open) + ' ' + block.substring(open + 1, close) + ' ' + block.substring(close + 1);
            CssChecker asRules = new CssChecker(text, context);
            asRules.nested(rules.substring(0, star) + ' ' + rules.substring(star + 1), at);
            inner = asRules.unread.size() < inner.unread.size() ? asRules : inner;
        }
        problems.addAll(inner.problems);
        unread.addAll(inner.unread);
    }

    /** Reads {@code source} (the same positions as the text this checker checks, shifted as {@code at} says). */
    private void nested(String source, Positions at) {
        Positions shifted = new Positions(source, at.shift);
        CSSReaderSettings settings = new CSSReaderSettings()
                .setBrowserCompliantMode(true)
                .setUseSourceLocation(true)
                .setTabSize(1)
                .setCustomErrorHandler(new Skips(shifted))
                .setCustomExceptionHandler(e -> unread(shifted, e.currentToken == null ? null : e.currentToken.next, null))
                .setInterpretErrorHandler(new DoNothingCSSInterpretErrorHandler());
        CascadingStyleSheet sheet = CSSReader.readFromStringReader(source, settings);
        if (sheet == null) {
            unread.add(new int[] {0, text.length()});
            return;
        }
        coverage(sheet, source, shifted);
        CSSVisitor.visitCSS(sheet, new DefaultCSSVisitor() {
            @Override
            public void onImport(CSSImportRule rule) {
                importRule(rule.getLocationString(), false, shifted.of(rule));
            }

            @Override
            public void onDeclaration(CSSDeclaration d) {
                declaration(d, shifted);
            }

            @Override
            public void onUnknownRule(CSSUnknownRule rule) {
                unknownRule(rule, source, shifted);
            }
        });
    }

    // ---- reports ----

    private void script(int[] lc, String what, boolean escaped) {
        if (context == Context.ATTRIBUTE) {
            add(lc, "a style attribute with a script ('" + what + "') is not allowed" + escapes(escaped), "delete it: the book runs no scripts");
        } else {
            add(lc, "the stylesheet contains a script ('" + what + "')" + escapes(escaped), "delete it: the book runs no scripts");
        }
    }

    private void attributeLoads(int[] lc, boolean escaped) {
        add(lc, "a style attribute that loads a resource is not allowed" + escapes(escaped), "use the stylesheets in styles/");
    }

    private static String escapes(boolean escaped) {
        return escaped ? " (written with CSS escapes)" : "";
    }

    private void add(int[] lc, String message, String hint) {
        problems.add(new Problem(lc[0], lc[1], message, hint));
    }

    // ---- positions ----

    /**
     * Maps ph-css's positions (lines and columns from 1, in the text it was given) to offsets in the checked text:
     * the parsed text is the checked text with {@code shift} characters before it on its first line.
     */
    private final class Positions {
        private final int shift;
        private final int[] starts;

        Positions(String parsed, int shift) {
            this.shift = shift;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < parsed.length(); i++) {
                char c = parsed.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= parsed.length() || parsed.charAt(i + 1) != '\n')) s.add(i + 1);
            }
            this.starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The offset in the checked text of a position in the parsed text (clamped to the text). */
        int offset(int line, int column) {
            if (line < 1) return 0;
            int parsed = (line > starts.length ? starts[starts.length - 1] : starts[line - 1]) + Math.max(0, column - 1);
            return toText(parsed);
        }

        int toText(int parsedOffset) {
            return Math.max(0, Math.min(text.length(), parsedOffset - shift));
        }

        /** The span [start, end) in the parsed text of a rule or declaration, or null without a location. */
        int[] sourceSpan(ICSSSourceLocationAware node) {
            CSSSourceLocation l = node.getSourceLocation();
            if (l == null || !l.hasFirstTokenArea() || !l.hasLastTokenArea()) return null;
            int a = starts[Math.min(starts.length, Math.max(1, l.getFirstTokenBeginLineNumber())) - 1] + l.getFirstTokenBeginColumnNumber() - 1;
            int b = starts[Math.min(starts.length, Math.max(1, l.getLastTokenEndLineNumber())) - 1] + l.getLastTokenEndColumnNumber();
            return new int[] {a, b};
        }

        /** Line and column in the checked text where a rule or declaration starts. */
        int[] of(ICSSSourceLocationAware node) {
            CSSSourceLocation l = node.getSourceLocation();
            if (l == null || !l.hasFirstTokenArea()) return new int[] {1, 1};
            return lineColumn(offset(l.getFirstTokenBeginLineNumber(), l.getFirstTokenBeginColumnNumber()));
        }
    }

    /** Line and column (from 1) of an offset in the checked text. */
    private int[] lineColumn(int offset) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
        return new int[] {line + 1, offset - lineStarts[line] + 1};
    }

    // ---- text ----

    /**
     * Whether a URL leaves the book: a web address, another scheme, an absolute path. Fragments and pictures and
     * fonts inlined as {@code data:} URLs stay inside it.
     */
    static boolean isExternal(String target) {
        String t = target.toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
        if (t.isEmpty() || t.startsWith("#")) return false;
        if (t.startsWith("data:font/") || t.startsWith("data:application/font") || t.startsWith("data:image/png")
                || t.startsWith("data:image/jpeg") || t.startsWith("data:image/gif")) return false;
        return t.startsWith("/") || t.startsWith("\\") || t.matches("^[a-z][a-z0-9+.-]*:.*");
    }

    /**
     * CSS text with its escapes resolved (CSS Syntax Level 3, §4.3.7): a backslash and up to six hex digits (and
     * one white space after them) is that code point (U+FFFD for zero, a surrogate or one past Unicode); a
     * backslash before a line break is dropped with it; before anything else it is that character.
     */
    public static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                out.append('\uFFFD');
                break;
            }
            char n = s.charAt(i + 1);
            if (Character.digit(n, 16) >= 0) {
                int j = i + 1, cp = 0;
                while (j < s.length() && j < i + 7 && Character.digit(s.charAt(j), 16) >= 0) cp = cp * 16 + Character.digit(s.charAt(j++), 16);
                out.appendCodePoint(cp == 0 || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
                if (j < s.length() && s.charAt(j) == '\r' && j + 1 < s.length() && s.charAt(j + 1) == '\n') j += 2;
                else if (j < s.length() && " \t\n\r\f".indexOf(s.charAt(j)) >= 0) j++;
                i = j;
            } else if (n == '\n' || n == '\f') {
                i += 2;
            } else if (n == '\r') {
                i += i + 2 < s.length() && s.charAt(i + 2) == '\n' ? 3 : 2;
            } else {
                out.append(n);
                i += 2;
            }
        }
        return out.toString();
    }

    /** A CSS string's content: the quotes removed (escapes kept, for {@link #unescape}). */
    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** The text with comments replaced by spaces (line breaks kept, so offsets stay where they were). */
    static String withoutComments(String css) {
        StringBuilder sb = new StringBuilder(css);
        int i = 0;
        while ((i = sb.indexOf("/*", i)) >= 0) {
            int end = sb.indexOf("*/", i + 2);
            int stop = end < 0 ? sb.length() : end + 2;
            for (int k = i; k < stop; k++) if (sb.charAt(k) != '\n' && sb.charAt(k) != '\r') sb.setCharAt(k, ' ');
            i = stop;
        }
        return sb.toString();
    }

    private static String snippet(String raw) {
        return shorten(raw.strip().replaceAll("\\s+", " "));
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
