package org.coursebook.build;

import org.coursebook.diag.SourcePos;
import org.coursebook.model.Block;
import org.coursebook.model.Book;
import org.coursebook.model.BookMeta;
import org.coursebook.model.Chapter;
import org.coursebook.model.PageSize;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Watch mode: a changed section file makes its chapter be read again. */
class ChapterCacheTest {
    @Test
    void aChangedSectionFileForgetsItsChapter() {
        Chapter ch = new Chapter(Chapter.Kind.CHAPTER, 1, "03", "03.md", SourcePos.of(Path.of("03.md")), "Three", List.of(), List.of(),
                List.of(), List.of(), List.<Block>of(), List.of(), List.of(), "", "",
                List.of(new Chapter.SectionFile("03a.md", "marx", Map.of())));
        Chapter other = new Chapter(Chapter.Kind.CHAPTER, 2, "04", "04.md", SourcePos.of(Path.of("04.md")), "Four", List.of(), List.of(),
                List.of(), List.of(), List.<Block>of(), List.of(), List.of());
        BookMeta meta = new BookMeta("T", "", List.of(), "en", "urn:uuid:0e7b7f7a-3d55-4c61-8a0f-1b2c3d4e5f61", "", "",
                LocalDate.of(2026, 1, 1), "", PageSize.LETTER, PageSize.LETTER);
        ChapterCache cache = new ChapterCache();
        cache.remember(new Book(meta, Path.of("."), List.of(), List.of(ch, other), List.of()), Map.of());
        assertEquals(2, cache.size());
        cache.forget("03a.md");
        assertEquals(List.of("04.md"), List.copyOf(cache.snapshot().keySet()));
    }
}
