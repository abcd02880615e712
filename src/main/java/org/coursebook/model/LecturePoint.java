package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.util.List;
import java.util.Objects;

/** One lecture bullet point: its inlines, and its plain text. */
public record LecturePoint(List<Inline> content, String text, SourcePos pos) {
    public LecturePoint {
        content = List.copyOf(content);
        Objects.requireNonNull(text);
        Objects.requireNonNull(pos);
    }

    public LecturePoint withContent(List<Inline> c) {
        return new LecturePoint(c, text, pos);
    }
}
