package org.coursebook.render.cover;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.coursebook.model.Book;
import org.coursebook.render.RenderContext;
import org.coursebook.render.Rendered;
import org.coursebook.render.Renderer;
import org.coursebook.render.Written;
import org.coursebook.render.pdf.PdfEngine;
import org.coursebook.render.pdf.PdfFinisher;
import org.coursebook.util.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The front cover as its own print file, {@code <slug>-cover.pdf}: one page of the book's trim size with the
 * cover at 300 dpi, PDF/UA-1 and PDF/A-2u like the book. The cover is kept out of the book's PDF so that the
 * book's pages keep their right-hand and left-hand sides and their numbers, as a print shop expects.
 */
public final class PrintCoverRenderer implements Renderer {
    private final PdfEngine engine;
    private final CoverArt coverArt;

    public PrintCoverRenderer(PdfEngine engine, CoverArt coverArt) {
        this.engine = engine;
        this.coverArt = coverArt;
    }

    /** The file name of the print cover for a book with this slug. */
    public static String fileName(String slug) {
        return slug + "-cover.pdf";
    }

    /** Starts drawing the cover while the chapters are read. */
    @Override
    public void prepare(Book outline, RenderContext ctx) {
        coverArt.prefetch(outline, ctx, false, true);
    }

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public Rendered render(Book book, RenderContext ctx) throws IOException {
        PdfEngine.Drawn pdf = draw(book, ctx);
        return Rendered.of(ctx.output().write(fileName(book.meta().slug()), Written.PRINT_COVER, pdf.pages(),
                out -> out.write(pdf.bytes())));
    }

    /** The cover's PDF, with its page count (one). */
    public PdfEngine.Drawn draw(Book book, RenderContext ctx) throws IOException {
        CoverArt.Image image = coverArt.print(book, ctx);
        String name = "cover." + image.extension();
        Map<String, Object> model = new HashMap<>();
        model.put("book", book);
        model.put("meta", book.meta());
        model.put("image", name);
        String xhtml = ctx.templates().render("print-cover.ftl", model);
        Path dir = Files.createTempDirectory("coursebook-cover");
        try {
            Files.write(dir.resolve(name), image.bytes());
            return engine.draw(xhtml, dir, ctx.fonts(), doc -> {
                PdfFinisher.finish(doc, book.meta(), ctx.buildTime(), 0);
                giveOwnId(doc, book.meta().identifier() + "|cover");
            });
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** The book's PDF and the cover's are different files: give the cover its own document id. */
    private static void giveOwnId(PDDocument doc, String seed) {
        byte[] id = Arrays.copyOf(Sha256.of(seed), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }
}
