package org.coursebook.read;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The path an image gets inside the outputs: valid in a URL as it is, stable, and never shared by two files. */
class ImageResolverTest {
    @Test
    void aPlainPathUnderImagesIsKept() {
        assertEquals("images/party-state.svg", ImageResolver.outputHref("images/party-state.svg"));
        assertEquals("images/maps/ussr_1922.v2.png", ImageResolver.outputHref("images/maps/ussr_1922.v2.png"));
        assertEquals("images/карта.png", ImageResolver.outputHref("images/карта.png"), "letters of any script need no escaping in an IRI");
    }

    @Test
    void spacesAndOtherFoldersAreRenamedWithAHashOfTheOriginalPath() {
        assertTrue(ImageResolver.outputHref("images/tide chart.png").matches("images/tide-chart-[0-9a-f]{8}\\.png"));
        assertTrue(ImageResolver.outputHref("img/chart.png").matches("images/img-chart-[0-9a-f]{8}\\.png"));
        assertTrue(ImageResolver.outputHref("figure.svg").matches("images/figure-[0-9a-f]{8}\\.svg"));
        assertTrue(ImageResolver.outputHref("images/100% & more #2.gif").matches("images/100-more-2-[0-9a-f]{8}\\.gif"));
        assertTrue(ImageResolver.outputHref("img/ .png").matches("images/img-[0-9a-f]{8}\\.png"));
        assertTrue(ImageResolver.outputHref("images/ .png").matches("images/image-[0-9a-f]{8}\\.png"));
        assertEquals(ImageResolver.outputHref("img/chart.png"), ImageResolver.outputHref("img/chart.png"), "the same file, the same path");
    }

    @Test
    void noTwoFilesShareAPathAndEveryPathIsAValidUrlPath() {
        List<String> files = List.of("img/x.png", "images/img-x.png", "img-x.png", "img x.png", "img/x .png",
                "images/img/x.png", "images/img x.png", "x.png", "images/x.png", "a/b/c.png", "a-b/c.png", "a/b-c.png",
                "images/tide chart.png", "images/tide  chart.png", "images/tide-chart.png", "images/tide%20chart.png");
        Map<String, String> seen = new HashMap<>();
        for (String f : files) {
            String href = ImageResolver.outputHref(f);
            String before = seen.put(href, f);
            assertNull(before, f + " and " + before + " both became " + href);
            assertTrue(href.matches("images/[\\p{L}\\p{N}._/-]+"), href);
            assertFalse(href.contains("//") || href.endsWith("/"), href);
        }
    }
}
