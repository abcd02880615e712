package org.coursebook.render.fonts;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cuts a TrueType font down to the glyphs of a set of characters, for embedding in an e-book (a web font).
 * fontbox's {@link TTFSubsetter} picks the glyphs (with the components of composite glyphs) and renumbers them;
 * it was written for PDF embedding, so this class then makes its output a font that browsers and reading systems
 * accept (their font sanitisers are strict) and that is small:
 * <ul>
 *   <li>only the tables a browser needs are kept (head, hhea, maxp, OS/2, hmtx, cmap, loca, glyf, name, post);
 *       the layout tables (GSUB, GPOS, GDEF, kern) are dropped because they would still refer to the old glyph
 *       numbers: the e-book loses kerning and ligatures, not glyphs;</li>
 *   <li>the hinting is removed (the {@code fpgm}, {@code prep} and {@code cvt} tables and every glyph's
 *       instructions: over half the glyph data), as most reading systems ignore it on today's screens;</li>
 *   <li>the {@code cmap} is written anew, format 4 for the Basic Multilingual Plane and format 12 when a
 *       character lies beyond it (TTFSubsetter refuses those: emoji, historic scripts);</li>
 *   <li>the original {@code OS/2} table is kept whole with its first and last character updated (TTFSubsetter
 *       writes a version-0 body under the original version number, which sanitisers reject), and {@code post}
 *       becomes format 3 (no glyph names).</li>
 * </ul>
 * The result depends only on the font and the characters, so rebuilds give the same bytes. Tables follow the
 * OpenType specification (https://learn.microsoft.com/typography/opentype/spec/otff).
 */
public final class FontSubsetter {
    private static final List<String> KEEP = List.of("head", "hhea", "maxp", "OS/2", "hmtx", "cmap", "loca", "glyf", "name", "post");

    private FontSubsetter() {}

    /** Whether {@code font} is a font this class can cut: TrueType outlines ({@code glyf}), not PostScript (CFF) ones. */
    public static boolean canSubset(byte[] font) {
        if (font.length < 12) return false;
        int tag = ByteBuffer.wrap(font).getInt(0);
        return tag == 0x00010000 || tag == 0x74727565; // 1.0 or 'true'
    }

    /**
     * The font with only the glyphs of {@code codePoints} (characters the font lacks are ignored) and glyph 0.
     *
     * @param font TrueType font bytes (see {@link #canSubset})
     * @param codePoints Unicode code points
     * @return the subset font's bytes, a valid TrueType font
     * @throws IOException if the font cannot be read
     */
    public static byte[] subset(byte[] font, Set<Integer> codePoints) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
        try {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            TTFSubsetter subsetter = new TTFSubsetter(ttf, KEEP);
            SortedMap<Integer, Integer> charToOldGlyph = new TreeMap<>();
            for (int cp : new TreeSet<>(codePoints)) {
                int gid = cmap.getGlyphId(cp);
                if (gid == 0) continue;
                charToOldGlyph.put(cp, gid);
                if (cp <= 0xFFFF) subsetter.add(cp);
                else subsetter.addGlyphIds(Set.of(gid));
            }
            Map<Integer, Integer> newToOld = subsetter.getGIDMap();
            Map<Integer, Integer> oldToNew = new TreeMap<>();
            newToOld.forEach((n, o) -> oldToNew.put(o, n));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            Map<String, byte[]> tables = readTables(out.toByteArray());

            SortedMap<Integer, Integer> charToGlyph = new TreeMap<>();
            charToOldGlyph.forEach((cp, old) -> charToGlyph.put(cp, oldToNew.get(old)));
            tables.put("cmap", cmap(charToGlyph));
            stripHinting(tables);
            TTFTable os2 = ttf.getTableMap().get("OS/2");
            if (os2 != null && !charToGlyph.isEmpty()) {
                byte[] t = ttf.getTableBytes(os2).clone();
                if (t.length >= 68) {
                    putU16(t, 64, Math.min(charToGlyph.firstKey(), 0xFFFF));
                    putU16(t, 66, Math.min(charToGlyph.lastKey(), 0xFFFF));
                }
                tables.put("OS/2", t);
            }
            TTFTable originalPost = ttf.getTableMap().get("post");
            if (!tables.containsKey("post") && originalPost != null) tables.put("post", ttf.getTableBytes(originalPost));
            byte[] post = tables.get("post");
            if (post != null && post.length >= 32) {
                byte[] p = java.util.Arrays.copyOf(post, 32);
                putU32(p, 0, 0x00030000);
                tables.put("post", p);
            }
            TTFTable name = ttf.getTableMap().get("name");
            if (!tables.containsKey("name") && name != null) tables.put("name", ttf.getTableBytes(name));
            return writeFont(tables);
        } finally {
            ttf.close();
        }
    }

    /** The PostScript (CFF) flavour of OpenType: {@code OTTO} at the start. */
    public static boolean isPostScriptOpenType(byte[] font) {
        return font.length >= 4 && font[0] == 'O' && font[1] == 'T' && font[2] == 'T' && font[3] == 'O';
    }

    /** Parses any TrueType or OpenType font, to check that it can be read at all. */
    public static TrueTypeFont parse(byte[] font) throws IOException {
        return isPostScriptOpenType(font) ? new OTFParser().parse(new RandomAccessReadBuffer(font))
                : new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    // ---- the table directory

    /** The tables of a TrueType font file, by tag (for tests and tools that rewrite a table). */
    public static Map<String, byte[]> readTables(byte[] font) {
        ByteBuffer b = ByteBuffer.wrap(font);
        int n = b.getShort(4) & 0xFFFF;
        Map<String, byte[]> tables = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int rec = 12 + 16 * i;
            String tag = new String(font, rec, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int offset = b.getInt(rec + 8);
            int length = b.getInt(rec + 12);
            tables.put(tag, java.util.Arrays.copyOfRange(font, offset, offset + length));
        }
        return tables;
    }

    /** A TrueType font file of {@code tables} (tags in ascending order, checksums, head's checksum adjustment). */
    public static byte[] writeFont(Map<String, byte[]> tables) {
        Map<String, byte[]> sorted = new TreeMap<>(tables);
        byte[] head = sorted.get("head");
        if (head != null) putU32(head, 8, 0);
        int n = sorted.size();
        int entrySelector = 31 - Integer.numberOfLeadingZeros(n);
        int searchRange = (1 << entrySelector) * 16;
        int size = 12 + 16 * n;
        for (byte[] t : sorted.values()) size += (t.length + 3) & ~3;
        byte[] out = new byte[size];
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putInt(0x00010000).putShort((short) n).putShort((short) searchRange).putShort((short) entrySelector)
                .putShort((short) (n * 16 - searchRange));
        int offset = 12 + 16 * n;
        int rec = 12;
        for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
            byte[] t = e.getValue();
            System.arraycopy(e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, rec, 4);
            b.putInt(rec + 4, (int) checksum(t, 0, t.length));
            b.putInt(rec + 8, offset);
            b.putInt(rec + 12, t.length);
            System.arraycopy(t, 0, out, offset, t.length);
            offset += (t.length + 3) & ~3;
            rec += 16;
        }
        if (head != null) {
            long adjustment = (0xB1B0AFBAL - checksum(out, 0, out.length)) & 0xFFFFFFFFL;
            int headOffset = b.getInt(12 + 16 * new ArrayList<>(sorted.keySet()).indexOf("head") + 8);
            b.putInt(headOffset + 8, (int) adjustment);
        }
        return out;
    }

    private static long checksum(byte[] data, int from, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 4) {
            long word = 0;
            for (int k = 0; k < 4; k++) word = (word << 8) | (i + k < length ? data[from + i + k] & 0xFF : 0);
            sum = (sum + word) & 0xFFFFFFFFL;
        }
        return sum;
    }

    // ---- hinting

    /** Drops every glyph's instructions and the limits that only the instructions need (maxp). */
    static void stripHinting(Map<String, byte[]> tables) {
        tables.keySet().removeAll(List.of("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "gasp"));
        byte[] head = tables.get("head");
        byte[] loca = tables.get("loca");
        byte[] glyf = tables.get("glyf");
        if (head == null || loca == null || glyf == null) return;
        boolean longLoca = ByteBuffer.wrap(head).getShort(50) != 0;
        int glyphs = loca.length / (longLoca ? 4 : 2) - 1;
        ByteBuffer lb = ByteBuffer.wrap(loca);
        ByteArrayOutputStream newGlyf = new ByteArrayOutputStream(glyf.length);
        ByteBuffer newLoca = ByteBuffer.allocate(4 * (glyphs + 1));
        for (int g = 0; g < glyphs; g++) {
            int start = longLoca ? lb.getInt(4 * g) : 2 * (lb.getShort(2 * g) & 0xFFFF);
            int end = longLoca ? lb.getInt(4 * g + 4) : 2 * (lb.getShort(2 * g + 2) & 0xFFFF);
            newLoca.putInt(4 * g, newGlyf.size());
            if (end <= start) continue;
            byte[] glyph = withoutInstructions(java.util.Arrays.copyOfRange(glyf, start, end));
            newGlyf.write(glyph, 0, glyph.length);
            while (newGlyf.size() % 4 != 0) newGlyf.write(0);
        }
        newLoca.putInt(4 * glyphs, newGlyf.size());
        tables.put("glyf", newGlyf.toByteArray());
        tables.put("loca", newLoca.array());
        putU16(head, 50, 1);
        byte[] maxp = tables.get("maxp");
        if (maxp != null && maxp.length >= 32) {
            putU16(maxp, 14, 1);  // maxZones: no twilight zone
            for (int off = 16; off <= 26; off += 2) putU16(maxp, off, 0); // twilight points … size of instructions
        }
    }

    private static byte[] withoutInstructions(byte[] g) {
        ByteBuffer b = ByteBuffer.wrap(g);
        short contours = b.getShort(0);
        if (contours >= 0) {
            int at = 10 + 2 * contours;
            int length = b.getShort(at) & 0xFFFF;
            byte[] out = new byte[g.length - length];
            System.arraycopy(g, 0, out, 0, at);
            System.arraycopy(g, at + 2 + length, out, at + 2, g.length - at - 2 - length);
            return out;
        }
        int off = 10;
        int flags;
        int lastFlags;
        do {
            lastFlags = off;
            flags = b.getShort(off) & 0xFFFF;
            off += 4;
            off += (flags & 0x0001) != 0 ? 4 : 2;
            if ((flags & 0x0080) != 0) off += 8;
            else if ((flags & 0x0040) != 0) off += 4;
            else if ((flags & 0x0008) != 0) off += 2;
        } while ((flags & 0x0020) != 0);
        byte[] out = java.util.Arrays.copyOf(g, off);
        putU16(out, lastFlags, flags & ~0x0100);
        return out;
    }

    // ---- cmap

    /** A cmap with a format 4 subtable (3,1) for the BMP and, if needed, a format 12 subtable (3,10) for all. */
    static byte[] cmap(SortedMap<Integer, Integer> charToGlyph) {
        byte[] f4 = format4(charToGlyph.headMap(0xFFFF)); // U+FFFF ends every format 4 table
        boolean supplementary = !charToGlyph.tailMap(0x10000).isEmpty();
        byte[] f12 = supplementary ? format12(charToGlyph) : null;
        int records = supplementary ? 2 : 1;
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * records + f4.length + (f12 == null ? 0 : f12.length));
        b.putShort((short) 0).putShort((short) records);
        int offset = 4 + 8 * records;
        b.putShort((short) 3).putShort((short) 1).putInt(offset);
        if (supplementary) b.putShort((short) 3).putShort((short) 10).putInt(offset + f4.length);
        b.put(f4);
        if (f12 != null) b.put(f12);
        return b.array();
    }

    private static byte[] format4(SortedMap<Integer, Integer> map) {
        List<int[]> segs = new ArrayList<>(); // start, end, delta
        for (Map.Entry<Integer, Integer> e : map.entrySet()) {
            int cp = e.getKey();
            int gid = e.getValue();
            int[] last = segs.isEmpty() ? null : segs.get(segs.size() - 1);
            if (last != null && last[1] == cp - 1 && ((last[2] + cp) & 0xFFFF) == gid) last[1] = cp;
            else segs.add(new int[] {cp, cp, (gid - cp) & 0xFFFF});
        }
        segs.add(new int[] {0xFFFF, 0xFFFF, 1});
        int n = segs.size();
        int entrySelector = 31 - Integer.numberOfLeadingZeros(n);
        int searchRange = 2 * (1 << entrySelector);
        int length = 16 + 8 * n;
        ByteBuffer b = ByteBuffer.allocate(length);
        b.putShort((short) 4).putShort((short) length).putShort((short) 0).putShort((short) (2 * n))
                .putShort((short) searchRange).putShort((short) entrySelector).putShort((short) (2 * n - searchRange));
        for (int[] s : segs) b.putShort((short) s[1]);
        b.putShort((short) 0);
        for (int[] s : segs) b.putShort((short) s[0]);
        for (int[] s : segs) b.putShort((short) s[2]);
        for (int i = 0; i < n; i++) b.putShort((short) 0);
        return b.array();
    }

    private static byte[] format12(SortedMap<Integer, Integer> map) {
        List<int[]> groups = new ArrayList<>(); // start, end, startGlyph
        for (Map.Entry<Integer, Integer> e : map.entrySet()) {
            int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last[1] == e.getKey() - 1 && last[2] + (e.getKey() - last[0]) == e.getValue()) last[1] = e.getKey();
            else groups.add(new int[] {e.getKey(), e.getKey(), e.getValue()});
        }
        ByteBuffer b = ByteBuffer.allocate(16 + 12 * groups.size());
        b.putShort((short) 12).putShort((short) 0).putInt(16 + 12 * groups.size()).putInt(0).putInt(groups.size());
        for (int[] g : groups) b.putInt(g[0]).putInt(g[1]).putInt(g[2]);
        return b.array();
    }

    private static void putU16(byte[] a, int at, int v) {
        a[at] = (byte) (v >>> 8);
        a[at + 1] = (byte) v;
    }

    private static void putU32(byte[] a, int at, int v) {
        putU16(a, at, v >>> 16);
        putU16(a, at + 2, v);
    }
}
