package org.coursebook.render.fonts;

import org.coursebook.read.CssFonts;
import org.coursebook.render.Fonts;

import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which font face draws each character, as a reading system decides it: for each family of the requested stack
 * in turn, the face that best matches the weight and style (CSS Fonts 4, §5.2: style first, then the nearest
 * weight in the order the specification gives), if that face has the glyphs; a generic family ends the search
 * (the reader's own font). A letter and its combining marks go to the first face that has them all; when none
 * has, each character goes to the first face that has it.
 */
public final class FaceChooser {
    private final Map<String, List<Fonts.Face>> families;
    private final Function<Fonts.Face, BitSet> coverage;

    /**
     * @param families the faces of each available family, keyed by the family name in lower case
     * @param coverage the code points a face has glyphs for
     */
    public FaceChooser(Map<String, List<Fonts.Face>> families, Function<Fonts.Face, BitSet> coverage) {
        this.families = families;
        this.coverage = coverage;
    }

    /** For each face that draws something, the code points it draws (faces in first-use order). */
    public Map<Fonts.Face, Set<Integer>> choose(Map<TextFonts.Request, Set<String>> usage) {
        Map<Fonts.Face, Set<Integer>> out = new LinkedHashMap<>();
        for (TextFonts.Request r : TextFonts.sorted(usage.keySet())) {
            List<Fonts.Face> stack = stack(r);
            for (String cluster : usage.get(r)) {
                int[] cps = cluster.codePoints().toArray();
                Fonts.Face whole = null;
                for (Fonts.Face f : stack) {
                    if (f == null) break;
                    if (coversAll(f, cps)) {
                        whole = f;
                        break;
                    }
                }
                if (whole != null) {
                    Set<Integer> set = out.computeIfAbsent(whole, k -> new TreeSet<>());
                    for (int cp : cps) set.add(cp);
                    continue;
                }
                for (int cp : cps) {
                    for (Fonts.Face f : stack) {
                        if (f == null) break;
                        if (coverage.apply(f).get(cp)) {
                            out.computeIfAbsent(f, k -> new TreeSet<>()).add(cp);
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The request's faces in order; null where a generic family ends the stack. */
    private List<Fonts.Face> stack(TextFonts.Request r) {
        java.util.ArrayList<Fonts.Face> faces = new java.util.ArrayList<>();
        for (String name : r.families()) {
            String key = name.toLowerCase(Locale.ROOT);
            if (CssFonts.GENERIC.contains(key)) {
                faces.add(null);
                break;
            }
            List<Fonts.Face> family = families.get(key);
            if (family != null && !family.isEmpty()) faces.add(match(family, r.weight(), r.italic()));
        }
        return faces;
    }

    private boolean coversAll(Fonts.Face f, int[] cps) {
        BitSet set = coverage.apply(f);
        for (int cp : cps) {
            if (!set.get(cp) && !isOptional(cp)) return false;
        }
        return true;
    }

    /** Joiners and variation selectors: fonts often lack them and readers do without. */
    private static boolean isOptional(int cp) {
        return cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** The face of a family that CSS font matching picks for a weight and style. */
    public static Fonts.Face match(List<Fonts.Face> family, int weight, boolean italic) {
        List<Fonts.Face> styled = family.stream().filter(f -> f.italic() == italic).toList();
        if (styled.isEmpty()) styled = family;
        return styled.stream().min(Comparator.comparingInt(f -> weightRank(f.weight(), weight))).orElseThrow();
    }

    /** Lower is better: the order in which CSS Fonts 4 §5.2 tries weights for a desired weight. */
    static int weightRank(int w, int desired) {
        if (desired >= 400 && desired <= 500) {
            if (w >= desired && w <= 500) return w - desired;
            if (w < desired) return 1000 + (desired - w);
            return 2000 + (w - 500);
        }
        if (desired < 400) {
            if (w <= desired) return desired - w;
            return 1000 + (w - desired);
        }
        if (w >= desired) return w - desired;
        return 1000 + (desired - w);
    }
}
