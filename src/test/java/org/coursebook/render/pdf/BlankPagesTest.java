package org.coursebook.render.pdf;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Pages whose only marks are pagination artifacts (a running head, a folio) are emptied; every other page, one with
 * only a background on it included, is left alone.
 */
class BlankPagesTest {
    @Test
    void onlyPagesMarkedWithNothingButArtifactsAreEmptied() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            page(doc, true, false);   // 0: running head and folio only
            page(doc, true, true);    // 1: running head and folio, and text of the book
            page(doc, false, true);   // 2: text of the book only
            doc.addPage(new PDPage()); // 3: nothing at all
            page(doc, true, false);   // 4: running head and folio only
            backgroundOnly(doc);      // 5: the tail of a shaded box, and the running head
            assertEquals(List.of(0, 4), PdfFinisher.emptyBlankPages(doc));
            assertEquals(6, doc.getNumberOfPages(), "emptied pages keep their place");
            PDFTextStripper text = new PDFTextStripper();
            for (int i : new int[] {0, 4}) {
                text.setStartPage(i + 1);
                text.setEndPage(i + 1);
                assertTrue(text.getText(doc).isBlank(), "page index " + i);
            }
            text.setStartPage(2);
            text.setEndPage(2);
            assertTrue(text.getText(doc).contains("The chapter's text"));
            assertTrue(text.getText(doc).contains("Running head"));
        }
    }

    private static void page(PDDocument doc, boolean runningHead, boolean body) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            if (runningHead) {
                cs.beginMarkedContent(COSName.ARTIFACT, artifact("Pagination"));
                text(cs, font, 700, "Running head");
                text(cs, font, 40, "12");
                cs.endMarkedContent();
            }
            if (body) {
                cs.beginMarkedContent(COSName.P);
                text(cs, font, 600, "The chapter's text");
                cs.endMarkedContent();
            }
        }
    }

    private static void backgroundOnly(PDDocument doc) throws IOException {
        page(doc, true, false);
        PDPage page = doc.getPage(doc.getNumberOfPages() - 1);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
            cs.beginMarkedContent(COSName.ARTIFACT, artifact("Background"));
            cs.addRect(72, 690, 468, 30);
            cs.fill();
            cs.endMarkedContent();
        }
    }

    private static PDPropertyList artifact(String type) {
        COSDictionary d = new COSDictionary();
        d.setName(COSName.TYPE, type);
        return PDPropertyList.create(d);
    }

    private static void text(PDPageContentStream cs, PDType1Font font, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, 10);
        cs.newLineAtOffset(72, y);
        cs.showText(s);
        cs.endText();
    }
}
