package org.coursebook.render;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.Diagnostic;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.PdfValidator;
import org.coursebook.support.TestBook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Code in every output: field cases 06 (a 179-character line in a fenced block: clipped in the EPUB, missing from
 * the PDF) and 21 (an inline code span: the PDF build crashed with FontNotFoundException), and a book with listings
 * in seven languages, captions, a listing in a list, a sidebar and a quotation, inline code in the lecture points
 * (the handouts) and a language no lexer knows. Each is built once; EPUBCheck 0/0 and veraPDF PDF/UA-1 and
 * PDF/A-2u for every EPUB and PDF.
 */
class CodeListingsTest {
    static final String CENSUS = "census-tool --input returns_district_14_households_all_years.csv --filter "
            + "\"district=14 AND year>=1897 AND year<=1926\" --group-by year,parish --output counts_by_year_and_parish.csv";

    static BuildPipeline.Result case06, case21, code;
    static Path out06, out21, outCode;

    @BeforeAll
    static void buildAll() throws IOException {
        out06 = Path.of("target/cases-out/06-long-code-line");
        out21 = Path.of("target/cases-out/21-inline-code-font-crash");
        outCode = Path.of("target/code-book");
        case06 = Builds.build(copy("src/test/resources/cases/06-long-code-line", "target/cases-src/06"), out06, Set.of("epub", "pdf"));
        case21 = Builds.build(copy("src/test/resources/cases/21-inline-code-font-crash", "target/cases-src/21"), out21,
                Set.copyOf(BuildOptions.ALL_FORMATS));
        code = Builds.build(copy("src/test/resources/books/code", "target/code-book-src"), outCode, Set.copyOf(BuildOptions.ALL_FORMATS));
    }

    static Path copy(String from, String to) throws IOException {
        Path src = Path.of(from), dst = Path.of(to);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dst.resolve("book.yaml");
    }

    static String entry(Path epub, String name) {
        try (ZipFile z = new ZipFile(epub.toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document xhtml(Path epub, String name) {
        return Jsoup.parse(entry(epub, name), "", Parser.xmlParser());
    }

    /** The text of a listing's line as the author wrote it: the wrap marks and the newlines before them removed. */
    static String sourceText(Element line) {
        Element copy = line.clone();
        copy.select("span.wrap-mark").forEach(m -> {
            if (m.previousSibling() instanceof org.jsoup.nodes.TextNode t && t.getWholeText().endsWith("\n")) {
                t.text(t.getWholeText().substring(0, t.getWholeText().length() - 1));
            }
            m.remove();
        });
        return copy.wholeText();
    }

    static void assertValidPdf(Path pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals(List.of(), PdfValidator.pdfUa(bytes), pdf + " PDF/UA-1");
        assertEquals(List.of(), PdfValidator.pdfA2u(bytes), pdf + " PDF/A-2u");
    }

    /** Every whitespace-separated token of {@code line} is a token of the text. */
    static void assertTokensWhole(String line, String text) {
        List<String> tokens = Arrays.asList(text.split("\\s+"));
        for (String t : line.split(" ")) assertTrue(tokens.contains(t), "'" + t + "' is not whole in the PDF's text:\n" + text);
    }

    // --- case 06: a long line in a fenced code block

    @Test
    void case06BuildsWithoutWarnings() {
        assertEquals(List.of(), case06.diagnostics());
    }

    @Test
    void case06PdfHasTheWholeLineWrappedWithMarks() throws Exception {
        try (PdfInspect pdf = new PdfInspect(out06.resolve("notes-on-data.pdf"))) {
            String text = pdf.visualText();
            assertTokensWhole(CENSUS, text);
            assertEquals(1, text.split("census-tool", -1).length - 1, "the command once");
            assertTrue(text.contains(CodeWrap.MARK), "a visible continuation mark:\n" + text);
            assertTrue(pdf.fontNames().stream().anyMatch(f -> f.contains("LiberationMono")), pdf.fontNames().toString());
            assertTrue(pdf.fontNames().stream().anyMatch(f -> f.contains("DejaVuSansMono")), "the mark's font: " + pdf.fontNames());
            assertEquals(List.of(), pdf.unembeddedFonts());
        }
        assertValidPdf(out06.resolve("notes-on-data.pdf"));
    }

    @Test
    void case06EpubHasTheWholeLineWrappedWithMarks() {
        Path epub = out06.resolve("notes-on-data.epub");
        assertTrue(EpubValidator.validate(epub).clean(), EpubValidator.validate(epub).toString());
        Document ch = xhtml(epub, "OEBPS/01-chapter.xhtml");
        Element line = ch.selectFirst("pre.code span.line");
        assertEquals(CENSUS, sourceText(line));
        for (String screenLine : line.wholeText().split("\n")) {
            assertTrue(screenLine.stripTrailing().length() <= CodeWrap.EPUB_COLUMNS, screenLine);
        }
        assertFalse(line.select("span.wrap-mark[aria-hidden=true]").isEmpty(), line.outerHtml());
        assertTrue(entry(epub, "OEBPS/css/base.css").matches("(?s).*pre \\{[^}]*white-space: pre-wrap;.*"), "pre-wrap as a safety net");
    }

    // --- case 21: an inline code span

    @Test
    void case21BuildsEveryFormatWithMonospaceEmbedded() throws Exception {
        assertEquals(List.of(), case21.diagnostics());
        try (PdfInspect pdf = new PdfInspect(out21.resolve("notes-on-data.pdf"))) {
            assertTrue(pdf.visualText().contains("one row per year."), pdf.visualText());
            assertTrue(pdf.fontNames().stream().anyMatch(f -> f.contains("LiberationMono")), pdf.fontNames().toString());
            assertEquals(List.of(), pdf.unembeddedFonts());
        }
        assertValidPdf(out21.resolve("notes-on-data.pdf"));
        Path epub = out21.resolve("notes-on-data.epub");
        assertTrue(EpubValidator.validate(epub).clean(), EpubValidator.validate(epub).toString());
        assertTrue(entry(epub, "OEBPS/01-chapter.xhtml").contains("one row per <code>year</code>."));
        assertTrue(Files.exists(out21.resolve("handouts/01-census-data.pdf")));
    }

    // --- the code book

    @Test
    void codeBookBuildsWithoutWarnings() {
        assertEquals(List.of(), code.diagnostics(), "an unknown fence language is shown plain, without a warning");
    }

    @Test
    void epubListingsAreHighlightedLabelledAndCaptioned() {
        Path epub = outCode.resolve("programming-for-historians.epub");
        EpubValidator.Result r = EpubValidator.validate(epub);
        assertTrue(r.clean(), r.toString());
        Document ch = xhtml(epub, "OEBPS/01-code.xhtml");
        assertEquals(List.of("Java", "Python", "R", "SQL", "Shell", "JavaScript", "C", "Shell", "SQL", "haskell", "Shell"),
                ch.select("p.listing-lang").eachText());
        for (String lang : List.of("java", "python", "r", "sql", "bash", "js", "c")) {
            Element c = ch.selectFirst("code.language-" + lang);
            assertNotNull(c, lang);
            assertFalse(c.select("span.hl-kw, span.hl-pp").isEmpty(), lang + " has keywords: " + c.outerHtml());
        }
        assertTrue(ch.selectFirst("code.language-java").select("span.hl-co").eachText().contains("/* Count the households of one district:"));
        assertTrue(ch.selectFirst("code.language-haskell").select("span[class^=hl-]").isEmpty(), "unknown: plain");
        assertEquals(List.of("Counting households in Java", "The census query, typed as one line"),
                ch.select("figure.listing > figcaption").eachText());
        assertFalse(ch.text().contains("[Counting households"), "the caption line is not left in the text");
        assertNotNull(ch.selectFirst("li div.listing code.language-sh"), "a listing in a list");
        assertNotNull(ch.selectFirst("aside.sidebar div.listing code.language-sql"), "a listing in a sidebar");
        assertNotNull(ch.selectFirst("figure.pullquote div.listing"), "a listing in a quotation");
        Element longLine = ch.select("code.language-bash span.line").get(1);
        assertEquals(CENSUS, sourceText(longLine));
        assertFalse(longLine.select("span.wrap-mark").isEmpty());
    }

    /** Every listing in the print book, the one in a footnote too (notes were cut to their paragraphs). */
    @Test
    void pdfHasEveryListingHighlightedWithCaptionsAndWholeTokens() throws Exception {
        Path file = outCode.resolve("programming-for-historians.pdf");
        try (PdfInspect pdf = new PdfInspect(file)) {
            String text = pdf.visualText();
            for (String s : List.of("Counting households in Java", "The census query, typed as one line", "JavaScript",
                    "public final class Census", "\"\"\"Count the households of one district.\"\"\"", "if (nrow(counts) > 0)",
                    "apt-get install census-tool", "SELECT parish FROM returns;", "main = putStrLn \"households\"",
                    "10 PRINT \"HELLO\"", "one row per year.", "#include <stdio.h>",
                    "census-tool --input returns.csv --group-by year", "Then press Enter.")) {
                assertTrue(text.contains(s), "'" + s + "' in the PDF:\n" + text);
            }
            assertTokensWhole(CENSUS, text);
            assertTrue(text.contains(CodeWrap.MARK));
            List<String> fonts = pdf.fontNames();
            for (String f : List.of("LiberationMono", "LiberationMono-Bold", "LiberationMono-Italic")) {
                assertTrue(fonts.stream().anyMatch(n -> n.endsWith("+" + f)), f + " (keywords bold, comments italic): " + fonts);
            }
        }
        assertValidPdf(file);
    }

    @Test
    void handoutsShowInlineCodeInLecturePointsAndListingsInQuotations() throws Exception {
        Path file = outCode.resolve("handouts/01-counting-households.pdf");
        try (PdfInspect pdf = new PdfInspect(file)) {
            String text = pdf.visualText();
            assertTrue(text.contains("A short script, census-tool, can count them."), text);
            assertTrue(text.contains("Each row of returns.csv is one household."), text);
            assertTrue(text.contains("20 GOTO 10"), "the quotation's listing: " + text);
            assertTrue(pdf.fontNames().stream().anyMatch(f -> f.contains("LiberationMono")), pdf.fontNames().toString());
        }
        assertValidPdf(file);
    }

    // --- captions, read

    @Test
    void aCaptionAfterABlankLineStaysTextWithAWarning(@TempDir Path dir) {
        TestBook b = TestBook.create(dir).body("## Code\n\n```java\nint a;\n```\n\n[Not a caption]\n\nText.\n");
        List<Diagnostic> ds = b.check();
        Diagnostic d = ds.stream().filter(x -> x.message().contains("below the code block is printed as text")).findFirst()
                .orElseThrow(() -> new AssertionError(ds.toString()));
        assertEquals(Diagnostic.Severity.WARNING, d.severity());
        assertEquals(13, d.pos().line(), d.toString());
        assertFalse(d.hint().isBlank());
    }

    @Test
    void aLongListingFullOfTagsIsNotABusyParagraph(@TempDir Path dir) {
        StringBuilder html = new StringBuilder("## Code\n\n```html\n<ul>\n");
        for (int i = 0; i < 400; i++) html.append("  <li><a href=\"#x").append(i).append("\">Item <b>").append(i).append("</b></a></li>\n");
        html.append("</ul>\n```\n\n> ~~~\n> [[[[ <<<< ````\n> ~~~\n");
        assertEquals(List.of(), TestBook.create(dir).body(html.toString()).check(), "1,600 tags in code are code, not markup");
    }

    @Test
    void aCaptionDirectlyAfterAListingIsNoWarning(@TempDir Path dir) {
        TestBook b = TestBook.create(dir).body("## Code\n\n```\nint a;\n```\n[A caption]\n\n    indented\n[Another]\n");
        assertEquals(List.of(), b.check());
    }
}
