package org.coursebook.render.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.coursebook.model.BookMeta;
import org.coursebook.util.Sha256;

import javax.xml.transform.TransformerException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Deque;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

/**
 * Finishes a PDF drawn by openhtmltopdf, with PDFBox: page labels (front matter i, ii, iii, the body from 1),
 * a description on every link annotation (PDF/UA), blank pages left truly blank, and metadata that depends only
 * on the sources (dates from the build time, a document id derived from the book's identifier), so two builds
 * give the same bytes.
 */
public final class PdfFinisher {
    /** The creator and producer named in the document information and the XMP metadata. */
    static final String CREATOR = "coursebook", PRODUCER = "coursebook (openhtmltopdf, Apache PDFBox)";

    private PdfFinisher() {}

    /**
     * @param frontOutlineEntries how many top-level outline entries come before the body; the body starts on
     *                            the page of the next entry. 0 means the whole document is numbered 1, 2, 3.
     */
    public static byte[] finish(byte[] pdf, BookMeta meta, Instant buildTime, int frontOutlineEntries) throws IOException {
        return finish(pdf, meta, meta.title(), buildTime, frontOutlineEntries);
    }

    /** As above, for a document with its own title (a handout); the title also enters the document id. */
    public static byte[] finish(byte[] pdf, BookMeta meta, String title, Instant buildTime, int frontOutlineEntries) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            finish(doc, meta, title, buildTime, frontOutlineEntries);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Finishes an open document in place (see {@link PdfEngine#render(String, java.nio.file.Path, org.coursebook.render.Fonts, PdfEngine.Finishing)}). */
    public static void finish(PDDocument doc, BookMeta meta, Instant buildTime, int frontOutlineEntries) throws IOException {
        finish(doc, meta, meta.title(), buildTime, frontOutlineEntries);
    }

    /** Finishes an open document with its own title (a handout) in place. */
    public static void finish(PDDocument doc, BookMeta meta, String title, Instant buildTime, int frontOutlineEntries) throws IOException {
        finishFrom(doc, meta, title, buildTime, frontOutlineEntries <= 0 ? 0 : bodyStartPage(doc, frontOutlineEntries));
    }

    /**
     * Finishes the print book in place, its page labels those of its {@code pagination} (front matter i, ii, …
     * up to {@link org.coursebook.render.Pagination#bodyStart()}, the body from 1), so that the labels, the
     * running feet and the e-book's page list name every page alike.
     */
    public static void finish(PDDocument doc, BookMeta meta, Instant buildTime, org.coursebook.render.Pagination pagination) throws IOException {
        if (pagination.size() != doc.getNumberOfPages()) {
            throw new IllegalStateException("the layout has " + pagination.size() + " pages, the PDF " + doc.getNumberOfPages());
        }
        finishFrom(doc, meta, meta.title(), buildTime, pagination.bodyStart());
    }

    private static void finishFrom(PDDocument doc, BookMeta meta, String title, Instant buildTime, int bodyStart) throws IOException {
        List<String> labels = labels(doc.getNumberOfPages(), bodyStart);
        PDPageLabels pageLabels = new PDPageLabels(doc);
        if (bodyStart > 0) {
            PDPageLabelRange roman = new PDPageLabelRange();
            roman.setStyle(PDPageLabelRange.STYLE_ROMAN_LOWER);
            pageLabels.setLabelItem(0, roman);
        }
        PDPageLabelRange decimal = new PDPageLabelRange();
        decimal.setStyle(PDPageLabelRange.STYLE_DECIMAL);
        decimal.setStart(1);
        pageLabels.setLabelItem(bodyStart, decimal);
        doc.getDocumentCatalog().setPageLabels(pageLabels);

        describeLinks(doc, labels);
        emptyBlankPages(doc);
        metadata(doc, meta, title, buildTime);
    }

    /** Operators that put marks on the page: text, images and forms, fills, strokes, shadings, inline images. */
    private static final Set<String> MARKING = Set.of("Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "B", "B*", "b", "b*",
            "S", "s", "sh", "BI");

    /**
     * Empties the pages that carry nothing but artifacts: the left-hand pages left blank so that a chapter (or a
     * lecture) opens on a right-hand page get their running head and folio from the page style like any other
     * page, and a printed book leaves them blank. CSS paged media would say so with {@code @page :blank}, which
     * openhtmltopdf does not support; the tagged PDF says it instead, since every mark of the book's own content
     * is tagged and the running heads and folios are marked as artifacts. The pages keep their place and number.
     *
     * @return the 0-based indexes of the pages emptied
     */
    static List<Integer> emptyBlankPages(PDDocument doc) throws IOException {
        List<Integer> emptied = new ArrayList<>();
        PDStructureTreeRoot tree = doc.getDocumentCatalog().getStructureTreeRoot();
        Map<Integer, COSObjectable> parents = new HashMap<>();
        if (tree != null && tree.getParentTree() != null) collect(tree.getParentTree(), parents);
        int i = -1;
        for (PDPage page : doc.getPages()) { // not getPage(i), which walks the page tree from its root every time
            i++;
            if (!page.hasContents() || tagsContent(page, tree == null ? null : parents) || !onlyArtifacts(page)) continue;
            page.setContents(new PDStream(doc));
            emptied.add(i);
        }
        return emptied;
    }

    /**
     * True when the structure tree's parent tree lists marked content on the page: a quick answer for most pages,
     * so that only the few without tagged content have their content stream read. {@code parents} is the parent
     * tree's entries by key, or null for an untagged document.
     */
    private static boolean tagsContent(PDPage page, Map<Integer, COSObjectable> parents) {
        int key = page.getStructParents();
        if (parents == null || key < 0) return false;
        COSObjectable entry = parents.get(key);
        return entry != null && !(entry.getCOSObject() instanceof COSArray a && a.size() == 0);
    }

    /** A number tree's entries (PDFBox rebuilds a node's map on every lookup: read it once). */
    private static void collect(PDNumberTreeNode node, Map<Integer, COSObjectable> into) throws IOException {
        Map<Integer, COSObjectable> here = node.getNumbers();
        if (here != null) into.putAll(here);
        List<PDNumberTreeNode> kids = node.getKids();
        if (kids != null) for (PDNumberTreeNode kid : kids) collect(kid, into);
    }

    /**
     * True when the page marks something and every mark is inside an {@code /Artifact} of type {@code /Pagination}
     * (a running head, a folio). A page whose marks include a background (the tail of a shaded box that broke
     * onto it, a page background) is kept as it is.
     */
    private static boolean onlyArtifacts(PDPage page) throws IOException {
        Deque<Boolean> pagination = new ArrayDeque<>();
        List<Object> operands = new ArrayList<>();
        boolean marks = false;
        // token by token, so that a page with content is told after its first few marks, not after all of them
        PDFStreamParser parser = new PDFStreamParser(page);
        try {
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (!(token instanceof Operator op)) {
                    operands.add(token);
                    continue;
                }
                String name = op.getName();
                if (name.equals("BMC") || name.equals("BDC")) {
                    pagination.push(pagination.contains(Boolean.TRUE) || isPaginationArtifact(page, operands));
                } else if (name.equals("EMC")) {
                    if (!pagination.isEmpty()) pagination.pop();
                } else if (MARKING.contains(name)) {
                    if (!pagination.contains(Boolean.TRUE)) return false;
                    marks = true;
                }
                operands.clear();
            }
        } finally {
            parser.close();
        }
        return marks;
    }

    /** Whether a marked-content operator's operands open an {@code /Artifact} of type {@code /Pagination}. */
    private static boolean isPaginationArtifact(PDPage page, List<Object> operands) {
        if (operands.size() < 2 || !(operands.get(0) instanceof COSName tag) || !tag.equals(COSName.ARTIFACT)) return false;
        COSDictionary properties = null;
        if (operands.get(1) instanceof COSDictionary inline) {
            properties = inline;
        } else if (operands.get(1) instanceof COSName ref && page.getResources() != null) {
            PDPropertyList list = page.getResources().getProperties(ref);
            properties = list == null ? null : list.getCOSObject();
        }
        return properties != null && COSName.getPDFName("Pagination").equals(properties.getCOSName(COSName.TYPE));
    }

    /** The printed label of each page, as the page labels define them. */
    static List<String> labels(int pages, int bodyStart) {
        return org.coursebook.render.Pagination.folios(pages, bodyStart);
    }

    private static int bodyStartPage(PDDocument doc, int frontEntries) throws IOException {
        var outline = doc.getDocumentCatalog().getDocumentOutline();
        if (outline == null) return 0;
        int k = 0;
        for (PDOutlineItem item : outline.children()) {
            if (k++ == frontEntries) {
                PDPage page = item.findDestinationPage(doc);
                return page == null ? 0 : doc.getPages().indexOf(page);
            }
        }
        return 0;
    }

    private static void describeLinks(PDDocument doc, List<String> labels) throws IOException {
        for (PDPage page : doc.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                if (!(a instanceof PDAnnotationLink link) || link.getContents() != null) continue;
                String text = "Link";
                PDAction action = link.getAction();
                PDDestination dest = link.getDestination();
                if (action instanceof PDActionURI uri) {
                    text = "Link to " + uri.getURI();
                } else {
                    if (action instanceof PDActionGoTo go) dest = go.getDestination();
                    if (dest instanceof PDPageDestination pd) {
                        int idx = pd.retrievePageNumber();
                        if (idx >= 0 && idx < labels.size()) text = "Go to page " + labels.get(idx);
                    }
                }
                link.setContents(text);
            }
        }
    }

    private static void metadata(PDDocument doc, BookMeta meta, String title, Instant buildTime) throws IOException {
        Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        cal.setTimeInMillis(buildTime.toEpochMilli());
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setCreationDate(cal);
        info.setModificationDate(cal);
        info.setTitle(title);
        info.setAuthor(String.join(", ", meta.authors()));
        if (!meta.description().isEmpty()) info.setSubject(meta.description());
        info.setCreator(CREATOR);
        info.setProducer(PRODUCER);

        String iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(buildTime.atOffset(ZoneOffset.UTC).withNano(0));
        PDMetadata md = doc.getDocumentCatalog().getMetadata();
        if (md != null) doc.getDocumentCatalog().setMetadata(new PDMetadata(doc,
                new java.io.ByteArrayInputStream(xmp(md.toByteArray(), cal, title, meta))));
        byte[] id = Sha256.of(meta.identifier() + (title.equals(meta.title()) ? "" : "|" + title) + "|" + iso);
        COSArray ids = new COSArray();
        ids.add(new COSString(java.util.Arrays.copyOf(id, 16)));
        ids.add(new COSString(java.util.Arrays.copyOf(id, 16)));
        doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
    }

    /**
     * The document's XMP metadata (as openhtmltopdf wrote it, with its PDF/A and PDF/UA identification and
     * extension schemas) with what the document information dictionary says, so that the two agree as PDF/A
     * requires (ISO 19005-2, 6.6.2.3): the creation, modification and metadata dates are the build time
     * ({@code cal}, not the clock, so that builds are reproducible), the producer and creator tool name
     * coursebook, and the title, authors and description are the book's. Read and written with xmpbox.
     *
     * @param xmp the XMP packet's bytes (UTF-8)
     * @return the new packet's bytes (UTF-8)
     * @throws IOException if the packet cannot be parsed or written
     */
    static byte[] xmp(byte[] xmp, Calendar cal, String title, BookMeta meta) throws IOException {
        XMPMetadata x;
        try {
            x = new DomXmpParser().parse(xmp);
        } catch (XmpParsingException e) {
            throw new IOException("the PDF's XMP metadata cannot be read: " + e.getMessage(), e);
        }
        XMPBasicSchema basic = x.getXMPBasicSchema() != null ? x.getXMPBasicSchema() : x.createAndAddXMPBasicSchema();
        basic.setCreateDate(cal);
        basic.setModifyDate(cal);
        basic.setMetadataDate(cal);
        basic.setCreatorTool(CREATOR);
        AdobePDFSchema pdf = x.getAdobePDFSchema() != null ? x.getAdobePDFSchema() : x.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        DublinCoreSchema dc = x.getDublinCoreSchema() != null ? x.getDublinCoreSchema() : x.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        for (String old : dc.getCreators() == null ? List.<String>of() : List.copyOf(dc.getCreators())) dc.removeCreator(old);
        dc.addCreator(String.join(", ", meta.authors()));
        if (!meta.description().isEmpty()) dc.setDescription(meta.description());
        ByteArrayOutputStream out = new ByteArrayOutputStream(xmp.length + 256);
        try {
            new XmpSerializer().serialize(x, out, true);
        } catch (TransformerException e) {
            throw new IOException("the PDF's XMP metadata cannot be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static String roman(int n) {
        return org.coursebook.render.Pagination.roman(n);
    }
}
