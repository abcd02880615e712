package org.coursebook.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class ImageHeaderTest {
    @TempDir
    Path dir;

    private Path image(String format, String name, int w, int h) throws IOException {
        Path f = dir.resolve(name);
        assertTrue(ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, f.toFile()));
        return f;
    }

    @Test
    void typeAndSizeOfPngJpegAndGif() throws IOException {
        assertEquals(new ImageHeader(ImageHeader.PNG, 640, 480), ImageHeader.read(image("png", "a.png", 640, 480)));
        assertEquals(new ImageHeader(ImageHeader.JPEG, 33, 1200), ImageHeader.read(image("jpg", "b.jpg", 33, 1200)));
        assertEquals(new ImageHeader(ImageHeader.GIF, 1, 2), ImageHeader.read(image("gif", "c.gif", 1, 2)));
    }

    @Test
    void theTypeComesFromTheContentNotTheName() throws IOException {
        Path png = image("png", "really-a-png.jpg", 10, 10);
        assertEquals(ImageHeader.PNG, ImageHeader.sniff(png));
        assertEquals(ImageHeader.PNG, ImageHeader.read(png).mediaType());
        assertNull(ImageHeader.sniff(Files.writeString(dir.resolve("text.png"), "not a picture")));
        assertNull(ImageHeader.sniff(Files.write(dir.resolve("short.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'})), "too short for the signature");
        assertNull(ImageHeader.sniff(Files.writeString(dir.resolve("gif.gif"), "GIF")), "GIF without its version");
        assertNull(ImageHeader.sniff(Files.write(dir.resolve("bmp.bmp"), new byte[] {'B', 'M', 0, 0, 0, 0, 0, 0})));
    }

    @Test
    void aDamagedOrForeignFileIsAnIOExceptionNamingIt() throws IOException {
        byte[] png = Files.readAllBytes(image("png", "whole.png", 300, 200));
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, 12)); // the signature, not the IHDR chunk
        IOException e = assertThrows(IOException.class, () -> ImageHeader.read(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        Path text = Files.writeString(dir.resolve("text.png"), "not a picture");
        assertThrows(IOException.class, () -> ImageHeader.read(text));
    }
}
