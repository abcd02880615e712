package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.nio.file.Path;
import java.util.Objects;

/** A file the book uses (an image), with the path it has inside the outputs ({@code images/x.svg}). */
public record Asset(Path source, String href, String mediaType, SourcePos pos) {
    public Asset {
        Objects.requireNonNull(source);
        Objects.requireNonNull(href);
        Objects.requireNonNull(mediaType);
        Objects.requireNonNull(pos);
    }
}
