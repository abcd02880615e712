package org.coursebook.reliability;

import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.TestBook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.coursebook.support.TestBook.error;
import static org.coursebook.support.TestBook.noErrors;
import static org.coursebook.support.TestBook.warning;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Markdown that Flexmark would quietly read as something else (issue 11, section 5, and code against course
 * markup, section 1): each is reported at its file, line and column with a hint, in {@code check} as in
 * {@code build}; what is written correctly comes through whole, word for word, into the EPUB's XHTML. The tiny
 * book's chapter has its front matter on lines 1–5; {@link TestBook#body} puts text from line 7 on.
 */
class MalformedMarkdownTest {
    @TempDir
    Path tmp;

    TestBook book() {
        return TestBook.create(tmp.resolve("book"));
    }

    static List<Diagnostic> errors(List<Diagnostic> ds) {
        return ds.stream().filter(Diagnostic::isError).toList();
    }

    // ---- pipe tables ----

    @Test
    void delimiterRowWithFewerCellsThanTheHeader() {
        List<Diagnostic> ds = book().body("""
                ## Data

                | year | grain | cattle |
                |---|---|
                | 1928 | 73.3 | 70.5 |
                [Output]
                """).check();
        Diagnostic d = error(ds, "ch.md", 10, "the table's delimiter row has 2 cells but its header row has 3");
        assertEquals(1, d.pos().column());
        assertTrue(d.hint().contains("|---|---|---|"), d.hint());
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
    }

    @Test
    void delimiterRowWithMoreCellsThanTheHeader() {
        List<Diagnostic> ds = book().body("""
                ## Data

                | year | grain |
                |---|---|---|
                | 1928 | 73.3 |
                [Output]
                """).check();
        error(ds, "ch.md", 10, "the table's delimiter row has 3 cells but its header row has 2");
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
    }

    @Test
    void rowWithMoreCellsThanTheHeaderIsReportedAtTheFirstExtraCell() {
        List<Diagnostic> ds = book().body("""
                ## Data

                | year | grain |
                |---|---|
                | 1928 | 73.3 |
                | 1932 | 69.9 | 40.7 |
                [Output]
                """).check();
        Diagnostic d = error(ds, "ch.md", 12, "the row has 3 cells but the table has 2 columns: the cell '40.7' has no column");
        assertEquals(17, d.pos().column(), "the column of '40.7'");
        assertTrue(d.hint().contains("\\|"), d.hint());
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
    }

    @Test
    void aPipeInsideACellThatSplitsItIsCaughtToo() {
        List<Diagnostic> ds = book().body("""
                ## Data

                | operator | meaning |
                |---|---|
                | a|b | either |
                [Operators]
                """).check();
        error(ds, "ch.md", 11, "the row has 3 cells but the table has 2 columns");
    }

    @Test
    void shortRowsAndOneDashDelimitersAreFineAsInGfm() {
        List<Diagnostic> ds = book().body("""
                ## Data

                | year | grain |
                |-|:-:|
                | 1928 |
                [Output]
                """).check();
        assertEquals(List.of(), ds);
    }

    @Test
    void linesOfPipesWithoutADelimiterRow() {
        List<Diagnostic> ds = book().body("""
                ## Data

                | year | grain |
                | 1928 | 73.3 |
                """).check();
        Diagnostic d = error(ds, "ch.md", 9, "these lines start with '|' but do not make a table");
        assertEquals(1, d.pos().column());
        List<Diagnostic> malformed = book().body("""
                ## Data

                | year | grain |
                |===|===|
                | 1928 | 73.3 |
                """).check();
        error(malformed, "ch.md", 9, "these lines start with '|' but do not make a table");
    }

    @Test
    void aTableHeaderOverADelimiterRowWithoutPipesReadsAsAHeading() {
        List<Diagnostic> ds = book().body("""
                ## Data

                year | grain
                ---
                1928 | 73.3
                """).check();
        warning(ds, "ch.md", 9, "is read as a heading, not as a table's header row");
    }

    // ---- footnotes ----

    @Test
    void emptyFootnote() {
        List<Diagnostic> ds = book().body("""
                ## Famine

                The famine of 1932–33 killed millions.[^famine]

                [^famine]:
                """).check();
        Diagnostic d = error(ds, "ch.md", 11, "the note [^famine] is empty");
        assertEquals(1, d.pos().column());
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
    }

    @Test
    void footnoteWhoseTextIsOnTheNextIndentedLineIsNotEmpty() {
        List<Diagnostic> ds = book().body("""
                ## Famine

                The famine of 1932–33 killed millions.[^famine]

                [^famine]:
                    R. W. Davies and Stephen G. Wheatcroft (2004).
                """).check();
        noErrors(ds);
    }

    // ---- lecture bullet points ----

    @Test
    void lecturePointIndentedSoThatItMergesIntoTheOneBefore() {
        List<Diagnostic> ds = book().file("ch.md", """
                ---
                title: A Chapter
                lecture:
                  - Marx's theory of history.
                   - The Paris Commune as a model.
                  - Lenin's State and Revolution.
                ---

                Some text.

                ## A Section
                """).check();
        Diagnostic d = error(ds, "ch.md", 5, "is read as the end of the lecture bullet point above it");
        assertEquals(4, d.pos().column());
        assertTrue(d.hint().contains("column 3"), d.hint());
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
        List<Diagnostic> deeper = book().file("ch.md", """
                ---
                title: A Chapter
                lecture:
                  - Marx's theory of history.
                      - The Paris Commune as a model.
                ---

                Some text.

                ## A Section
                """).check();
        error(deeper, "ch.md", 5, "is read as the end of the lecture bullet point above it");
    }

    @Test
    void aLecturePointThatWrapsOntoTheNextLineIsFine() {
        List<Diagnostic> ds = book().file("ch.md", """
                ---
                title: A Chapter
                lecture:
                  - Marx's theory of history, class struggle,
                    modes of production, revolution.
                  - "The years 1917
                    - 1921, quoted."
                ---

                Some text.

                ## A Section
                """).check();
        assertEquals(List.of(), ds);
    }

    // ---- links to chapters whose file names have spaces ----

    TestBook bookWithSpacedChapter() {
        return book().file("book.yaml", TestBook.MANIFEST + "  - 03 Basic Terms.md\n")
                .file("03 Basic Terms.md", """
                        ---
                        title: Basic Terms
                        lecture:
                          - A point.
                        ---

                        Text.

                        ## Definitions {#defs}

                        More.
                        """);
    }

    @Test
    void linkToAChapterWithSpacesInAngleBracketsOrPercentEncodedIsACrossReference() throws Exception {
        TestBook b = bookWithSpacedChapter().body("""
                ## Links

                See [](<03 Basic Terms.md>), [the definitions](<03 Basic Terms.md#defs>), [again](03%20Basic%20Terms.md)
                and [the web](<https://example.org/a page>).
                """);
        assertEquals(List.of(), b.check());
        Document ch = chapterXhtml(buildEpub(b), "ch.xhtml");
        List<String> hrefs = ch.select("section.chapter p a").eachAttr("href");
        assertEquals(List.of("03-basic-terms.xhtml", "03-basic-terms.xhtml#defs", "03-basic-terms.xhtml",
                "https://example.org/a%20page"), hrefs);
        assertEquals("Chapter 2, Basic Terms", ch.selectFirst("section.chapter p a").text());
        assertFalse(ch.text().contains("](<"), ch.text());
    }

    @Test
    void linkToAMissingChapterWithSpacesIsReported() {
        List<Diagnostic> ds = bookWithSpacedChapter().body("""
                ## Links

                See [](<04 More Terms.md>).
                """).check();
        Diagnostic d = error(ds, "ch.md", 9, "the cross-reference '04 More Terms.md' names a file that is not in the book");
        assertTrue(d.hint().contains("[](<03 Basic Terms.md>)"), d.hint());
    }

    @Test
    void linkSyntaxThatIsNotReadAsALinkIsAWarning() {
        List<Diagnostic> ds = bookWithSpacedChapter().body("""
                ## Links

                See [the terms](<03 Basic Terms.md>x) here.
                """).check();
        Diagnostic d = warning(ds, "ch.md", 9, "'[the terms](<03 Basic Terms.md>x)' is not read as a link");
        assertEquals(5, d.pos().column());
        assertTrue(d.hint().contains("angle brackets"), d.hint());
    }

    @Test
    void aFileNameWithAPlusOrAStrayPercentIsNotMangled() {
        List<Diagnostic> ds = book().file("book.yaml", TestBook.MANIFEST + "  - c++.md\n")
                .file("c++.md", "---\ntitle: C++\nlecture:\n  - A point.\n---\n\nText.\n\n## A Section\n")
                .body("## Links\n\nSee [](c++.md) and [](100%.md).\n").check();
        List<Diagnostic> errs = errors(ds);
        assertEquals(1, errs.size(), TestBook.show(ds));
        error(ds, "ch.md", 9, "the cross-reference '100%.md' names a file that is not in the book");
    }

    // ---- code against course markup and typography ----

    @Test
    void doubleEqualsInsideCodeIsCodeNotALiftedExcerptMarker() throws Exception {
        TestBook b = book().body("""
                ## Comparison

                Compare `x==y` with ==the phrase== and read on.

                Both `a==b` and `c==d` are code, and so is `==`.
                """);
        assertEquals(List.of(), b.check());
        Document ch = chapterXhtml(buildEpub(b), "ch.xhtml");
        assertEquals(List.of("x==y", "a==b", "c==d", "=="), ch.select("code").eachText());
        assertEquals(List.of("the phrase"), ch.select("p span.lifted").eachText());
        assertEquals(List.of("The phrase"), ch.select("aside.pullquote.lifted").eachText());
        assertTrue(ch.text().contains("Both a==b and c==d are code, and so is ==."), ch.text());
    }

    @Test
    void anUnclosedMarkerIsStillReportedAtItsColumn() {
        List<Diagnostic> ds = book().body("""
                ## Comparison

                Compare `x==y` with ==the phrase and read on.
                """).check();
        Diagnostic d = error(ds, "ch.md", 9, "a lifted excerpt marker '==' is not closed");
        assertEquals(21, d.pos().column());
        assertTrue(d.hint().contains("a \\=\\= b"), d.hint());
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
    }

    @Test
    void anEscapedMarkerIsText() throws Exception {
        TestBook b = book().body("""
                ## Comparison

                - In a list, a \\=\\= b compares.
                """);
        assertEquals(List.of(), b.check());
        Document ch = chapterXhtml(buildEpub(b), "ch.xhtml");
        ch.select("aside.lecture-points").remove();
        assertEquals("In a list, a == b compares.", ch.selectFirst("li").text());
    }

    @Test
    void anExcerptMarkedWhereNothingIsLiftedIsAWarningAndKeepsItsText() throws Exception {
        TestBook b = book().body("""
                ## Comparison

                - a list item with ==a marked phrase== in it
                """);
        List<Diagnostic> ds = b.check();
        Diagnostic d = warning(ds, "ch.md", 9, "the phrase marked ==…== here is not lifted");
        assertEquals(20, d.pos().column());
        Document ch = chapterXhtml(buildEpub(b), "ch.xhtml");
        ch.select("aside.lecture-points").remove();
        assertEquals("a list item with a marked phrase in it", ch.selectFirst("li").text());
        assertTrue(ch.select("aside.pullquote").isEmpty());
    }

    @Test
    void aLiftedPhraseThatStartsWithCodeKeepsTheCodeAsWritten() throws Exception {
        TestBook b = book().body("""
                ## Comparison

                In Python ==`print()` writes a line==, and that is all.
                """);
        Document ch = chapterXhtml(buildEpub(b), "ch.xhtml");
        assertEquals("print()", ch.selectFirst("aside.pullquote code").text());
    }

    @Test
    void footnoteSyntaxInsideCodeIsCode() throws Exception {
        TestBook b = book().body("""
                ## Regular expressions

                The class `[^0-9]` matches anything but a digit:

                ```sh
                grep '[^0-9]' data.txt
                ```

                    sed 's/[^a-z]//g'
                """);
        assertEquals(List.of(), b.check());
        Document ch = chapterXhtml(buildEpub(b), "ch.xhtml");
        assertEquals(List.of("[^0-9]", "grep '[^0-9]' data.txt", "sed 's/[^a-z]//g'"),
                ch.select("code").eachText().stream().map(String::strip).toList());
    }

    @Test
    void codeIsNeverTouchedBySmartTypographyOrCourseMarkup() throws Exception {
        String inline = "\"quoted\" 'single' -- --- ... ==x== [^n] {#id} *a* <b>";
        String block = """
                s = "quoted" + 'single' -- x --- y...
                if a == b: ==lifted== [^note] {.cls} -- done
                > not a quote
                — Not An Attribution, 1917
                """;
        TestBook b = book().body("## Code\n\nInline ``" + inline + "`` here.\n\n```python\n" + block + "```\n\n"
                + "    " + block.strip().replace("\n", "\n    ") + "\n");
        assertEquals(List.of(), b.check());
        Document ch = chapterXhtml(buildEpub(b), "ch.xhtml");
        List<Element> code = ch.select("code");
        assertEquals(3, code.size(), code.toString());
        assertEquals(inline, code.get(0).wholeText());
        assertEquals(block.strip(), code.get(1).wholeText().strip()); // a listing ends without the fence's last line break
        assertEquals(block.strip(), code.get(2).wholeText().strip());
        assertTrue(ch.select("aside.pullquote, span.lifted, a.noteref").isEmpty(), ch.html());
    }

    @Test
    void buildReportsWhatCheckReportsAndWritesNothing() {
        TestBook b = book().file("ch.md", """
                ---
                title: A Chapter
                lecture:
                  - One point.
                   - Another point.
                ---

                ## Data

                | year | grain | cattle |
                |---|---|
                | 1928 | 73.3 | 70.5 |
                [Output]

                A note.[^n]

                [^n]:
                """);
        List<String> checked = errors(b.check()).stream().map(Diagnostic::format).toList();
        assertEquals(3, checked.size(), String.join("\n", checked));
        BuildException e = assertThrows(BuildException.class, () -> Builds.build(b.manifest(), tmp.resolve("out"), Set.of("epub")));
        assertEquals(checked, errors(e.diagnostics()).stream().map(Diagnostic::format).toList());
        assertFalse(java.nio.file.Files.exists(tmp.resolve("out")), "a failed build writes nothing");
    }

    // ---- nothing of what Flexmark reads is lost ----

    /**
     * A chapter with every construct above written correctly (tables with short rows, footnotes written on the
     * next line, links to a chapter with spaces, code with == and [^…], a lifted excerpt, lists and quotes):
     * every word of its text appears in the EPUB's XHTML, in order, and EPUBCheck passes.
     */
    @Test
    void everyWordOfTheSourceSurvivesIntoTheEpub() throws Exception {
        String body = """
                ## Tables and notes

                Alpha bravo charlie.[^one] See [delta](<03 Basic Terms.md#defs>) and [echo](03%20Basic%20Terms.md).

                | foxtrot | golf | hotel |
                |-|:-:|--:|
                | india | juliett |
                | kilo | `lima|mike` | november |
                [Oscar papa]

                Quebec `romeo==sierra` tango ==uniform victor== whiskey `xray==yankee` zulu.

                - amber `bronze [^2]` copper
                - denim
                  emerald

                > fuchsia garnet

                ```text
                hazel == ivory [^3] "jade" -- khaki...
                ```

                [^one]:
                    lemon mango.
                """;
        TestBook b = bookWithSpacedChapter().body(body);
        assertEquals(List.of(), b.check());
        Path epub = buildEpub(b);
        EpubValidator.Result v = EpubValidator.validate(epub);
        assertTrue(v.clean(), v.toString());
        Document ch = chapterXhtml(epub, "ch.xhtml");
        ch.select("aside.pullquote, h2.notes-title, a.noteref, a.note-number, span.number, span.label, header, aside.lecture-points").remove();
        StringBuilder all = new StringBuilder();
        ch.select("section.chapter").first().traverse((node, depth) -> {
            if (node instanceof org.jsoup.nodes.TextNode t) all.append(t.getWholeText()).append(' ');
        });
        String text = all.toString();
        // a table's caption is written after the table and printed above it: its words are checked on their own
        assertTrue(ch.select("table > caption").text().equals("Oscar papa"), ch.select("table").toString());
        // (its number, "Table 1.1.", is the writer's, removed above with the other generated labels)
        List<String> words = words(body.replace("[Oscar papa]", "").replace("```text", "").replaceAll("\\[\\^one]:?", "").replaceAll("\\]\\([^)]*\\)", "]").replace("## ", ""));
        List<String> got = words(text);
        int at = 0;
        for (String w : words) {
            int found = got.subList(at, got.size()).indexOf(w);
            assertTrue(found >= 0, "'" + w + "' is missing (or out of order) in the EPUB text:\n" + text);
            at += found + 1;
        }
    }

    /** The words (letters only) of a text, in order. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\p{L}+").matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }

    Path buildEpub(TestBook b) throws IOException {
        try {
            BuildPipeline.Result r = Builds.build(b.manifest(), tmp.resolve("out"), Set.of("epub"));
            return r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        } catch (BuildException e) {
            throw new AssertionError(TestBook.show(e.diagnostics()), e);
        }
    }

    static Document chapterXhtml(Path epub, String name) throws IOException {
        try (ZipFile z = new ZipFile(epub.toFile())) {
            var entry = z.stream().filter(e -> e.getName().endsWith("/" + name)).findFirst().orElseThrow();
            String xhtml = new String(z.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            return Jsoup.parse(xhtml, "", org.jsoup.parser.Parser.xmlParser());
        }
    }
}
