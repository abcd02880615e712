package org.coursebook.render;

import org.coursebook.support.Builds;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Golden files: every text file of the small book's EPUB (package document, navigation, NCX, each XHTML
 * page) must equal its copy under src/test/resources/golden/small/. Run with {@code -Dgolden.update=true}
 * to rewrite them after an intended change, then review the diff. A golden file with no counterpart fails.
 */
class GoldenFilesTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/small");

    @Test
    void epubTextFilesMatchTheGoldenFiles() throws Exception {
        Builds.smallBook();
        Path epub = Path.of("target/small-book/a-small-test-book.epub");
        boolean update = Boolean.getBoolean("golden.update");
        List<String> mismatches = new ArrayList<>();
        TreeSet<String> produced = new TreeSet<>();
        try (ZipFile z = new ZipFile(epub.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                String name = e.getName();
                if (!(name.endsWith(".xhtml") || name.endsWith(".opf") || name.endsWith(".ncx") || name.endsWith("container.xml"))) continue;
                produced.add(name);
                String actual = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                Path golden = GOLDEN.resolve(name);
                if (update) {
                    Files.createDirectories(golden.getParent());
                    Files.writeString(golden, actual);
                } else if (!Files.exists(golden)) {
                    mismatches.add(name + ": no golden file (run with -Dgolden.update=true)");
                } else if (!Files.readString(golden).equals(actual)) {
                    mismatches.add(name + ": differs from " + golden + firstDifference(Files.readString(golden), actual));
                }
            }
        }
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = GOLDEN.relativize(p).toString().replace('\\', '/');
                if (!produced.contains(name)) {
                    if (update) Files.delete(p);
                    else mismatches.add(name + ": golden file with no counterpart in the EPUB");
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static String firstDifference(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) i++;
        int from = Math.max(0, i - 60);
        return "\n  expected: …" + expected.substring(from, Math.min(expected.length(), i + 60))
                + "\n  actual:   …" + actual.substring(from, Math.min(actual.length(), i + 60));
    }
}
