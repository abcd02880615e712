package org.coursebook.cli;

import org.coursebook.render.Fonts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The self-contained jar that {@code mvn package} leaves (run by Failsafe in {@code mvn verify}, after the
 * package phase): the shade filters keep every font and hyphenation pattern the code loads and drop what it does
 * not, the Apache NOTICE files are merged, and the jar builds a book on its own.
 */
class ShadedJarIT {
    static final Path JAR = Path.of("target/coursebook.jar");

    static String text(ZipFile jar, String entry) throws IOException {
        var e = jar.getEntry(entry);
        assertNotNull(e, entry + " is in the jar");
        return new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theJarHoldsWhatTheCodeLoadsAndTheLegalFiles() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (Fonts.Face f : Fonts.ALL) assertNotNull(jar.getEntry(f.resource().substring(1)), f.resource());
            for (String r : List.of(Fonts.LICENSE_RESOURCE, Fonts.DEJAVU_LICENSE_RESOURCE, "/hyph/en_GB.hyp", "/hyph/ru.hyp",
                    "/org/apache/fop/hyphenation/HyphenationTree.class")) {
                assertNotNull(jar.getEntry(r.substring(1)), r);
            }
            List<String> names = jar.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("org/apache/fop/") && !n.equals("org/apache/fop/")
                    && !n.startsWith("org/apache/fop/hyphenation/")).toList(), "FOP: its hyphenation classes only");
            assertFalse(names.contains("org/apache/fop/hyphenation/Hyphenator.class"));
            assertEquals(List.of("hyph/en_GB.hyp", "hyph/ru.hyp"), names.stream().filter(n -> n.endsWith(".hyp")).sorted().toList());
            assertEquals(List.of(), names.stream().filter(n -> n.contains("Condensed") || n.endsWith("DejaVuSans-Oblique.ttf")).toList());

            String notice = text(jar, "META-INF/NOTICE");
            for (String project : List.of("Apache PDFBox", "Apache FOP", "Apache Batik", "Apache XML Graphics Commons", "Apache Commons IO")) {
                assertTrue(notice.contains(project), "the merged NOTICE names " + project);
            }
            String license = text(jar, "META-INF/LICENSE");
            assertTrue(license.contains("Apache License") && license.contains("Robert Futrell"),
                    "the licences are all kept: Apache's and RSyntaxTextArea's BSD licence");
        }
    }

    @Test
    void theJarBuildsTheSampleBookWithoutWarnings() throws Exception {
        Path out = Path.of("target/shaded-jar-it");
        Path log = Path.of("target/shaded-jar-it.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "build", "--book", "docs/sample-book/book.yaml", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("CI"); // CI=true quiets the summary this test reads
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the build finished");
        String printed = Files.readString(log);
        assertEquals(0, p.exitValue(), printed);
        assertTrue(printed.strip().endsWith("no warnings"), printed);
        assertTrue(Files.size(out.resolve("reading-old-maps.pdf")) > 0, printed);
    }
}
