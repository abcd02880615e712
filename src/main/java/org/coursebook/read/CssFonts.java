package org.coursebook.read;

import com.helger.css.CSSSourceLocation;
import com.helger.css.ICSSSourceLocationAware;
import com.helger.css.decl.CSSDeclaration;
import com.helger.css.decl.CSSExpression;
import com.helger.css.decl.CSSExpressionMemberFunction;
import com.helger.css.decl.CSSExpressionMemberTermSimple;
import com.helger.css.decl.CSSExpressionMemberTermURI;
import com.helger.css.decl.CSSFontFaceRule;
import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.decl.ECSSExpressionOperator;
import com.helger.css.decl.ICSSExpressionMember;
import com.helger.css.decl.visit.CSSVisitor;
import com.helger.css.decl.visit.DefaultCSSVisitor;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.CSSReaderSettings;
import com.helger.css.reader.errorhandler.DoNothingCSSInterpretErrorHandler;
import com.helger.css.reader.errorhandler.DoNothingCSSParseErrorHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fonts a stylesheet declares and asks for, read with a CSS parser (ph-css): its {@code @font-face} rules and
 * every {@code font-family} (or {@code font} shorthand) in its rules, {@code @media} blocks and {@code @page}
 * margin boxes, each with its line and column. Follows CSS Fonts Level 4 (https://www.w3.org/TR/css-fonts-4/)
 * for family names (quoted strings, or identifiers joined by single spaces), weights and styles.
 */
public final class CssFonts {
    /** CSS's generic family names: each names whatever font the reader or printer picks (CSS Fonts 4, §2.1.3). */
    public static final Set<String> GENERIC = Set.of("serif", "sans-serif", "monospace", "cursive", "fantasy",
            "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "math", "emoji", "fangsong");
    private static final Set<String> WIDE_KEYWORDS = Set.of("inherit", "initial", "unset", "revert", "revert-layer");
    private static final Set<String> SYSTEM_FONTS = Set.of("caption", "icon", "menu", "message-box", "small-caption", "status-bar");

    /** One {@code @font-face} rule: family, weight (100–900), italic or not, its {@code url(…)} sources in order. */
    public record FontFace(String family, int weight, boolean italic, List<String> urls, int line, int column) {
        public FontFace {
            urls = List.copyOf(urls);
        }
    }

    /**
     * One {@code font-family} list (or the families of a {@code font} shorthand) at {@code line}:{@code column};
     * {@code unresolved} when it uses {@code var(…)} or similar, whose families cannot be known from the text.
     */
    public record FamilyList(List<String> families, boolean unresolved, int line, int column) {
        public FamilyList {
            families = List.copyOf(families);
        }
    }

    private CssFonts() {}

    /** Parses a stylesheet as browsers do, skipping what it cannot read; never null. */
    public static CascadingStyleSheet parse(String css) {
        CSSReaderSettings settings = new CSSReaderSettings()
                .setBrowserCompliantMode(true)
                .setUseSourceLocation(true)
                .setTabSize(1)
                .setCustomErrorHandler(new DoNothingCSSParseErrorHandler())
                .setCustomExceptionHandler(e -> {})
                .setInterpretErrorHandler(new DoNothingCSSInterpretErrorHandler());
        CascadingStyleSheet sheet = CSSReader.readFromStringReader(css, settings);
        return sheet == null ? new CascadingStyleSheet() : sheet;
    }

    /** The {@code @font-face} rules of the sheet (those inside {@code @media} too), in order. */
    public static List<FontFace> fontFaces(CascadingStyleSheet sheet) {
        List<FontFace> faces = new ArrayList<>();
        CSSVisitor.visitCSS(sheet, new DefaultCSSVisitor() {
            @Override
            public void onBeginFontFaceRule(CSSFontFaceRule rule) {
                String family = null;
                int weight = 400;
                boolean italic = false;
                List<String> urls = new ArrayList<>();
                for (CSSDeclaration d : rule.getAllDeclarations()) {
                    String p = d.getProperty().toLowerCase(Locale.ROOT);
                    switch (p) {
                        case "font-family" -> {
                            List<String> f = families(d.getExpression()).families();
                            family = f.isEmpty() ? null : f.get(0);
                        }
                        // A range ("400 700") declares a variable font: its first value is the one it is matched at.
                        case "font-weight" -> weight = weight(first(d.getExpression()), 400);
                        case "font-style" -> italic = isItalic(first(d.getExpression()));
                        case "src" -> {
                            for (ICSSExpressionMember m : d.getExpression().getAllMembers()) {
                                if (m instanceof CSSExpressionMemberTermURI u) urls.add(u.getURIString());
                            }
                        }
                        default -> { }
                    }
                }
                CSSSourceLocation at = rule.getSourceLocation();
                faces.add(new FontFace(family, weight, italic, urls, line(at), column(at)));
            }
        });
        return faces;
    }

    /**
     * The stylesheet with its {@code @font-face} rules blanked out (spaces; line breaks kept, so positions stay),
     * for the print engine, which is given the book's font files directly.
     */
    public static String withoutFontFaces(String css) {
        CascadingStyleSheet sheet = parse(css);
        List<int[]> lineStarts = new ArrayList<>();
        lineStarts.add(new int[] {0});
        for (int i = 0; i < css.length(); i++) if (css.charAt(i) == '\n') lineStarts.add(new int[] {i + 1});
        StringBuilder out = new StringBuilder(css);
        CSSVisitor.visitCSS(sheet, new DefaultCSSVisitor() {
            @Override
            public void onBeginFontFaceRule(CSSFontFaceRule rule) {
                CSSSourceLocation at = rule.getSourceLocation();
                if (at == null || !at.hasFirstTokenArea() || !at.hasLastTokenArea()) return;
                int start = offset(lineStarts, at.getFirstTokenBeginLineNumber(), at.getFirstTokenBeginColumnNumber());
                int end = offset(lineStarts, at.getLastTokenEndLineNumber(), at.getLastTokenEndColumnNumber()) + 1;
                for (int i = Math.max(0, start); i < Math.min(end, out.length()); i++) {
                    if (out.charAt(i) != '\n' && out.charAt(i) != '\r') out.setCharAt(i, ' ');
                }
            }
        });
        return out.toString();
    }

    private static int offset(List<int[]> lineStarts, int line, int column) {
        if (line < 1 || line > lineStarts.size()) return -1;
        return lineStarts.get(line - 1)[0] + column - 1;
    }

    /** Every family list the sheet's rules ask for (not those naming a {@code @font-face}), in order. */
    public static List<FamilyList> familyLists(CascadingStyleSheet sheet) {
        List<FamilyList> lists = new ArrayList<>();
        CSSVisitor.visitCSS(sheet, new DefaultCSSVisitor() {
            private boolean inFontFace;

            @Override
            public void onBeginFontFaceRule(CSSFontFaceRule rule) {
                inFontFace = true;
            }

            @Override
            public void onEndFontFaceRule(CSSFontFaceRule rule) {
                inFontFace = false;
            }

            @Override
            public void onDeclaration(CSSDeclaration d) {
                if (inFontFace) return;
                FamilyList f = familyList(d);
                if (f != null) lists.add(f);
            }
        });
        return lists;
    }

    /** The families a declaration asks for: {@code font-family} or {@code font}; null for any other property. */
    public static FamilyList familyList(CSSDeclaration d) {
        String p = d.getProperty().toLowerCase(Locale.ROOT);
        if (p.equals("font-family")) return withPosition(families(d.getExpression()), d);
        if (p.equals("font")) return withPosition(shorthandFamilies(d.getExpression()), d);
        return null;
    }

    private static FamilyList withPosition(FamilyList f, CSSDeclaration d) {
        if (f == null) return null;
        CSSSourceLocation at = d.getSourceLocation();
        return new FamilyList(f.families(), f.unresolved(), line(at), column(at));
    }

    /** The family names of a {@code font-family} value; CSS-wide keywords ({@code inherit}…) give an empty list. */
    public static FamilyList families(CSSExpression e) {
        return families(e.getAllMembers(), 0);
    }

    private static FamilyList families(List<ICSSExpressionMember> members, int from) {
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean unresolved = false;
        for (int i = from; i < members.size(); i++) {
            ICSSExpressionMember m = members.get(i);
            if (m == ECSSExpressionOperator.COMMA) {
                flush(current, names);
            } else if (m instanceof CSSExpressionMemberTermSimple t) {
                if (t.isStringLiteral()) {
                    flush(current, names);
                    names.add(unquote(t.getValue()));
                } else {
                    if (!current.isEmpty()) current.append(' ');
                    current.append(t.getValue());
                }
            } else {
                unresolved = true; // var(…), env(…), attr(…): not known until the page is laid out
            }
        }
        flush(current, names);
        if (names.size() == 1 && WIDE_KEYWORDS.contains(names.get(0).toLowerCase(Locale.ROOT))) names.clear();
        return new FamilyList(names, unresolved, 0, 0);
    }

    /**
     * The families of a {@code font} shorthand: what follows the size (and {@code /line-height}); null for a
     * system font ({@code font: caption}) or a value without a size, which names no family.
     */
    public static FamilyList shorthandFamilies(CSSExpression e) {
        List<ICSSExpressionMember> ms = e.getAllMembers();
        for (int i = 0; i < ms.size(); i++) {
            if (ms.get(i) instanceof CSSExpressionMemberFunction) return new FamilyList(List.of(), true, 0, 0);
            if (ms.get(i) instanceof CSSExpressionMemberTermSimple t && isSize(t.getValue())) {
                int rest = i + 1;
                if (rest < ms.size() && ms.get(rest) == ECSSExpressionOperator.SLASH) rest += 2;
                return families(ms, rest);
            }
        }
        return null;
    }

    /** The keywords before the size of a {@code font} shorthand (style, variant, weight), lower-cased. */
    public static List<String> shorthandKeywords(CSSExpression e) {
        List<String> words = new ArrayList<>();
        for (ICSSExpressionMember m : e.getAllMembers()) {
            if (!(m instanceof CSSExpressionMemberTermSimple t) || isSize(t.getValue())) break;
            words.add(t.getValue().toLowerCase(Locale.ROOT));
        }
        if (words.size() == 1 && SYSTEM_FONTS.contains(words.get(0))) return List.of();
        return words;
    }

    private static boolean isSize(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        if (Set.of("xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large", "larger", "smaller").contains(s)) {
            return true;
        }
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
        return i > 0 && i < s.length(); // a number with a unit or %: a bare number is a weight
    }

    /** The first value of a declaration, lower-cased (empty if none). */
    public static String first(CSSExpression e) {
        for (ICSSExpressionMember m : e.getAllMembers()) {
            if (m instanceof CSSExpressionMemberTermSimple t) return unquote(t.getValue()).toLowerCase(Locale.ROOT);
        }
        return "";
    }

    /**
     * A {@code font-weight} value as a number: {@code normal} 400, {@code bold} 700, a number as it is,
     * {@code bolder} and {@code lighter} relative to {@code inherited} (CSS Fonts 4, §2.2).
     */
    public static int weight(String value, int inherited) {
        switch (value) {
            case "normal": return 400;
            case "bold": return 700;
            case "bolder": return inherited < 350 ? 400 : inherited < 550 ? 700 : 900;
            case "lighter": return inherited < 550 ? 100 : inherited < 750 ? 400 : 700;
            default:
                try {
                    int w = (int) Math.round(Double.parseDouble(value));
                    return Math.max(1, Math.min(1000, w));
                } catch (NumberFormatException e) {
                    return inherited;
                }
        }
    }

    /** Whether a {@code font-style} value asks for italic (or oblique, which a font's italic serves). */
    public static boolean isItalic(String value) {
        return value.startsWith("italic") || value.startsWith("oblique");
    }

    private static void flush(StringBuilder current, List<String> names) {
        if (!current.isEmpty()) names.add(current.toString());
        current.setLength(0);
    }

    /** A CSS string's text: quotes removed, backslash escapes resolved. */
    public static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            int j = i + 1;
            int hex = 0;
            int digits = 0;
            while (j < s.length() && digits < 6 && Character.digit(s.charAt(j), 16) >= 0) {
                hex = hex * 16 + Character.digit(s.charAt(j), 16);
                j++;
                digits++;
            }
            if (digits > 0) {
                if (Character.isValidCodePoint(hex) && hex != 0) out.appendCodePoint(hex);
                if (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
                i = j - 1;
            } else {
                out.append(s.charAt(j));
                i = j;
            }
        }
        return out.toString();
    }

    private static int line(CSSSourceLocation at) {
        return at == null ? 1 : Math.max(1, at.getFirstTokenBeginLineNumber());
    }

    private static int column(CSSSourceLocation at) {
        return at == null ? 1 : Math.max(1, at.getFirstTokenBeginColumnNumber());
    }

    /**
     * The file a font {@code url(…)} of a stylesheet in {@code stylesDir} names: the path decoded from the URL
     * ({@code %20} is a space), without query or fragment, resolved against the folder; null for a URL with a
     * scheme ({@code https:}, {@code data:}) or an absolute path, which the style checker refuses anyway.
     */
    public static java.nio.file.Path fontFile(java.nio.file.Path stylesDir, String url) {
        String u = url.strip();
        int cut = u.length();
        for (char c : new char[] {'?', '#'}) if (u.indexOf(c) >= 0) cut = Math.min(cut, u.indexOf(c));
        u = u.substring(0, cut);
        if (u.isEmpty() || u.startsWith("/") || u.startsWith("\\") || u.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) return null;
        try {
            u = java.net.URLDecoder.decode(u.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not percent-encoded after all: take it as written
        }
        try {
            return stylesDir.toAbsolutePath().normalize().resolve(u).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Line and column where a rule or declaration starts (1-based). */
    public static int[] position(ICSSSourceLocationAware node) {
        CSSSourceLocation at = node.getSourceLocation();
        return new int[] {line(at), column(at)};
    }
}
