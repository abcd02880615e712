package org.coursebook.render.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.*;

/** The download page's remembered checksums never outlive the bytes they were taken from. */
class DownloadsMeasurementsTest {
    @Test
    void aFileReplacedByOneOfTheSameSizeAndTimeIsMeasuredAgain(@TempDir Path dir) throws Exception {
        Downloads.Measurements m = new Downloads.Measurements();
        Path epub = Files.writeString(dir.resolve("book.epub"), "first");
        FileTime time = Files.getLastModifiedTime(epub);
        assertEquals(Downloads.sha256(epub), m.of(epub).sha256());
        m.endBuild();
        assertEquals(Downloads.sha256(epub), m.of(epub).sha256(), "unchanged: the same");
        m.endBuild();

        // a build replaces a file by moving a new one into place: same size, and here even the same time
        Path staged = Files.writeString(dir.resolve(".staged"), "other");
        Files.setLastModifiedTime(staged, time);
        Files.move(staged, epub, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(time, Files.getLastModifiedTime(epub));
        assertEquals(Downloads.sha256(epub), m.of(epub).sha256(), "the new bytes' checksum");
    }
}
