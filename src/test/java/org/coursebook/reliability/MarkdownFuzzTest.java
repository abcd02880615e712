package org.coursebook.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.read.BookReader;
import org.coursebook.render.Fonts;
import org.coursebook.render.Output;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Styles;
import org.coursebook.render.Templates;
import org.coursebook.render.epub.EpubRenderer;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fuzzing: thousands of generated Markdown chapters (lists, quotes, tables, footnotes, raw HTML, pull-quotes and
 * sidebars nested at random; Cyrillic, combining marks, right-to-left text, emoji, control characters, very long
 * words) go through the reader, the transforms and the EPUB chapter template. No input may crash the build (a
 * {@link BuildException} with diagnostics is the only way to fail), every chapter that builds is well-formed
 * XHTML to a hardened XML parser, and a sample of the books goes through EPUBCheck.
 */
class MarkdownFuzzTest {
    static final Path DIR = Path.of("target/fuzz/book");
    static final BuildPipeline PIPELINE = new BuildPipeline(List.of(), s -> {});
    static final AtomicInteger BUILT = new AtomicInteger(), REFUSED = new AtomicInteger(), CHECKED = new AtomicInteger();
    static final AtomicInteger GENERATED = new AtomicInteger(), GENERATED_BUILT = new AtomicInteger();
    static final int EPUBCHECK_EVERY = 40;
    /** Floors that keep the fuzzing honest: most generated chapters must build, and a real sample must be validated. */
    static final double MIN_BUILT_SHARE = 0.5;
    static final int MIN_EPUBCHECKED = 15;
    static final Map<String, Integer> REASONS = new java.util.concurrent.ConcurrentHashMap<>();
    static Templates templates;
    static Fonts fonts;

    @BeforeContainer
    static void book() throws IOException {
        Files.createDirectories(DIR.resolve("images"));
        Files.writeString(DIR.resolve("book.yaml"), """
                title: Fuzz Book
                authors: [A. Author]
                language: en
                identifier: urn:uuid:0e7b7f7a-3d55-4c61-8a0f-1b2c3d4e5f62
                date: 2026-01-15
                description: Generated chapters.
                chapters:
                  - ch.md
                  - two.md
                """);
        Files.writeString(DIR.resolve("two.md"), "---\ntitle: Two\nlecture:\n  - A point.\n---\n\n## Target {#target}\n\nText.\n");
        Files.write(DIR.resolve("images/a.png"), Fixtures.PNG);
        Files.writeString(DIR.resolve("images/b.svg"), Fixtures.SVG);
        templates = new Templates(null);
        fonts = new Fonts();
    }

    @AfterContainer
    static void report() {
        System.out.printf("fuzz: %d chapters built and well-formed, %d refused with diagnostics, %d books through EPUBCheck%n",
                BUILT.get(), REFUSED.get(), CHECKED.get());
        REASONS.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        System.out.printf("fuzz: %d of %d generated chapters built%n", GENERATED_BUILT.get(), GENERATED.get());
        // A fuzzer whose inputs are all refused tests nothing: fail the run when too few generated chapters build.
        if (GENERATED.get() > 0) {
            assertTrue(GENERATED_BUILT.get() >= MIN_BUILT_SHARE * GENERATED.get(), "only " + GENERATED_BUILT.get() + " of "
                    + GENERATED.get() + " generated chapters built; the generator or the reader has drifted: " + REASONS);
            assertTrue(CHECKED.get() >= MIN_EPUBCHECKED, "only " + CHECKED.get() + " books went through EPUBCheck");
        }
    }

    @Property(tries = 1500, shrinking = ShrinkingMode.BOUNDED, seed = "20261124")
    void generatedChaptersBuildIntoWellFormedXhtmlOrFailWithDiagnostics(@ForAll("chapters") String markdown) throws Exception {
        GENERATED.incrementAndGet();
        if (buildAndCheck(markdown, true)) GENERATED_BUILT.incrementAndGet();
    }

    @Property(tries = 600, shrinking = ShrinkingMode.BOUNDED, seed = "19171107")
    void arbitraryTextNeverCrashesTheReader(@ForAll("noise") String text) throws Exception {
        buildAndCheck(text, false);
    }

    /** Builds the chapter; returns whether it built (false: refused with diagnostics). */
    boolean buildAndCheck(String body, boolean withFrontMatter) throws Exception {
        String text = withFrontMatter ? "---\ntitle: Fuzzed\nlecture:\n  - A point.\n---\n\n" + body : body;
        Files.write(DIR.resolve("ch.md"), text.getBytes(StandardCharsets.UTF_8)); // unpaired surrogates become "?"
        Book book;
        try {
            book = PIPELINE.check(new BuildOptions(DIR.resolve("book.yaml"), Path.of("target/fuzz/out"), Set.of(), Builds.FIXED_TIME,
                    null, null, BookReader.Limits.defaults(), List.of()), new Diagnostics(), Map.of());
        } catch (BuildException e) {
            assertFalse(e.diagnostics().isEmpty());
            for (Diagnostic d : e.diagnostics()) {
                assertFalse(d.message().isBlank(), d.toString());
                if (d.isError()) assertFalse(d.hint().isBlank(), "an error without a hint: " + d);
            }
            REFUSED.incrementAndGet();
            e.diagnostics().stream().filter(Diagnostic::isError).findFirst()
                    .ifPresent(d -> REASONS.merge(d.message().replaceAll("['\\[<(].*", "…"), 1, Integer::sum));
            return false;
        }
        for (Chapter c : book.allParts()) {
            Map<String, Object> model = new HashMap<>();
            model.put("book", book);
            model.put("meta", book.meta());
            model.put("stylesheets", List.of("css/base.css", "css/epub.css"));
            model.put("chapter", c);
            model.put("w", org.coursebook.render.XhtmlWriter.epub(templates));
            String xhtml = templates.render("chapter.ftl", model);
            assertWellFormed(xhtml, body);
        }
        if (BUILT.incrementAndGet() % EPUBCHECK_EVERY == 1) epubCheck(book, body);
        return true;
    }

    static void epubCheck(Book book, String body) throws IOException {
        Path out = Files.createDirectories(Path.of("target/fuzz/out"));
        try (Output output = new Output(out)) {
            RenderContext ctx = new RenderContext(output, templates, new Styles(null), fonts, Builds.FIXED_TIME, new Diagnostics());
            byte[] epub = new EpubRenderer().build(book, ctx);
            Path file = out.resolve("sample-" + CHECKED.incrementAndGet() + ".epub");
            Files.write(file, epub);
            EpubValidator.Result r = EpubValidator.validate(file);
            assertTrue(r.clean(), r + "\nfor the chapter:\n" + body);
        }
    }

    /** A parser that reads no DTD, expands no entity, includes nothing and fetches nothing. */
    static final ThreadLocal<DocumentBuilder> XML = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    static void assertWellFormed(String xhtml, String source) {
        assertFalse(xhtml.contains("<!ENTITY"), "no entity declarations in the output");
        try {
            XML.get().parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            String[] lines = xhtml.split("\n", -1);
            String bad = e.getLineNumber() > 0 && e.getLineNumber() <= lines.length ? lines[e.getLineNumber() - 1] : "";
            fail("not well-formed XHTML: " + e.getMessage() + "\nat: " + bad + "\nfrom the chapter:\n" + source);
        } catch (Exception e) {
            fail(e);
        }
    }

    // ---- generators ----

    static final List<String> WORDS = List.of("the", "state", "withers", "away", "Lenin", "1917", "Soviet", "plan",
            "колхоз", "Диктатура", "пролетариата", "ёлка", "Щ", "перестройка", // Cyrillic
            "שלום", "مرحبا", "עברית‎", "\u202Eevil\u202C", "\u200F", // right-to-left, bidi controls
            "e\u0301", "a\u0308\u0304", "\u0301\u0302\u0303start", "Z\u0335\u0321\u0322a\u0337lgo", // combining marks
            "😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // astral and joined emoji
            "&", "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&#x1F600;", "&bogus;", "<", ">", "\"", "'", "\\", "\\*",
            "a<b", "x&y", "--", "---", "...", "\"quoted\"", "'single'", "|", "{#id}", "{.cls}", "==", "^",
            "\u007F", "\u0085", "\uFFFD", // control characters no EPUB can hold are left to the noise property
            "\u00AD", "\u200B", "\u2028", "\u2029", "\t", "\uFEFF");

    /**
     * Raw HTML that is fine, or that the cleaner makes fine without an error (comments are dropped; an element or
     * attribute not on the allow-list is removed with a warning, its content kept).
     */
    static final List<String> GOOD_HTML = List.of(
            "<div class=\"note\">\n<p>A note.</p>\n</div>",
            "<p>Line<br>break and <em>em</em>.</p>",
            "<table><tr><td>a</td></tr></table>",
            "<!-- a comment -- with dashes -->",
            "<img src=\"images/a.png\" alt=\"an image\">",
            "<center>old <font color=\"red\">markup</font></center>",
            "<p><span style=\"color: #333; font-variant: small-caps\">styled</span> <kbd>Ctrl</kbd>+<kbd>C</kbd></p>",
            "<p a:b:c=\"1\" data-x=\"&quot;\">attrs</p>",
            "<p title=\"<&>\">quoted</p>",
            "<x-custom-element>custom</x-custom-element>",
            "<p>entity &e; and &#0; and &#xFFFF; and &#xD800;</p>",
            "<hr/>",
            "<section><h2>Raw heading</h2></section>",
            "<ruby>漢<rt>kan</rt></ruby>",
            "<bdo dir=\"rtl\">reversed</bdo>",
            "<p dir=\"rtl\" lang=\"he\">שלום עולם</p>");

    /** Raw HTML that must be refused with an error. */
    static final List<String> BAD_HTML = List.of(
            "<span>unclosed",
            "</div>",
            "<div><p>mismatched</div></p>",
            "<!-- unclosed comment",
            "<script>alert(1)</script>",
            "<img src=\"images/a.png\">",
            "<img src=\"http://example.org/x.png\" alt=\"x\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<b onclick=\"x()\">b</b>",
            "<iframe src=\"x\"></iframe>",
            "<p 1bad=\"2\" =x>attrs</p>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            "<?xml-stylesheet href=\"x\"?>",
            "<![CDATA[ raw ]]>",
            "<div/>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>",
            "<math><mi>x</mi></math>",
            "<p><span style=\"background: \\75 rl(https://example.com/t.png)\">escaped</span></p>",
            "<p style=\"color: red; }{ x\">unreadable</p>");

    static Arbitrary<String> word() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.of(WORDS)),
                net.jqwik.api.Tuple.of(6, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('а', 'я').ofMinLength(1).ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(300).ofMaxLength(3000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange(' ', '\uD7FF').withCharRange('\uE000', '\uFFFD')
                        .ofMinLength(1).ofMaxLength(6)));
    }

    static Arbitrary<String> inline() {
        Arbitrary<String> w = word();
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(50, w),
                net.jqwik.api.Tuple.of(2, w.map(x -> "*" + x + "*")),
                net.jqwik.api.Tuple.of(2, w.map(x -> "**" + x + "**")),
                net.jqwik.api.Tuple.of(1, w.map(x -> "_" + x + "_")),
                net.jqwik.api.Tuple.of(1, w.map(x -> "~~" + x + "~~")),
                net.jqwik.api.Tuple.of(2, w.map(x -> "`" + x + "`")),
                net.jqwik.api.Tuple.of(1, w.map(x -> "==" + x + "==")),
                net.jqwik.api.Tuple.of(2, Combinators.combine(w, Arbitraries.of("two.md", "two.md#target", "#ch", "ch.md",
                        "https://example.org/a?b=c&d", "mailto:a@example.org", "", "<two.md>", "two.md", "https://example.org/"))
                        .as((t, u) -> "[" + t + "](" + u + ")")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("two.md", "two.md#target").map(u -> "[](" + u + ")")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("[x](missing.md)", "[x](javascript:alert(1))", "[x](#nowhere)",
                        "![x](images/none.png)", "[^orphan]")),
                net.jqwik.api.Tuple.of(1, Combinators.combine(w, Arbitraries.of("images/a.png", "images/b.svg"))
                        .as((t, u) -> "![" + t + "](" + u + ")")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("<em>", "</em>", "<span class=\"x\">", "</span>", "<br>", "<br/>",
                        "<abbr title=\"t\">A</abbr>", "<sup>2</sup>", "<b onmouseover=\"x\">b</b>", "<a href=\"#target\">a</a>", "<q>q</q>")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("<https://example.org>", "https://example.org/auto", "a@b.c", "\\", "  \n", "\n")));
        return piece.list().ofMinSize(1).ofMaxSize(14).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> chapters() {
        // a note's text must stand at the top level of the chapter: the pair is made there, not inside lists or quotes
        Arbitrary<String> notePair = Combinators.combine(inline(), inline())
                .as((t, n) -> t + "[^n" + Math.abs(n.hashCode()) + "]\n\n[^n" + Math.abs(n.hashCode()) + "]: " + n.replace('\n', ' '));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, block(3)), net.jqwik.api.Tuple.of(1, notePair))
                .list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("\n\n", l) + "\n");
    }

    static Arbitrary<String> block(int depth) {
        Arbitrary<String> text = inline();
        Arbitrary<String> leaf = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, text),
                net.jqwik.api.Tuple.of(3, text.map(t -> "## " + t.replace('\n', ' '))),
                net.jqwik.api.Tuple.of(1, text.map(t -> "### " + t.replace('\n', ' ') + " {#h" + Math.abs(t.hashCode() % 5) + "}")),
                net.jqwik.api.Tuple.of(2, table()),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(GOOD_HTML)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(BAD_HTML)),
                net.jqwik.api.Tuple.of(1, text.map(t -> "```\n" + t + "\n```")),
                net.jqwik.api.Tuple.of(1, Combinators.combine(text, Arbitraries.of("— Lenin, *State and Revolution*, 1917",
                        "-- Gorbachev, 1987", "— Nobody, *No Year*", "--- Stalin, 1924–1925", "— Engels, *Anti-Dühring*, 1878"))
                        .as((t, a) -> "> " + t.replace("\n", "\n> ") + "\n>\n> " + a)),
                net.jqwik.api.Tuple.of(1, text.map(t -> "> [!SIDEBAR] " + t.replace('\n', ' ') + "\n>\n> " + t.replace("\n", "\n> "))),
                net.jqwik.api.Tuple.of(1, text.map(t -> t.replace('\n', ' ') + "\n: " + t.replace('\n', ' '))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("---", "***", "[Caption]", "Source: a book", "![](images/a.png)")),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 70).map(n -> "> ".repeat(n) + "deep")),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 70).map(n -> "- ".repeat(n) + "deep")));
        if (depth == 0) return leaf;
        Arbitrary<String> inner = Arbitraries.lazy(() -> block(depth - 1)).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> String.join("\n\n", l));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, leaf),
                net.jqwik.api.Tuple.of(2, inner.list().ofMinSize(1).ofMaxSize(4).map(items -> list(items, "- "))),
                net.jqwik.api.Tuple.of(1, inner.list().ofMinSize(1).ofMaxSize(4).map(items -> list(items, "1. "))),
                net.jqwik.api.Tuple.of(2, inner.map(b -> "> " + b.replace("\n", "\n> "))));
    }

    static String list(List<String> items, String marker) {
        StringBuilder sb = new StringBuilder();
        String indent = " ".repeat(marker.length());
        for (String item : items) sb.append(marker).append(item.replace("\n", "\n" + indent)).append('\n');
        return sb.toString();
    }

    static Arbitrary<String> table() {
        Arbitrary<String> cell = word().map(c -> c.replace("|", "\\|").replace("\n", " "));
        return Combinators.combine(Arbitraries.integers().between(1, 4), cell.list().ofMinSize(1).ofMaxSize(16),
                Arbitraries.of("", "\n[A caption]", "\n[A caption]\n\nSource: somewhere"))
                .as((cols, cells, tail) -> {
                    StringBuilder sb = new StringBuilder("|");
                    for (int c = 0; c < cols; c++) sb.append(" h").append(c).append(" |");
                    sb.append("\n|").append("---|".repeat(cols)).append('\n');
                    for (int i = 0; i < cells.size(); i++) {
                        sb.append("| ").append(cells.get(i)).append(' ');
                        if (i % cols == cols - 1 || i == cells.size() - 1) sb.append("|\n");
                    }
                    return sb.append(tail.isEmpty() ? "" : tail.substring(1)).toString();
                });
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<Character> structural = Arbitraries.of('<', '>', '[', ']', '(', ')', '*', '_', '`', '~', '#', '|', '!', '-',
                '=', '\\', '&', ';', ':', '"', '\'', ' ', ' ', '\n', '\n', '\t', '^', '{', '}', '.', '1', 'a', 'я', '/');
        Arbitrary<String> structured = structural.list().ofMaxSize(400).map(cs -> {
            StringBuilder sb = new StringBuilder();
            for (char c : cs) sb.append(c);
            return sb.toString();
        });
        return Arbitraries.oneOf(structured, Arbitraries.strings().all().ofMaxLength(300),
                Combinators.combine(structured, Arbitraries.strings().all().ofMaxLength(50)).as((a, b) -> a + b + a));
    }
}
