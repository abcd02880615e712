package org.coursebook.render;

import org.coursebook.model.Book;

import java.io.IOException;
import java.util.List;

/**
 * A renderer whose output lists the book's other files (the download page). The pipeline runs it after the
 * renderers whose files it lists and gives it those files, as they returned them, with the files of earlier
 * builds that stay in the folder, as the folder's record describes them: it never looks for them in the output
 * folder and never parses them.
 */
public interface ListingRenderer extends Renderer {
    /**
     * The book's files in the output folder once this build commits.
     *
     * @param written what the renderers that ran before this one wrote in this build, in their order
     * @param kept    what earlier builds of the book wrote in formats this build does not make and that stay in
     *                the folder, as the folder's record describes them ({@link Output#kept()})
     * @param unknown how many such files an older coursebook left without a description (their size and pages)
     *                in the record; a listing cannot list them and says so
     */
    record Files(List<Written> written, List<Written> kept, int unknown) {
        public static final Files NONE = new Files(List.of(), List.of(), 0);

        public Files {
            written = List.copyOf(written);
            kept = List.copyOf(kept);
        }
    }

    Rendered render(Book book, RenderContext ctx, Files files) throws IOException;

    /** Renders as if no other file had been written (the pipeline always calls the method with the files). */
    @Override
    default Rendered render(Book book, RenderContext ctx) throws IOException {
        return render(book, ctx, Files.NONE);
    }
}
