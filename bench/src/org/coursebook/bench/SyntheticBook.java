package org.coursebook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic book of N chapters that uses every convention the real book uses: sections and
 * subsections, paragraphs, bullet and numbered lists, a captioned table with a source line, footnotes, a
 * primary-source pull-quote and a lifted excerpt, a sidebar, Cyrillic key terms, cross-references, lecture
 * bullet points, a front-matter preface and a generated glossary. The text is pseudo-random but the same for
 * the same N (fixed seed), so runs compare.
 *
 * <p>Usage: {@code SyntheticBook DIR CHAPTERS}
 */
public final class SyntheticBook {
    private static final String[] WORDS = ("state party plan economy reform peasant worker soviet congress decree "
            + "revolution industry collective farm history period policy power leadership society culture nation "
            + "republic union border army war famine growth output steel grain market price wage labour union "
            + "committee secretary general politburo central planning ministry factory village city region "
            + "ideology doctrine theory practice critic historian archive source document evidence argument "
            + "question answer change continuity crisis stagnation collapse transition memory legacy").split(" ");
    private static final String[][] TERMS = {
            {"колхоз", "kolkhoz", "collective farm"}, {"совхоз", "sovkhoz", "state farm"},
            {"пятилетка", "piatiletka", "five-year plan"}, {"номенклатура", "nomenklatura", "list of party-appointed posts"},
            {"гласность", "glasnost", "openness"}, {"перестройка", "perestroika", "restructuring"},
            {"самиздат", "samizdat", "self-published underground literature"}, {"кулак", "kulak", "well-off peasant"},
            {"мир", "mir", "peasant commune"}, {"земство", "zemstvo", "elected local self-government body"},
            {"интеллигенция", "intelligentsiia", "intelligentsia"}, {"дума", "duma", "parliament"},
            {"совет", "sovet", "council"}, {"ЧК", "ChK", "the Cheka, the first Soviet political police"},
            {"партийность", "partiinost", "party-mindedness"}, {"блат", "blat", "personal connections"},
            {"стахановец", "stakhanovets", "Stakhanovite, shock worker"}, {"оттепель", "ottepel", "the Thaw"},
            {"застой", "zastoi", "stagnation"}, {"дефицит", "defitsit", "shortage"}};

    private SyntheticBook() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SyntheticBook DIR CHAPTERS");
            System.exit(2);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    public static Path write(Path dir, int chapters) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(1917L * 31 + chapters);
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= chapters; i++) files.add(String.format("ch%04d.md", i));
        StringBuilder m = new StringBuilder();
        m.append("title: A Synthetic Course in ").append(chapters).append(" Chapters\n");
        m.append("subtitle: Generated for the benchmark\n");
        m.append("authors: [Bench Author]\nlanguage: en\n");
        m.append("identifier: urn:uuid:00000000-0000-4000-8000-").append(String.format("%012d", chapters)).append('\n');
        m.append("rights: \"© 2026 Bench Author. CC BY-SA 4.0.\"\nlicense: https://creativecommons.org/licenses/by-sa/4.0/\n");
        m.append("date: 2026-09-01\ndescription: A synthetic book for measuring build speed and memory.\npage-size: letter\n");
        m.append("front-matter:\n  - preface.md\nchapters:\n");
        for (String f : files) m.append("  - ").append(f).append('\n');
        m.append("back-matter:\n  - generate: glossary\n");
        Files.writeString(dir.resolve("book.yaml"), m, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("preface.md"), "---\ntitle: Preface\n---\n\n" + paragraph(rnd, 120) + "\n\n"
                + paragraph(rnd, 80) + "\n", StandardCharsets.UTF_8);
        for (int i = 1; i <= chapters; i++) {
            Files.writeString(dir.resolve(files.get(i - 1)), chapter(rnd, i, files), StandardCharsets.UTF_8);
        }
        return dir.resolve("book.yaml");
    }

    static String chapter(Random rnd, int n, List<String> files) {
        String[] t1 = TERMS[(n * 2) % TERMS.length], t2 = TERMS[(n * 2 + 1) % TERMS.length];
        StringBuilder s = new StringBuilder();
        s.append("---\ntitle: ").append(cap(words(rnd, 3))).append(' ').append(n).append('\n');
        s.append("subtitle: ").append(cap(words(rnd, 5))).append('\n');
        s.append("summary: ").append(cap(words(rnd, 18))).append(".\n");
        s.append("lecture:\n");
        for (int i = 0; i < 9; i++) s.append("  - ").append(cap(words(rnd, 10 + rnd.nextInt(6)))).append(".\n");
        s.append("terms:\n");
        for (String[] t : new String[][] {t1, t2}) {
            s.append("  - term: ").append(t[0]).append("\n    translit: ").append(t[1]).append("\n    meaning: ").append(t[2]).append('\n');
        }
        s.append("---\n\n");
        s.append(paragraph(rnd, 70)).append(" The term *").append(t1[0]).append("* (").append(t1[1]).append(", ")
                .append(t1[2]).append(") matters here.[^a").append(n).append("]\n\n");
        s.append("## ").append(cap(words(rnd, 4))).append(" {#first}\n\n");
        s.append(paragraph(rnd, 110)).append("\n\n");
        s.append(paragraph(rnd, 40)).append(" ==").append(words(rnd, 9)).append("== ").append(paragraph(rnd, 50)).append("\n\n");
        s.append("> ").append(cap(words(rnd, 28))).append(".\n>\n> — Vladimir Lenin, *").append(cap(words(rnd, 3)))
                .append("*, ").append(1900 + rnd.nextInt(90)).append("\n\n");
        s.append(paragraph(rnd, 90)).append(" Russian readers would say «").append(t2[0]).append(" и ")
                .append(t1[0]).append("», and the text uses *").append(t2[0]).append("* (").append(t2[1]).append(", ")
                .append(t2[2]).append(").[^b").append(n).append("]\n\n");
        s.append("## ").append(cap(words(rnd, 3))).append(" {#second}\n\n");
        s.append(paragraph(rnd, 60)).append("\n\n");
        for (int i = 0; i < 5; i++) s.append("- ").append(cap(words(rnd, 6 + rnd.nextInt(8)))).append('\n');
        s.append('\n');
        for (int i = 1; i <= 3; i++) s.append(i).append(". ").append(cap(words(rnd, 8))).append('\n');
        s.append('\n');
        s.append("| Year | ").append(cap(words(rnd, 2))).append(" | Index |\n|---|---|---:|\n");
        for (int i = 0; i < 5; i++) {
            s.append("| ").append(1920 + 5 * i).append(" | ").append(words(rnd, 3)).append(" | ")
                    .append(String.format("%.1f", 10 + rnd.nextDouble() * 90)).append(" |\n");
        }
        s.append("[").append(cap(words(rnd, 6))).append("]\n\n");
        s.append("Source: ").append(cap(words(rnd, 7))).append(" (").append(1960 + rnd.nextInt(60)).append(").\n\n");
        s.append("### ").append(cap(words(rnd, 3))).append("\n\n");
        s.append(paragraph(rnd, 100)).append("\n\n");
        s.append("> [!SIDEBAR] ").append(cap(words(rnd, 3))).append("\n>\n> ").append(paragraph(rnd, 45)).append("\n\n");
        if (n > 1) {
            s.append("Compare [](").append(files.get(n - 2)).append(") and [its second section](")
                    .append(files.get(n - 2)).append("#second).\n\n");
        }
        s.append("[^a").append(n).append("]: ").append(cap(words(rnd, 5))).append(", *").append(cap(words(rnd, 4)))
                .append("* (").append(1970 + rnd.nextInt(50)).append(").\n");
        s.append("[^b").append(n).append("]: ").append(cap(words(rnd, 14))).append(".\n");
        return s.toString();
    }

    static String paragraph(Random rnd, int words) {
        StringBuilder p = new StringBuilder();
        int left = words;
        while (left > 0) {
            int len = Math.min(left, 8 + rnd.nextInt(14));
            if (p.length() > 0) p.append(' ');
            p.append(cap(words(rnd, len))).append(rnd.nextInt(6) == 0 ? "; " + words(rnd, 4) : "").append('.');
            left -= len;
        }
        return p.toString();
    }

    static String words(Random rnd, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(rnd.nextInt(12) == 0 ? ", " : " ");
            b.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
