package org.coursebook.model;

import org.coursebook.diag.SourcePos;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One file of the book: a numbered chapter, or an unnumbered front- or back-matter piece.
 *
 * @param number  1, 2, 3… for chapters; 0 for front and back matter
 * @param slug    the file stem used for output file names and ids (e.g. {@code 03-soviet-ideology})
 * @param sourceName the file name as the manifest lists it (what cross-references name)
 * @param subtitle   inlines, empty for none
 * @param summary    inlines, empty for none
 * @param titleId    the id the author's title heading had ({@code # Title {#intro}}, or its slug), so that a link to
 *                   it lands on the part; "" when the title came from the front matter
 * @param part       the title of the part of the book (mdBook's {@code # Part}, Quarto's {@code part:}) this part
 *                   belongs to, "" for none; the contents group the parts of one part under its title
 * @param sectionFiles the section files merged into this part after its own text, in order (see {@link SectionFile})
 */
public record Chapter(
        Kind kind,
        int number,
        String slug,
        String sourceName,
        SourcePos pos,
        String title,
        List<Inline> subtitle,
        List<Inline> summary,
        List<LecturePoint> lecturePoints,
        List<Term> terms,
        List<Block> blocks,
        List<Footnote> footnotes,
        List<Asset> assets,
        String titleId,
        String part,
        List<SectionFile> sectionFiles) {

    /**
     * Front matter (unnumbered, numbered i, ii… in print), a chapter (numbered 1, 2, 3), an appendix (lettered A,
     * B, C, after the chapters) or back matter (unnumbered).
     */
    public enum Kind { FRONT, CHAPTER, APPENDIX, BACK }

    /**
     * A section file merged into its chapter: it starts at the heading with id {@code anchor}, and {@code ids} maps
     * each id the file's own text had to the one it has in the chapter where the two differ (an id another file of
     * the chapter had first gets a suffix, -1, -2…). Links to the file, and to ids in it, land there.
     */
    public record SectionFile(String sourceName, String anchor, java.util.Map<String, String> ids) {
        public SectionFile {
            Objects.requireNonNull(sourceName);
            Objects.requireNonNull(anchor);
            ids = java.util.Map.copyOf(ids);
        }

        /** The id in the chapter of the id {@code own} that this file's text gave. */
        public String idInChapter(String own) {
            return ids.getOrDefault(own, own);
        }
    }

    public Chapter {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(slug);
        Objects.requireNonNull(sourceName);
        Objects.requireNonNull(pos);
        Objects.requireNonNull(title);
        subtitle = subtitle == null ? List.of() : List.copyOf(subtitle);
        summary = summary == null ? List.of() : List.copyOf(summary);
        lecturePoints = List.copyOf(lecturePoints);
        terms = List.copyOf(terms);
        blocks = List.copyOf(blocks);
        footnotes = List.copyOf(footnotes);
        assets = List.copyOf(assets);
        titleId = titleId == null ? "" : titleId;
        part = part == null ? "" : part;
        sectionFiles = sectionFiles == null ? List.of() : List.copyOf(sectionFiles);
        if (isNumbered() && number < 1) throw new IllegalArgumentException(kind + " number must be >= 1");
    }

    /** A part read from one file, outside any part of the book. */
    public Chapter(Kind kind, int number, String slug, String sourceName, SourcePos pos, String title, List<Inline> subtitle,
                   List<Inline> summary, List<LecturePoint> lecturePoints, List<Term> terms, List<Block> blocks,
                   List<Footnote> footnotes, List<Asset> assets, String titleId) {
        this(kind, number, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, blocks, footnotes, assets,
                titleId, "", List.of());
    }

    /** A part whose title came from its front matter (no title heading). */
    public Chapter(Kind kind, int number, String slug, String sourceName, SourcePos pos, String title, List<Inline> subtitle,
                   List<Inline> summary, List<LecturePoint> lecturePoints, List<Term> terms, List<Block> blocks,
                   List<Footnote> footnotes, List<Asset> assets) {
        this(kind, number, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, blocks, footnotes, assets, "");
    }

    /** The part's identity in the book (its slug; unique across the book). */
    public ChapterId id() {
        return new ChapterId(slug);
    }

    /** The source name a generated part has in the manifest's place ({@code generate: glossary}). */
    public static final String GENERATED_GLOSSARY = "generate:glossary";

    /** Whether this part is the glossary the build generates from the chapters' key terms. */
    /** What the build generates for this part ("glossary", "tables", "figures"), "" for an author's part. */
    public String generated() {
        return sourceName.startsWith("generate:") ? sourceName.substring("generate:".length()) : "";
    }

    public boolean isGlossary() {
        return sourceName.equals(GENERATED_GLOSSARY);
    }

    /** The XHTML file this chapter becomes, in the EPUB and as a link target. */
    public String fileName() {
        return slug + ".xhtml";
    }

    /** "Chapter 3" for a chapter, "Appendix A" for an appendix, empty otherwise. */
    public String label() {
        return switch (kind) {
            case CHAPTER -> "Chapter " + numeral();
            case APPENDIX -> "Appendix " + numeral();
            default -> "";
        };
    }

    /**
     * The chapter's number as printed: "3" for chapter 3, "A" for the first appendix ("Z", then "AA", "AB"… as
     * spreadsheet columns count); empty for unnumbered parts. Its sections are numbered after it: 3.1, A.1.
     */
    public String numeral() {
        return switch (kind) {
            case CHAPTER -> Integer.toString(number);
            case APPENDIX -> letters(number);
            default -> "";
        };
    }

    private static String letters(int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = n; k > 0; k = (k - 1) / 26) sb.insert(0, (char) ('A' + (k - 1) % 26));
        return sb.toString();
    }

    /** Whether the part is a chapter or an appendix: it has a label and its sections are numbered. */
    public boolean isNumbered() {
        return kind == Kind.CHAPTER || kind == Kind.APPENDIX;
    }

    public boolean isAppendix() {
        return kind == Kind.APPENDIX;
    }

    /** The part with another slug (output name); used when two files of the book share a file name. */
    public Chapter withSlug(String newSlug) {
        return new Chapter(kind, number, newSlug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, blocks, footnotes, assets, titleId, part, sectionFiles);
    }

    /** The part as one of the part of the book titled {@code partTitle} ("" for none). */
    public Chapter withPart(String partTitle) {
        return new Chapter(kind, number, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, blocks, footnotes, assets, titleId, partTitle, sectionFiles);
    }

    /**
     * The part with the section files merged into it: its blocks, notes, assets, terms and lecture points (the
     * section files' added to its own) and the files with where each starts.
     */
    public Chapter withSections(List<Block> newBlocks, List<Footnote> newNotes, List<Asset> newAssets, List<Term> newTerms,
                                List<LecturePoint> newPoints, List<SectionFile> files) {
        return new Chapter(kind, number, slug, sourceName, pos, title, subtitle, summary, newPoints, newTerms, newBlocks, newNotes, newAssets, titleId, part, files);
    }

    /** The source files this part was read from: its own, then its section files. */
    public List<String> sourceFiles() {
        List<String> out = new ArrayList<>();
        out.add(sourceName);
        for (SectionFile f : sectionFiles) out.add(f.sourceName());
        return out;
    }

    /** The second-level headings, in order: the chapter's sections. */
    public List<Block.Heading> sections() {
        List<Block.Heading> out = new ArrayList<>();
        for (Block b : blocks) if (b instanceof Block.Heading h && h.level() == 2) out.add(h);
        return out;
    }

    public List<Block.PullQuote> pullQuotes() {
        List<Block.PullQuote> out = new ArrayList<>();
        for (Block b : blocks) if (b instanceof Block.PullQuote q) out.add(q);
        return out;
    }

    /** The same part with another subtitle, summary and lecture bullet points. */
    public Chapter withFrontMatter(List<Inline> newSubtitle, List<Inline> newSummary, List<LecturePoint> newPoints) {
        return new Chapter(kind, number, slug, sourceName, pos, title, newSubtitle, newSummary, newPoints, terms, blocks, footnotes, assets, titleId, part, sectionFiles);
    }

    public Chapter withNumber(int n) {
        return new Chapter(kind, n, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, blocks, footnotes, assets, titleId, part, sectionFiles);
    }

    public Chapter withBlocks(List<Block> newBlocks) {
        return new Chapter(kind, number, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, newBlocks, footnotes, assets, titleId, part, sectionFiles);
    }

    public Chapter withFootnotes(List<Footnote> newNotes) {
        return new Chapter(kind, number, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, blocks, newNotes, assets, titleId, part, sectionFiles);
    }

    public Chapter withBlocksAndFootnotes(List<Block> newBlocks, List<Footnote> newNotes) {
        return new Chapter(kind, number, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, newBlocks, newNotes, assets, titleId, part, sectionFiles);
    }
}
