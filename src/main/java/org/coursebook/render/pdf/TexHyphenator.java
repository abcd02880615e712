package org.coursebook.render.pdf;

import com.openhtmltopdf.extend.Hyphenator;
import org.apache.fop.hyphenation.Hyphenation;
import org.apache.fop.hyphenation.HyphenationTree;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;

/**
 * Hyphenates text for the print renderer with TeX patterns (the OFFO patterns compiled for Apache FOP):
 * British English for Latin-script words, Russian for Cyrillic ones. openhtmltopdf hands over whole runs of
 * text with no language, so each word is hyphenated by its script. Soft hyphens (U+00AD) are inserted;
 * words that already contain one are left alone, so the result is the same however often it is applied.
 * Loaded once; thread-safe (the pattern trees are only read).
 */
public final class TexHyphenator implements Hyphenator {
    private static final char SHY = '\u00AD';
    private static final int MIN_WORD = 6;
    /** Words seen before, hyphenated: text repeats its words, and the engine asks again for every line it tries. */
    private static final int CACHE_LIMIT = 200_000;
    private final HyphenationTree english;
    private final HyphenationTree russian;
    private final java.util.concurrent.ConcurrentHashMap<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public TexHyphenator() {
        this.english = load("/hyph/en_GB.hyp");
        this.russian = load("/hyph/ru.hyp");
    }

    private static HyphenationTree load(String resource) {
        try (InputStream in = TexHyphenator.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("hyphenation patterns missing: " + resource);
            ObjectInputStream ois = new ObjectInputStream(in);
            ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "org.apache.fop.hyphenation.*;java.util.*;java.lang.*;[C;[B;[I;!*"));
            return (HyphenationTree) ois.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String hyphenateText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0, n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == SHY)) i++;
            out.append(hyphenateWord(text.substring(start, i)));
        }
        return out.toString();
    }

    String hyphenateWord(String word) {
        if (word.length() < MIN_WORD || word.indexOf(SHY) >= 0) return word;
        String known = cache.get(word);
        if (known != null) return known;
        String result = hyphenateUncached(word);
        if (cache.size() >= CACHE_LIMIT) cache.clear();
        cache.put(word, result);
        return result;
    }

    private String hyphenateUncached(String word) {
        boolean cyrillic = Character.UnicodeScript.of(word.charAt(0)) == Character.UnicodeScript.CYRILLIC;
        boolean latin = Character.UnicodeScript.of(word.charAt(0)) == Character.UnicodeScript.LATIN;
        if (!cyrillic && !latin) return word;
        // all-capital words are acronyms or names in small print: leave them whole
        if (word.chars().allMatch(Character::isUpperCase)) return word;
        Hyphenation h = (cyrillic ? russian : english).hyphenate(word, 2, 3);
        if (h == null) return word;
        StringBuilder sb = new StringBuilder(word.length() + 4);
        int prev = 0;
        for (int p : h.getHyphenationPoints()) {
            if (p <= prev || p >= word.length()) continue;
            sb.append(word, prev, p).append(SHY);
            prev = p;
        }
        sb.append(word.substring(prev));
        return sb.toString();
    }
}
