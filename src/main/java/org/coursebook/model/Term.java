package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.util.Objects;

/**
 * A key term of a chapter: the term as written (in any language), its transliteration ("" for a term in the Latin
 * script, which needs none), its meaning, and its language (a BCP 47 tag: the {@code lang} the author gave, else
 * the one its script implies: Cyrillic "ru", Greek "el", Hebrew "he", Arabic "ar"; "" for a Latin-script term
 * without one, which is then in the book's language).
 */
public record Term(String term, String translit, String meaning, String lang, SourcePos pos) {
    public Term {
        Objects.requireNonNull(term);
        translit = translit == null ? "" : translit;
        Objects.requireNonNull(meaning);
        lang = lang == null || lang.isBlank() ? scriptLanguage(term) : lang;
        Objects.requireNonNull(pos);
    }

    public Term(String term, String translit, String meaning, SourcePos pos) {
        this(term, translit, meaning, "", pos);
    }

    /** The key the glossary sorts by: the transliteration, or the term itself when it needs none. */
    public String sortKey() {
        return translit.isEmpty() ? term : translit;
    }

    /** Whether the term is written in a script other than Latin (then it needs a transliteration). */
    public static boolean nonLatin(String s) {
        return s.codePoints().anyMatch(cp -> Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN);
    }

    /** The language a term's script implies, "" for the Latin script or a script with many languages. */
    public static String scriptLanguage(String s) {
        for (int cp : s.codePoints().toArray()) {
            if (!Character.isLetter(cp)) continue;
            switch (Character.UnicodeScript.of(cp)) {
                case CYRILLIC: return "ru";
                case GREEK: return "el";
                case HEBREW: return "he";
                case ARABIC: return "ar";
                default: return "";
            }
        }
        return "";
    }
}
