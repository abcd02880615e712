package org.coursebook.render;

import org.coursebook.diag.Diagnostics;
import org.coursebook.read.Institution;

import java.time.Instant;
import java.util.Objects;

/**
 * What renderers share: the staged output, the templates and styles, the build time (from SOURCE_DATE_EPOCH, the
 * last commit or the manifest date, never the clock, so builds are reproducible), and the institution the
 * generated cover shows (the manifest's {@code publisher} and {@code logo}).
 */
public record RenderContext(Output output, Templates templates, Styles styles, Fonts fonts, Instant buildTime,
                            Diagnostics diagnostics, Institution institution) {
    public RenderContext {
        Objects.requireNonNull(output);
        Objects.requireNonNull(templates);
        Objects.requireNonNull(styles);
        Objects.requireNonNull(fonts);
        Objects.requireNonNull(buildTime);
        Objects.requireNonNull(diagnostics);
        institution = institution == null ? Institution.NONE : institution;
    }

    /** A context for a book without publisher or logo. */
    public RenderContext(Output output, Templates templates, Styles styles, Fonts fonts, Instant buildTime,
                         Diagnostics diagnostics) {
        this(output, templates, styles, fonts, buildTime, diagnostics, Institution.NONE);
    }
}
