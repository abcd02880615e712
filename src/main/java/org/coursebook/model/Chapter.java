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
        String titleId) {

    public enum Kind { FRONT, CHAPTER, BACK }

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
        if (kind == Kind.CHAPTER && number < 1) throw new IllegalArgumentException("chapter number must be >= 1");
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
    public boolean isGlossary() {
        return sourceName.equals(GENERATED_GLOSSARY);
    }

    /** The XHTML file this chapter becomes, in the EPUB and as a link target. */
    public String fileName() {
        return slug + ".xhtml";
    }

    /** "Chapter 3" for numbered chapters, empty otherwise. */
    public String label() {
        return kind == Kind.CHAPTER ? "Chapter " + number : "";
    }

    public boolean isNumbered() {
        return kind == Kind.CHAPTER;
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
        return new Chapter(kind, number, slug, sourceName, pos, title, newSubtitle, newSummary, newPoints, terms, blocks, footnotes, assets, titleId);
    }

    public Chapter withNumber(int n) {
        return new Chapter(kind, n, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, blocks, footnotes, assets, titleId);
    }

    public Chapter withBlocks(List<Block> newBlocks) {
        return new Chapter(kind, number, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, newBlocks, footnotes, assets, titleId);
    }

    public Chapter withFootnotes(List<Footnote> newNotes) {
        return new Chapter(kind, number, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, blocks, newNotes, assets, titleId);
    }

    public Chapter withBlocksAndFootnotes(List<Block> newBlocks, List<Footnote> newNotes) {
        return new Chapter(kind, number, slug, sourceName, pos, title, subtitle, summary, lecturePoints, terms, newBlocks, newNotes, assets, titleId);
    }
}
