package org.coursebook.render;

import org.coursebook.model.Book;

import java.io.IOException;

/** Turns a book into one output format. A renderer writes only its own files, and only through {@link Output}. */
public interface Renderer {
    /** The format's name on the command line: epub, pdf, handouts. */
    String format();

    /**
     * Called once the manifest has been read, before the chapters are: a renderer may start here, in the
     * background, slow work that needs only the book's metadata (the cover, say), so that it overlaps with
     * reading. {@code outline} is the book with its metadata and no parts. Work started here must not write
     * output or report problems that {@link #render} would not report; if it fails, {@code render} does the
     * work itself.
     */
    default void prepare(Book outline, RenderContext ctx) {}

    void render(Book book, RenderContext ctx) throws IOException;
}
