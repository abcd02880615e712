package org.coursebook.render.pdf;

import org.coursebook.render.Fonts;
import org.coursebook.render.Pagination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The print engine's two steps: a layout whose pagination can be read, then drawing; one second layout pass driven by
 * the first pass's pagination; and a layout without drawing that paginates as the drawn one does.
 */
class PdfEngineLayoutTest {
    private static final PdfEngine ENGINE = new PdfEngine();
    private static final Fonts FONTS = new Fonts();

    /** A part of {@code paragraphs} paragraphs of 60 numbered words each, keyed as the print writer keys blocks. */
    static String document(int paragraphs) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
                + "<head><title>t</title><meta name=\"subject\" content=\"t\"/><style>@page { size: a5; margin: 20mm; } body { font-family: \"Liberation Serif\"; font-size: 11pt; }"
                + "</style></head><body><section class=\"part\" id=\"p\">");
        for (int i = 0; i < paragraphs; i++) {
            sb.append("<p data-b=\"p:").append(i).append("\" id=\"p--para").append(i).append("\">");
            for (int w = 0; w < 60; w++) sb.append("w").append(i).append('x').append(w).append(' ');
            sb.append("</p>\n");
        }
        return sb.append("</section></body></html>").toString();
    }

    @Test
    void aLayoutWithoutDrawingHasTheDrawnBooksPagination(@TempDir Path tmp) throws IOException {
        String xhtml = document(40);
        PdfEngine.Drawn drawn = ENGINE.drawBook(xhtml, tmp, FONTS, null, null, (doc, p) -> {});
        Pagination laid = ENGINE.layOut(xhtml, tmp, FONTS, null, null);
        assertEquals(drawn.pagination(), laid);
        assertEquals(drawn.pages(), laid.size());
        assertTrue(laid.size() > 3, "several pages: " + laid.size());
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(drawn.bytes())) {
            for (Pagination.Page page : laid.pages()) {
                Pagination.Place start = page.start();
                assertNotNull(start, "every page has text");
                assertEquals("p", start.part());
                // every word is 'w<paragraph>x<word>': the page's first printed word is the one its place names
                org.apache.pdfbox.text.PDFTextStripper text = new org.apache.pdfbox.text.PDFTextStripper();
                text.setStartPage(page.index() + 1);
                text.setEndPage(page.index() + 1);
                assertEquals("w" + start.block() + "x" + start.word(), text.getText(pdf).strip().split("\\s+")[0], "page " + page.folio());
            }
        }
        assertEquals(0, laid.pageOf("p--para0"));
        assertEquals(laid.size() - 1, laid.pageOf("p--para39"));
        assertEquals(List.of("1", "2", "3"), laid.folios().subList(0, 3));
    }

    @Test
    void theSecondPassIsLaidOutFromTheFirstPassPaginationAndItsPaginationIsTheOneReturned(@TempDir Path tmp) throws IOException {
        List<Integer> firstPages = new ArrayList<>();
        PdfEngine.Drawn drawn = ENGINE.drawBook(document(10), tmp, FONTS, "p--para5", first -> {
            firstPages.add(first.size());
            return document(30);
        }, (doc, p) -> assertEquals(doc.getNumberOfPages(), p.size()));
        assertEquals(1, firstPages.size(), "one second pass");
        assertTrue(drawn.pages() > firstPages.get(0), drawn.pages() + " pages after the pass, " + firstPages.get(0) + " before");
        assertEquals(drawn.pages(), drawn.pagination().size());
        int body = drawn.pagination().pageOf("p--para5");
        assertEquals(body, drawn.pagination().bodyStart());
        assertEquals("1", drawn.pagination().folio(body));
        if (body > 0) assertEquals("i", drawn.pagination().folio(0));
    }
}
