package org.coursebook.render.print;

import org.coursebook.render.Output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The copy-shop files: for every PDF a build writes (the book, each handout, all-handouts), an imposed copy per
 * requested layout under {@code print/}, at the same relative path with the layout as suffix:
 * {@code soviet-russia.pdf} → {@code print/soviet-russia-2up.pdf}, {@code handouts/04-the-soviet-system.pdf} →
 * {@code print/handouts/04-the-soviet-system-booklet.pdf}. Runs after the renderers, on their staged files.
 * The print cover ({@code <slug>-cover.pdf}) is not imposed: it is one page of the book's trim size that the
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

    /**
     * Writes the imposed copies of every staged PDF but those in {@code notImposed} (relative paths in the output
     * folder, e.g. the print cover); returns their relative paths. {@code buildTime} dates the imposed files.
     */
    public static List<String> write(Output output, List<Imposition.Layout> layouts, java.util.Set<String> notImposed,
                                     java.time.Instant buildTime) throws IOException {
        List<String> written = new ArrayList<>();
        if (layouts.isEmpty()) return written;
        Path printDir = output.dir().resolve(DIR);
        for (Path target : output.targets()) {
            if (!target.getFileName().toString().endsWith(".pdf") || target.startsWith(printDir)) continue;
            String relative = output.dir().relativize(target).toString().replace('\\', '/');
            if (notImposed.contains(relative)) continue;
            byte[] pdf = Files.readAllBytes(output.stagedFile(target));
            for (Imposition.Layout layout : layouts) {
                byte[] imposed = Imposition.impose(pdf, layout, target.getFileName().toString(), buildTime);
                String name = imposedName(relative, layout);
                output.write(name, out -> out.write(imposed));
                written.add(name);
            }
        }
        return written;
    }
}
