package org.coursebook.reliability;

import org.coursebook.diag.Diagnostic;
import org.coursebook.support.TestBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.coursebook.support.TestBook.error;
import static org.coursebook.support.TestBook.noErrors;
import static org.coursebook.support.TestBook.warning;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every kind of bad input an author can give, one at a time, in a tiny book: each must give an error that names
 * the right file and line (and carries a hint), and nothing else that would mislead. docs/errors.md lists them.
 * The tiny book's chapter has its front matter on lines 1–5; {@link TestBook#body} puts text from line 7 on.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    TestBook book() {
        return TestBook.create(tmp);
    }

    static List<Diagnostic> errors(List<Diagnostic> ds) {
        return ds.stream().filter(Diagnostic::isError).toList();
    }

    @Test
    void theTinyBookHasNoProblems() {
        // (a note may say which optional course features the book does not use)
        assertEquals(List.of(), book().check().stream().filter(d -> d.severity() != Diagnostic.Severity.NOTE).toList());
    }

    // ---- the manifest ----

    @Test
    void yamlSyntaxErrorInTheManifest() {
        List<Diagnostic> ds = book().file("book.yaml", """
                title: Test Book
                authors: [A. Author]
                language: en: x
                identifier: urn:uuid:0e7b7f7a-3d55-4c61-8a0f-1b2c3d4e5f61
                date: 2026-01-15
                chapters:
                  - ch.md
                """).check();
        Diagnostic d = error(ds, "book.yaml", 3, "YAML syntax error");
        assertEquals(13, d.pos().column());
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
    }

    @Test
    void unknownManifestKeyWithSuggestion() {
        List<Diagnostic> ds = book().file("book.yaml", TestBook.MANIFEST + "titel: Other\n").check();
        Diagnostic d = error(ds, "book.yaml", 8, "unknown key 'titel' in the manifest");
        assertTrue(d.hint().contains("did you mean 'title'"), d.hint());
    }

    @Test
    void duplicateKeyInTheManifest() {
        List<Diagnostic> ds = book().file("book.yaml", TestBook.MANIFEST + "title: Again\n").check();
        error(ds, "book.yaml", 8, "'title'");
    }

    @Test
    void missingChapter() {
        List<Diagnostic> ds = book().file("book.yaml", TestBook.MANIFEST + "  - nope.md\n").check();
        error(ds, "book.yaml", 8, "chapter file 'nope.md' does not exist");
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
    }

    @Test
    void duplicateChapter() {
        List<Diagnostic> ds = book().file("book.yaml", TestBook.MANIFEST + "  - ch.md\n").check();
        error(ds, "book.yaml", 8, "'ch.md' is listed twice (first at line 7)");
    }

    /**
     * Two parts with one file name in different folders (mdBook books have intro/index.md and start/index.md): each is
     * written under its path (one-intro.xhtml, two-intro.xhtml), issue 13; only names that still clash are errors.
     */
    @Test
    void twoChaptersWithOneFileNameInDifferentFolders() {
        List<Diagnostic> ds = book().file("book.yaml", TestBook.MANIFEST.replace("  - ch.md\n", "  - one/intro.md\n  - two/intro.md\n"))
                .file("one/intro.md", TestBook.CHAPTER).file("two/intro.md", TestBook.CHAPTER).check();
        assertEquals(List.of(), errors(ds), TestBook.show(ds));
        ds = book().file("book.yaml", TestBook.MANIFEST.replace("  - ch.md\n", "  - one-two-intro.md\n  - one-two/intro.md\n  - x/intro.md\n"))
                .file("one-two-intro.md", TestBook.CHAPTER).file("one-two/intro.md", TestBook.CHAPTER).file("x/intro.md", TestBook.CHAPTER).check();
        error(ds, "book.yaml", 8, "'one-two/intro.md' and 'one-two-intro.md' (line 7) would both be written as one-two-intro.xhtml");
    }

    /** A hand-written glossary and the generated one: today the generated one silently replaces the author's (issue 12). */
    @Test
    void anOwnGlossaryAndTheGeneratedOneClash() {
        List<Diagnostic> ds = book().file("book.yaml", TestBook.MANIFEST + "back-matter:\n  - glossary.md\n  - generate: glossary\n")
                .file("glossary.md", TestBook.CHAPTER).check();
        error(ds, "book.yaml", 10, "the generated glossary and 'glossary.md' (line 9) would both be written as glossary.xhtml");
    }

    @Test
    void aChapterNamedLikeOneOfTheBooksOwnPages() {
        List<Diagnostic> ds = book().file("book.yaml", TestBook.MANIFEST + "  - nav.md\n").file("nav.md", TestBook.CHAPTER).check();
        error(ds, "book.yaml", 8, "'nav.md' would be written as nav.xhtml, the name of the book's own nav page");
    }

    @Test
    void chapterThatIsNotAFile() throws Exception {
        TestBook b = book().file("book.yaml", TestBook.MANIFEST + "  - folder.md\n");
        Files.createDirectories(b.path("folder.md"));
        error(b.check(), "book.yaml", 8, "chapter file 'folder.md' cannot be read");
    }

    /**
     * A chapter that cannot be read as a file. Root reads a file whatever its permissions, so a test that only took
     * them away never ran in CI, which runs as root. Nobody can read a named pipe as a file (reading it waits for a
     * writer): the build must refuse it, not wait. Where permissions bind, a file without read permission too.
     */
    @Test
    void chapterWithoutReadPermissionOrThatIsANamedPipe() throws Exception {
        TestBook b = book().file("book.yaml", TestBook.MANIFEST + "  - pipe.md\n  - locked.md\n").file("locked.md", TestBook.CHAPTER);
        namedPipe(b.path("pipe.md"));
        boolean permissionsBind = b.path("locked.md").toFile().setReadable(false, false) && !Files.isReadable(b.path("locked.md"));
        List<Diagnostic> ds = checkWithoutWaiting(b);
        error(ds, "book.yaml", 8, "chapter file 'pipe.md' cannot be read");
        if (permissionsBind) {
            error(ds, "book.yaml", 9, "chapter file 'locked.md' cannot be read");
        } else { // root: the file is readable, and read
            assertTrue(ds.stream().noneMatch(d -> d.message().contains("locked.md")), TestBook.show(ds));
        }
    }

    /** Named pipes where the book has an image, a stylesheet, a template: each an error, and the build does not wait. */
    @Test
    void namedPipesInPlaceOfAnImageAStylesheetOrATemplate() throws Exception {
        TestBook b = book().body("Text.\n\n![A picture](images/pipe.png)\n");
        namedPipe(b.path("images/pipe.png"));
        namedPipe(b.path("styles/epub.css"));
        namedPipe(b.path("styles/templates/nav.ftl"));
        List<Diagnostic> ds = checkWithoutWaiting(b);
        error(ds, "ch.md", 9, "cannot read the image 'images/pipe.png'");
        error(ds, "epub.css", 0, "the stylesheet is not a file");
        error(ds, "nav.ftl", 0, "the template is not a file");
    }

    /** Makes a named pipe (POSIX mkfifo); skips where there is no mkfifo. */
    static void namedPipe(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mkfifo on this system: " + e.getMessage());
            return;
        }
        assertEquals(0, mk.waitFor(), new String(mk.getInputStream().readAllBytes()));
        assertTrue(Files.exists(p) && !Files.isRegularFile(p), p + " is a named pipe");
    }

    /**
     * The book's diagnostics. A guard, not a timing assertion: a build that opens a named pipe to read it waits
     * forever, and would stop the whole test run.
     */
    static List<Diagnostic> checkWithoutWaiting(TestBook b) {
        return assertTimeoutPreemptively(java.time.Duration.ofMinutes(2), () -> b.check(), "the build waited to read a named pipe");
    }

    @Test
    void chapterOutsideTheBookFolder() {
        List<Diagnostic> ds = book().file("book.yaml", TestBook.MANIFEST + "  - ../../etc/passwd.md\n").check();
        error(ds, "book.yaml", 8, "is outside the book's folder");
    }

    @Test
    void chapterThatLinksOutsideTheBookFolder() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.md"), TestBook.CHAPTER);
        TestBook b = TestBook.create(Files.createDirectories(tmp.resolve("book")));
        b.file("book.yaml", TestBook.MANIFEST + "  - linked.md\n");
        Files.createSymbolicLink(b.path("linked.md"), outside);
        List<Diagnostic> ds = b.check();
        error(ds, "book.yaml", 8, "'linked.md' is a link to a file outside the book's folder");
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
    }

    // ---- the chapter file ----

    @Test
    void windows1251ChapterSaysWhichLineAndWhichEncoding() {
        String text = "---\ntitle: Глава\n---\n\nThe first lines are ASCII.\n\nСоветская власть и электрификация всей страны.\n";
        // the title is in Cyrillic too: the first bad byte is on line 2
        List<Diagnostic> ds = book().bytes("ch.md", text.getBytes(Charset.forName("windows-1251"))).check();
        Diagnostic d = error(ds, "ch.md", 2, "not valid UTF-8");
        assertEquals(8, d.pos().column(), "the column of the first non-UTF-8 byte");
        assertTrue(d.message().contains("it looks like Windows-1251"), d.message());
        assertTrue(d.hint().contains("iconv -f Windows-1251 -t UTF-8 ch.md"), d.hint());
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
    }

    @Test
    void windows1251BodyLine() {
        String text = "---\ntitle: A Chapter\n---\n\nThe first lines are ASCII.\n\nСоветская власть и электрификация всей страны.\n";
        List<Diagnostic> ds = book().bytes("ch.md", text.getBytes(Charset.forName("windows-1251"))).check();
        error(ds, "ch.md", 7, "it looks like Windows-1251");
    }

    @Test
    void koi8rAndCp866AreRecognisedToo() {
        String text = "---\ntitle: A Chapter\n---\n\nКоллективизация сельского хозяйства.\n";
        List<Diagnostic> koi = book().bytes("ch.md", text.getBytes(Charset.forName("KOI8-R"))).check();
        error(koi, "ch.md", 5, "it looks like KOI8-R");
        List<Diagnostic> dos = book().bytes("ch.md", text.getBytes(Charset.forName("IBM866"))).check();
        error(dos, "ch.md", 5, "it looks like CP866");
    }

    @Test
    void latin1IsNamedAsALegacyEncoding() {
        String text = "---\ntitle: A Chapter\n---\n\nCafé crème.\n";
        error(book().bytes("ch.md", text.getBytes(StandardCharsets.ISO_8859_1)).check(), "ch.md", 5, "Latin-1 or Windows-1252");
    }

    @Test
    void controlCharacterThatNoEpubCanHold() {
        Diagnostic d = error(book().body("Text.\n\nA pasted\u000Bline and a\u0001.\n").check(), "ch.md", 9, "the control character U+000B cannot be in a book");
        assertEquals(9, d.pos().column());
        assertTrue(d.message().contains("the file has 2 such characters"), d.message());
    }

    @Test
    void byteOrderMarkIsAcceptedAndLinesStayRight() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (TestBook.CHAPTER + "\nA note.[^missing]\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        List<Diagnostic> ds = book().bytes("ch.md", all).check();
        assertEquals(8, error(ds, "ch.md", 13, "the footnote reference [^missing] has no note").pos().column());
        assertEquals(1, errors(ds).size(), "the BOM itself is no problem: " + TestBook.show(ds));
    }

    @Test
    void crlfLineEndingsAreAccepted() {
        assertEquals(List.of(), book().file("ch.md", TestBook.CHAPTER.replace("\n", "\r\n")).check().stream()
                .filter(d -> d.severity() != Diagnostic.Severity.NOTE).toList());
    }

    @Test
    void emptyChapter() {
        error(book().file("ch.md", "").check(), "ch.md", 1, "the chapter is empty");
    }

    @Test
    void chapterWithOnlyFrontMatter() {
        error(book().file("ch.md", "---\ntitle: Only a title\n---\n").check(), "ch.md", 3, "the chapter is empty");
    }

    @Test
    void chapterWithoutTitle() {
        List<Diagnostic> ds = book().file("ch.md", "Text without any heading.\n\n## A Section\n\nMore.\n").check();
        error(ds, "ch.md", 1, "the chapter has no title");
    }

    @Test
    void chapterWithoutSections() {
        List<Diagnostic> ds = book().body("Only one paragraph.\n").checkStrict();
        warning(ds, "ch.md", 7, "no '##' section headings");
        noErrors(ds);
        // style advice is held back without --strict: one note says so, no warning
        List<Diagnostic> quiet = book().body("Only one paragraph.\n").check();
        assertTrue(quiet.stream().noneMatch(Diagnostic::isWarning), quiet.toString());
        assertTrue(quiet.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.NOTE && d.message().startsWith("1 piece of style advice")
                && d.hint().contains("--strict")), quiet.toString());
    }

    @Test
    void hashHeadingInsideAChapter() {
        List<Diagnostic> ds = book().body("Text.\n\n# A Second Title\n").check();
        warning(ds, "ch.md", 9, "a second '#' heading in the chapter is read as a section heading");
        noErrors(ds);
    }

    @Test
    void frontMatterYamlErrorIsTheOnlyError() {
        List<Diagnostic> ds = book().file("ch.md", "---\ntitle: [unclosed\nlecture:\n  - A point.\n---\n\nText.\n").check();
        error(ds, "ch.md", 3, "YAML syntax error");
        assertEquals(1, errors(ds).size(), "no 'no title' error after a YAML error: " + TestBook.show(ds));
    }

    @Test
    void frontMatterNeverClosed() {
        List<Diagnostic> ds = book().file("ch.md", "---\ntitle: A Chapter\n\nText.\n").check();
        error(ds, "ch.md", 1, "never closed");
        assertEquals(1, errors(ds).size(), TestBook.show(ds));
    }

    @Test
    void unknownFrontMatterKey() {
        List<Diagnostic> ds = book().file("ch.md", "---\ntitle: A Chapter\nsumary: typo\n---\n\nText.\n\n## S\n").check();
        error(ds, "ch.md", 3, "unknown front matter key 'sumary'");
    }

    // ---- images ----

    @Test
    void missingImage() {
        error(book().body("Text.\n\n![A diagram](images/nope.png)\n").check(), "ch.md", 9, "the image 'images/nope.png' does not exist");
    }

    @Test
    void unreadableImage() throws Exception {
        TestBook b = book().body("Text.\n\n![A diagram](images/folder.png)\n");
        Files.createDirectories(b.path("images/folder.png"));
        error(b.check(), "ch.md", 9, "cannot read the image 'images/folder.png'");
    }

    @Test
    void unsupportedImageType() {
        TestBook b = book().bytes("images/scan.bmp", new byte[] {'B', 'M', 0, 0}).body("Text.\n\n![A scan](images/scan.bmp)\n");
        error(b.check(), "ch.md", 9, "unsupported type (.bmp)");
    }

    @Test
    void imageWhoseContentIsNotItsType() {
        TestBook b = book().file("images/fake.png", "not a picture").body("Text.\n\n![A picture](images/fake.png)\n");
        error(b.check(), "ch.md", 9, "is not really a .png file");
    }

    @Test
    void imageWithoutAltText() {
        TestBook b = book().bytes("images/p.png", Fixtures.PNG).body("Text.\n\n![](images/p.png)\n");
        error(b.check(), "ch.md", 9, "has no alt text");
    }

    // ---- links, cross-references, footnotes ----

    @Test
    void brokenLinkToAFile() {
        error(book().body("Text.\n\nSee [the other chapter](other.md).\n").check(), "ch.md", 9,
                "the cross-reference 'other.md' names a file that is not in the book");
    }

    @Test
    void brokenCrossReferenceToAnId() {
        List<Diagnostic> ds = book().body("Text.\n\n## A Section\n\nSee [above](ch.md#no-such-id) and [here](#nor-this).\n").check();
        error(ds, "ch.md", 11, "points to '#no-such-id'");
        error(ds, "ch.md", 11, "points to '#nor-this'");
    }

    @Test
    void footnoteReferenceWithoutNote() {
        Diagnostic d = error(book().body("Text with a note.[^gone]\n").check(), "ch.md", 7, "the footnote reference [^gone] has no note");
        assertEquals(18, d.pos().column());
    }

    @Test
    void noteNeverReferenced() {
        error(book().body("Text.\n\n[^lonely]: A note nobody cites.\n").check(), "ch.md", 9, "the note [^lonely] is never referenced");
    }

    @Test
    void noteDefinedTwice() {
        error(book().body("Text.[^n]\n\n[^n]: One.\n\n[^n]: Two.\n").check(), "ch.md", 11, "the note [^n] is defined twice");
    }

    @Test
    void noteInsideABlockQuote() {
        error(book().body("Text.[^q]\n\n> Quoted.\n>\n> [^q]: The note, lost in the quote.\n").check(), "ch.md", 11,
                "the note [^q] is inside a block quote or list");
    }

    // ---- pull-quotes and lecture bullet points ----

    @Test
    void pullQuoteAttributionWithoutYear() {
        List<Diagnostic> ds = book().body("Text.\n\n> The state withers away.\n>\n> — Friedrich Engels, *Anti-Dühring*\n").check();
        error(ds, "ch.md", 11, "the pull-quote's attribution has no year");
    }

    @Test
    void pullQuoteWithAttributionOnly() {
        error(book().body("Text.\n\n> — Friedrich Engels, 1878\n").check(), "ch.md", 9, "has an attribution but no quotation");
    }

    @Test
    void lectureBulletPointThatIsAMapping() {
        List<Diagnostic> ds = book().file("ch.md", "---\ntitle: A Chapter\nlecture:\n  - A point.\n  - Point: with a colon\n---\n\nText.\n").check();
        Diagnostic d = error(ds, "ch.md", 5, "a lecture bullet point must be a line of text");
        assertTrue(d.hint().contains("quote it"), d.hint());
    }

    @Test
    void lectureThatIsNotAList() {
        error(book().file("ch.md", "---\ntitle: A Chapter\nlecture: one long line\n---\n\nText.\n").check(), "ch.md", 3,
                "'lecture' must be a list of bullet points");
    }

    @Test
    void chapterWithoutLectureBulletPointsIsAWarning() {
        // in a book that uses lecture points, a chapter without them is warned about
        TestBook b = book().file("ch2.md", "---\ntitle: Another\n---\n\nText.\n\n## S\n\nMore.\n");
        b.file("book.yaml", Files.exists(b.manifest()) ? read(b.manifest()).replace("- ch.md", "- ch.md\n  - ch2.md") : "");
        List<Diagnostic> ds = b.check();
        warning(ds, "ch2.md", 1, "declares no lecture bullet points");
        noErrors(ds);
        // a book that uses none gets one note, no warning a chapter
        try {
            Files.delete(b.path("ch2.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Diagnostic> none = book().file("ch.md", "---\ntitle: A Chapter\n---\n\nText.\n\n## S\n\nMore.\n").check();
        assertTrue(none.stream().noneMatch(Diagnostic::isWarning), none.toString());
        assertEquals(1, none.stream().filter(d -> d.message().startsWith("the book uses no lecture bullet points")).count(), none.toString());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- raw HTML ----

    @Test
    void rawHtmlEndTagsInTheWrongOrder() {
        List<Diagnostic> ds = book().body("Text.\n\n<div>\n<p>One\n<span>two</p>\n</div>\n").check();
        Diagnostic d = error(ds, "ch.md", 11, "</p> comes before </span>");
        assertEquals(10, d.pos().column());
    }

    @Test
    void rawHtmlTableWithACellNeverClosed() {
        error(book().body("Text.\n\n<table>\n<tr><td>a</td></tr>\n<tr><td>b</tr>\n</table>\n").check(), "ch.md", 11,
                "</tr> comes before </td>");
    }

    @Test
    void rawHtmlElementNeverClosed() {
        Diagnostic d = error(book().body("Text.\n\n<div class=\"box\">\n<p>Inside.</p>\n").check(), "ch.md", 9, "<div> is never closed");
        assertEquals(1, d.pos().column());
    }

    @Test
    void rawHtmlEndTagThatClosesNothing() {
        error(book().body("Text.\n\n<p>One.</p>\n</section>\n").check(), "ch.md", 10, "</section> closes nothing");
    }

    @Test
    void rawHtmlInsideAParagraph() {
        List<Diagnostic> ds = book().body("A <span>first\nline and <em>second</span> line.\n\nAnother <b>bold start.\n").check();
        error(ds, "ch.md", 8, "</span> comes before </em>");
        error(ds, "ch.md", 10, "<b> is never closed");
    }

    @Test
    void rawHtmlTagNotFinished() {
        error(book().body("Text.\n\n<div>\n<img alt=\"x\" src=\"images/a.png\n</div>\n").check(), "ch.md", 10, "is not finished");
    }

    @Test
    void rawHtmlSelfClosingNonVoidElement() {
        error(book().body("Text.\n\n<div>\n<span/> after\n</div>\n").check(), "ch.md", 10, "<span/> cannot close itself");
    }

    @Test
    void rawHtmlCommentNeverClosed() {
        error(book().body("Text.\n\n<div>\n<!-- a comment\n</div>\n").check(), "ch.md", 10, "comment is never closed");
    }

    @Test
    void wellFormedRawHtmlIsAccepted() {
        noErrors(book().body("Text with <abbr title=\"Union of Soviet Socialist Republics\">USSR</abbr>.\n\n"
                + "<div class=\"note\">\n<p>A <em>note</em>.<br>Second line.</p>\n<!-- comment -->\n</div>\n\n## S\n").check());
    }

    // ---- all at once ----

    @Test
    void everyProblemOfEveryFileIsReportedInOneRun() {
        TestBook b = book();
        b.file("book.yaml", TestBook.MANIFEST + "  - two.md\n  - broken.md\ncolour: red\n");
        b.body("Text.[^missing]\n\n![A map](images/map.png)\n\nSee [](two.md#nowhere) and [](broken.md).\n");
        b.file("two.md", "---\ntitle: Two\nlecture:\n  - A point.\n---\n\n## One\n\n> Quote.\n>\n> — Nobody, *No Work*\n");
        b.file("broken.md", "---\ntitle: [oops\n---\n\nText.\n");
        List<Diagnostic> ds = b.check();
        error(ds, "book.yaml", 10, "unknown key 'colour'");
        error(ds, "ch.md", 7, "[^missing] has no note");
        error(ds, "ch.md", 9, "images/map.png' does not exist");
        error(ds, "ch.md", 11, "points to '#nowhere'");
        error(ds, "two.md", 11, "attribution has no year");
        error(ds, "broken.md", 2, "YAML syntax error");
        assertEquals(6, errors(ds).size(), "each problem once, and no link error for the unreadable broken.md:\n" + TestBook.show(ds));
    }
}
