package org.coursebook.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The book's metadata, from the manifest.
 *
 * @param cover the instructor's own cover image (PNG or JPEG), or null to have the build generate one
 */
public record BookMeta(
        String title,
        String subtitle,
        List<String> authors,
        String language,
        String identifier,
        String rights,
        String license,
        LocalDate date,
        String description,
        PageSize pageSize,
        PageSize handoutPaper,
        Asset cover) {

    public BookMeta {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) throw new IllegalArgumentException("empty title");
        subtitle = subtitle == null ? "" : subtitle;
        authors = List.copyOf(authors);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(identifier, "identifier");
        rights = rights == null ? "" : rights;
        license = license == null ? "" : license;
        Objects.requireNonNull(date, "date");
        description = description == null ? "" : description;
        Objects.requireNonNull(pageSize, "pageSize");
        Objects.requireNonNull(handoutPaper, "handoutPaper");
    }

    /** Metadata without a cover image of the instructor's: the build generates the cover. */
    public BookMeta(String title, String subtitle, List<String> authors, String language, String identifier, String rights,
                    String license, LocalDate date, String description, PageSize pageSize, PageSize handoutPaper) {
        this(title, subtitle, authors, language, identifier, rights, license, date, description, pageSize, handoutPaper, null);
    }

    /** A file-name-safe short name for the outputs, from the title ("Soviet Russia" → "soviet-russia"). */
    public String slug() {
        return Slugs.slugify(title);
    }

    public BookMeta withPageSize(PageSize size) {
        return new BookMeta(title, subtitle, authors, language, identifier, rights, license, date, description, size, handoutPaper, cover);
    }

    public BookMeta withHandoutPaper(PageSize size) {
        return new BookMeta(title, subtitle, authors, language, identifier, rights, license, date, description, pageSize, size, cover);
    }

    public BookMeta withCover(Asset image) {
        return new BookMeta(title, subtitle, authors, language, identifier, rights, license, date, description, pageSize, handoutPaper, image);
    }
}
