package org.coursebook.render.cover;

import org.apache.batik.bridge.DefaultFontFamilyResolver;
import org.apache.batik.bridge.FontFace;
import org.apache.batik.bridge.FontFamilyResolver;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.gvt.font.AWTFontFamily;
import org.apache.batik.gvt.font.GVTFontFace;
import org.apache.batik.gvt.font.GVTFontFamily;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.coursebook.render.Fonts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.StringReader;

/**
 * Draws an SVG document to a bitmap with Apache Batik, using only the fonts the book ships (Liberation, from the
 * classpath): the stylesheet declares each face with an {@code @font-face} rule, Batik asks this class's font
 * resolver for it, and the resolver hands over the face already loaded (only the faces the drawing uses are ever
 * loaded, and no font data goes through Batik's CSS parser). The fonts installed on the machine are never
 * consulted, so a cover comes out the same on every machine. Scripts do not run, and nothing outside the
 * document is loaded.
 */
final class SvgRasterizer {
    private final AwtFonts fonts;
    private final String fontFaces;

    SvgRasterizer(AwtFonts fonts) {
        this.fonts = fonts;
        StringBuilder css = new StringBuilder();
        for (Fonts.Face f : Fonts.FACES) {
            css.append("@font-face { font-family: \"").append(f.family()).append("\"; font-weight: ").append(f.weight())
                    .append("; font-style: ").append(f.style()).append("; src: \"").append(f.fileName()).append("\"; }\n");
        }
        this.fontFaces = css.toString();
    }

    /** The {@code @font-face} rules the SVG's stylesheet must start with for its text to use the book's fonts. */
    String fontFaces() {
        return fontFaces;
    }

    /** Draws {@code svg} at {@code width} × {@code height} pixels on an opaque white ground. */
    BufferedImage draw(String svg, int width, int height) {
        Transcoder t = new Transcoder();
        t.addTranscodingHint(ImageTranscoder.KEY_WIDTH, (float) width);
        t.addTranscodingHint(ImageTranscoder.KEY_HEIGHT, (float) height);
        t.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        t.addTranscodingHint(ImageTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
        t.addTranscodingHint(ImageTranscoder.KEY_ALLOWED_SCRIPT_TYPES, "");
        t.addTranscodingHint(ImageTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        try {
            t.transcode(new TranscoderInput(new StringReader(svg)), null);
        } catch (TranscoderException e) {
            throw new IllegalStateException("the cover's SVG cannot be drawn: " + e.getMessage(), e);
        }
        if (t.image == null) throw new IllegalStateException("the cover's SVG drew nothing");
        return t.image;
    }

    private final class Transcoder extends ImageTranscoder {
        BufferedImage image;

        /** Opaque: Batik composes its drawing onto the white ground in this image, which is the one encoded. */
        @Override
        public BufferedImage createImage(int w, int h) {
            return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        }

        @Override
        public void writeImage(BufferedImage img, TranscoderOutput output) {
            image = img;
        }

        @Override
        protected UserAgent createUserAgent() {
            return new SVGAbstractTranscoderUserAgent() {
                @Override
                public FontFamilyResolver getFontFamilyResolver() {
                    return resolver;
                }

                @Override
                public void displayMessage(String message) {
                    // Batik's progress messages are not the build's business
                }
            };
        }
    }

    /** Resolves only the {@code @font-face} fonts; a family that is not declared gets Liberation Serif. */
    private final FontFamilyResolver resolver = new FontFamilyResolver() {
        private volatile GVTFontFamily fallback;

        @Override
        public GVTFontFamily resolve(String familyName) {
            return null;
        }

        @Override
        public GVTFontFamily resolve(String familyName, FontFace fontFace) {
            Fonts.Face face;
            try {
                face = AwtFonts.face(fontFace.getFamilyName(), AwtFonts.weight(fontFace.getFontWeight()), fontFace.getFontStyle());
            } catch (IllegalArgumentException notOurs) {
                return null;
            }
            return new AWTFontFamily(fontFace, fonts.font(face));
        }

        @Override
        public GVTFontFamily loadFont(InputStream in, FontFace fontFace) throws Exception {
            return DefaultFontFamilyResolver.SINGLETON.loadFont(in, fontFace);
        }

        @Override
        public GVTFontFamily getDefault() {
            if (fallback == null) {
                Fonts.Face serif = Fonts.FACES.get(0);
                fallback = new AWTFontFamily(new GVTFontFace(serif.family()), fonts.font(serif));
            }
            return fallback;
        }

        @Override
        public GVTFontFamily getFamilyThatCanDisplay(char c) {
            return null;
        }
    };
}
