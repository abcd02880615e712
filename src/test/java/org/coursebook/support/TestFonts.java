package org.coursebook.support;

import org.coursebook.render.Fonts;
import org.coursebook.render.fonts.FontSubsetter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An instructor's own font for tests: the bundled DejaVu Sans (Latin, Greek and Cyrillic kept) under another
 * name. The Bitstream Vera licence that DejaVu carries allows modified copies under a name without "Bitstream"
 * or "Vera"; the copyright notice (name record 0) is kept.
 */
public final class TestFonts {
    private TestFonts() {}

    /** DejaVu Sans renamed: family {@code family}, PostScript name {@code family} without spaces. */
    public static byte[] renamedDejaVuSans(String family) throws IOException {
        Fonts fonts = new Fonts();
        Fonts.Face face = Fonts.ALL.stream().filter(f -> f.fileName().equals("DejaVuSans.ttf")).findFirst().orElseThrow();
        Set<Integer> chars = new TreeSet<>();
        for (int cp = 0x20; cp < 0x250; cp++) chars.add(cp);
        for (int cp = 0x370; cp < 0x530; cp++) chars.add(cp);
        for (int cp = 0x2000; cp < 0x2070; cp++) chars.add(cp);
        byte[] font = FontSubsetter.subset(fonts.bytes(face), chars);
        Map<String, byte[]> tables = FontSubsetter.readTables(font);
        String ps = family.replace(" ", "");
        Map<Integer, String> names = new LinkedHashMap<>();
        names.put(0, "Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. DejaVu changes are in public domain. Renamed for coursebook's tests.");
        names.put(1, family);
        names.put(2, "Book");
        names.put(3, ps + "-Test");
        names.put(4, family);
        names.put(6, ps);
        tables.put("name", nameTable(names));
        return FontSubsetter.writeFont(tables);
    }

    private static byte[] nameTable(Map<Integer, String> names) {
        int count = names.size();
        int stringOffset = 6 + 12 * count;
        int size = stringOffset;
        for (String s : names.values()) size += s.getBytes(StandardCharsets.UTF_16BE).length;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putShort((short) 0).putShort((short) count).putShort((short) stringOffset);
        int offset = 0;
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            int length = e.getValue().getBytes(StandardCharsets.UTF_16BE).length;
            b.putShort((short) 3).putShort((short) 1).putShort((short) 0x409).putShort(e.getKey().shortValue())
                    .putShort((short) length).putShort((short) offset);
            offset += length;
        }
        for (String s : names.values()) b.put(s.getBytes(StandardCharsets.UTF_16BE));
        return b.array();
    }
}
