package org.coursebook.render.epub;

import com.helger.css.decl.CascadingStyleSheet;
import org.coursebook.read.CssFonts;
import org.coursebook.render.Fonts;
import org.coursebook.render.fonts.FaceChooser;
import org.coursebook.render.fonts.FontSubsetter;
import org.coursebook.render.fonts.TextFonts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fonts an EPUB embeds: only the faces its text is drawn with, each cut down to the characters drawn with it
 * ({@link FontSubsetter}). Which text uses which face comes from the book's stylesheets ({@link TextFonts}) and
 * the faces' coverage ({@link FaceChooser}): Liberation Mono only if the book has code, a DejaVu face only for
 * characters the Liberation faces lack. The bundled faces get {@code @font-face} rules, written at the top of
 * {@code css/epub.css}; a face the book declares itself with {@code @font-face} (a file in its
 * {@code styles/fonts/}) is embedded where its {@code url(…)} points from {@code css/}, so its rule works as
 * written. A font file a rule names is embedded even if no text uses it (a reading system may fetch it; EPUBCheck
 * requires every referenced file), then with only its space glyph.
 *
 * <p>The web edition lays out its files as the EPUB does (stylesheets in {@code css/}, fonts in {@code fonts/}) and
 * takes its fonts from here too, with its own pages and stylesheets.
 */
public final class EpubFonts {
    /** A font file of the publication: its path under {@code OEBPS/} (or the web edition's folder), media type and bytes. */
    public record File(String href, String mediaType, byte[] bytes) {}

    /** The {@code @font-face} rules for the bundled faces embedded, and the font files. */
    public record Result(String fontFaceRules, List<File> files) {}

    private EpubFonts() {}

    /**
     * @param documents every XHTML document of the publication
     * @param baseCss the publication's {@code css/base.css}
     * @param epubCss its {@code css/epub.css}, before the rules for the bundled faces are added
     * @param stylesDir the book's styles folder (null: the built-in styles, which declare no fonts)
     */
    public static Result build(List<String> documents, String baseCss, String epubCss, Path stylesDir, Fonts fonts) throws IOException {
        List<CascadingStyleSheet> sheets = List.of(CssFonts.parse(baseCss), CssFonts.parse(epubCss));
        TextFonts text = new TextFonts(sheets);
        // Each document on its own (in parallel), then merged: the sets do not depend on the order.
        Map<TextFonts.Request, Set<String>> usage = new HashMap<>();
        List<Map<TextFonts.Request, Set<String>>> parts = documents.parallelStream().map(doc -> {
            Map<TextFonts.Request, Set<String>> one = new HashMap<>();
            text.collect(doc, one);
            return one;
        }).toList();
        for (Map<TextFonts.Request, Set<String>> one : parts) {
            one.forEach((r, set) -> usage.computeIfAbsent(r, k -> new java.util.HashSet<>()).addAll(set));
        }
        return fonts(sheets, usage, stylesDir, fonts);
    }

    /**
     * The fonts for pages that show the characters {@code shown}, in every style the stylesheets can ask for: each
     * font stack they name ({@code font-family}, {@code font}), in regular, bold, italic and bold italic, is given
     * every one of them in both cases (and list markers, quotation marks and digits). No page is styled,
     * so this is quick where {@link #build} would style thousands of pages (the web edition); the price is a face
     * for every style a stack can take, each with all the characters, though a browser fetches only the faces a
     * page uses.
     *
     * @param shown the grapheme clusters the pages show ({@link TextFonts#clusters} of their text)
     */
    public static Result forAllStyles(Set<String> shown, String baseCss, String otherCss, Path stylesDir, Fonts fonts) throws IOException {
        List<CascadingStyleSheet> sheets = List.of(CssFonts.parse(baseCss), CssFonts.parse(otherCss));
        Set<String> chars = new java.util.HashSet<>(shown);
        chars.addAll(TextFonts.clusters("•◦▪–-0123456789.)“”‘’«»„‚\"'"));
        for (String c : new ArrayList<>(chars)) {
            chars.add(c.toUpperCase(Locale.ROOT));
            chars.add(c.toLowerCase(Locale.ROOT));
        }
        chars.addAll(TextFonts.clusters(" \u00A0-\u2010\u00AD"));
        Map<TextFonts.Request, Set<String>> usage = new java.util.LinkedHashMap<>();
        for (CascadingStyleSheet sheet : sheets) {
            for (CssFonts.FamilyList list : CssFonts.familyLists(sheet)) {
                if (list.unresolved() || list.families().isEmpty()) continue;
                for (int weight : new int[] {400, 700}) {
                    for (boolean italic : new boolean[] {false, true}) usage.put(new TextFonts.Request(list.families(), weight, italic), chars);
                }
            }
        }
        return fonts(sheets, usage, stylesDir, fonts);
    }

    /** The faces and rules for text that asks for fonts as {@code usage} says. */
    private static Result fonts(List<CascadingStyleSheet> sheets, Map<TextFonts.Request, Set<String>> usage, Path stylesDir,
                                Fonts fonts) throws IOException {
        Map<String, List<Fonts.Face>> families = new LinkedHashMap<>();
        Map<Fonts.Face, String> hrefs = new LinkedHashMap<>();
        for (Fonts.Face f : Fonts.ALL) {
            families.computeIfAbsent(key(f.family()), k -> new ArrayList<>()).add(f);
            hrefs.put(f, "fonts/" + f.fileName());
        }
        Set<Fonts.Face> referenced = new java.util.LinkedHashSet<>();
        Map<String, List<Fonts.Face>> declared = new LinkedHashMap<>();
        for (CascadingStyleSheet sheet : sheets) {
            for (CssFonts.FontFace ff : CssFonts.fontFaces(sheet)) {
                for (String url : ff.urls()) {
                    Fonts.Face face = resolve(ff, url, stylesDir, hrefs);
                    if (face == null) continue;
                    referenced.add(face);
                    if (face.file() != null && ff.family() != null) declared.computeIfAbsent(key(ff.family()), k -> new ArrayList<>()).add(face);
                }
            }
        }
        families.putAll(declared); // a family the book declares is the book's, even under a bundled name

        Map<Fonts.Face, Set<Integer>> chars = new FaceChooser(families, fonts::coverage).choose(usage);
        for (Fonts.Face f : referenced) chars.computeIfAbsent(f, k -> new TreeSet<>());

        // Faces may share a file (the last-resort face serves both styles): one file each, with all their characters.
        StringBuilder rules = new StringBuilder();
        Map<String, Set<Integer>> byHref = new LinkedHashMap<>();
        Map<String, Fonts.Face> source = new LinkedHashMap<>();
        for (Map.Entry<Fonts.Face, String> e : hrefs.entrySet()) {
            Fonts.Face f = e.getKey();
            Set<Integer> cps = chars.get(f);
            if (cps == null) continue;
            byHref.computeIfAbsent(e.getValue(), k -> new TreeSet<>(Set.of(0x20))).addAll(cps);
            source.putIfAbsent(e.getValue(), f);
            if (f.file() == null && !declared.containsKey(key(f.family())) && !cps.isEmpty()) {
                rules.append("@font-face { font-family: \"").append(f.family()).append("\"; font-weight: ").append(f.weight())
                        .append("; font-style: ").append(f.style()).append("; src: url(\"../").append(e.getValue()).append("\"); }\n");
            }
        }
        List<File> files = new ArrayList<>();
        for (Map.Entry<String, Set<Integer>> e : byHref.entrySet()) {
            byte[] bytes = fonts.bytes(source.get(e.getKey()));
            byte[] out = FontSubsetter.canSubset(bytes) ? FontSubsetter.subset(bytes, e.getValue()) : bytes;
            files.add(new File(e.getKey(), FontSubsetter.isPostScriptOpenType(bytes) ? "font/otf" : "font/ttf", out));
        }
        return new Result(rules.toString(), files);
    }

    /**
     * The face an {@code @font-face} source names: a file of the book's (its path from {@code css/} kept) or a
     * bundled face's file ({@code ../fonts/NAME.ttf}, as earlier built-in stylesheets wrote them); null otherwise
     * (the style checker has reported it).
     */
    private static Fonts.Face resolve(CssFonts.FontFace ff, String url, Path stylesDir, Map<Fonts.Face, String> hrefs) throws IOException {
        if (stylesDir == null) return null;
        Path dir = stylesDir.toAbsolutePath().normalize();
        Path file = CssFonts.fontFile(dir, url);
        if (file == null) return null;
        if (file.startsWith(dir) && Files.isRegularFile(file)) {
            Fonts.Face face = Fonts.Face.declared(ff.family() == null ? "" : ff.family(), ff.weight(), ff.italic(), file);
            hrefs.put(face, "css/" + dir.relativize(file).toString().replace('\\', '/'));
            return face;
        }
        if (file.getParent() != null && file.getParent().equals(dir.getParent() == null ? null : dir.getParent().resolve("fonts"))) {
            for (Fonts.Face f : Fonts.ALL) if (f.fileName().equals(file.getFileName().toString())) return f;
        }
        return null;
    }

    private static String key(String family) {
        return family.toLowerCase(Locale.ROOT);
    }
}
