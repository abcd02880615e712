package org.coursebook.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.*;

class Sha256Test {
    /** FIPS 180-4's example (NIST's SHA256.pdf): SHA-256("abc"). */
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void theStandardsExample() {
        assertEquals(ABC, HexFormat.of().formatHex(Sha256.of("abc")));
        assertEquals(ABC, HexFormat.of().formatHex(Sha256.of("a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8))),
                "parts digest as one");
        assertEquals(ABC.substring(0, 8), Sha256.hex("abc", 4));
        assertEquals(ABC, Sha256.hex("abc", 32));
        assertThrows(IllegalArgumentException.class, () -> Sha256.hex("abc", 33));
        assertThrows(IllegalArgumentException.class, () -> Sha256.hex("abc", 0));
    }

    @Test
    void aFileIsDigestedAsItsBytes(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("abc.txt"), "abc");
        assertEquals(ABC, Sha256.ofFile(f));
        byte[] big = new byte[3 * 1024 * 1024 + 7];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        Path b = Files.write(dir.resolve("big.bin"), big);
        assertEquals(HexFormat.of().formatHex(Sha256.of(big)), Sha256.ofFile(b));
    }

    @Test
    void textIsDigestedInUtf8() {
        assertArrayEquals(Sha256.of("Советская Россия".getBytes(StandardCharsets.UTF_8)), Sha256.of("Советская Россия"));
    }
}
