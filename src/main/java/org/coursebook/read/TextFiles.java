package org.coursebook.read;

import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads source text files: UTF-8 only (a byte-order mark is accepted), with a size cap and clear errors. */
public final class TextFiles {
    /** Default cap on one source file: 4 MiB of Markdown is far more than any chapter. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

    private TextFiles() {}

    public static String read(Path file, Diagnostics diag) throws IOException {
        return read(file, diag, DEFAULT_MAX_BYTES);
    }

    /**
     * Returns the file's text with line endings normalised to \n, or null after reporting why it cannot be
     * used (too large, not UTF-8).
     */
    public static String read(Path file, Diagnostics diag, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            diag.error(SourcePos.of(file, 1), "the file is " + size / 1024 + " KiB, over the limit of " + maxBytes / 1024 + " KiB",
                    "split it into smaller chapters, or raise the limit with --max-chapter-kib");
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3; // UTF-8 byte-order mark: accepted and dropped
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
            text = text.replace("\r\n", "\n").replace('\r', '\n');
            return checkCharacters(file, text, diag) ? text : null;
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, start);
            int line = 1, col = 1;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') { line++; col = 1; } else if ((bytes[i] & 0xC0) != 0x80) col++;
            }
            String legacy = guessLegacyEncoding(bytes, start);
            diag.error(new SourcePos(file, line, col), "the file is not valid UTF-8 (byte 0x"
                            + String.format(java.util.Locale.ROOT, "%02X", bytes[bad] & 0xff) + " here)"
                            + (legacy == null ? "" : "; it looks like " + legacy),
                    "save the file as UTF-8" + (legacy == null ? "" : ", e.g. iconv -f " + legacy + " -t UTF-8 " + file.getFileName()));
            return null;
        }
    }

    /**
     * Control characters other than tab and line breaks (and U+FFFE, U+FFFF) cannot be in an XML document, so
     * no EPUB can hold them; they are invisible in most editors, so the error says where the first one is.
     */
    static boolean checkCharacters(Path file, String text, Diagnostics diag) {
        int line = 1, col = 1, count = 0;
        SourcePos first = null;
        int firstChar = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
                continue;
            }
            if (c < 0x20 && c != '\t' || c == 0xFFFE || c == 0xFFFF) {
                if (first == null) {
                    first = new SourcePos(file, line, col);
                    firstChar = c;
                }
                count++;
            }
            col++;
        }
        if (first == null) return true;
        diag.error(first, String.format(java.util.Locale.ROOT, "the control character U+%04X cannot be in a book", firstChar)
                        + (count > 1 ? " (the file has " + count + " such characters)" : ""),
                "delete it: it is invisible in most editors (it often comes from copying text out of a PDF or a word processor)");
        return false;
    }

    /** Index of the first byte that does not begin or continue a valid UTF-8 sequence. */
    static int firstInvalidUtf8(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n;
            if (c < 0x80) n = 0;
            else if (c >= 0xC2 && c <= 0xDF) n = 1;
            else if (c >= 0xE0 && c <= 0xEF) n = 2;
            else if (c >= 0xF0 && c <= 0xF4) n = 3;
            else return i;
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) return i;
            }
            i += n + 1;
        }
        return Math.max(from, b.length - 1);
    }

    /**
     * Guesses a legacy single-byte Cyrillic code page: Windows-1251 puts Cyrillic letters at 0xC0–0xFF,
     * KOI8-R puts them at 0xC0–0xFF too but in another order, CP866 at 0x80–0xAF and 0xE0–0xEF. We score
     * each by how many decoded letters are common Russian letters.
     */
    static String guessLegacyEncoding(byte[] b, int from) {
        int high = 0;
        for (int i = from; i < b.length; i++) if ((b[i] & 0x80) != 0) high++;
        if (high == 0) return null;
        String best = null;
        double bestScore = 0.5;
        for (String cs : new String[] {"windows-1251", "KOI8-R", "IBM866"}) {
            String text = new String(b, from, b.length - from, java.nio.charset.Charset.forName(cs));
            int cyr = 0, common = 0;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch >= 'А' && ch <= 'я') {
                    cyr++;
                    if ("оеаинтсрвлкмдпуОЕАИНТСРВЛКМДПУ".indexOf(ch) >= 0) common++;
                }
            }
            if (cyr * 2 < high) continue;
            double score = cyr == 0 ? 0 : (double) common / cyr;
            if (score > bestScore) {
                bestScore = score;
                best = cs.equals("windows-1251") ? "Windows-1251" : cs.equals("IBM866") ? "CP866" : cs;
            }
        }
        return best == null ? "a legacy 8-bit encoding (Latin-1 or Windows-1252)" : best;
    }
}
