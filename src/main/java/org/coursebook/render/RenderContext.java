package org.coursebook.render;

import org.coursebook.diag.Diagnostics;

import java.time.Instant;
import java.util.Objects;

/**
 * What renderers share: the staged output, the templates and styles, and the build time (from
 * SOURCE_DATE_EPOCH or the manifest date, never the clock, so builds are reproducible).
 */
public record RenderContext(Output output, Templates templates, Styles styles, Fonts fonts, Instant buildTime,
                            Diagnostics diagnostics) {
    public RenderContext {
        Objects.requireNonNull(output);
        Objects.requireNonNull(templates);
        Objects.requireNonNull(styles);
        Objects.requireNonNull(fonts);
        Objects.requireNonNull(buildTime);
        Objects.requireNonNull(diagnostics);
    }
}
