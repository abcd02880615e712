package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.util.Objects;

/** One lecture bullet point: inline XHTML and its plain text. */
public record LecturePoint(String html, String text, SourcePos pos) {
    public LecturePoint {
        Objects.requireNonNull(html);
        Objects.requireNonNull(text);
        Objects.requireNonNull(pos);
    }
}
