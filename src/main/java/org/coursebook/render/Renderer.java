package org.coursebook.render;

import org.coursebook.model.Book;

import java.io.IOException;

/** Turns a book into one output format. A renderer writes only its own files, and only through {@link Output}. */
public interface Renderer {
    /** The format's name on the command line: epub, pdf, handouts. */
    String format();

    void render(Book book, RenderContext ctx) throws IOException;
}
