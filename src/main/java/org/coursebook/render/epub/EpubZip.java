package org.coursebook.render.epub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the EPUB's zip container reproducibly: entries in the order added, every entry with the same fixed
 * time (DOS time, no time-zone dependent extra fields), {@code mimetype} stored uncompressed.
 */
final class EpubZip {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    private final ZipOutputStream zip = new ZipOutputStream(bytes);
    private final LocalDateTime time;

    EpubZip(Instant buildTime) {
        // DOS times start in 1980
        Instant t = buildTime.isBefore(Instant.parse("1980-01-02T00:00:00Z")) ? Instant.parse("1980-01-02T00:00:00Z") : buildTime;
        this.time = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    }

    void stored(String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(content.length);
        e.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        e.setCrc(crc.getValue());
        e.setTimeLocal(time);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    void deflated(String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.DEFLATED);
        e.setTimeLocal(time);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    byte[] finish() throws IOException {
        zip.finish();
        zip.close();
        return bytes.toByteArray();
    }
}
