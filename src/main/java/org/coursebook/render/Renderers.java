package org.coursebook.render;

import org.coursebook.render.cover.CoverArt;
import org.coursebook.render.cover.PrintCoverRenderer;
import org.coursebook.render.epub.EpubRenderer;
import org.coursebook.render.handout.HandoutRenderer;
import org.coursebook.render.pdf.PdfEngine;
import org.coursebook.render.pdf.PdfRenderer;
import org.coursebook.render.site.DownloadPageRenderer;
import org.coursebook.render.web.WebEditionRenderer;

import java.util.List;

/** The renderers a build runs, wired explicitly. */
public final class Renderers {
    private Renderers() {}

    public static List<Renderer> all() {
        PdfEngine engine = new PdfEngine();
        CoverArt cover = new CoverArt();
        // The download page and the web edition list what the renderers before them returned (the pipeline hands them
        // their files): they come last.
        // The print book comes before the e-book, which takes its pagination from it (laid out without drawing when
        // the build makes no print book).
        PdfRenderer pdf = new PdfRenderer(engine);
        return List.of(pdf, new EpubRenderer(cover, pdf::paginate), new PrintCoverRenderer(engine, cover),
                new HandoutRenderer(engine), new DownloadPageRenderer(cover), new WebEditionRenderer(cover));
    }
}
