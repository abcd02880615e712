package org.coursebook.read;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;
import org.coursebook.model.Asset;
import org.coursebook.model.Block;
import org.coursebook.model.Chapter;
import org.coursebook.model.Slugs;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one Markdown file (front matter and body) into a {@link Chapter}, reporting every problem found. */
public final class MarkdownReader {
    /** Deeper nesting of lists or quotes than this is refused before parsing (it would only be a mistake or an attack). */
    public static final int MAX_NESTING = 64;
    /**
     * Flexmark's time grows with the square of the lines of a table or list and of the links or tags of a
     * paragraph (20,000 table rows take 45 s); blocks larger than these, far beyond any book's, are refused.
     */
    public static final int MAX_BLOCK_LINES = 2000, MAX_BLOCK_MARKUP = 1000;

    private static final Pattern ATTRIBUTION = Pattern.compile("^\\s*(?:—|―|–|-{2,3})\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern YEAR = Pattern.compile(".*\\b(1[0-9]{3}|20[0-9]{2})(\\s*[–-]\\s*[0-9]{2,4})?\\)?\\s*$");
    private static final Pattern SIDEBAR = Pattern.compile("^\\s*\\[!SIDEBAR]\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING_ID = Pattern.compile("\\{[^}]*#([A-Za-z][\\w.:-]*)[^}]*}\\s*$");
    private static final Pattern UNDEFINED_NOTE = Pattern.compile("\\[\\^([^\\]\\s]+)]");

    private final Markdown md;
    private final Diagnostics diag;
    private final Path bookDir;
    private final ImageResolver images;
    private final long maxBytes;
    private final ManifestFormats.Format format;
    /** Bookdown's part and appendix lines: {@code # (PART) Title {-}}. */
    private static final Pattern BOOKDOWN_MARKER = Pattern.compile("(?m)^#\\s+\\((PART|APPENDIX)\\*?\\).*$");
    /** Pandoc's mark of an unnumbered heading, {@code {-}}, which Flexmark leaves in the text. */
    private static final Pattern UNNUMBERED = Pattern.compile("\\s*\\{\\s*-\\s*}\\s*$");

    public MarkdownReader(Markdown md, Path bookDir, Diagnostics diag, ImageResolver images, long maxBytes) {
        this(md, bookDir, diag, images, maxBytes, ManifestFormats.Format.COURSEBOOK);
    }

    /**
     * A reader for the chapters of a book with a manifest of {@code format}: another tool's chapters may carry its
     * front matter keys (left out with a note), a front matter title beside a {@code #} heading (the heading is the
     * chapter's title, as pandoc reads the file in a book), and, for Bookdown, {@code # (PART)} and
     * {@code # (APPENDIX)} lines (read by the manifest reader, not headings of the chapter).
     */
    public MarkdownReader(Markdown md, Path bookDir, Diagnostics diag, ImageResolver images, long maxBytes, ManifestFormats.Format format) {
        this.format = format;
        this.md = md;
        this.diag = diag;
        this.bookDir = bookDir.toAbsolutePath().normalize();
        this.images = images;
        this.maxBytes = maxBytes;
    }

    /** Reads the file; returns null (after reporting why) if it cannot be used at all. */
    public Chapter read(Path file, String sourceName, Chapter.Kind kind, int number) {
        return read(file, sourceName, stem(sourceName), kind, number, true);
    }

    /**
     * Reads the file as the part with output name {@code slug}; returns null (after reporting why) if it cannot be
     * used at all. {@code ownSections} false for a chapter whose sections are section files of their own, and for
     * those files: the advice to divide a chapter into sections is not given for them.
     */
    public Chapter read(Path file, String sourceName, String slug, Chapter.Kind kind, int number, boolean ownSections) {
        String text;
        try {
            text = TextFiles.read(file, diag, maxBytes);
        } catch (IOException e) {
            diag.error(SourcePos.of(file), "cannot read the file: " + e.getMessage(), "check that the file exists and is readable");
            return null;
        }
        if (text == null) return null;
        if (format == ManifestFormats.Format.BOOKDOWN) {
            // the manifest reader took the parts and appendices from these lines; blanked, line numbers stay
            text = BOOKDOWN_MARKER.matcher(text).replaceAll("");
        }
        try {
            return read(file, sourceName, slug, kind, number, ownSections, text);
        } catch (StackOverflowError e) {
            // the pre-scan and the depth check below should make this unreachable; never crash on a chapter
            diag.error(SourcePos.of(file, 1), "the chapter is nested too deeply to read",
                    "flatten the lists, block quotes, emphasis or links that are nested inside each other");
            return null;
        }
    }

    private Chapter read(Path file, String sourceName, String slug, Chapter.Kind kind, int number, boolean ownSections, String text) {
        FrontMatter fm = FrontMatter.read(file, text, md, diag, format.isForeign());
        int offset = fm.bodyLineOffset();
        if (fm.body().isBlank()) {
            if (!fm.broken()) {
                diag.error(SourcePos.of(file, Math.max(1, offset)), "the chapter is empty",
                        "write the chapter's text below the front matter");
            }
            return null;
        }
        if (!preScan(file, fm.body(), offset)) return null;

        ChapterBuilder cb = new ChapterBuilder(file, offset, fm.body());
        Document doc = (Document) md.parse(fm.body());
        if (!cb.checkDepth(doc)) return null;
        cb.checkRawHtml(doc);
        cb.checkNestedNotes(doc);
        cb.checkMisreadMarkup(doc);
        cb.replaceNoteReferences(doc);
        cb.collectListings(doc);
        cb.collectLinks(doc);
        String title = fm.title();
        SourcePos titlePos = fm.titlePos();
        if (format.isForeign() && title != null && hasTitleHeading(doc)) {
            // pandoc's reading: in a book, the front matter's title is the document's (Bookdown's index.Rmd holds the
            // book's title there); the '#' heading is the chapter's
            title = null;
            titlePos = null;
        }
        String titleId = "";
        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h && h.getLevel() == 1) {
                if (title == null) {
                    // a chapter without front matter takes its title from its '#' heading, which is not repeated
                    title = headingText(h);
                    titlePos = cb.pos(node);
                    titleId = headingId(h, title);
                } else {
                    diag.warning(cb.pos(node), "a second '#' heading in the chapter is read as a section heading ('##')",
                            "the chapter has one title (its first '#' heading, or 'title:' in the front matter); use '##' for sections");
                    cb.block(node);
                }
                continue;
            }
            cb.block(node);
        }
        cb.checkNotes();
        if (title == null && !fm.broken()) {
            // a file that opens with a '##' heading, standing alone: that heading is its title
            if (!cb.blocks.isEmpty() && cb.blocks.get(0) instanceof Block.Heading h && h.level() == 2) {
                title = h.text();
                titlePos = h.pos();
                titleId = h.id();
                cb.blocks.remove(0);
            }
        }
        if (title == null) {
            // the front matter's error says it all when it is broken; the part is kept under its file name, so
            // that its links and ids are checked in this run too (the build fails on the error anyway)
            if (!fm.broken()) {
                diag.error(SourcePos.of(file, 1), "the chapter has no title",
                        "start it with a '# Title' line, or add front matter with 'title: …' between two '---' lines");
            }
            title = stem(sourceName);
        }
        if (kind == Chapter.Kind.CHAPTER && ownSections && cb.blocks.stream().noneMatch(b -> b instanceof Block.Heading h && h.level() == 2)) {
            SourcePos first = cb.blocks.isEmpty() ? SourcePos.of(file, Math.max(1, offset + 1)) : cb.blocks.get(0).pos();
            diag.advice(first, "the chapter has no '##' section headings",
                    "divide it into sections with '## Heading' lines; they make the table of contents");
        }
        if (titlePos == null) titlePos = SourcePos.of(file, 1);
        String titleHtml = md.renderInline(title);
        noImage(titleHtml, titlePos, "title");
        title = org.jsoup.Jsoup.parse(titleHtml).text().strip();
        if (title.isEmpty()) {
            diag.error(titlePos, "the chapter title is empty", "give the chapter a title with 'title: …' in the front matter");
            title = stem(sourceName); // kept, so that its links are checked in this run too
        }
        List<org.coursebook.model.Inline> subtitle = inlineNodes(fm.subtitle(), titlePos), summary = inlineNodes(fm.summary(), titlePos);
        noImage(subtitle, titlePos, "subtitle");
        noImage(summary, titlePos, "summary");
        for (var point : fm.lecture()) noImage(point.content(), point.pos(), "lecture bullet point");
        return new Chapter(kind, number, slug, sourceName, titlePos, title, subtitle, summary,
                fm.lecture(), fm.terms(), cb.blocks, cb.notes, new ArrayList<>(cb.assets.values()), titleId);
    }

    /** Whether the document has a level-1 heading. */
    private static boolean hasTitleHeading(Document doc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) if (n instanceof Heading h && h.getLevel() == 1) return true;
        return false;
    }

    /** A heading's text as plain text, without the attribute braces ({@code {#id .class}}, {@code {-}}) written after it. */
    private String headingText(Heading h) {
        StringBuilder src = new StringBuilder();
        for (Node c = h.getFirstChild(); c != null; c = c.getNext()) {
            if (!(c instanceof AttributesNode)) src.append(c.getChars());
        }
        String text = org.jsoup.Jsoup.parse(md.renderInline(src.toString().strip())).text().strip();
        return UNNUMBERED.matcher(text).replaceFirst("");
    }

    /** The id of a heading: the author's {@code {#id}}, or its text's slug by GitHub's rule ({@link Slugs#headingId}). */
    static String headingId(Heading h, String text) {
        Matcher explicit = HEADING_ID.matcher(h.getChars().toString().strip());
        return explicit.find() ? explicit.group(1) : Slugs.headingId(text);
    }

    /**
     * An image in the front matter would reach no output whole (the EPUB would lack its file, the title keeps
     * only text): it is refused at the field.
     */
    private void noImage(String html, SourcePos pos, String field) {
        if (html.contains("<img")) imageRefused(pos, field);
    }

    private void noImage(List<org.coursebook.model.Inline> content, SourcePos pos, String field) {
        if (!org.coursebook.model.Tree.collect(content, org.coursebook.model.Inline.Image.class).isEmpty()) imageRefused(pos, field);
    }

    private void imageRefused(SourcePos pos, String field) {
        {
            diag.error(pos, "an image in the chapter's " + field + " is not supported",
                    "put the image in the chapter's text, as a figure: ![what it shows](images/file.png \"Caption\")");
        }
    }

    /** Inline Markdown (a subtitle, a summary) as inline nodes. */
    private List<org.coursebook.model.Inline> inlineNodes(String markdown, SourcePos pos) {
        if (markdown.isEmpty()) return List.of();
        Element body = XhtmlCleaner.parse(md.renderInline(markdown));
        XhtmlCleaner.sanitize(body, pos, diag);
        return TreeBuilder.inlinesOrText(TreeBuilder.plain(pos).children(body));
    }

    /** The extensions of the Markdown files a book may list: plain, Quarto and R Markdown (lower case). */
    public static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".qmd", ".rmd");

    /** The file name without its folder and its Markdown extension, as a slug ({@code 03 Basic Terms.md}: 03-basic-terms). */
    static String stem(String fileName) {
        return Slugs.slugify(withoutExtension(Path.of(fileName).getFileName().toString()));
    }

    /** The path without its Markdown extension ({@link #EXTENSIONS}), if it has one. */
    static String withoutExtension(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String ext : EXTENSIONS) if (lower.endsWith(ext)) return name.substring(0, name.length() - ext.length());
        return name;
    }

    /** Whether the file name ends in one of the Markdown extensions ({@link #EXTENSIONS}). */
    static boolean isMarkdown(String name) {
        return !withoutExtension(name).equals(name);
    }

    /**
     * A cheap scan before parsing, so that Flexmark (which recurses over the document tree) never sees
     * pathological depth: per line, the block quote markers, list markers and indentation that open it (each
     * level of nesting needs at least one marker or two columns); per paragraph, the emphasis, strikethrough
     * and link openers not yet closed. Both over-estimate the depth, so the limit here is twice
     * {@link #MAX_NESTING}; {@link ChapterBuilder#checkDepth} then applies the exact limit to the parsed tree.
     * It also refuses blocks too large for Flexmark to parse in reasonable time.
     */
    private boolean preScan(Path file, String body, int offset) {
        String[] lines = body.split("\n", -1);
        int[] inline = {0, 0}; // {open now, most open on the line}
        int firstDeepBlock = -1, firstDeepInline = -1;
        int blockStart = -1, markup = 0;
        String fence = null;
        int fenceQuotes = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank()) {
                inline[0] = 0;
                blockStart = -1;
                markup = 0;
                continue;
            }
            if (blockStart < 0) blockStart = i;
            if (i - blockStart >= MAX_BLOCK_LINES) {
                diag.error(new SourcePos(file, offset + blockStart + 1, 1), "more than " + MAX_BLOCK_LINES
                                + " lines without a blank line",
                        "split the table, list or paragraph that starts here; no book needs one that long");
                return false;
            }
            // A fenced code block's text is not parsed for inline markup: its '<', '[' and '`' are code.
            int[] at = containerPrefix(l);
            int quotes = quoteDepth(l, at[1]);
            if (fence != null) {
                if (quotes < fenceQuotes || closesFence(l.substring(at[1]), fence)) fence = null;
                continue;
            }
            fence = openingFence(l.substring(at[1]));
            fenceQuotes = quotes;
            for (int k = 0; k < l.length(); k++) {
                char c = l.charAt(k);
                if (c == '<' || c == '[' || c == '`') markup++;
            }
            if (markup > MAX_BLOCK_MARKUP) {
                diag.error(new SourcePos(file, offset + blockStart + 1, 1), "more than " + MAX_BLOCK_MARKUP
                                + " links, HTML tags or code spans in one paragraph",
                        "split the paragraph that starts here; no book needs one that busy");
                return false;
            }
            int[] prefix = at;
            if (prefix[0] > MAX_NESTING && firstDeepBlock < 0) firstDeepBlock = i;
            if (prefix[0] > MAX_NESTING * 2) {
                diag.error(new SourcePos(file, offset + firstDeepBlock + 1, 1), "lists or block quotes are nested more than "
                        + MAX_NESTING + " levels deep", "flatten the structure: no book needs that depth");
                return false;
            }
            openInline(l, prefix[1], inline);
            if (inline[1] > MAX_NESTING && firstDeepInline < 0) firstDeepInline = i;
            if (inline[1] > MAX_NESTING * 2) {
                diag.error(new SourcePos(file, offset + firstDeepInline + 1, 1), "emphasis, strikethrough or links are nested more than "
                        + MAX_NESTING + " levels deep", "close each '*', '_', '~~' and '[' you open; no book needs that depth");
                return false;
            }
        }
        return true;
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}(?=[^`]*$)|~{3,})");

    /** The fence ({@code ```} or {@code ~~~}, as long as written) that the line's content opens, or null. */
    static String openingFence(String content) {
        Matcher m = FENCE.matcher(content);
        return m.find() ? m.group(1) : null;
    }

    /** Whether the line's content closes a code block opened with {@code fence}. */
    static boolean closesFence(String content, String fence) {
        String s = content.strip();
        if (s.length() < fence.length()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) != fence.charAt(0)) return false;
        return true;
    }

    /** How many block quote markers ({@code >}) open the line, in its first {@code end} characters. */
    private static int quoteDepth(String l, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) if (l.charAt(i) == '>') n++;
        return n;
    }

    /** {estimated nesting levels, index where the line's content starts} for the markers opening a line. */
    static int[] containerPrefix(String l) {
        int markers = 0, indent = 0, i = 0, n = l.length();
        while (i < n) {
            char c = l.charAt(i);
            if (c == '>') {
                markers++;
                i++;
            } else if (c == ' ') {
                indent++;
                i++;
            } else if (c == '\t') {
                indent += 4;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == n || l.charAt(i + 1) == ' ' || l.charAt(i + 1) == '\t')) {
                markers++;
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < n && j - i < 10 && l.charAt(j) >= '0' && l.charAt(j) <= '9') j++;
                if (j < n && (l.charAt(j) == '.' || l.charAt(j) == ')') && (j + 1 == n || l.charAt(j + 1) == ' ' || l.charAt(j + 1) == '\t')) {
                    markers++;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return new int[] {markers + indent / 2, i};
    }

    /**
     * Adds the inline openers of a line to {@code open[0]} and takes away its closers; {@code open[1]} becomes
     * the most that were open at any point of the line.
     */
    static void openInline(String l, int from, int[] open) {
        int n = l.length();
        int i = from;
        open[1] = open[0];
        while (i < n) {
            char c = l.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                int run = i;
                while (run < n && l.charAt(run) == '`') run++;
                int close = l.indexOf(l.substring(i, run), run);
                i = close < 0 ? run : close + (run - i);
            } else if (c == '[') {
                open[0]++;
                i++;
            } else if (c == ']') {
                open[0] = Math.max(0, open[0] - 1);
                i++;
            } else if (c == '*' || c == '_' || c == '~') {
                int run = i;
                while (run < n && l.charAt(run) == c) run++;
                boolean spaceBefore = i == 0 || Character.isWhitespace(l.charAt(i - 1));
                boolean spaceAfter = run == n || Character.isWhitespace(l.charAt(run));
                int len = run - i;
                if (!spaceAfter && spaceBefore) open[0] += len;
                else if (spaceAfter && !spaceBefore) open[0] = Math.max(0, open[0] - len);
                else if (!spaceAfter && c != '_') open[0] = open[0] > 0 ? Math.max(0, open[0] - len) : open[0] + len;
                i = run;
            } else {
                i++;
            }
            open[1] = Math.max(open[1], open[0]);
        }
    }

    /** Collects the blocks of one chapter. */
    private final class ChapterBuilder {
        final Path file;
        final int offset;
        final List<Block> blocks = new ArrayList<>();
        final List<org.coursebook.model.Footnote> notes = new ArrayList<>();
        final Map<String, Asset> assets = new LinkedHashMap<>();
        final Map<String, SourcePos> referenced = new LinkedHashMap<>();
        final Set<String> defined = new HashSet<>();

        /** Where each line of the body starts, so that a position costs a binary search, not a scan. */
        final int[] lineStarts;

        ChapterBuilder(Path file, int offset, String body) {
            this.file = file;
            this.offset = offset;
            int lines = 1;
            for (int i = 0; i < body.length(); i++) if (body.charAt(i) == '\n') lines++;
            lineStarts = new int[lines];
            for (int i = 0, k = 1; i < body.length(); i++) if (body.charAt(i) == '\n') lineStarts[k++] = i + 1;
        }

        SourcePos pos(Node node) {
            return posAt(node.getChars().getStartOffset());
        }

        /** The position of an offset into the chapter's body. */
        SourcePos posAt(int at) {
            int i = Arrays.binarySearch(lineStarts, at);
            int line = i >= 0 ? i : -i - 2;
            return new SourcePos(file, offset + line + 1, at - lineStarts[line] + 1);
        }

        /**
         * Measures the parsed tree without recursion: lists and block quotes inside each other, and emphasis,
         * links and the like inside each other, may each go {@link #MAX_NESTING} levels deep. Deeper is
         * refused before anything renders the tree.
         */
        boolean checkDepth(Document doc) {
            Deque<Node> nodes = new ArrayDeque<>();
            Deque<int[]> depths = new ArrayDeque<>();
            nodes.push(doc);
            depths.push(new int[] {0, 0});
            while (!nodes.isEmpty()) {
                Node n = nodes.pop();
                int[] d = depths.pop();
                int blocks = d[0], inlines = d[1];
                if (n instanceof BlockQuote || n instanceof ListBlock
                        || n instanceof com.vladsch.flexmark.ext.definition.DefinitionList) blocks++;
                if (!(n instanceof com.vladsch.flexmark.util.ast.Block) && n.hasChildren()) inlines++;
                if (blocks > MAX_NESTING || inlines > MAX_NESTING) {
                    boolean block = blocks > MAX_NESTING;
                    diag.error(pos(n), (block ? "lists or block quotes" : "emphasis, strikethrough or links")
                                    + " are nested more than " + MAX_NESTING + " levels deep",
                            "flatten the structure: no book needs that depth");
                    return false;
                }
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    nodes.push(c);
                    depths.push(new int[] {blocks, inlines});
                }
            }
            return true;
        }

        /** A note's text nested in a quote or list would be lost (only the chapter's own notes are collected). */
        void checkNestedNotes(Document doc) {
            Deque<Node> stack = new ArrayDeque<>();
            for (Node c = doc.getFirstChild(); c != null; c = c.getNext()) stack.push(c);
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                if (n instanceof FootnoteBlock fb && !(n.getParent() instanceof Document)) {
                    diag.error(pos(n), "the note [^" + shorten(fb.getText().toString()) + "] is inside a block quote or list",
                            "move the line '[^" + shorten(fb.getText().toString()) + "]: …' out of it, to the end of the chapter");
                }
                if (n instanceof com.vladsch.flexmark.util.ast.Block) {
                    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) stack.push(c);
                }
            }
        }

        /**
         * Checks the raw HTML of each block: an HTML block on its own, the tags written inside a paragraph (or
         * heading, or table cell) together. Problems are reported at the tag at fault.
         */
        void checkRawHtml(Document doc) {
            Map<Node, List<RawHtmlChecker.Piece>> inlineByBlock = new LinkedHashMap<>();
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(doc);
            List<RawHtmlChecker.Problem> problems = new ArrayList<>();
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                if (n instanceof HtmlBlock) {
                    problems.addAll(RawHtmlChecker.check(List.of(new RawHtmlChecker.Piece(n.getChars(), n.getStartOffset()))));
                } else if (n instanceof HtmlInline) {
                    Node block = n.getParent();
                    while (block != null && !(block instanceof com.vladsch.flexmark.util.ast.Block)) block = block.getParent();
                    inlineByBlock.computeIfAbsent(block, k -> new ArrayList<>())
                            .add(new RawHtmlChecker.Piece(n.getChars(), n.getStartOffset()));
                }
                for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) stack.push(c);
            }
            for (List<RawHtmlChecker.Piece> pieces : inlineByBlock.values()) problems.addAll(RawHtmlChecker.check(pieces));
            for (RawHtmlChecker.Problem p : problems) {
                diag.error(posAt(p.offset()), "raw HTML is not well-formed: " + p.message(), p.hint());
            }
        }

        /**
         * Reports Markdown that Flexmark would quietly turn into something the author did not write: tables whose
         * delimiter row or rows do not match the header (GFM would make a paragraph of pipes, or drop the extra
         * cells), lines of pipes with no delimiter row, a setext heading made of a table's header, link syntax
         * left as text, {@code ==} markers never closed, and excerpts marked where nothing is lifted (those are
         * unwrapped, their text kept). Code spans and code blocks are never looked into.
         */
        void checkMisreadMarkup(Document doc) {
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(doc);
            List<LiftedExcerpt> misplaced = new ArrayList<>();
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                if (n instanceof TableBlock t) {
                    checkTable(t);
                } else if (n instanceof Paragraph p) {
                    checkPipeLines(p);
                } else if (n instanceof Heading h && h.isSetextHeading() && h.getLevel() == 2 && hasCellDivider(h.getText())) {
                    diag.warning(pos(h), "the line above '---' is read as a heading, not as a table's header row",
                            "a table's delimiter row has one cell per column, divided by '|': |---|---|; "
                                    + "for a heading write '## " + shorten(h.getText().toString().strip()) + "'");
                } else if (n instanceof LiftedExcerpt le) {
                    Node block = le.getParent();
                    while (block != null && !(block instanceof com.vladsch.flexmark.util.ast.Block)) block = block.getParent();
                    if (!(block instanceof Paragraph && block.getParent() instanceof Document)) misplaced.add(le);
                } else if (n instanceof Text t && !inCode(t) && !(t.getParent() instanceof com.vladsch.flexmark.ast.AutoLink)) {
                    int at = t.getChars().indexOf("==");
                    if (at >= 0) {
                        diag.error(posAt(t.getStartOffset() + at), "a lifted excerpt marker '==' is not closed (or the excerpt is empty)",
                                "mark the phrase as ==phrase==, both markers in the same paragraph with no space inside them; "
                                        + "write a comparison as code, `a == b`, or escape it: a \\=\\= b");
                    }
                } else if (n instanceof com.vladsch.flexmark.ast.RefNode ref && !ref.isDefined()
                        && ref.getNext() instanceof Text after && after.getChars().startsWith("(")) {
                    BasedSequence line = ref.getChars().baseSubSequence(ref.getStartOffset(), ref.getChars().getBaseSequence().length());
                    int eol = line.indexOf('\n'), close = line.indexOf(')');
                    int end = close >= 0 && (eol < 0 || close < eol) ? close + 1 : eol >= 0 ? eol : line.length();
                    diag.warning(pos(ref), "'" + shorten(line.subSequence(0, end).toString()) + "' is not read as a "
                                    + (ref instanceof com.vladsch.flexmark.ast.ImageRef ? "image" : "link") + " and is printed as it stands",
                            "check the brackets; a file name with spaces goes in angle brackets, [text](<03 Basic Terms.md>), "
                                    + "or with %20 for each space");
                }
                if (n instanceof com.vladsch.flexmark.ast.Code || n instanceof com.vladsch.flexmark.ast.CodeBlock
                        || n instanceof com.vladsch.flexmark.ast.FencedCodeBlock || n instanceof com.vladsch.flexmark.ast.IndentedCodeBlock) {
                    continue;
                }
                for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) stack.push(c);
            }
            for (LiftedExcerpt le : misplaced) {
                diag.warning(pos(le), "the phrase marked ==…== here is not lifted: only a paragraph of the chapter's text "
                                + "lifts a pull-quote (not a heading, list, table, quotation, sidebar or note)",
                        "remove the == markers, or mark a phrase of a paragraph");
                while (le.getFirstChild() != null) le.insertBefore(le.getFirstChild());
                le.unlink();
            }
        }

        /**
         * A table's delimiter row must have as many cells as its header row (GFM makes a paragraph of the whole
         * table otherwise), and no row may have more cells than the header (GFM drops them). Flexmark is set to
         * read such tables anyway (see {@link Markdown}), so that the faults can be reported where they are.
         */
        private void checkTable(TableBlock t) {
            int columns = -1, delimiter = -1;
            List<TableRow> rows = new ArrayList<>();
            for (Node part = t.getFirstChild(); part != null; part = part.getNext()) {
                for (Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                    if (!(r instanceof TableRow row)) continue;
                    if (part instanceof TableSeparator) {
                        delimiter = writtenCells(row).size();
                        if (columns >= 0 && delimiter != columns) {
                            diag.error(pos(row), "the table's delimiter row has " + delimiter + " cell" + (delimiter == 1 ? "" : "s")
                                            + " but its header row has " + columns,
                                    "write one delimiter cell for each column of the header: " + "|---".repeat(columns) + "|");
                        }
                    } else if (columns < 0) {
                        columns = writtenCells(row).size();
                    } else {
                        rows.add(row);
                    }
                }
            }
            int allowed = Math.max(columns, delimiter);
            for (TableRow row : rows) {
                List<TableCell> cells = writtenCells(row);
                if (columns < 0 || cells.size() <= allowed) continue;
                TableCell extra = cells.get(allowed);
                int at = extra.getText().isNull() || extra.getText().isEmpty() ? extra.getStartOffset() : extra.getText().getStartOffset();
                diag.error(posAt(at), "the row has " + cells.size() + " cells but the table has " + columns + " column"
                                + (columns == 1 ? "" : "s") + ": the cell '" + shorten(extra.getText().toString().strip()) + "' has no column",
                        "add a column to the header and the delimiter row, or join the cells; write a '|' that belongs to "
                                + "the text of a cell as \\|");
            }
        }

        /** The cells written in the source (Flexmark appends empty ones, with no text of their own, to short rows). */
        private static List<TableCell> writtenCells(TableRow row) {
            List<TableCell> cells = new ArrayList<>();
            for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof TableCell cell && !cell.getChars().isEmpty()) cells.add(cell);
            }
            return cells;
        }

        /** Two or more lines that all start with '|' and did not make a table: its delimiter row is missing or wrong. */
        private void checkPipeLines(Paragraph p) {
            List<BasedSequence> lines = p.getContentLines();
            if (lines.size() < 2) return;
            for (BasedSequence l : lines) if (!l.trimStart().startsWith("|")) return;
            diag.error(pos(p), "these lines start with '|' but do not make a table: the delimiter row under the header is missing or malformed",
                    "put a delimiter row with one cell per column right under the header row: |---|---|; "
                            + "start a line of text with \\| if it is not a table");
        }

        /** Whether a line has a '|' dividing cells: outside code, not escaped. */
        private static boolean hasCellDivider(BasedSequence text) {
            String s = text.toString();
            boolean code = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') i++;
                else if (c == '`') code = !code;
                else if (c == '|' && !code) return true;
            }
            return false;
        }

        /** The labels of the note references, by the index their placeholders carry. */
        final List<String> noteLabels = new ArrayList<>();
        /** The chapter's code listings, by the index their placeholders carry. */
        final List<Block.Listing> listings = new ArrayList<>();

        /**
         * Replaces each footnote reference by a placeholder link ({@link TreeBuilder#NOTE_PREFIX}) that the tree
         * builder turns into a note reference; numbering is a transform's.
         */
        void replaceNoteReferences(Document doc) {
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(doc);
            List<Footnote> refs = new ArrayList<>();
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                if (n instanceof Footnote f) refs.add(f);
                else if (n instanceof Text t && !inCode(t)) {
                    Matcher m = UNDEFINED_NOTE.matcher(t.getChars());
                    while (m.find()) {
                        diag.error(pos(t), "the footnote reference [^" + shorten(m.group(1)) + "] has no note",
                                "add a line '[^" + m.group(1) + "]: the note' at the end of the chapter");
                    }
                }
                for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) stack.push(c);
            }
            for (Footnote f : refs) {
                String label = f.getText().toString();
                if (f.getFootnoteBlock() == null) {
                    diag.error(pos(f), "the footnote reference [^" + shorten(label) + "] has no note",
                            "add a line '[^" + label + "]: the note' at the end of the chapter");
                    continue;
                }
                referenced.putIfAbsent(label, pos(f));
                HtmlInline link = new HtmlInline(BasedSequence.of(
                        "<a class=\"noteref\" href=\"" + TreeBuilder.NOTE_PREFIX + noteLabels.size() + "\">*</a>"));
                noteLabels.add(label);
                f.insertBefore(link);
                f.unlink();
            }
        }

        /**
         * Collects the code blocks as listings, each with its caption: a line {@code [Caption]} right after it, as a
         * table's is, taken out of the text. The same line after a blank line stays text, with a warning. Flexmark
         * writes a placeholder for each ({@link Listings#INDEX}).
         */
        void collectListings(Document doc) {
            Map<Node, Integer> index = new java.util.IdentityHashMap<>();
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(doc);
            String src = doc.getChars().toString();
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                boolean fenced = n instanceof com.vladsch.flexmark.ast.FencedCodeBlock;
                if (fenced || n instanceof com.vladsch.flexmark.ast.IndentedCodeBlock) {
                    Block.Caption caption = null;
                    if (n.getNext() instanceof Paragraph p) {
                        String text = Listings.caption(p.getChars().toString());
                        if (text != null) {
                            String between = src.substring(Math.min(n.getEndOffset(), p.getStartOffset()), p.getStartOffset());
                            if (between.chars().filter(c -> c == '\n').count() <= (n.getChars().endsWith("\n") ? 0 : 1)) {
                                caption = new Block.Caption(inlines(md.renderInline(text), pos(p)), pos(p));
                                p.unlink();
                            } else {
                                diag.warning(pos(p), "the line '[" + shorten(text) + "]' below the code block is printed as text",
                                        "to make it the listing's caption, remove the blank line between the code block and it");
                            }
                        }
                    }
                    String info = fenced ? ((com.vladsch.flexmark.ast.FencedCodeBlock) n).getInfo().toString() : "";
                    String code = fenced ? ((com.vladsch.flexmark.ast.FencedCodeBlock) n).getContentChars().toString()
                            : ((com.vladsch.flexmark.ast.IndentedCodeBlock) n).getContentChars().toString();
                    index.put(n, listings.size());
                    listings.add(new Block.Listing(info, code, caption, pos(n)));
                }
                if (n instanceof com.vladsch.flexmark.util.ast.Block) {
                    for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) stack.push(c);
                }
            }
            Listings.INDEX.set(doc, index);
        }

        void checkNotes() {
            for (org.coursebook.model.Footnote n : notes) {
                if (!referenced.containsKey(n.label())) {
                    diag.error(n.pos(), "the note [^" + shorten(n.label()) + "] is never referenced",
                            "refer to it in the text with [^" + n.label() + "], or delete it");
                }
            }
        }

        void block(Node node) {
            SourcePos pos = pos(node);
            if (node instanceof Heading h) {
                heading(h, pos);
            } else if (node instanceof FootnoteBlock fb) {
                String label = fb.getText().toString();
                if (!defined.add(label)) {
                    diag.error(pos, "the note [^" + shorten(label) + "] is defined twice", "give each note its own label");
                    return;
                }
                StringBuilder html = new StringBuilder();
                for (Node c = fb.getFirstChild(); c != null; c = c.getNext()) html.append(md.render(c));
                List<org.coursebook.model.Node> content = nodes(XhtmlCleaner.parse(html.toString().strip()), pos);
                if (org.coursebook.model.Tree.plainText(content).isBlank()
                        && org.coursebook.model.Tree.collect(content, org.coursebook.model.Inline.Image.class).isEmpty()) {
                    diag.error(pos, "the note [^" + shorten(label) + "] is empty",
                            "write the note's text after '[^" + shorten(label) + "]: ' on the same line; indent any further lines by four spaces");
                }
                if (content.size() == 1 && content.get(0) instanceof Block.Para p && p.attrs().isEmpty()) {
                    content = List.copyOf(p.content());
                }
                notes.add(new org.coursebook.model.Footnote(label, 0, content, pos));
            } else if (node instanceof BlockQuote bq) {
                blockQuote(bq, pos);
            } else if (node instanceof Paragraph p && isFigure(p)) {
                figure(p, pos);
            } else if (node instanceof com.vladsch.flexmark.ext.definition.DefinitionItem && node.getParent() instanceof Document
                    && lastTableWithoutCaption() != null) {
                // pandoc's and Quarto's table caption, ': Caption {#tbl-id}' below the table (Flexmark reads it as a
                // definition with the table for its term): the table's caption
                Element dd = XhtmlCleaner.parse(md.render(node)).selectFirst("dd");
                if (dd != null) captionTable(dd, pos);
            } else if (node instanceof Paragraph p && lastTableWithoutCaption() != null && p.getChars().toString().startsWith("Table: ")) {
                // pandoc's other form: 'Table: Caption' right after the table
                Element para = XhtmlCleaner.parse(md.render(p)).selectFirst("p");
                if (para != null) {
                    org.jsoup.nodes.TextNode first = para.textNodes().isEmpty() ? null : para.textNodes().get(0);
                    if (first != null && first.getWholeText().startsWith("Table: ")) first.text(first.getWholeText().substring("Table: ".length()));
                    captionTable(para, pos);
                }
            } else if (node instanceof Paragraph p && isTableSource(p)) {
                Block.Table table = (Block.Table) blocks.remove(blocks.size() - 1);
                List<org.coursebook.model.Node> para = nodes(XhtmlCleaner.parse(md.render(p)), pos);
                Block.Para source = para.size() == 1 && para.get(0) instanceof Block.Para sp
                        ? new Block.Para(sp.content(), sp.attrs().withClass("table-source"), pos) : null;
                if (source == null) {
                    blocks.add(table);
                    addBlocks(para, pos);
                } else {
                    blocks.add(new Block.Table(table.attrs(), table.caption(), table.sections(), source, table.fit(), table.number(), table.pos()));
                }
            } else if (node instanceof TableBlock) {
                List<org.coursebook.model.Node> made = nodes(XhtmlCleaner.parse(md.render(node)), pos);
                for (org.coursebook.model.Node n : made) {
                    if (n instanceof Block.Table t && t.caption() == null) {
                        diag.advice(pos, "the table has no caption",
                                "add the caption in square brackets on the line right after the table: [Caption]");
                    }
                }
                addBlocks(made, pos);
            } else {
                String html = md.render(node);
                if (html.isBlank()) return;
                XhtmlCleaner.Tracking t = node instanceof HtmlBlock ? XhtmlCleaner.Tracking.LINES_AND_COLUMNS
                        : node instanceof Paragraph ? XhtmlCleaner.Tracking.LINES : XhtmlCleaner.Tracking.NONE;
                Element body = t == XhtmlCleaner.Tracking.NONE ? XhtmlCleaner.parse(html) : XhtmlCleaner.parseTracked(html);
                addBlocks(nodes(body, pos, t), pos);
            }
        }

        /**
         * Adds nodes read at the top of the chapter as blocks: running text that stands outside any block (raw HTML
         * can leave some) goes into a paragraph of its own.
         */
        private void addBlocks(List<org.coursebook.model.Node> made, SourcePos pos) {
            List<org.coursebook.model.Inline> run = new ArrayList<>();
            for (org.coursebook.model.Node n : made) {
                if (n instanceof Block b && !(n instanceof org.coursebook.model.Element e && !run.isEmpty()
                        && !org.coursebook.model.Tree.isBlockTag(e.tag()))) {
                    flushRun(run, pos);
                    org.coursebook.model.Inline image = b instanceof Block.Para ? TreeBuilder.singleImage(b) : null;
                    blocks.add(image != null ? new Block.Figure(image, List.of(), org.coursebook.model.Attrs.NONE, b.pos()) : b);
                } else {
                    run.add((org.coursebook.model.Inline) n);
                }
            }
            flushRun(run, pos);
        }

        private void flushRun(List<org.coursebook.model.Inline> run, SourcePos pos) {
            if (run.isEmpty()) return;
            // an image standing alone in raw HTML (<img …> on its own lines) is a figure, as ![…](…) is
            List<org.coursebook.model.Inline> solid = run.stream().filter(i -> !(i instanceof org.coursebook.model.Inline.Text t && t.text().isBlank())).toList();
            if (solid.size() == 1 && TreeBuilder.singleImage(solid.get(0)) != null) {
                blocks.add(new Block.Figure(solid.get(0), List.of(), org.coursebook.model.Attrs.NONE, pos));
                run.clear();
                return;
            }
            if (!org.coursebook.model.Tree.rawText(run).isBlank() || run.stream().anyMatch(i -> !(i instanceof org.coursebook.model.Inline.Text))) {
                blocks.add(new Block.Para(run, org.coursebook.model.Attrs.NONE, pos));
            }
            run.clear();
        }

        private void heading(Heading h, SourcePos pos) {
            Element body = XhtmlCleaner.parse(md.render(h));
            Element el = body.selectFirst("h1, h2, h3, h4, h5, h6");
            if (el == null) return;
            String text = el.text().strip();
            if (UNNUMBERED.matcher(text).find()) {
                // pandoc's {-}: the text without it, and the id from that text
                for (org.jsoup.nodes.TextNode t : el.textNodes()) t.text(UNNUMBERED.matcher(t.getWholeText()).replaceFirst(""));
                text = UNNUMBERED.matcher(text).replaceFirst("");
            }
            if (text.isEmpty()) {
                diag.error(pos, "the heading is empty", "write the heading's text after the #s");
                return;
            }
            // a heading is itself a link in the table of contents: it cannot hold links or note references
            for (Element a : el.select("a")) {
                if (a.hasClass("noteref")) {
                    diag.error(pos, "a footnote reference in a heading", "put the reference in the text below the heading");
                    a.remove();
                } else {
                    diag.warning(pos, "a link in a heading is dropped (its text is kept)",
                            "headings are links in the table of contents; put the link in the text below the heading");
                    a.unwrap();
                }
            }
            String id = !el.id().isBlank() ? el.id() : headingId(h, text);
            el.removeAttr("id");
            // {index="entry"} on a heading: its section is a page range of that index entry
            String indexEntry = el.hasAttr("index") ? el.attr("index").strip() : null;
            el.removeAttr("index");
            List<org.coursebook.model.Inline> content = TreeBuilder.inlinesOrText(nodes(el, pos));
            if (indexEntry != null) content = List.of(new org.coursebook.model.Inline.IndexMark(indexEntry, "", true, content, pos));
            int level = Math.max(2, Math.min(h.getLevel(), 6));
            blocks.add(new Block.Heading(level, id, content, "", pos));
        }

        private void blockQuote(BlockQuote bq, SourcePos pos) {
            List<Node> children = new ArrayList<>();
            for (Node c = bq.getFirstChild(); c != null; c = c.getNext()) children.add(c);
            if (children.isEmpty()) return;
            Node first = children.get(0);
            if (first instanceof Paragraph p0) {
                String src = p0.getChars().toString().strip();
                String firstLine = src.split("\n", 2)[0].replaceFirst("^>\\s*", "");
                Matcher sm = SIDEBAR.matcher(firstLine);
                if (sm.matches()) {
                    sidebar(sm.group(1), src.contains("\n") ? src.split("\n", 2)[1] : "", children.subList(1, children.size()), pos);
                    return;
                }
            }
            Node last = children.get(children.size() - 1);
            if (last instanceof Paragraph lp) {
                String src = lp.getChars().toString().strip();
                Matcher am = ATTRIBUTION.matcher(src);
                // in another tool's book a quotation signed without a year is a quotation, not a pull-quote missing its year
                boolean foreignWithoutYear = am.matches() && format.isForeign() && !YEAR.matcher(am.group(1).strip()).matches();
                if (am.matches() && !src.contains("\n") && !foreignWithoutYear) {
                    primaryQuote(children.subList(0, children.size() - 1), am.group(1).strip(), pos, pos(lp));
                    return;
                }
            }
            addBlocks(nodes(XhtmlCleaner.parse(md.render(bq)), pos), pos);
        }

        private void primaryQuote(List<Node> content, String attributionSource, SourcePos pos, SourcePos attrPos) {
            if (content.isEmpty()) {
                diag.error(pos, "the pull-quote has an attribution but no quotation",
                        "put the quoted words in the block quote above the '— Speaker, Work, Year' line");
                return;
            }
            StringBuilder html = new StringBuilder();
            for (Node c : content) html.append(md.render(c));
            String attrHtml = md.renderInline(attributionSource);
            String[] parts = splitTopLevelCommas(attrHtml);
            String speaker = org.jsoup.Jsoup.parse(parts[0]).text().strip();
            String last = org.jsoup.Jsoup.parse(parts[parts.length - 1]).text().strip();
            if (parts.length < 2 || !YEAR.matcher(last).matches()) {
                diag.error(attrPos, "the pull-quote's attribution has no year: '" + org.jsoup.Jsoup.parse(attrHtml).text() + "'",
                        "write it as '— Speaker, *Work*, Year', e.g. '— V. I. Lenin, *State and Revolution*, 1917'");
                return;
            }
            if (speaker.isEmpty() || YEAR.matcher(speaker).matches() && parts.length == 1) {
                diag.error(attrPos, "the pull-quote's attribution names no speaker", "write it as '— Speaker, *Work*, Year'");
                return;
            }
            StringBuilder work = new StringBuilder();
            for (int i = 1; i < parts.length - 1; i++) work.append(i > 1 ? "," : "").append(parts[i]);
            Block.Attribution a = new Block.Attribution(speaker, inlines(work.toString().strip(), attrPos), last);
            blocks.add(new Block.PullQuote(Block.PullQuote.Kind.PRIMARY, List.copyOf(asBlocks(nodes(XhtmlCleaner.parse(html.toString()), pos), pos)), a, pos));
        }

        private void sidebar(String titleMd, String restOfFirst, List<Node> rest, SourcePos pos) {
            if (titleMd.isBlank()) {
                diag.error(pos, "the sidebar has no title", "write the title after [!SIDEBAR] on the same line");
                return;
            }
            StringBuilder html = new StringBuilder();
            String more = restOfFirst.replaceAll("(?m)^>\\s?", "").strip();
            if (!more.isEmpty()) html.append("<p>").append(md.renderInline(more)).append("</p>");
            for (Node c : rest) html.append(md.render(c));
            if (html.length() == 0) {
                diag.error(pos, "the sidebar is empty", "write its text in the block quote below the [!SIDEBAR] line");
                return;
            }
            Block.Caption title = new Block.Caption(inlines(md.renderInline(titleMd), pos), pos);
            blocks.add(new Block.Sidebar(title, asBlocks(nodes(XhtmlCleaner.parse(html.toString()), pos), pos), pos));
        }

        /** Nodes as blocks: running text among them goes into a paragraph. */
        private List<Block> asBlocks(List<org.coursebook.model.Node> made, SourcePos pos) {
            List<Block> out = new ArrayList<>();
            List<org.coursebook.model.Inline> run = new ArrayList<>();
            for (org.coursebook.model.Node n : made) {
                if (n instanceof Block b && (run.isEmpty() || !(n instanceof org.coursebook.model.Element e) || org.coursebook.model.Tree.isBlockTag(e.tag()))) {
                    if (!run.isEmpty() && !org.coursebook.model.Tree.rawText(run).isBlank()) out.add(new Block.Para(run, org.coursebook.model.Attrs.NONE, pos));
                    run = new ArrayList<>();
                    out.add(b);
                } else {
                    run.add((org.coursebook.model.Inline) n);
                }
            }
            if (!run.isEmpty() && !org.coursebook.model.Tree.rawText(run).isBlank()) out.add(new Block.Para(run, org.coursebook.model.Attrs.NONE, pos));
            return out;
        }

        private boolean isFigure(Paragraph p) {
            int images = 0;
            for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Image) images++;
                else if (c instanceof AttributesNode) continue;
                else if (c instanceof Text t && t.getChars().isBlank()) continue;
                else return false;
            }
            return images == 1;
        }

        private void figure(Paragraph p, SourcePos pos) {
            Image img = null;
            for (Node c = p.getFirstChild(); c != null; c = c.getNext()) if (c instanceof Image i) img = i;
            String alt = org.jsoup.Jsoup.parse(md.renderInline(img.getText().toString())).text().strip();
            String title = img.getTitle().toString().strip();
            if (alt.isEmpty()) {
                diag.error(pos, "the image '" + img.getUrl() + "' has no alt text",
                        "describe the image for readers who cannot see it: ![what the image shows](" + img.getUrl() + ")");
            }
            Element body = XhtmlCleaner.parse("");
            Element el = body.appendElement("img").attr("src", img.getUrl().unescape()).attr("alt", alt);
            // a size given as {width=300} after the image (the attributes extension) is kept: it is the image's maximum
            Element rendered = XhtmlCleaner.parse(md.render(p)).selectFirst("img");
            for (String size : List.of("width", "height")) {
                if (rendered != null && rendered.hasAttr(size)) el.attr(size, rendered.attr(size));
            }
            // an id given as {#fig-map} after the image names the figure, for cross-references
            org.coursebook.model.Attrs figAttrs = rendered != null && !rendered.id().isBlank()
                    ? org.coursebook.model.Attrs.of("id", rendered.id()) : org.coursebook.model.Attrs.NONE;
            List<org.coursebook.model.Node> image = nodes(body, pos);
            if (image.isEmpty()) return; // the image could not be used: reported
            List<org.coursebook.model.Inline> caption = title.isEmpty() ? List.of() : inlines(md.renderInline(title), pos);
            blocks.add(new Block.Figure((org.coursebook.model.Inline) image.get(0), caption, figAttrs, pos));
        }

        /** The table just read, if it has no caption yet; else null. */
        private Block.Table lastTableWithoutCaption() {
            return !blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof Block.Table t && t.caption() == null && t.source() == null ? t : null;
        }

        /** Makes {@code el}'s content the caption of the table just read, and its id (if any) the table's. */
        private void captionTable(Element el, SourcePos pos) {
            Block.Table t = lastTableWithoutCaption();
            String id = el.id();
            el.removeAttr("id");
            List<org.coursebook.model.Inline> caption = TreeBuilder.inlinesOrText(nodes(el, pos));
            org.coursebook.model.Attrs attrs = id.isBlank() || t.attrs().has("id") ? t.attrs() : t.attrs().with("id", id);
            blocks.set(blocks.size() - 1, new Block.Table(attrs, new Block.Caption(caption, pos), t.sections(), t.source(), t.fit(), t.number(), t.pos()));
        }

        private boolean isTableSource(Paragraph p) {
            if (blocks.isEmpty() || !(blocks.get(blocks.size() - 1) instanceof Block.Table prev) || prev.source() != null) return false;
            String s = p.getChars().toString().stripLeading();
            return s.startsWith("Source:") || s.startsWith("Sources:") || s.startsWith("*Source") || s.startsWith("_Source");
        }

        /** Inline HTML (rendered inline Markdown) as inline nodes. */
        private List<org.coursebook.model.Inline> inlines(String html, SourcePos pos) {
            return TreeBuilder.inlinesOrText(nodes(XhtmlCleaner.parse(html), pos));
        }

        private List<org.coursebook.model.Node> nodes(Element body, SourcePos pos) {
            return nodes(body, pos, XhtmlCleaner.Tracking.NONE);
        }

        /** Sanitises, resolves images to assets, and builds the nodes of the fragment. */
        private List<org.coursebook.model.Node> nodes(Element body, SourcePos pos, XhtmlCleaner.Tracking tracking) {
            XhtmlCleaner.sanitize(body, pos, tracking, diag);
            for (Element img : body.select("img")) {
                if (!img.hasAttr("alt") && !img.attr("title").isBlank()) {
                    // the accessible name of an image without alt is its title (W3C Accessible Name Computation 1.2, 4.3.2 2I)
                    img.attr("alt", img.attr("title").strip());
                }
                if (!img.hasAttr("alt")) {
                    diag.error(XhtmlCleaner.at(img, pos, tracking), "an image has no alt text", "add alt=\"…\" describing the image");
                    img.attr("alt", "");
                }
                String src = img.attr("src");
                if (src.isEmpty()) {
                    img.remove();
                    continue;
                }
                Asset asset = images.resolve(file, src, XhtmlCleaner.at(img, pos, tracking));
                if (asset == null) {
                    img.remove();
                    continue;
                }
                assets.putIfAbsent(asset.href(), asset);
                img.attr("src", asset.href());
            }
            TreeBuilder builder = new TreeBuilder(pos, i -> i < noteLabels.size() ? noteLabels.get(i) : null,
                    i -> i < listings.size() ? listings.get(i) : null).withLinkPositions(this::linkPosition);
            return builder.children(body);
        }

        /** Where each link's target is written, by its destination, in document order (see {@link #collectLinks}). */
        final Map<String, Deque<SourcePos>> linkPositions = new java.util.HashMap<>();

        /** The place of the next link to {@code href}, or null. */
        synchronized SourcePos linkPosition(String href) {
            Deque<SourcePos> q = linkPositions.get(href);
            return q == null || q.isEmpty() ? null : q.poll();
        }

        /**
         * Records where each link's destination is written: an inline link at its own column, a reference-style
         * link at its {@code [label]: url} line (where the fix goes), so that a broken link is reported there.
         */
        void collectLinks(Document doc) {
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(doc);
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                String url = null;
                SourcePos at = null;
                if (n instanceof com.vladsch.flexmark.ast.Link l) {
                    url = l.getUrl().unescape();
                    at = pos(n);
                } else if (n instanceof com.vladsch.flexmark.ast.LinkRef r && r.isDefined()) {
                    com.vladsch.flexmark.ast.Reference ref = r.getReferenceNode(doc);
                    if (ref != null) {
                        url = ref.getUrl().unescape();
                        at = pos(ref);
                    }
                } else if (n instanceof com.vladsch.flexmark.ast.AutoLink a) {
                    url = a.getUrl().unescape();
                    at = pos(n);
                }
                if (url != null) linkPositions.computeIfAbsent(url, k -> new ArrayDeque<>()).add(at);
                for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) stack.push(c);
            }
        }
    }

    /** Whether a node is inside a code span or a code block, which no course markup or check looks into. */
    static boolean inCode(Node n) {
        for (Node a = n.getParent(); a != null; a = a.getParent()) {
            if (a instanceof com.vladsch.flexmark.ast.Code || a instanceof com.vladsch.flexmark.ast.CodeBlock
                    || a instanceof com.vladsch.flexmark.ast.FencedCodeBlock || a instanceof com.vladsch.flexmark.ast.IndentedCodeBlock) {
                return true;
            }
        }
        return false;
    }

    /** Quoted source text in a message: long labels are cut short. */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }

    /** Splits "a, <em>b, c</em>, d" at commas outside tags and outside elements. */
    static String[] splitTopLevelCommas(String html) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                String tag = close < 0 ? html.substring(i) : html.substring(i, close + 1);
                if (tag.startsWith("</")) depth--;
                else if (!tag.endsWith("/>")) depth++;
                cur.append(tag);
                i = close < 0 ? html.length() : close;
            } else if (c == ',' && depth == 0) {
                parts.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString().strip());
        return parts.toArray(String[]::new);
    }
}
