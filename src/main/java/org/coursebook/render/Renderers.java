package org.coursebook.render;

import org.coursebook.render.cover.CoverArt;
import org.coursebook.render.cover.PrintCoverRenderer;
import org.coursebook.render.epub.EpubRenderer;
import org.coursebook.render.handout.HandoutRenderer;
import org.coursebook.render.pdf.PdfEngine;
import org.coursebook.render.pdf.PdfRenderer;

import java.util.List;

/** The renderers a build runs, wired explicitly. */
public final class Renderers {
    private Renderers() {}

    public static List<Renderer> all() {
        PdfEngine engine = new PdfEngine();
        CoverArt cover = new CoverArt();
        return List.of(new EpubRenderer(cover), new PdfRenderer(engine), new PrintCoverRenderer(engine, cover),
                new HandoutRenderer(engine));
    }
}
