package org.coursebook.render.cover;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Asset;
import org.coursebook.read.ImageResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The images a generated cover shows, made part of its SVG: the drawing loads nothing from outside the document
 * (see {@link SvgRasterizer}), so each {@code <image>} that names a file, {@code href="images/crest.png"} in a cover
 * template of the book's own, is checked as a chapter's image is (inside the book's folder, a PNG, JPEG or SVG, not
 * too large) and replaced by the file's content as a {@code data:} URL. A reference that cannot be used is an error
 * at the template's line that names it, and the image is left out of the drawing.
 */
final class CoverImages {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    private CoverImages() {}

    /** The file as a {@code data:} URL (RFC 2397), base64; an SVG without its DOCTYPE, as the outputs carry it. */
    static String dataUrl(Asset image) throws IOException {
        byte[] bytes = Files.readAllBytes(image.source());
        if (image.mediaType().equals("image/svg+xml")) bytes = org.coursebook.read.SvgChecker.forOutput(bytes);
        return "data:" + image.mediaType() + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The SVG with every image file it names inlined.
     *
     * @param svg      the cover's SVG, as the template wrote it
     * @param bookDir  the book's folder, against which a relative reference is resolved
     * @param template the template file the SVG came from (the book's own), for the position of an error; null for the
     *                 built-in one
     * @param diag     where an unusable reference is reported
     * @param maxBytes the largest image accepted, as for chapters
     * @return the SVG unchanged when it names no file, else with those references replaced or removed
     */
    static String inline(String svg, Path bookDir, Path template, Diagnostics diag, long maxBytes) throws IOException {
        if (!svg.contains("href")) return svg;
        Document doc = parse(svg);
        List<Element> images = new ArrayList<>();
        for (String name : List.of("image", "feImage")) {
            NodeList nl = doc.getElementsByTagNameNS(SVG_NS, name);
            for (int i = 0; i < nl.getLength(); i++) images.add((Element) nl.item(i));
        }
        boolean changed = false;
        String templateText = template != null && Files.isRegularFile(template) ? Files.readString(template, StandardCharsets.UTF_8) : null;
        ImageResolver resolver = new ImageResolver(bookDir, diag, maxBytes);
        for (Element img : images) {
            boolean xlink = img.hasAttributeNS(XLINK_NS, "href");
            String href = xlink ? img.getAttributeNS(XLINK_NS, "href") : img.getAttribute("href");
            boolean data = href.regionMatches(true, 0, "data:", 0, 5);
            if (href.isEmpty() || xlink && data) continue;
            changed = true;
            if (!xlink) img.removeAttribute("href"); // SVG 2's href: the drawing reads SVG 1.1's xlink:href
            if (data) {
                img.setAttributeNS(XLINK_NS, "xlink:href", href);
                continue;
            }
            SourcePos pos = position(template, templateText, href, bookDir);
            // the reference is relative to the book's folder: resolve it as if from a file there
            Asset file = resolver.resolve(bookDir.resolve("cover.svg"), href, pos);
            if (file != null && !List.of("image/png", "image/jpeg", "image/svg+xml").contains(file.mediaType())) {
                diag.error(pos, "the cover can show PNG, JPEG and SVG images, not " + file.mediaType() + " ('" + href + "')",
                        "convert the image to PNG or SVG");
                file = null;
            }
            if (file == null) {
                img.getParentNode().removeChild(img);
                continue;
            }
            img.setAttributeNS(XLINK_NS, "xlink:href", dataUrl(file));
        }
        if (!changed) return svg;
        doc.getDocumentElement().setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xlink", XLINK_NS);
        return serialize(doc);
    }

    /** The template's line that names {@code href}, or the template (or the book's folder) without a line. */
    private static SourcePos position(Path template, String text, String href, Path bookDir) {
        if (template == null) return SourcePos.of(bookDir);
        if (text != null) {
            int at = text.indexOf("\"" + href + "\"");
            if (at < 0) at = text.indexOf("'" + href + "'");
            if (at >= 0) return SourcePos.at(template, text, at + 1);
        }
        return SourcePos.of(template);
    }

    private static Document parse(String svg) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("the cover's SVG is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static String serialize(Document doc) throws IOException {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("the cover's SVG cannot be written: " + e.getMessage(), e);
        }
    }
}
