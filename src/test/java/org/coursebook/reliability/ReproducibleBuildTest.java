package org.coursebook.reliability;

import org.coursebook.build.BuildOptions;
import org.coursebook.build.BuildPipeline;
import org.coursebook.read.BookReader;
import org.coursebook.render.Renderers;
import org.coursebook.support.Builds;
import org.coursebook.support.PdfInspect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Same bytes every time: two builds of the same sources give byte-identical EPUB and PDF, in another JVM, under
 * another locale and time zone too; only the build time (SOURCE_DATE_EPOCH) changes the dates inside.
 */
class ReproducibleBuildTest {
    static final String EPUB = "a-small-test-book.epub", PDF = "a-small-test-book.pdf";
    static final Path BASE = Path.of("target/reproducible");
    static Path manifest;

    @BeforeAll
    static void sources() throws IOException {
        NothingLostTest.deleteTree(BASE);
        manifest = Builds.copyBook("small", Files.createDirectories(BASE.resolve("src")));
    }

    static Path build(String name, Instant time) throws IOException {
        Path out = BASE.resolve(name);
        new BuildPipeline(Renderers.all(), s -> {}).build(new BuildOptions(manifest, out, Set.of("epub", "pdf"), time,
                null, null, BookReader.Limits.defaults(), List.of()));
        return out;
    }

    static void assertSameBytes(Path a, Path b) throws IOException {
        for (String f : List.of(EPUB, PDF, "fonts-LICENSE.txt")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs between " + a + " and " + b);
        }
    }

    @Test
    void twoBuildsGiveTheSameBytes() throws IOException {
        assertSameBytes(build("one", Builds.FIXED_TIME), build("two", Builds.FIXED_TIME));
    }

    /** A Turkish locale once turned roman folios "ii" into "ıı" (a dotless i) inside openhtmltopdf. */
    @Test
    void theLocaleAndTimeZoneOfTheMachineDoNotMatter() throws IOException {
        Path plain = build("plain", Builds.FIXED_TIME);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        Path turkish;
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            turkish = build("turkish", Builds.FIXED_TIME);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertSameBytes(plain, turkish);
    }

    @Test
    void anotherBuildTimeChangesOnlyTheDates() throws IOException {
        Path a = build("t1", Builds.FIXED_TIME);
        Path b = build("t2", Instant.parse("2031-03-04T05:06:07Z"));
        String opfA = entry(a.resolve(EPUB), "OEBPS/package.opf");
        String opfB = entry(b.resolve(EPUB), "OEBPS/package.opf");
        assertTrue(opfA.contains("<meta property=\"dcterms:modified\">2026-09-01T00:00:00Z</meta>"), opfA);
        assertTrue(opfB.contains("<meta property=\"dcterms:modified\">2031-03-04T05:06:07Z</meta>"), opfB);
        assertEquals(opfA.replace("2026-09-01T00:00:00Z", "X"), opfB.replace("2031-03-04T05:06:07Z", "X"),
                "the package documents differ only in the modification date");
        try (PdfInspect pa = new PdfInspect(a.resolve(PDF)); PdfInspect pb = new PdfInspect(b.resolve(PDF))) {
            Calendar ca = pa.doc.getDocumentInformation().getModificationDate();
            Calendar cb = pb.doc.getDocumentInformation().getModificationDate();
            assertEquals(Builds.FIXED_TIME.toEpochMilli(), ca.getTimeInMillis());
            assertEquals(Instant.parse("2031-03-04T05:06:07Z").toEpochMilli(), cb.getTimeInMillis());
            assertEquals(pa.allText(), pb.allText());
        }
    }

    /** The command line in a JVM of its own, with SOURCE_DATE_EPOCH set, gives the bytes of an in-process build. */
    @Test
    void sourceDateEpochInAnotherJvmGivesTheSameBytes() throws Exception {
        long epoch = 1_700_000_000L;
        Path inProcess = build("in-process", Instant.ofEpochSecond(epoch));
        Path child = BASE.resolve("child");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-Duser.language=ru", "-Duser.country=RU",
                "org.coursebook.cli.Main", "build", "--book", manifest.toString(), "--out", child.toString(), "--format", "epub,pdf")
                .redirectErrorStream(true).redirectOutput(BASE.resolve("child.log").toFile());
        pb.environment().put("SOURCE_DATE_EPOCH", Long.toString(epoch));
        pb.environment().put("TZ", "America/Los_Angeles");
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the child build finished");
        assertEquals(0, p.exitValue(), Files.readString(BASE.resolve("child.log")));
        assertSameBytes(inProcess, child);
        assertTrue(entry(child.resolve(EPUB), "OEBPS/package.opf").contains("2023-11-14T22:13:20Z"));
    }

    static String entry(Path epub, String name) throws IOException {
        try (ZipFile z = new ZipFile(epub.toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
