package org.coursebook.render.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.coursebook.render.handout.HandoutRenderer;
import org.coursebook.support.Builds;
import org.coursebook.support.PdfValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The XMP metadata of every PDF agrees with its document information (PDF/A, ISO 19005-2 6.6.2.3): dates from
 * the build time, coursebook as creator tool and producer, the document's own title and the book's authors.
 */
class PdfMetadataTest {
    @Test
    void theXmpSaysWhatTheDocumentInformationSays() throws Exception {
        Builds.smallBook();
        Path out = Path.of("target/small-book");
        for (Path pdf : List.of(out.resolve("a-small-test-book.pdf"), out.resolve("a-small-test-book-cover.pdf"),
                out.resolve("handouts/01-the-first-chapter.pdf"), out.resolve("handouts/" + HandoutRenderer.ALL))) {
            byte[] bytes = Files.readAllBytes(pdf);
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                PDDocumentInformation info = doc.getDocumentInformation();
                XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
                long time = Builds.FIXED_TIME.toEpochMilli();
                assertEquals(time, info.getCreationDate().getTimeInMillis(), pdf.toString());
                assertEquals(time, xmp.getXMPBasicSchema().getCreateDate().getTimeInMillis(), pdf.toString());
                assertEquals(time, xmp.getXMPBasicSchema().getModifyDate().getTimeInMillis(), pdf.toString());
                assertEquals(time, xmp.getXMPBasicSchema().getMetadataDate().getTimeInMillis(), pdf.toString());
                assertEquals(info.getCreator(), xmp.getXMPBasicSchema().getCreatorTool());
                assertEquals(info.getProducer(), xmp.getAdobePDFSchema().getProducer());
                assertEquals(info.getTitle(), xmp.getDublinCoreSchema().getTitle(), pdf.toString());
                assertEquals(List.of(info.getAuthor()), xmp.getDublinCoreSchema().getCreators());
                assertEquals(2, xmp.getPDFAIdentificationSchema().getPart(), "PDF/A-2 identification kept");
                assertEquals("U", xmp.getPDFAIdentificationSchema().getConformance());
            }
            assertEquals(List.of(), PdfValidator.pdfA2u(bytes), pdf + " PDF/A-2u");
        }
    }
}
