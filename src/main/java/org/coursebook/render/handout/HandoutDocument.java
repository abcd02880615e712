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
 * with a title (PDF/UA); images (in a quotation) are pointed at where the print renderer reads them.
 */
final class HandoutDocument {
    private HandoutDocument() {}

    static String adapt(String xhtml) {
        return adapt(xhtml, java.util.Map.of(), Integer.MAX_VALUE);
    }

    /**
     * @param images      where the print renderer reads each image, by its path in the outputs ({@link org.coursebook.render.pdf.PrintImages})
     * @param codeColumns the columns a code listing's line may take before it wraps ({@link CodeWrap})
     */
    static String adapt(String xhtml, java.util.Map<String, String> images, int codeColumns) {
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
        org.coursebook.render.pdf.PrintImages.point(doc, images);
        return doc.outerHtml();
    }
}
