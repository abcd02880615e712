package org.coursebook.render.pdf;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.model.PageSize;
import org.coursebook.render.WordCounter;
import org.coursebook.support.Builds;
import org.coursebook.support.EpubValidator;
import org.coursebook.support.PdfInspect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The print book's pagination in the EPUB (issue 15): a page-break marker where each print page begins, at the word
 * that begins it, a page list labelled as the PDF labels its pages, and the package metadata that names the source.
 * Each marker is checked against the PDF itself: the first word of the page's body text as PDFBox extracts it
 * (running heads and folios, which sit in the margins, left out) is the word that follows the marker in the EPUB.
 */
class PrintPagesInEpubTest {

    @Test
    void everyPageOfTheSmallBookHasItsMarkerBeforeTheWordThatBeginsItInPrint() throws IOException {
        Builds.smallBook();
        Path out = Path.of("target/small-book");
        List<String> problems = check(out.resolve("a-small-test-book.pdf"), out.resolve("a-small-test-book.epub"), PageSize.A4, page -> true);
        assertEquals(List.of(), problems);
    }

    @Test
    void theRealBooksMarkersStandBeforeTheWordsThatBeginItsPages() throws IOException {
        Path out = Builds.realOut();
        List<String> problems = check(out.resolve("soviet-russia.pdf"), out.resolve("soviet-russia.epub"), PageSize.LETTER,
                page -> true);
        assertEquals(List.of(), problems);
    }

    @Test
    void thePackageNamesThePrintEditionAndItsPageNavigation() throws IOException {
        Builds.smallBook();
        Map<String, String> epub = entries(Path.of("target/small-book/a-small-test-book.epub"));
        String opf = epub.get("OEBPS/package.opf");
        assertTrue(opf.contains("<dc:source id=\"print-source\">A Small Test Book, print edition (PDF, A4), urn:uuid:"), opf);
        assertTrue(opf.contains("<meta refines=\"#print-source\" property=\"source-of\">pagination</meta>"), opf);
        assertTrue(opf.contains("<meta property=\"pageBreakSource\">A Small Test Book, print edition (PDF, A4)"), opf);
        for (String f : List.of("pageBreakMarkers", "pageNavigation", "printPageNumbers")) {
            assertTrue(opf.contains("<meta property=\"schema:accessibilityFeature\">" + f + "</meta>"), f);
        }
        String nav = epub.get("OEBPS/nav.xhtml");
        assertTrue(nav.contains("<nav epub:type=\"page-list\""), nav);
        EpubValidator.Result r = EpubValidator.validate(Path.of("target/small-book/a-small-test-book.epub"));
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void anEpubBuiltWithoutItsPrintBookSaysInOneLineThatItHasNoPageNumbers(@TempDir Path tmp) throws IOException {
        Path manifest = Builds.copyBook("small", tmp.resolve("book"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
        int code = org.coursebook.cli.Main.run(new String[] {"build", "--book", manifest.toString(), "--out", tmp.resolve("out").toString(),
                "--format", "epub"}, new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("print page numbers")).toList();
        assertEquals(1, lines.size(), out.toString(StandardCharsets.UTF_8));
        assertTrue(lines.get(0).matches("epub\\s+\\d+\\.\\d\\d s  \\(no print page numbers: build it with the PDF \\(--format epub,pdf\\) for its page list\\)"), lines.get(0));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        Map<String, String> epub = entries(tmp.resolve("out/a-small-test-book.epub"));
        assertFalse(epub.get("OEBPS/nav.xhtml").contains("page-list"));
        assertFalse(epub.get("OEBPS/one.xhtml").contains("doc-pagebreak"));
        assertFalse(epub.get("OEBPS/package.opf").contains("pageBreakSource"));
        assertFalse(epub.get("OEBPS/package.opf").contains("pageBreakMarkers"));
        assertTrue(EpubValidator.validate(tmp.resolve("out/a-small-test-book.epub")).clean());
    }

    @Test
    void thePageListDoesNotDependOnTheOtherFormatsOfTheBuild(@TempDir Path tmp) throws IOException {
        Builds.smallBook();
        Path manifest = Builds.copyBook("small", tmp.resolve("book"));
        Builds.build(manifest, tmp.resolve("out"), Set.of("epub", "pdf"));
        Map<String, String> together = entries(tmp.resolve("out/a-small-test-book.epub"));
        Map<String, String> small = entries(Path.of("target/small-book/a-small-test-book.epub"));
        assertEquals(small.get("OEBPS/nav.xhtml"), together.get("OEBPS/nav.xhtml"), "the same page list with or without the other formats");
    }

    /**
     * Compares every page of {@code pdf} that {@code which} selects (0-based) with the EPUB: the page list has an
     * entry for it labelled with the PDF's page label, the entry leads to a marker with that label, and the first word
     * after the marker is the first word of the page's body text. Returns the problems found, one a page.
     */
    static List<String> check(Path pdf, Path epubFile, PageSize size, java.util.function.IntPredicate which) throws IOException {
        Map<String, String> epub = entries(epubFile);
        String nav = epub.get("OEBPS/nav.xhtml");
        Matcher list = Pattern.compile("<nav epub:type=\"page-list\"[^>]*>(.*?)</nav>", Pattern.DOTALL).matcher(nav);
        assertTrue(list.find(), "the navigation document has a page list");
        List<String[]> entries = new ArrayList<>();
        Matcher li = Pattern.compile("<li><a href=\"([^\"#]+)#([^\"]+)\">([^<]+)</a></li>").matcher(list.group(1));
        while (li.find()) entries.add(new String[] {li.group(1), li.group(2), li.group(3)});
        List<String> problems = new ArrayList<>();
        PageGeometry geometry = PageGeometry.of(size);
        try (PdfInspect in = new PdfInspect(pdf)) {
            String[] labels = in.labels();
            assertEquals(in.pages(), entries.size(), "one page-list entry a page");
            assertArrayEquals(labels, entries.stream().map(e -> e[2]).toArray(String[]::new), "the page list is labelled as the PDF's pages are");
            for (int i = 0; i < in.pages(); i++) {
                String[] e = entries.get(i);
                String doc = epub.get("OEBPS/" + e[0]);
                String marker = "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"" + e[1] + "\" aria-label=\"" + labels[i] + "\"/>";
                int at = doc == null ? -1 : doc.indexOf(marker);
                if (at < 0) {
                    problems.add("page " + labels[i] + ": no marker " + marker + " in " + e[0]);
                    continue;
                }
                if (!which.test(i)) continue;
                // The printed contents has no place in the navigation document's toc (its structure allows no
                // marker): every page of it after the first has its marker at the document's start, in order.
                if (e[0].equals("nav.xhtml") && i > 0 && entries.get(i - 1)[0].equals("nav.xhtml")) continue;
                List<String> printed = bodyWords(in, i, geometry);
                if (printed.isEmpty()) continue; // a blank page: its marker stands before the next page's
                printed = withoutRepeatedHeader(printed, doc, at);
                // The index's locators are page numbers in print and section numbers in the e-book: its markers
                // stand at the start of the entry the page begins in; a page that begins with the locators of an
                // entry begun on the page before is compared from its first entry after them.
                if (e[0].equals("book-index.xhtml") || doc.contains("role=\"doc-index\"")) {
                    int k = 0;
                    while (k < printed.size() - 1 && printed.get(k).matches("[\\divxlc–,.]+") && !printed.get(k).matches("[a-z]+")) k++;
                    if (k > 0) printed = printed.subList(k, printed.size());
                }
                String first = printed.get(0);
                String after = firstWordAfter(doc, at + marker.length());
                if (!sameWord(first, after)) {
                    problems.add("page " + labels[i] + " (" + e[0] + "): print begins with '" + String.join(" ", printed.subList(0, Math.min(8, printed.size())))
                            + "', the e-book's marker stands before '" + after + "': …" + context(doc, at, marker.length()) + "…");
                }
            }
        }
        return problems;
    }

    /** The words of a page's body text, top to bottom, left to right: what lies between the top and bottom margins. */
    static List<String> bodyWords(PdfInspect in, int page, PageGeometry g) throws IOException {
        PDPage p = in.doc.getPage(page);
        PDRectangle box = p.getMediaBox();
        boolean wide = box.getWidth() > box.getHeight();
        float top = PageGeometry.pt(wide ? g.inside() : g.top()), bottom = PageGeometry.pt(wide ? g.inside() : g.bottom());
        float height = box.getHeight();
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                float y = t.getYDirAdj();
                if (y < top - 1 || y - t.getHeightDir() > height - bottom + 1) return;
                super.processTextPosition(t);
            }
        };
        s.setSortByPosition(true);
        s.setStartPage(page + 1);
        s.setEndPage(page + 1);
        String text = s.getText(in.doc);
        List<String> words = new ArrayList<>();
        for (String w : text.split("[\\s\\u00A0]+")) if (!normal(w).isEmpty()) words.add(w);
        return words;
    }

    /**
     * The printed words without a table's header row at their start, when the marker stands inside that table: a
     * long table repeats its header row at the top of each page it continues on (the e-book's marker stands before
     * the page's first row of the table's body).
     */
    static List<String> withoutRepeatedHeader(List<String> printed, String doc, int marker) {
        int table = doc.lastIndexOf("<table", marker);
        if (table < 0 || doc.lastIndexOf("</table>", marker) > table) return printed;
        int head = doc.indexOf("<thead>", table), headEnd = doc.indexOf("</thead>", table);
        if (head < 0 || headEnd < 0 || headEnd > marker) return printed;
        List<String> header = new ArrayList<>();
        for (String w : doc.substring(head, headEnd).replaceAll("<[^>]+>", " ").split("\\s+")) if (!normal(w).isEmpty()) header.add(normal(w));
        if (header.isEmpty() || printed.size() <= header.size()) return printed;
        // header cells of several lines come out line by line across the row: the words of the header, in any order
        List<String> bag = new ArrayList<>(header);
        int k = 0;
        while (k < printed.size() && bag.remove(normal(printed.get(k)))) k++;
        return bag.isEmpty() ? printed.subList(k, printed.size()) : printed;
    }

    /** The first word of the text after {@code from} in an XHTML document (tags of block elements separate words). */
    static String firstWordAfter(String xhtml, int from) {
        StringBuilder sb = new StringBuilder();
        int i = from;
        while (i < xhtml.length()) {
            char c = xhtml.charAt(i);
            if (c == '<') {
                int end = xhtml.indexOf('>', i);
                String tag = xhtml.substring(i + 1, end).replaceFirst("^/", "").split("[\\s/>]")[0].toLowerCase(Locale.ROOT);
                if (tag.contains(":")) tag = tag.substring(tag.indexOf(':') + 1);
                if (xhtml.substring(i, end).contains("aria-hidden=\"true\"") && xhtml.substring(i, end).contains("wrap-mark")) {
                    end = xhtml.indexOf("</span>", end) + "</span>".length() - 1;
                }
                boolean separates = WordCounter.BLOCK_TAGS.contains(tag) || tag.equals("br");
                if (separates && sb.length() > 0 && !normal(sb.toString()).isEmpty()) break;
                if (separates) sb.setLength(0);
                i = end + 1;
                continue;
            }
            if (c == '&') {
                int semi = xhtml.indexOf(';', i);
                String ent = xhtml.substring(i + 1, semi);
                c = switch (ent) {
                    case "amp" -> '&';
                    case "lt" -> '<';
                    case "gt" -> '>';
                    case "quot" -> '"';
                    case "#xa0" -> ' ';
                    default -> '?';
                };
                i = semi;
            }
            if (WordCounter.isSpace(c)) {
                if (!normal(sb.toString()).isEmpty()) break;
                sb.setLength(0);
            } else {
                sb.append(c);
            }
            i++;
        }
        return sb.toString();
    }

    /**
     * Whether the first printed word is the e-book's word: the same letters and digits, case and soft hyphens
     * aside; or its end, when the page begins in the second half of a word hyphenated at the foot of the page before.
     */
    static boolean sameWord(String printed, String ebook) {
        String p = normal(printed), e = normal(ebook);
        return !p.isEmpty() && (p.equals(e) || e.endsWith(p));
    }

    /** A word's letters and digits, lower-cased, in NFKC. */
    static String normal(String w) {
        String n = Normalizer.normalize(w, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static String context(String doc, int at, int len) {
        String before = doc.substring(Math.max(0, at - 80), at), after = doc.substring(at + len, Math.min(doc.length(), at + len + 120));
        return (before + "[MARK]" + after).replace('\n', ' ');
    }

    static Map<String, String> entries(Path epub) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream f = Files.newInputStream(epub); ZipInputStream zip = new ZipInputStream(f)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
