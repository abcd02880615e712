package org.coursebook.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4) digests, the one place the build computes them: stable file names, document ids that
 * depend only on the sources, cache keys, and the checksums a download page shows. Every Java runtime has
 * SHA-256 ({@link MessageDigest} guarantees it), so no method throws for want of the algorithm.
 */
public final class Sha256 {
    private Sha256() {}

    /** The 32-byte digest of {@code parts} one after the other (as if concatenated). */
    public static byte[] of(byte[]... parts) {
        MessageDigest md = digest();
        for (byte[] p : parts) md.update(p);
        return md.digest();
    }

    /** The 32-byte digest of {@code text} in UTF-8. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first {@code bytes} bytes (1 to 32) of the digest of {@code text} in UTF-8, as lower-case hex
     * ({@code 2 × bytes} characters).
     */
    public static String hex(String text, int bytes) {
        if (bytes < 1 || bytes > 32) throw new IllegalArgumentException("a SHA-256 digest has 1 to 32 bytes, not " + bytes);
        return HexFormat.of().formatHex(of(text), 0, bytes);
    }

    /** The digest of the file's contents as 64 lower-case hex digits, read as a stream (the file may be large). */
    public static String ofFile(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256, which every runtime must have", e);
        }
    }
}
