package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.util.List;
import java.util.Objects;

/**
 * The book's index file ({@code index.yaml} beside the manifest; README "The index"), as read: the entries the
 * author wants in the back-of-book index and the words that locate them in the text. Where the words are found
 * is decided by the index transform, not here.
 *
 * @param entries the entries in the file's order
 */
public record IndexTerms(List<Entry> entries) {
    public static final IndexTerms NONE = new IndexTerms(List.of());

    public IndexTerms {
        entries = List.copyOf(entries);
    }

    /**
     * One entry of the file.
     *
     * @param heading the entry as printed; "main; sub-entry" for a sub-entry
     * @param find    the words or phrases that locate it (a trailing {@code *} matches any ending of the last
     *                word); empty for an entry that only refers elsewhere
     * @param see     the entry to look under instead ("see"), or ""
     * @param seeAlso related entries ("see also")
     * @param pos     the entry's line in the index file
     */
    public record Entry(String heading, List<String> find, String see, List<String> seeAlso, SourcePos pos) {
        public Entry {
            Objects.requireNonNull(heading);
            find = List.copyOf(find);
            see = see == null ? "" : see;
            seeAlso = List.copyOf(seeAlso);
        }
    }
}
