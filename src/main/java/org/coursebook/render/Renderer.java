package org.coursebook.render;

import org.coursebook.model.Book;

import java.io.IOException;

/**
 * Turns a book into one output format. A renderer writes only its own files, only through {@link Output}, and
 * returns what it wrote ({@link Rendered}): the pipeline passes that on to what lists or imposes the files, so no
 * renderer reads another's output (as an mdBook renderer gets the book and its destination, and nothing else).
 */
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

    /**
     * Writes the format's files into {@code ctx.output()} and returns them, each with its role and, for a PDF,
     * the page count it had when it was drawn. Every file written must be returned (the pipeline checks).
     *
     * @throws IOException when a file cannot be written; problems in the book go to {@code ctx.diagnostics()}
     */
    Rendered render(Book book, RenderContext ctx) throws IOException;
}
