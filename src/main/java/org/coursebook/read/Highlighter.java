package org.coursebook.read;

import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenMakerFactory;
import org.fife.ui.rsyntaxtextarea.TokenTypes;

import javax.swing.text.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Syntax highlighting of code blocks, by the token makers of RSyntaxTextArea (com.fifesoft:rsyntaxtextarea, BSD
 * licence; JFlex-generated lexers for about fifty languages), used headless: no text area, no display. A fence's
 * language name ({@code java}, {@code py}, {@code bash} …) picks the lexer; each line of code becomes a list of
 * {@link Run}s, a piece of text with the highlighting class it gets ({@code hl-kw} keyword, {@code hl-ty} type,
 * {@code hl-st} string, {@code hl-nu} number or literal, {@code hl-co} comment, {@code hl-an} annotation or
 * decorator, {@code hl-pp} preprocessor, {@code hl-va} variable, {@code hl-fn} built-in function, {@code hl-tg}
 * markup tag, {@code hl-at} attribute) or none. The runs of a line always add up to the line: a lexer that
 * drops or invents text (or throws) leaves that line plain.
 *
 * <p>R has no lexer of its own in RSyntaxTextArea: its code is read by the Python lexer, which shares R's
 * comments ({@code #}), strings and numbers, and its keywords are R's reserved words (R Language Definition,
 * section 10.3.3) instead of Python's.
 */
public final class Highlighter {
    static {
        // Token makers are Swing classes; nothing here draws, and nothing may open a display.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /**
     * A language a fence can name.
     *
     * @param label  the name shown on the listing ("Java", "Python")
     * @param style  RSyntaxTextArea's syntax style; {@link SyntaxConstants#SYNTAX_STYLE_NONE} for plain text
     * @param keywords when not null, the only words that are keywords (the lexer's own keywords and built-ins
     *                 outside this set are shown plain): for languages lexed by a relative's lexer
     */
    public record Language(String label, String style, Set<String> keywords) {
        public boolean highlighted() {
            return !style.equals(SyntaxConstants.SYNTAX_STYLE_NONE);
        }
    }

    /** One piece of a line: its text and its highlighting class ({@code hl-…}), or null when plain. */
    public record Run(String cls, String text) {}

    /** R's reserved words (R Language Definition, 10.3.3; {@code ?Reserved} in R). */
    static final Set<String> R_RESERVED = Set.of("if", "else", "repeat", "while", "function", "for", "next", "break",
            "in", "TRUE", "FALSE", "NULL", "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "NA_complex_");

    private static final Map<String, Language> LANGUAGES = new LinkedHashMap<>();

    private static void lang(String label, String style, String... names) {
        Language l = new Language(label, style, null);
        for (String n : names) LANGUAGES.put(n, l);
    }

    static {
        // The languages courses teach in most, then the rest of what RSyntaxTextArea knows.
        lang("Java", SyntaxConstants.SYNTAX_STYLE_JAVA, "java");
        lang("Python", SyntaxConstants.SYNTAX_STYLE_PYTHON, "python", "py", "python3", "py3", "ipython", "sage");
        Language r = new Language("R", SyntaxConstants.SYNTAX_STYLE_PYTHON, R_RESERVED);
        for (String n : List.of("r", "rscript", "splus")) LANGUAGES.put(n, r);
        lang("SQL", SyntaxConstants.SYNTAX_STYLE_SQL, "sql", "mysql", "postgresql", "postgres", "psql", "plsql",
                "sqlite", "tsql", "plpgsql");
        lang("Shell", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL, "sh", "bash", "shell", "zsh", "ksh", "shell-script",
                "shellscript");
        lang("JavaScript", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT, "javascript", "js", "node", "nodejs", "mjs", "cjs", "jsx");
        lang("TypeScript", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT, "typescript", "ts", "tsx");
        lang("C", SyntaxConstants.SYNTAX_STYLE_C, "c", "h");
        lang("C++", SyntaxConstants.SYNTAX_STYLE_CPLUSPLUS, "c++", "cpp", "cc", "cxx", "hpp", "hxx", "arduino");
        lang("C#", SyntaxConstants.SYNTAX_STYLE_CSHARP, "c#", "csharp", "cs");
        lang("Go", SyntaxConstants.SYNTAX_STYLE_GO, "go", "golang");
        lang("Rust", SyntaxConstants.SYNTAX_STYLE_RUST, "rust", "rs");
        lang("Kotlin", SyntaxConstants.SYNTAX_STYLE_KOTLIN, "kotlin", "kt", "kts");
        lang("Scala", SyntaxConstants.SYNTAX_STYLE_SCALA, "scala", "sc");
        lang("Groovy", SyntaxConstants.SYNTAX_STYLE_GROOVY, "groovy", "gradle");
        lang("Dart", SyntaxConstants.SYNTAX_STYLE_DART, "dart");
        lang("Ruby", SyntaxConstants.SYNTAX_STYLE_RUBY, "ruby", "rb");
        lang("PHP", SyntaxConstants.SYNTAX_STYLE_PHP, "php");
        lang("Perl", SyntaxConstants.SYNTAX_STYLE_PERL, "perl", "pl", "pm");
        lang("Lua", SyntaxConstants.SYNTAX_STYLE_LUA, "lua");
        lang("Tcl", SyntaxConstants.SYNTAX_STYLE_TCL, "tcl");
        lang("Clojure", SyntaxConstants.SYNTAX_STYLE_CLOJURE, "clojure", "clj", "cljs", "edn");
        lang("Lisp", SyntaxConstants.SYNTAX_STYLE_LISP, "lisp", "scheme", "racket", "elisp", "emacs-lisp", "common-lisp");
        lang("D", SyntaxConstants.SYNTAX_STYLE_D, "d");
        lang("Pascal", SyntaxConstants.SYNTAX_STYLE_DELPHI, "pascal", "delphi", "objectpascal");
        lang("Fortran", SyntaxConstants.SYNTAX_STYLE_FORTRAN, "fortran", "f", "f90", "f95", "f03");
        lang("Visual Basic", SyntaxConstants.SYNTAX_STYLE_VISUAL_BASIC, "vb", "vbnet", "vb.net", "visualbasic", "vba");
        lang("SAS", SyntaxConstants.SYNTAX_STYLE_SAS, "sas");
        lang("Assembly", SyntaxConstants.SYNTAX_STYLE_ASSEMBLER_X86, "asm", "nasm", "x86asm", "assembly");
        lang("6502 Assembly", SyntaxConstants.SYNTAX_STYLE_ASSEMBLER_6502, "6502", "asm6502");
        lang("ActionScript", SyntaxConstants.SYNTAX_STYLE_ACTIONSCRIPT, "actionscript", "as3");
        lang("Batch", SyntaxConstants.SYNTAX_STYLE_WINDOWS_BATCH, "bat", "batch", "cmd", "dosbatch");
        lang("Makefile", SyntaxConstants.SYNTAX_STYLE_MAKEFILE, "makefile", "make", "mk");
        lang("Dockerfile", SyntaxConstants.SYNTAX_STYLE_DOCKERFILE, "dockerfile", "docker");
        lang("HTML", SyntaxConstants.SYNTAX_STYLE_HTML, "html", "xhtml", "htm");
        lang("XML", SyntaxConstants.SYNTAX_STYLE_XML, "xml", "svg", "xsl", "xslt", "pom", "rss", "mathml");
        lang("CSS", SyntaxConstants.SYNTAX_STYLE_CSS, "css");
        lang("Less", SyntaxConstants.SYNTAX_STYLE_LESS, "less");
        lang("JSON", SyntaxConstants.SYNTAX_STYLE_JSON_WITH_COMMENTS, "json", "jsonc", "json5", "geojson");
        lang("YAML", SyntaxConstants.SYNTAX_STYLE_YAML, "yaml", "yml");
        lang("INI", SyntaxConstants.SYNTAX_STYLE_INI, "ini", "cfg", "conf", "toml");
        lang("Properties", SyntaxConstants.SYNTAX_STYLE_PROPERTIES_FILE, "properties", "props");
        lang("LaTeX", SyntaxConstants.SYNTAX_STYLE_LATEX, "latex", "tex");
        lang("Markdown", SyntaxConstants.SYNTAX_STYLE_MARKDOWN, "markdown", "md");
        lang("CSV", SyntaxConstants.SYNTAX_STYLE_CSV, "csv");
        lang("Protocol Buffers", SyntaxConstants.SYNTAX_STYLE_PROTO, "proto", "protobuf");
        lang("JSP", SyntaxConstants.SYNTAX_STYLE_JSP, "jsp");
        lang("Handlebars", SyntaxConstants.SYNTAX_STYLE_HANDLEBARS, "handlebars", "hbs", "mustache");
        // Named, but plain by nature: shown with their label, never highlighted.
        lang("Text", SyntaxConstants.SYNTAX_STYLE_NONE, "text", "txt", "plain", "plaintext");
        lang("Output", SyntaxConstants.SYNTAX_STYLE_NONE, "output", "out", "console", "terminal", "shell-session");
    }

    private Highlighter() {}

    /**
     * The language a fence's info string names: its first word, lower-cased, without the braces and options of
     * the {@code {r, echo=FALSE}} and {@code {.python}} forms. A name no lexer knows gives a plain language
     * labelled with the name as written; an empty info string gives null (no label, no highlighting).
     */
    public static Language language(String info) {
        String name = name(info);
        if (name.isEmpty()) return null;
        Language l = LANGUAGES.get(name.toLowerCase(Locale.ROOT));
        return l != null ? l : new Language(name, SyntaxConstants.SYNTAX_STYLE_NONE, null);
    }

    /** The language name in a fence's info string (empty when there is none). */
    public static String name(String info) {
        String s = info == null ? "" : info.strip();
        if (s.startsWith("{")) s = s.substring(1).strip();
        if (s.startsWith(".")) s = s.substring(1);
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && ",;{}".indexOf(s.charAt(end)) < 0) end++;
        String name = s.substring(0, end);
        if (name.startsWith("language-")) name = name.substring("language-".length());
        return name.length() > 40 ? name.substring(0, 40) : name;
    }

    /** True when {@link #language(String)} knows a lexer for the name (or knows it as plain text). */
    public static boolean known(String info) {
        return LANGUAGES.containsKey(name(info).toLowerCase(Locale.ROOT));
    }

    /**
     * Splits each line into runs. {@code language} may be null or plain: every line is then one plain run. A
     * line never spans two lists; the lexer's state (an open block comment, a multi-line string) is carried
     * from one line to the next.
     */
    public static List<List<Run>> highlight(Language language, List<String> lines) {
        List<List<Run>> out = new ArrayList<>(lines.size());
        TokenMaker tm = null;
        if (language != null && language.highlighted()) {
            try {
                tm = TokenMakerFactory.getDefaultInstance().getTokenMaker(language.style());
            } catch (RuntimeException e) {
                tm = null; // no lexer: plain
            }
        }
        int state = TokenTypes.NULL;
        for (String line : lines) {
            List<Run> runs = null;
            if (tm != null) {
                try {
                    Segment seg = new Segment(line.toCharArray(), 0, line.length());
                    runs = runs(tm.getTokenList(seg, state, 0), language);
                    state = tm.getLastTokenTypeOnLine(new Segment(line.toCharArray(), 0, line.length()), state);
                } catch (RuntimeException | StackOverflowError e) {
                    runs = null;
                    state = TokenTypes.NULL;
                }
                if (runs != null && !text(runs).equals(line)) runs = null;
            }
            out.add(runs != null ? runs : line.isEmpty() ? List.of() : List.of(new Run(null, line)));
        }
        return out;
    }

    private static List<Run> runs(Token t, Language language) {
        List<Run> runs = new ArrayList<>();
        for (; t != null && t.isPaintable(); t = t.getNextToken()) {
            String text = t.getLexeme();
            if (text == null || text.isEmpty()) continue;
            String cls = cls(t.getType());
            if (language.keywords() != null) {
                if (language.keywords().contains(text)) cls = "hl-kw";
                else if ("hl-kw".equals(cls) || "hl-fn".equals(cls) || "hl-ty".equals(cls)) cls = null;
            }
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && java.util.Objects.equals(last.cls(), cls)) {
                runs.set(runs.size() - 1, new Run(cls, last.text() + text));
            } else {
                runs.add(new Run(cls, text));
            }
        }
        // whitespace between two runs of one class joins them ("a string" stays one span)
        List<Run> merged = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (r.cls() == null && r.text().isBlank() && i > 0 && i + 1 < runs.size()
                    && runs.get(i - 1).cls() != null && runs.get(i - 1).cls().equals(runs.get(i + 1).cls())
                    && !merged.isEmpty()) {
                Run prev = merged.remove(merged.size() - 1);
                merged.add(new Run(prev.cls(), prev.text() + r.text() + runs.get(i + 1).text()));
                i++;
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    private static String text(List<Run> runs) {
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) sb.append(r.text());
        return sb.toString();
    }

    /** The highlighting class of a token type; null for identifiers, operators, separators and whitespace. */
    static String cls(int type) {
        return switch (type) {
            case TokenTypes.RESERVED_WORD, TokenTypes.RESERVED_WORD_2 -> "hl-kw";
            case TokenTypes.DATA_TYPE -> "hl-ty";
            case TokenTypes.FUNCTION -> "hl-fn";
            case TokenTypes.LITERAL_STRING_DOUBLE_QUOTE, TokenTypes.LITERAL_CHAR, TokenTypes.LITERAL_BACKQUOTE,
                 TokenTypes.REGEX, TokenTypes.ERROR_STRING_DOUBLE, TokenTypes.ERROR_CHAR,
                 TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE, TokenTypes.MARKUP_CDATA -> "hl-st";
            case TokenTypes.LITERAL_BOOLEAN, TokenTypes.LITERAL_NUMBER_DECIMAL_INT, TokenTypes.LITERAL_NUMBER_FLOAT,
                 TokenTypes.LITERAL_NUMBER_HEXADECIMAL, TokenTypes.ERROR_NUMBER_FORMAT,
                 TokenTypes.MARKUP_ENTITY_REFERENCE -> "hl-nu";
            case TokenTypes.COMMENT_EOL, TokenTypes.COMMENT_MULTILINE, TokenTypes.COMMENT_DOCUMENTATION,
                 TokenTypes.COMMENT_KEYWORD, TokenTypes.COMMENT_MARKUP, TokenTypes.MARKUP_COMMENT -> "hl-co";
            case TokenTypes.ANNOTATION -> "hl-an";
            case TokenTypes.PREPROCESSOR, TokenTypes.MARKUP_DTD, TokenTypes.MARKUP_PROCESSING_INSTRUCTION -> "hl-pp";
            case TokenTypes.VARIABLE -> "hl-va";
            case TokenTypes.MARKUP_TAG_NAME -> "hl-tg";
            case TokenTypes.MARKUP_TAG_ATTRIBUTE -> "hl-at";
            default -> null;
        };
    }
}
