package org.coursebook.render;

import org.coursebook.support.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An instructor restyles one node type without copying a page template: {@code styles/templates/nodes/sidebar.ftl}
 * writes every sidebar, in the EPUB and in the print book, and nothing else changes.
 */
class NodeTemplatesTest {
    @TempDir
    Path tmp;

    @Test
    void aSidebarTemplateWritesEverySidebarAndOnlySidebars() throws Exception {
        Path book = Builds.copyBook("small", tmp.resolve("book"));
        Path nodes = book.getParent().resolve("styles/templates/nodes");
        Files.createDirectories(nodes);
        Files.writeString(nodes.resolve("sidebar.ftl"), "<aside class=\"box\" epub:type=\"sidebar\"><h2 class=\"box-title\">"
                + "${caption?no_esc}</h2>\n${content?no_esc}</aside>");
        Builds.build(book, tmp.resolve("out"), Set.of("epub", "pdf"));
        String all;
        try (ZipFile z = new ZipFile(Files.list(tmp.resolve("out")).filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow().toFile())) {
            StringBuilder sb = new StringBuilder();
            for (var e : java.util.Collections.list(z.entries())) {
                if (e.getName().endsWith(".xhtml")) sb.append(new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
            all = sb.toString();
        }
        assertTrue(all.contains("<aside class=\"box\" epub:type=\"sidebar\"><h2 class=\"box-title\">"), "the template wrote the sidebar");
        assertFalse(all.contains("class=\"sidebar\""), "no sidebar written the built-in way");
        assertFalse(all.contains("<caption>") && all.contains("box-title\"><caption"), "the title is the caption's text, not a caption element");
        assertTrue(all.contains("class=\"pullquote primary\""), "other nodes are written as before");
        try (var pdf = new org.coursebook.support.PdfInspect(Files.list(tmp.resolve("out"))
                .filter(p -> p.toString().endsWith(".pdf") && !p.toString().endsWith("-cover.pdf")).findFirst().orElseThrow())) {
            assertTrue(pdf.pages() > 0);
        }
    }
}
