package org.coursebook.render;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;
import org.coursebook.model.Footnote;
import org.coursebook.model.LecturePoint;
import org.coursebook.model.Term;
import org.coursebook.model.Block;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which characters the print fonts can draw. A character counts as drawable only when every CSS font stack of
 * the bundled styles ({@link Fonts#STACKS}: serif text, sans headings and boxes, code), in each of the four
 * styles (regular, italic, bold, bold italic), has a face with a glyph for it: openhtmltopdf takes each
 * character from the first family of the stack whose face for the style has it, and draws '#' when none has.
 * Default-ignorable characters (format controls, variation selectors) and controls are never reported.
 *
 * <p>{@link #check} looks at the book's model, before anything is rendered, and warns once per character and
 * source file, at the {@code file:line:column} of the character's first occurrence in that file.
 */
public final class GlyphCoverage {
    private final Fonts fonts;
    private final Map<String, CmapLookup> cmaps = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> memo = new ConcurrentHashMap<>();

    public GlyphCoverage(Fonts fonts) {
        this.fonts = fonts;
    }

    /** Whether every stack can draw code point {@code cp} in every style (ignorable characters: always true). */
    public boolean canDraw(int cp) {
        if (cp < 0x250 && !Character.isISOControl(cp)) return true; // Latin and Latin-1: every bundled face has them
        if (ignorable(cp)) return true;
        return memo.computeIfAbsent(cp, this::lookUp);
    }

    /** Whether every one of the book's own faces (Liberation Serif, Sans and Mono, all styles) has {@code cp}. */
    public boolean inBookFaces(int cp) {
        if (cp < 0x250) return true;
        return bookMemo.computeIfAbsent(cp, c -> {
            for (Fonts.Face f : Fonts.FACES) if (cmap(f).getGlyphId(c) == 0) return false;
            for (Fonts.Face f : Fonts.MONO_FACES) if (cmap(f).getGlyphId(c) == 0) return false;
            return true;
        });
    }

    private final Map<Integer, Boolean> bookMemo = new ConcurrentHashMap<>();

    private boolean lookUp(int cp) {
        // As the print engine draws it: a character all the book's faces have is theirs; any other is set in the
        // fallback stacks (PrintText): DejaVu Serif then Sans for text, DejaVu Sans for headings, DejaVu Sans Mono
        // then Sans for code.
        if (inBookFaces(cp)) return true;
        for (List<String> stack : List.of(List.of(Fonts.SERIF_FALLBACK, Fonts.LAST_RESORT), List.of(Fonts.LAST_RESORT),
                List.of(Fonts.MONO_FALLBACK, Fonts.LAST_RESORT))) {
            for (String style : List.of("400normal", "400italic", "700normal", "700italic")) {
                boolean found = false;
                for (String family : stack) {
                    Fonts.Face face = face(family, style);
                    if (face != null && cmap(face).getGlyphId(cp) != 0) {
                        found = true;
                        break;
                    }
                }
                if (!found) return false;
            }
        }
        return true;
    }

    private static Fonts.Face face(String family, String style) {
        for (Fonts.Face f : Fonts.ALL) {
            if (f.family().equals(family) && (f.weight() + f.style()).equals(style)) return f;
        }
        return null;
    }

    private CmapLookup cmap(Fonts.Face face) {
        return cmaps.computeIfAbsent(face.resource(), r -> {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(fonts.bytes(face))).getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Characters no font needs to draw: controls, format characters (soft hyphen, joiners, bidi marks), variation selectors. */
    public static boolean ignorable(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0xE0000 && cp <= 0xE007F);
    }

    /**
     * Warns about every character of the book's text that no print font can draw: once per character and source
     * file, at its first occurrence there (the chapter's file, read again only when it has such a character).
     */
    public void check(Book book, Diagnostics diag) {
        for (Chapter c : book.allParts()) {
            TreeSet<Integer> missing = new TreeSet<>();
            for (String s : texts(c)) {
                s.codePoints().filter(cp -> !canDraw(cp)).forEach(missing::add);
            }
            if (!missing.isEmpty()) report(c.pos().file(), missing, diag);
        }
    }

    private static List<String> texts(Chapter c) {
        List<String> all = new ArrayList<>(List.of(c.title(), org.coursebook.model.Tree.rawText(c.subtitle()),
                org.coursebook.model.Tree.rawText(c.summary()), org.coursebook.model.Tree.rawText(c.blocks())));
        for (Footnote f : c.footnotes()) all.add(org.coursebook.model.Tree.rawText(f.content()));
        for (LecturePoint p : c.lecturePoints()) all.add(org.coursebook.model.Tree.rawText(p.content()));
        for (Term t : c.terms()) all.add(t.term() + " " + t.translit() + " " + t.meaning());
        return all;
    }

    private static void report(Path file, TreeSet<Integer> missing, Diagnostics diag) {
        String text = "";
        try {
            if (file != null && Files.isRegularFile(file)) text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            text = ""; // positions unknown: report at the file
        }
        Map<Integer, Integer> count = new HashMap<>();
        text.codePoints().forEach(cp -> count.merge(cp, 1, Integer::sum));
        for (int cp : missing) {
            int at = text.indexOf(new String(Character.toChars(cp)));
            SourcePos pos = at >= 0 ? SourcePos.at(file, text, at) : SourcePos.of(file);
            int n = count.getOrDefault(cp, 0);
            diag.warning(pos, "no font can draw '" + new String(Character.toChars(cp)) + "' (" + describe(cp) + ")"
                            + (n > 1 ? ", used " + n + " times in this file" : "")
                            + "; the PDF shows '#' in its place",
                    "add a font that has it: put the font file in styles/fonts/ and name it with @font-face in the "
                            + "book's CSS (see README, \"Fonts\"); e-book readers use their own fonts for it");
        }
    }

    /** "U+2705 WHITE HEAVY CHECK MARK". */
    public static String describe(int cp) {
        String name = Character.getName(cp);
        return String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name);
    }
}
