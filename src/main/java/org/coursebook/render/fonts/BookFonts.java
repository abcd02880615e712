package org.coursebook.render.fonts;

import org.coursebook.read.CssFonts;
import org.coursebook.render.Fonts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fonts a book brings: the faces its own stylesheets declare with {@code @font-face}, each a TrueType file
 * in its styles folder (by convention {@code styles/fonts/}). The style checker has reported every rule that
 * names no usable file; those are left out here.
 */
public final class BookFonts {
    /** The stylesheets the outputs use, whose {@code @font-face} rules count. */
    public static final List<String> SHEETS = List.of("base.css", "epub.css", "print.css", "handout.css", "web.css");

    private BookFonts() {}

    /**
     * The declared faces, in the order of {@link #SHEETS} and of their rules; for a family, weight and style
     * declared twice, the first. Each face's file is the first {@code url(…)} of its {@code src} that is a
     * TrueType font inside {@code stylesDir}.
     *
     * @param stylesDir the book's styles folder, or null (no fonts of its own)
     */
    public static List<Fonts.Face> declared(Path stylesDir) {
        List<Fonts.Face> faces = new ArrayList<>();
        if (stylesDir == null) return faces;
        Path dir = stylesDir.toAbsolutePath().normalize();
        Set<String> seen = new HashSet<>();
        for (String sheet : SHEETS) {
            Path css = dir.resolve(sheet);
            if (!Files.isRegularFile(css)) continue;
            String text;
            try {
                text = Files.readString(css, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue; // reported by the style checker
            }
            for (CssFonts.FontFace ff : CssFonts.fontFaces(CssFonts.parse(text))) {
                if (ff.family() == null || ff.family().isBlank()) continue;
                String key = ff.family().toLowerCase(Locale.ROOT) + "/" + ff.weight() + "/" + ff.italic();
                if (seen.contains(key)) continue;
                for (String url : ff.urls()) {
                    Path file = CssFonts.fontFile(dir, url);
                    if (file == null || !file.startsWith(dir) || !Files.isRegularFile(file)) continue;
                    try {
                        if (!FontSubsetter.canSubset(Files.readAllBytes(file))) continue;
                    } catch (IOException e) {
                        continue;
                    }
                    faces.add(Fonts.Face.declared(ff.family(), ff.weight(), ff.italic(), file));
                    seen.add(key);
                    break;
                }
            }
        }
        return faces;
    }
}
