package org.coursebook.read;

import org.coursebook.diag.SourcePos;
import org.coursebook.model.BookMeta;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the manifest says: the metadata, the ordered parts of the book, and the institution the generated cover
 * shows ({@link Institution#NONE} for none). {@code file} is the file the parts' paths are relative to
 * ({@code book.yaml}; an mdBook's {@code src/SUMMARY.md}); {@code format} the kind of manifest the book has (see
 * {@link ManifestFormats}).
 */
public record Manifest(Path file, BookMeta meta, List<Entry> entries, ManifestFormats.Format format, Institution institution) {
    public Manifest {
        Objects.requireNonNull(file);
        Objects.requireNonNull(meta);
        entries = List.copyOf(entries);
        Objects.requireNonNull(format);
        institution = institution == null ? Institution.NONE : institution;
    }

    /** A {@code book.yaml} manifest without publisher or logo. */
    public Manifest(Path file, BookMeta meta, List<Entry> entries) {
        this(file, meta, entries, ManifestFormats.Format.COURSEBOOK, Institution.NONE);
    }

    /** A {@code book.yaml} manifest. */
    public Manifest(Path file, BookMeta meta, List<Entry> entries, Institution institution) {
        this(file, meta, entries, ManifestFormats.Format.COURSEBOOK, institution);
    }

    /** Another tool's manifest (no publisher or logo). */
    public Manifest(Path file, BookMeta meta, List<Entry> entries, ManifestFormats.Format format) {
        this(file, meta, entries, format, Institution.NONE);
    }

    public enum Section { FRONT, CHAPTER, APPENDIX, BACK }

    /**
     * One listed part: a Markdown file, or a generated page ({@code generate: glossary}).
     *
     * @param sections the section files merged into this part, in reading order (see {@link SectionFile})
     * @param part     the title of the part of the book the entry belongs to, "" for none
     * @param slug     the part's output name: its file name's stem, or with its folders when two listed files
     *                 share a name ({@code intro/index.md}: intro-index)
     */
    public record Entry(Section section, String file, String generated, SourcePos pos, List<SectionFile> sections,
                        String part, String slug) {
        public Entry {
            Objects.requireNonNull(section);
            Objects.requireNonNull(pos);
            sections = sections == null ? List.of() : List.copyOf(sections);
            part = part == null ? "" : part;
            if (slug == null) slug = generated != null ? (generated.equals("index") ? "book-index" : generated) : MarkdownReader.stem(file);
        }

        /** A part with no section files, in no part of the book, named after its file. */
        public Entry(Section section, String file, String generated, SourcePos pos) {
            this(section, file, generated, pos, List.of(), "", null);
        }

        public boolean isGenerated() {
            return generated != null;
        }

        public Entry withSlug(String s) {
            return new Entry(section, file, generated, pos, sections, part, s);
        }

        public Entry withPart(String p) {
            return new Entry(section, file, generated, pos, sections, p, slug);
        }

        public Entry withSection(Section s) {
            return new Entry(s, file, generated, pos, sections, part, slug);
        }

        /** The files this entry reads: its own and its section files'. */
        public List<String> files() {
            List<String> out = new java.util.ArrayList<>();
            if (file != null) out.add(file);
            for (SectionFile f : sections) out.add(f.file());
            return out;
        }
    }

    /**
     * A section file of a chapter: a file whose text is a section of its chapter, not a chapter of its own.
     * {@code depth} is 1 for a section (its title a {@code ##} heading), 2 for a section of that section, and so on.
     */
    public record SectionFile(String file, int depth, SourcePos pos) {
        public SectionFile {
            Objects.requireNonNull(file);
            Objects.requireNonNull(pos);
            if (depth < 1) throw new IllegalArgumentException("depth " + depth);
        }
    }

    public Path dir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
