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
        return build(name, time, Set.of("epub", "pdf"));
    }

    static Path build(String name, Instant time, Set<String> formats) throws IOException {
        Path out = BASE.resolve(name);
        new BuildPipeline(Renderers.all(), s -> {}).build(new BuildOptions(manifest, out, formats, time,
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

    /**
     * A Turkish locale once turned roman folios "ii" into "ıı" (a dotless i) inside openhtmltopdf. The command line,
     * started on a Turkish machine in the Pacific's earliest time zone, gives the bytes of a build here.
     */
    @Test
    void theLocaleAndTimeZoneOfTheMachineDoNotMatter() throws Exception {
        Path plain = build("plain", Builds.FIXED_TIME);
        Path turkish = buildInAnotherJvm("turkish", Builds.FIXED_TIME.getEpochSecond(), "tr", "TR", "Pacific/Kiritimati");
        assertSameBytes(plain, turkish);
    }

    /**
     * In a JVM whose default locale would spoil the roman numerals, the PDF is refused with the reason, not printed
     * with "ıı"; nothing else depends on the locale, and the renderer leaves the JVM's locale as it found it.
     */
    @Test
    void inAJvmWithATurkishDefaultLocaleThePdfIsRefusedNotPrintedWrong() throws IOException {
        Path plain = build("plain-epub", Builds.FIXED_TIME, Set.of("epub"));
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        Locale turkish = Locale.forLanguageTag("tr-TR");
        try {
            Locale.setDefault(turkish);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Path epub = build("turkish-epub", Builds.FIXED_TIME, Set.of("epub"));
            assertArrayEquals(Files.readAllBytes(plain.resolve(EPUB)), Files.readAllBytes(epub.resolve(EPUB)));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> build("turkish-pdf", Builds.FIXED_TIME, Set.of("pdf")));
            assertTrue(e.getMessage().contains("(tr-TR) lower-cases 'I' to 'ı'"), e.getMessage());
            assertEquals(turkish, Locale.getDefault(), "the renderer does not change the JVM's locale");
            assertFalse(Files.exists(BASE.resolve("turkish-pdf").resolve(PDF)));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    /** Builds the small book with the command line in a JVM of its own, started in that locale and time zone. */
    static Path buildInAnotherJvm(String name, long sourceDateEpoch, String language, String country, String zone) throws Exception {
        Path child = BASE.resolve(name);
        Path log = BASE.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-Duser.language=" + language,
                "-Duser.country=" + country, "org.coursebook.cli.Main", "build", "--book", manifest.toString(),
                "--out", child.toString(), "--format", "epub,pdf")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SOURCE_DATE_EPOCH", Long.toString(sourceDateEpoch));
        pb.environment().put("TZ", zone);
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the child build finished");
        assertEquals(0, p.exitValue(), Files.readString(log));
        return child;
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
        Path child = buildInAnotherJvm("child", epoch, "ru", "RU", "America/Los_Angeles");
        assertSameBytes(inProcess, child);
        assertTrue(entry(child.resolve(EPUB), "OEBPS/package.opf").contains("2023-11-14T22:13:20Z"));
    }

    static String entry(Path epub, String name) throws IOException {
        try (ZipFile z = new ZipFile(epub.toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
