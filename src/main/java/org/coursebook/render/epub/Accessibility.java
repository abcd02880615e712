package org.coursebook.render.epub;

import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.Chapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The book's schema.org accessibility metadata, derived from what the book actually contains: visual access
 * mode and alternative text only when it has images (the reader refuses images without alt text, so text
 * alone is then sufficient), tables only when it has them.
 */
record Accessibility(List<String> modes, List<String> sufficient, List<String> features, List<String> hazards, String summary) {

    /** @param cover whether the book opens on a cover image */
    static Accessibility of(Book book, boolean cover) {
        return of(book, cover, false);
    }

    /**
     * @param cover      whether the book opens on a cover image
     * @param printPages whether the book carries the print book's page-break markers and page list: then
     *                   {@code pageBreakMarkers} and {@code pageNavigation} (the vocabulary's current names) and
     *                   {@code printPageNumbers} (their older name, which reading systems of before 2023 know)
     */
    static Accessibility of(Book book, boolean cover, boolean printPages) {
        boolean images = cover || !book.assets().isEmpty();
        boolean tables = false, notes = false;
        for (Chapter c : book.allParts()) {
            if (!c.footnotes().isEmpty()) notes = true;
            if (!org.coursebook.model.Tree.collect(c.blocks(), Block.Table.class).isEmpty()
                    || org.coursebook.model.Tree.collect(c.blocks(), org.coursebook.model.Element.class).stream().anyMatch(e -> e.tag().equals("table"))) tables = true;
        }
        List<String> modes = new ArrayList<>(List.of("textual"));
        if (images) modes.add("visual");
        List<String> features = new ArrayList<>(List.of("structuralNavigation", "tableOfContents", "readingOrder",
                "displayTransformability"));
        if (images) features.add("alternativeText");
        if (notes) features.add("annotations");
        if (printPages) features.addAll(List.of("pageBreakMarkers", "pageNavigation", "printPageNumbers"));
        StringBuilder summary = new StringBuilder("This publication has a navigable table of contents, headings in a "
                + "logical hierarchy, and a reading order that follows the printed book. Text can be resized and "
                + "restyled by the reading system." + languages(book));
        if (images) summary.append(" Every image has a text alternative.");
        if (tables) summary.append(" Data tables have captions and header cells.");
        if (notes) summary.append(" Footnotes are linked both ways and marked as notes.");
        if (printPages) summary.append(" The page numbers of the print edition are marked in the text and listed in a page list.");
        summary.append(" Display quotes that repeat the text are hidden from assistive technology, so nothing is read twice."
                + " There are no flashing, motion or sound hazards.");
        return new Accessibility(modes, List.of("textual"), features, List.of("none"), summary.toString());
    }

    /** The sentence about passages in other languages: which ones are marked, "" when the book has none. */
    static String languages(Book book) {
        java.util.TreeSet<String> langs = new java.util.TreeSet<>();
        for (Chapter c : book.allParts()) {
            for (var l : org.coursebook.model.Tree.collect(c.blocks(), org.coursebook.model.Inline.Lang.class)) langs.add(l.lang());
            for (var e : org.coursebook.model.Tree.collect(c.blocks(), org.coursebook.model.Element.class)) {
                if (e.attrs().has("lang")) langs.add(e.attrs().get("lang"));
            }
        }
        langs.remove(book.meta().language());
        if (langs.isEmpty()) return "";
        List<String> names = langs.stream().map(l -> java.util.Locale.forLanguageTag(l).getDisplayLanguage(java.util.Locale.ENGLISH))
                .filter(n -> !n.isEmpty()).toList();
        if (names.isEmpty()) return " Passages in other languages are marked with their language.";
        return " " + (names.size() == 1 ? names.get(0) + " words are" : String.join(", ", names.subList(0, names.size() - 1))
                + " and " + names.get(names.size() - 1) + " words are") + " marked with their language.";
    }

    Map<String, Object> model() {
        return Map.of("modes", modes, "sufficient", sufficient, "features", features, "hazards", hazards, "summary", summary);
    }
}
