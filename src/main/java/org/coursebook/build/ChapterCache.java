package org.coursebook.build;

import org.coursebook.model.Book;
import org.coursebook.model.Chapter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the book as they were read (before the transforms), by the file name the manifest lists, kept
 * between the builds of one watch session: a rebuild reads again only the files that changed, or that were
 * not read cleanly before. Used by one thread at a time.
 */
public final class ChapterCache {
    private final Map<String, Chapter> chapters = new HashMap<>();
    private List<String> lastRead = List.of();
    private int lastReused;

    /** What the next build may reuse. */
    synchronized Map<String, Chapter> snapshot() {
        return Map.copyOf(chapters);
    }

    /** Keeps the parts of a book just read; notes which of them were read from disk rather than reused. */
    synchronized void remember(Book read, Map<String, Chapter> offered) {
        List<String> fresh = new ArrayList<>();
        int reused = 0;
        for (Chapter c : read.allParts()) {
            if (c.sourceName().startsWith("generate:")) continue;
            if (offered.get(c.sourceName()) == c) reused++;
            else fresh.add(c.sourceName());
            chapters.put(c.sourceName(), c);
        }
        lastRead = List.copyOf(fresh);
        lastReused = reused;
    }

    /** The file names the last build read from disk (the others came from this cache). */
    public synchronized List<String> lastRead() {
        return lastRead;
    }

    /** How many files the last build took from this cache. */
    public synchronized int lastReused() {
        return lastReused;
    }

    /** Forgets one file (it changed), by the name the manifest lists it under. */
    public synchronized void forget(String sourceName) {
        chapters.remove(sourceName);
        // a section file is read again with its chapter
        chapters.values().removeIf(c -> c.sourceFiles().contains(sourceName));
    }

    /** Forgets everything: the next build reads every file. */
    public synchronized void clear() {
        chapters.clear();
    }

    public synchronized int size() {
        return chapters.size();
    }
}
