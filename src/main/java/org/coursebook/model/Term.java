package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.util.Objects;

/** A key Russian term: Cyrillic, transliteration, meaning. */
public record Term(String term, String translit, String meaning, SourcePos pos) {
    public Term {
        Objects.requireNonNull(term);
        Objects.requireNonNull(translit);
        Objects.requireNonNull(meaning);
        Objects.requireNonNull(pos);
    }
}
