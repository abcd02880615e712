package org.coursebook.render.handout;

import org.coursebook.render.CodeWrap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Adapts the handout XHTML to a document that stands alone: a handout carries no footnotes and no other
 * chapters, so note references are dropped and links into the book become plain text; links to the web stay,
 * with a title (PDF/UA).
 */
final class HandoutDocument {
    private HandoutDocument() {}

    static String adapt(String xhtml) {
        return adapt(xhtml, Integer.MAX_VALUE);
    }

    /** As {@link #adapt(String)}, with the code listings' long lines wrapped at {@code codeColumns} ({@link CodeWrap}). */
    static String adapt(String xhtml, int codeColumns) {
        Document doc = Jsoup.parse(xhtml, "", Parser.xmlParser());
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false).charset("UTF-8");
        doc.select("a.noteref").remove();
        for (Element a : doc.select("a")) {
            String href = a.attr("href");
            if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:")) {
                if (!a.hasAttr("title")) a.attr("title", "Link to " + href);
            } else {
                a.unwrap();
            }
        }
        if (codeColumns < Integer.MAX_VALUE) CodeWrap.wrap(doc, codeColumns);
        return doc.outerHtml();
    }
}
