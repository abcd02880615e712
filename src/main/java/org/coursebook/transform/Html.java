package org.coursebook.transform;

import org.coursebook.read.XhtmlCleaner;
import org.jsoup.nodes.Element;

import java.util.function.Consumer;

/** Edits an XHTML fragment held in the model. */
final class Html {
    private Html() {}

    static String edit(String xhtml, Consumer<Element> editor) {
        Element body = XhtmlCleaner.parse(xhtml);
        editor.accept(body);
        return XhtmlCleaner.toXhtml(body);
    }
}
