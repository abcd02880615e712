package org.coursebook.diag;

import java.util.List;
import java.util.stream.Collectors;

/** The build cannot go on: carries every diagnostic found so far. */
public class BuildException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public BuildException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::format)
                .collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public BuildException(Diagnostic single) {
        this(List.of(single));
    }

    public BuildException(Diagnostic single, Throwable cause) {
        super(single.format(), cause);
        this.diagnostics = List.of(single);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
