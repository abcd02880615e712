package org.coursebook.render.fonts;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.coursebook.render.Fonts;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** The e-book's fonts cut down to the characters used: still valid fonts, with those glyphs and no others. */
class FontSubsetterTest {
    private static final Fonts FONTS = new Fonts();

    private static Fonts.Face face(String file) {
        return Fonts.ALL.stream().filter(f -> f.fileName().equals(file)).findFirst().orElseThrow();
    }

    private static Set<Integer> chars(String s) {
        Set<Integer> set = new TreeSet<>();
        s.codePoints().forEach(set::add);
        return set;
    }

    @Test
    void keepsTheGlyphsOfTheCharactersAndNoOthers() throws Exception {
        byte[] full = FONTS.bytes(face("DejaVuSans.ttf"));
        byte[] sub = FontSubsetter.subset(full, chars("Aé ქ✓😀"));
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(sub))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            for (int cp : chars("Aé ქ✓😀")) assertNotEquals(0, cmap.getGlyphId(cp), "glyph for U+" + Integer.toHexString(cp));
            for (int cp : chars("BZж")) assertEquals(0, cmap.getGlyphId(cp), "no glyph for U+" + Integer.toHexString(cp));
            assertTrue(ttf.getNumberOfGlyphs() < 12, "glyph 0, the six characters and their components: " + ttf.getNumberOfGlyphs());
            assertTrue(ttf.getAdvanceWidth(cmap.getGlyphId('A')) > 0, "metrics kept");
        }
        assertTrue(sub.length < full.length / 50, sub.length + " bytes of " + full.length);
    }

    @Test
    void theResultIsAWebFontWithoutHintingOrStaleLayoutTables() throws Exception {
        byte[] full = FONTS.bytes(face("LiberationSerif-Regular.ttf"));
        byte[] sub = FontSubsetter.subset(full, chars("Soviet Russia, 1917–1991: Ленин"));
        Map<String, byte[]> tables = FontSubsetter.readTables(sub);
        assertEquals(Set.of("OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"), tables.keySet());
        assertEquals(FontSubsetter.readTables(full).get("OS/2").length, tables.get("OS/2").length,
                "the OS/2 table whole, as long as its version says (sanitisers reject a short one)");
        assertEquals(0x00030000, ByteBuffer.wrap(tables.get("post")).getInt(0), "post format 3: no glyph names");
        assertEquals(0, ByteBuffer.wrap(tables.get("maxp")).getShort(26), "maxSizeOfInstructions");
        // every simple glyph's instruction length is 0
        byte[] glyf = tables.get("glyf");
        ByteBuffer loca = ByteBuffer.wrap(tables.get("loca"));
        int glyphs = loca.capacity() / 4 - 1;
        for (int g = 0; g < glyphs; g++) {
            int start = loca.getInt(4 * g), end = loca.getInt(4 * g + 4);
            if (end == start) continue;
            short contours = ByteBuffer.wrap(glyf).getShort(start);
            if (contours >= 0) assertEquals(0, ByteBuffer.wrap(glyf).getShort(start + 10 + 2 * contours), "instructions of glyph " + g);
        }
        // the file's checksum adjustment is right: the whole file sums to 0xB1B0AFBA
        long sum = 0;
        for (int i = 0; i < sub.length; i += 4) sum = (sum + (ByteBuffer.wrap(Arrays.copyOf(Arrays.copyOfRange(sub, i, Math.min(sub.length, i + 4)), 4)).getInt() & 0xFFFFFFFFL)) & 0xFFFFFFFFL;
        assertEquals(0xB1B0AFBAL, sum);
    }

    @Test
    void theSameCharactersGiveTheSameBytes() throws Exception {
        byte[] full = FONTS.bytes(face("LiberationSans-Bold.ttf"));
        assertArrayEquals(FontSubsetter.subset(full, chars("Chapter 1")), FontSubsetter.subset(full, chars("1 Chapter")));
    }

    @Test
    void recognisesWhatItCannotCut() {
        assertTrue(FontSubsetter.canSubset(FONTS.bytes(face("LiberationMono-Regular.ttf"))));
        assertFalse(FontSubsetter.canSubset("OTTO\0\0\0\0\0\0\0\0".getBytes()));
        assertTrue(FontSubsetter.isPostScriptOpenType("OTTO\0\0\0\0\0\0\0\0".getBytes()));
        assertFalse(FontSubsetter.canSubset("wOF2\0\0\0\0\0\0\0\0".getBytes()));
    }
}
