package org.coursebook.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The whole book: metadata and its parts in reading order. */
public record Book(BookMeta meta, Path sourceDir, List<Chapter> frontMatter, List<Chapter> chapters, List<Chapter> backMatter,
                   IndexTerms indexTerms) {
    public Book {
        Objects.requireNonNull(meta);
        indexTerms = indexTerms == null ? IndexTerms.NONE : indexTerms;
        Objects.requireNonNull(sourceDir);
        frontMatter = List.copyOf(frontMatter);
        chapters = List.copyOf(chapters);
        backMatter = List.copyOf(backMatter);
    }

    /** A book without an index file. */
    public Book(BookMeta meta, Path sourceDir, List<Chapter> frontMatter, List<Chapter> chapters, List<Chapter> backMatter) {
        this(meta, sourceDir, frontMatter, chapters, backMatter, IndexTerms.NONE);
    }

    /** Front matter, chapters, back matter: the reading order. */
    public List<Chapter> allParts() {
        List<Chapter> all = new ArrayList<>(frontMatter);
        all.addAll(chapters);
        all.addAll(backMatter);
        return List.copyOf(all);
    }

    /** Every asset once, keyed by its output href, in reading order. */
    public List<Asset> assets() {
        Map<String, Asset> byHref = new LinkedHashMap<>();
        for (Chapter c : allParts()) for (Asset a : c.assets()) byHref.putIfAbsent(a.href(), a);
        return List.copyOf(byHref.values());
    }

    public Book withParts(List<Chapter> front, List<Chapter> body, List<Chapter> back) {
        return new Book(meta, sourceDir, front, body, back, indexTerms);
    }

    public Book withMeta(BookMeta m) {
        return new Book(m, sourceDir, frontMatter, chapters, backMatter, indexTerms);
    }
}
