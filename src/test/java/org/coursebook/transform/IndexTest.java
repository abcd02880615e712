package org.coursebook.transform;

import org.coursebook.diag.Diagnostic;
import org.coursebook.model.Chapter;
import org.coursebook.model.Inline;
import org.coursebook.model.Tree;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.coursebook.support.PdfValidator;
import org.coursebook.support.TestBook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.coursebook.support.TestBook.noErrors;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The back-of-book index: the index file's words found in the text (one locator a section), sub-entries beside
 * their main entry, see and see also, the author's marks and section ranges, key terms in both scripts, the
 * EPUB's index document (EPUB Indexes semantics) and the print index's page numbers, which must be the pages
 * where the words are.
 */
class IndexTest {
    @TempDir
    Path tmp;

    static final String MANIFEST = TestBook.MANIFEST.replace("chapters:\n  - ch.md\n", """
            chapters:
              - ch.md
              - two.md
            back-matter:
              - generate: glossary
              - generate: index
            """);

    static final String CHAPTER_ONE = """
            ---
            title: The Revolution
            terms:
              - term: колхоз
                translit: kolkhoz
                meaning: a collective farm
            ---

            Lenin returned in April. The Bolsheviks took power in October.

            ## Collectivisation

            The *колхоз* (kolkhoz) replaced the village commune. Collectivisation brought famine to Ukraine; the famine of
            1932 killed millions. Lenin was dead by then.

            ## Industry

            Famines are mentioned here, but the farms are not. Gosplan drew up [the plans]{index="planning; five-year plans"}.

            ## The Purges {index="terror, the Great"}

            Arrests began in 1936.

            Trials followed in 1937, and the [Ежовщина]{.index} is remembered.

            ## Afterwards

            Nothing more.
            """;

    static final String CHAPTER_TWO = """
            ---
            title: The War
            ---

            The war began in 1941. Bolshevism had changed. The колхоз system survived.

            ## Famine again

            Another famine came in 1946, after the war, and collectivisation was reimposed in the west. The
            People’s Will was long gone; Order No. 227 was a memory. Stalin. Joseph was his son's name.
            """;

    static final String INDEX = """
            # the index of the test book
            Lenin, Vladimir:
            Bolsheviks: [Bolshevi*]
            collectivisation: [collectivisation]
            collectivisation; and famine: [famine]
            famine: [famine]
            Reds:
              see: Bolsheviks
            Gosplan:
              see also: [planning, nowhere at all]
            planning: [Gosplan]
            never mentioned: [xyzzy]
            People's Will: [People's Will]
            Order No. 227: [Order No. 227]
            Stalin, Joseph: [Stalin Joseph]
            """;

    private TestBook book() {
        TestBook b = TestBook.create(tmp.resolve("book"));
        b.file("book.yaml", MANIFEST);
        b.file("ch.md", CHAPTER_ONE);
        b.file("two.md", CHAPTER_TWO);
        b.file("index.yaml", INDEX);
        return b;
    }

    private static Element entry(Document index, String heading) {
        for (Element li : index.select("li[epub:type=index-entry]")) {
            Element term = li.selectFirst("> span.index-term");
            if (term != null && term.text().equals(heading)) return li;
        }
        fail("no entry '" + heading + "' in " + index.select("span.index-term").eachText());
        return null;
    }

    private static List<String> locators(Element li) {
        List<String> out = new ArrayList<>();
        for (Element a : li.select("> a[epub:type=index-locator], > strong > a[epub:type=index-locator]")) out.add(a.text() + "=" + a.attr("href"));
        return out;
    }

    @Test
    void theIndexFindsItsWordsOncePerSectionAndBuildsAValidEpubIndex() throws Exception {
        TestBook b = book();
        var result = Builds.build(b.manifest(), tmp.resolve("out"), Set.of("epub"));
        noErrors(result.diagnostics());
        List<Diagnostic> ds = result.diagnostics();
        TestBook.warning(ds, "index.yaml", 12, "'never mentioned' is found nowhere in the text (xyzzy)");
        TestBook.warning(ds, "index.yaml", 9, "'Gosplan' refers to 'nowhere at all', which is not an entry of the index");

        Path epub = Files.list(tmp.resolve("out")).filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        EpubValidator.Result v = EpubValidator.validate(epub);
        assertTrue(v.clean(), v.toString());
        Document index, one, two, nav;
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            index = xhtml(zip, "OEBPS/book-index.xhtml");
            one = xhtml(zip, "OEBPS/ch.xhtml");
            two = xhtml(zip, "OEBPS/two.xhtml");
            nav = xhtml(zip, "OEBPS/nav.xhtml");
        }
        assertNotNull(index.selectFirst("section[epub:type=index][role=doc-index]"), "the index document's semantics");
        assertNotNull(nav.selectFirst("nav[epub:type=landmarks] a[epub:type=index][href=book-index.xhtml]"), "a landmark");

        // one locator a section, at the first occurrence: Lenin is in the opening text and in section 1.1
        Element lenin = entry(index, "Lenin, Vladimir");
        assertEquals(List.of("1", "1.1"), labels(lenin));
        for (Element a : lenin.select("> a")) {
            assertEquals("Lenin", one.getElementById(a.attr("href").replace("ch.xhtml#", "")).text(), "the anchor stands at the word");
        }
        // a trailing * matches any ending: Bolsheviks, Bolshevism
        assertEquals(List.of("1=ch.xhtml#ix-2", "2=two.xhtml#ix-1"), locators(entry(index, "Bolsheviks")));
        assertEquals("Bolshevism", two.getElementById("ix-1").text());
        // a lower-case word matches at a sentence's start, and its plural: "Famines" in section 1.2
        assertEquals(List.of("1.1", "1.2", "2.1"), labels(entry(index, "famine")));
        // the sub-entry only where its main entry is: 1.1 and 2.1 mention collectivisation, 1.2 does not
        Element coll = entry(index, "collectivisation");
        Element sub = coll.selectFirst("> ul[epub:type=index-entry-list] > li[epub:type=index-entry]");
        assertEquals("and famine", sub.selectFirst("span.index-term").text());
        assertEquals(List.of("1.1", "2.1"), labels(sub));
        // see and see also link to the other entries
        Element reds = entry(index, "Reds");
        Element see = reds.selectFirst("span[epub:type=index-xref-preferred]");
        assertEquals("see Bolsheviks", see.text());
        assertEquals("#" + entry(index, "Bolsheviks").id(), see.selectFirst("a").attr("href").replace("book-index.xhtml", ""));
        assertEquals("see also planning; nowhere at all", entry(index, "Gosplan").selectFirst("span[epub:type=index-xref-related]").text());
        // the author's marks: a sub-entry of its own, the marked text as the entry, a section as a range
        Element planning = entry(index, "planning");
        assertEquals("five-year plans", planning.selectFirst("ul li span.index-term").text());
        assertEquals("the plans", one.getElementById(planning.selectFirst("ul li a").attr("href").replace("ch.xhtml#", "")).text());
        assertEquals(List.of("1.3"), labels(entry(index, "Ежовщина")));
        Element terror = entry(index, "terror, the Great");
        String start = terror.selectFirst("a").attr("href").replace("ch.xhtml#", "");
        assertEquals("h2", one.getElementById(start).tagName(), "a range starts at its heading");
        assertNull(one.getElementById(start).selectFirst("[data-index]"), "the mark leaves no attribute behind");
        assertTrue(one.html().contains("index-range-end"), "and ends where its section does");
        // key terms: under the transliteration and under the Cyrillic, with the glossary's definition in bold
        Element k = entry(index, "kolkhoz (колхоз)");
        assertEquals(List.of("1.1", "2", "Glossary"), labels(k));
        assertNotNull(k.selectFirst("strong > a[href^=glossary.xhtml#term-]"));
        Element kc = entry(index, "колхоз");
        assertEquals("see kolkhoz (колхоз)", kc.selectFirst("span[epub:type=index-xref-preferred]").text());
        // groups: Latin letters first (English collation), then Cyrillic (Russian collation), each a section
        List<String> letters = index.select("section[epub:type=index-group] > h2").eachText();
        assertEquals(List.of("B", "C", "F", "G", "K", "L", "O", "P", "R", "T", "Е", "К"), letters);
        assertEquals("ru", index.select("section[epub:type=index-group]").last().selectFirst("h2").attr("lang"));
        // signs between the words must be the phrase's own (a typographic apostrophe is an apostrophe)
        assertEquals(List.of("2.1"), labels(entry(index, "People's Will")));
        assertEquals(List.of("2.1"), labels(entry(index, "Order No. 227")));
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().contains("'Stalin, Joseph' is found nowhere")),
                "a full stop between the words is not a space");
        assertFalse(index.text().contains("never mentioned"), "an entry found nowhere is left out (with its warning)");
    }

    @Test
    void thePrintIndexGivesThePagesWhereTheWordsAre() throws Exception {
        TestBook b = book();
        // each section on a page of its own, so that pages tell sections apart
        b.file("styles/print.css", Files.readString(Path.of("styles/print.css")) + "\nh2 { page-break-before: always; }\n");
        var result = Builds.build(b.manifest(), tmp.resolve("out"), Set.of("pdf"));
        noErrors(result.diagnostics());
        Path pdf = Files.list(tmp.resolve("out")).filter(p -> p.toString().endsWith(".pdf") && !p.toString().endsWith("-cover.pdf"))
                .findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals(List.of(), PdfValidator.pdfUa(bytes), "PDF/UA-1 with the index");
        try (PdfInspect p = new PdfInspect(pdf)) {
            String[] labels = p.labels();
            StringBuilder all = new StringBuilder();
            boolean inIndex = false;
            for (int i = 0; i < p.pages(); i++) {
                String t = p.text(i);
                if (t.contains("Numbers refer to pages")) inIndex = true;
                if (inIndex) all.append(t).append(' ');
            }
            String text = all.toString().replaceAll("\\s+", " ");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Lenin, Vladimir ([0-9, ]+)").matcher(text);
            assertTrue(m.find(), "the index lists Lenin with pages: " + text);
            java.util.regex.Matcher pm = java.util.regex.Pattern.compile("\\d+").matcher(m.group(1));
            while (pm.find()) {
                String page = pm.group();
                int at = List.of(labels).indexOf(page.strip());
                assertTrue(at >= 0, "page " + page + " exists: " + String.join(" ", labels));
                assertTrue(p.text(at).contains("Lenin"), "page " + page + " has the word: " + p.text(at));
            }
            assertTrue(text.matches(".*terror, the Great \\d+(–\\d+)?.*"), "a range: " + text);
        }
    }

    /**
     * The real book's print index: every entry's heading is in the PDF's text (nothing cut off by a full column),
     * and its pages but the last hold text in both columns.
     */
    @Test
    void theRealPrintIndexLosesNoEntryAndFillsTwoColumns() throws Exception {
        Chapter index = Builds.realBook().book().backMatter().stream().filter(c -> c.generated().equals("index")).findFirst().orElseThrow();
        List<String> headings = new ArrayList<>();
        for (org.coursebook.model.Element li : Tree.collect(index.blocks(), org.coursebook.model.Element.class)) {
            if (li.tag().equals("li") && !li.content().isEmpty()) headings.add(Tree.plainText(List.of(li.content().get(0))));
        }
        assertTrue(headings.size() > 300, headings.size() + " entries");
        try (PdfInspect p = new PdfInspect(Builds.realOut().resolve("soviet-russia.pdf"))) {
            int first = -1;
            for (int i = 0; i < p.pages() && first < 0; i++) if (p.text(i).contains("Numbers refer to pages")) first = i;
            assertTrue(first > 0, "the index's first page");
            StringBuilder all = new StringBuilder();
            for (int i = first; i < p.pages(); i++) {
                all.append(p.text(i));
                if (i == p.pages() - 1) continue;
                float half = p.doc.getPage(i).getMediaBox().getWidth() / 2;
                float[] right = {0};
                var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                        for (var t : positions) if (t.getXDirAdj() > half + 10) right[0]++;
                    }
                };
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                stripper.getText(p.doc);
                assertTrue(right[0] > 200, "page " + (i + 1) + " has a right-hand column: " + right[0] + " characters");
            }
            String text = flat(all.toString());
            for (String h : headings) assertTrue(text.contains(flat(h)), "the print index has '" + h + "'");
        }
    }

    /** Text without spaces, line-end hyphens or soft hyphens, for finding a heading the columns broke over lines. */
    private static String flat(String s) {
        return s.replaceAll("[\\s\u00ad\u2010-]+", "");
    }

    @Test
    void theTreeMarksAreTypedAndBracketedSpansWork() throws Exception {
        TestBook b = book();
        b.file("ch.md", CHAPTER_ONE.replace("Nothing more.", "Nothing more in [Москва]{lang=ru}."));
        List<Diagnostic> ds = b.check();
        noErrors(ds);
        var r = Builds.build(b.manifest(), tmp.resolve("o2"), Set.of());
        Chapter ch = r.book().chapters().get(0);
        List<Inline.IndexMark> marks = Tree.collect(ch.blocks(), Inline.IndexMark.class);
        assertTrue(marks.stream().anyMatch(m -> m.entry().equals("planning; five-year plans") && !m.id().isEmpty()), marks.toString());
        assertTrue(Tree.collect(ch.blocks(), org.coursebook.model.Element.class).stream()
                .anyMatch(e -> e.tag().equals("span") && "ru".equals(e.attrs().get("lang"))), "[text]{lang=ru} is a span");
    }

    @Test
    void mistakesInTheIndexFileAreReportedAtTheirLine() {
        TestBook b = book();
        b.file("index.yaml", """
                Lenin, Vladimir:
                  find: [Lenin]
                  sea also: [Bolsheviks]
                Bolsheviks: [Bolshevik, [nested]]
                """);
        List<Diagnostic> ds = b.check();
        TestBook.error(ds, "index.yaml", 3, "unknown key 'sea also' in the index entry 'Lenin, Vladimir'");
        TestBook.error(ds, "index.yaml", 4, "an empty or nested item in the words of 'Bolsheviks'");
    }

    @Test
    void theHeadnoteSpeaksOfBoldDefinitionsOnlyWhenThereAreAny() throws Exception {
        TestBook b = TestBook.create(tmp.resolve("plain"));
        b.file("book.yaml", TestBook.MANIFEST + "back-matter:\n  - generate: index\n");
        b.file("index.yaml", "text: [text]\n");
        var r = Builds.build(b.manifest(), tmp.resolve("plain-out"), Set.of());
        noErrors(r.diagnostics());
        Chapter index = r.book().backMatter().get(0);
        String text = Tree.plainText(index.blocks());
        assertTrue(text.contains("Numbers refer to pages") && !text.contains("Bold"), text);
        String withGlossary = Tree.plainText(Builds.build(book().manifest(), tmp.resolve("g-out"), Set.of()).book().backMatter().get(1).blocks());
        assertTrue(withGlossary.contains("Bold marks a term's definition in the glossary."), withGlossary);
    }

    @Test
    void lettersAndSortKeys() {
        assertEquals("E", BuildIndex.letter("Élysée"));
        assertEquals("Е", BuildIndex.letter("ёлка"));
        assertEquals("Й", BuildIndex.letter("йод"));
        assertEquals("#", BuildIndex.letter("1917, revolutions of"));
        assertEquals("famine", BuildIndex.sortKey("and famine"));
        assertEquals("Great Terror", BuildIndex.sortKey("the Great Terror"));
    }

    private static List<String> labels(Element li) {
        return locators(li).stream().map(s -> s.substring(0, s.indexOf('='))).toList();
    }

    private static Document xhtml(ZipFile zip, String name) throws Exception {
        var e = zip.getEntry(name);
        assertNotNull(e, name);
        return Jsoup.parse(new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "",
                org.jsoup.parser.Parser.xmlParser());
    }
}
