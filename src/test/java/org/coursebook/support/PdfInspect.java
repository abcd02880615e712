package org.coursebook.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a PDF back through PDFBox: text per page, outline, page labels, fonts. */
public final class PdfInspect implements AutoCloseable {
    public final PDDocument doc;

    public PdfInspect(Path pdf) throws IOException {
        this.doc = Loader.loadPDF(Files.readAllBytes(pdf));
    }

    public int pages() {
        return doc.getNumberOfPages();
    }

    public String text(int pageIndex) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(pageIndex + 1);
        s.setEndPage(pageIndex + 1);
        return s.getText(doc);
    }

    public String allText() throws IOException {
        return new PDFTextStripper().getText(doc);
    }

    /**
     * The text in the order it is seen on the page (PDFBox sorting by position). openhtmltopdf draws an inline
     * element (code, em, a link) after the rest of its line, so {@link #allText()}, which follows the content
     * stream, gives "one row per .year" for "one row per `year`."; the tagged structure keeps the reading order.
     */
    public String visualText() throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        return s.getText(doc);
    }

    /** Top-level outline entries: title and 0-based page index. */
    public List<Entry> outline() throws IOException {
        List<Entry> out = new ArrayList<>();
        var o = doc.getDocumentCatalog().getDocumentOutline();
        if (o == null) return out;
        for (PDOutlineItem item : o.children()) {
            PDPage p = item.findDestinationPage(doc);
            List<String> kids = new ArrayList<>();
            for (PDOutlineItem k : item.children()) kids.add(k.getTitle());
            out.add(new Entry(item.getTitle(), p == null ? -1 : doc.getPages().indexOf(p), kids));
        }
        return out;
    }

    public record Entry(String title, int page, List<String> children) {}

    public String[] labels() throws IOException {
        PDPageLabels l = doc.getDocumentCatalog().getPageLabels();
        return l == null ? null : l.getLabelsByPageIndices();
    }

    /** Names of fonts that are not embedded (empty when every font is embedded). */
    public List<String> unembeddedFonts() throws IOException {
        List<String> out = new ArrayList<>();
        for (PDPage p : doc.getPages()) {
            var res = p.getResources();
            for (var name : res.getFontNames()) {
                PDFont f = res.getFont(name);
                if (!f.isEmbedded()) out.add(f.getName());
            }
        }
        return out;
    }

    public List<String> fontNames() throws IOException {
        List<String> out = new ArrayList<>();
        for (PDPage p : doc.getPages()) {
            var res = p.getResources();
            for (var name : res.getFontNames()) {
                String n = res.getFont(name).getName();
                if (!out.contains(n)) out.add(n);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
