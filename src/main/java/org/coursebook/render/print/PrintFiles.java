package org.coursebook.render.print;

import org.coursebook.render.Output;
import org.coursebook.render.Written;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The copy-shop files: for every PDF a build writes (the book, each handout, all-handouts), an imposed copy per
 * requested layout under {@code print/}, at the same relative path with the layout as suffix:
 * {@code soviet-russia.pdf} → {@code print/soviet-russia-2up.pdf}, {@code handouts/04-the-soviet-system.pdf} →
 * {@code print/handouts/04-the-soviet-system-booklet.pdf}. Runs after the renderers, on the files they returned
 * ({@link Written}); it reads only those files' staged bytes, and takes their page counts from them.
 The print cover ({@code <slug>-cover.pdf}) is not imposed: it is one page of the book's trim size that the
 * shop prints on its own, on cover stock, and a 2-up or booklet copy of it would be half a sheet of nothing.
 */
public final class PrintFiles {
    public static final String DIR = "print/";

    private PrintFiles() {}

    /** The relative path of the imposed copy of {@code relative} (a PDF in the output folder). */
    public static String imposedName(String relative, Imposition.Layout layout) {
        String stem = relative.endsWith(".pdf") ? relative.substring(0, relative.length() - 4) : relative;
        return DIR + stem + "-" + layout.key() + ".pdf";
    }

    /** The roles of the files that get imposed copies: the print book and the handouts (not the print cover). */
    static final Set<String> IMPOSED = Set.of(Written.PRINT_BOOK, Written.HANDOUT, Written.ALL_HANDOUTS);

    /**
     * Writes the imposed copies of the PDFs among {@code files} (what this build's renderers returned).
     *
     * @return the imposed copies, each with its page count (the sheet sides of its layout)
     */
    public static List<Written> write(Output output, List<Written> files, List<Imposition.Layout> layouts,
                                      java.time.Instant buildTime) throws IOException {
        List<Written> written = new ArrayList<>();
        if (layouts.isEmpty()) return written;
        for (Written file : files) {
            if (!IMPOSED.contains(file.role()) || file.pages() <= 0) continue;
            byte[] pdf = Files.readAllBytes(output.stagedFile(output.dir().resolve(file.path())));
            for (Imposition.Layout layout : layouts) {
                byte[] imposed = Imposition.impose(pdf, layout, file.fileName(), buildTime);
                int sides = Imposition.order(layout, file.pages()).size();
                written.add(output.write(imposedName(file.path(), layout), Written.IMPOSED, sides, out -> out.write(imposed)));
            }
        }
        return written;
    }
}
