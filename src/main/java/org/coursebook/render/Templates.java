package org.coursebook.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.XMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import org.coursebook.diag.BuildException;
import org.coursebook.diag.Diagnostic;
import org.coursebook.diag.Diagnostics;
import org.coursebook.diag.SourcePos;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Freemarker templates: every page that is not prose. A template in {@code styles/templates/} overrides the
 * built-in one of the same name. Output is XML-escaped unless a value is marked {@code ?no_esc}. Parsed
 * templates are cached, so a warm rebuild does not parse them again.
 *
 * <p>A book's own template is a source file like a chapter: its syntax errors and the errors it meets while it
 * runs (a value that is missing, a method that does not exist) are reported as {@link Diagnostic}s at the
 * template's file, line and column, with a hint. A built-in template that fails is a bug in coursebook and
 * stays an internal error ({@link IllegalStateException}).
 */
public final class Templates {
    private final Configuration cfg;
    /** The book's {@code styles/templates/} folder, or null when it has none. */
    private final Path overrideDir;

    /**
     * @param overrideDir the book's templates folder ({@code styles/templates/}), or null (or a folder that does
     *                    not exist) to use only the built-in templates
     */
    public Templates(Path overrideDir) throws IOException {
        this.overrideDir = overrideDir != null && Files.isDirectory(overrideDir) ? overrideDir : null;
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (this.overrideDir != null) loaders.add(new FileTemplateLoader(this.overrideDir.toFile()));
        loaders.add(new ClassTemplateLoader(Templates.class, "/templates"));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(XMLOutputFormat.INSTANCE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocale(java.util.Locale.ROOT);
        cfg.setNumberFormat("computer");
        // templates may come from the book's styles folder: they may not create Java objects or reach the API
        cfg.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> present = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether a template of this name exists (the book's or a built-in one); the answer is kept. */
    public boolean has(String name) {
        return present.computeIfAbsent(name, n -> {
            try {
                return cfg.getTemplateLoader().findTemplateSource(n) != null;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /**
     * Parses every template in the book's templates folder ({@code *.ftl}, in subfolders too) and reports each
     * syntax error to {@code diag} at its file, line and column; unreadable templates are errors too. Does
     * nothing for a book without templates. Errors that appear only when a template runs are reported by
     * {@link #render}.
     */
    public void check(Diagnostics diag) {
        if (overrideDir == null) return;
        List<Path> files;
        try (Stream<Path> s = Files.walk(overrideDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".ftl") && !Files.isDirectory(p)).sorted().toList();
        } catch (IOException e) {
            diag.warning(SourcePos.of(overrideDir), "cannot list the templates folder: " + e.getMessage(), "check its permissions");
            return;
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) { // a named pipe, say: FreeMarker would pass over it and use the built-in template
                diag.error(SourcePos.of(f), "the template is not a file", "replace it with a FreeMarker template, or remove it");
                continue;
            }
            String name = overrideDir.relativize(f).toString().replace('\\', '/');
            try {
                cfg.getTemplate(name);
            } catch (ParseException e) {
                diag.add(parseError(e));
            } catch (IOException e) {
                diag.error(SourcePos.of(f), "cannot read the template: " + e.getMessage(), "save it as UTF-8 and check its permissions");
            }
        }
    }

    /**
     * Renders template {@code name} (a path under {@code templates/}, e.g. {@code chapter.ftl}) with
     * {@code model}; returns the text it wrote.
     *
     * @throws BuildException        if the template comes from the book's templates folder (or a built-in template
     *                               fails when called from one) and cannot be parsed or fails while it runs: one
     *                               error at the book's template, line and column, with a hint
     * @throws IllegalStateException if a built-in template fails on its own (a bug in coursebook)
     */
    public String render(String name, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(name);
            StringWriter w = new StringWriter();
            t.process(model, w);
            return w.toString();
        } catch (ParseException e) {
            if (own(e.getTemplateName()) == null) throw internal(name, e);
            throw new BuildException(parseError(e), e);
        } catch (TemplateException e) {
            Diagnostic d = runError(name, e);
            if (d == null) throw internal(name, e);
            throw new BuildException(d, e);
        } catch (IOException e) {
            Path own = own(name);
            if (own == null) throw internal(name, e);
            throw new BuildException(Diagnostic.error(SourcePos.of(own), "cannot read the template: " + e.getMessage(),
                    "save it as UTF-8 and check its permissions"), e);
        }
    }

    private static IllegalStateException internal(String name, Exception e) {
        return new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
    }

    /** The book's own file behind template {@code sourceName}, or null if that template is built in. */
    private Path own(String sourceName) {
        if (overrideDir == null || sourceName == null) return null;
        Path f = overrideDir.resolve(sourceName).normalize();
        return f.startsWith(overrideDir.normalize()) && Files.isRegularFile(f) ? f : null;
    }

    private Diagnostic parseError(ParseException e) {
        Path file = own(e.getTemplateName());
        return Diagnostic.error(new SourcePos(file, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber())),
                "template syntax error: " + oneLine(e.getEditorMessage()),
                "fix the template (FreeMarker syntax: https://freemarker.apache.org/docs/dgui_template_overallstructure.html), "
                        + "or delete " + file.getFileName() + " to use the built-in one");
    }

    /**
     * The error of a template that failed while it ran, or null if neither the failing template nor the one asked
     * for ({@code root}) is the book's own, or if the failure is a Java exception from the model, not the
     * template's doing.
     */
    private Diagnostic runError(String root, TemplateException e) {
        Throwable cause = e.getCause();
        if (cause != null && !(cause instanceof TemplateException) && !(cause instanceof TemplateModelException)) return null;
        Path failing = own(e.getTemplateSourceName());
        String what = e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null
                ? "'" + e.getBlamedExpressionString() + "' is missing or null"
                : oneLine(e.getMessageWithoutStackTop());
        String hint = e instanceof InvalidReferenceException
                ? "a template gets the values its built-in namesake uses: compare with it (coursebook's templates/"
                        + root + "), or give a value that may be missing a default, as ${x!''}"
                : "fix the template, or delete it to use the built-in one";
        if (failing != null) {
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            int column = e.getColumnNumber() == null || line == 0 ? 0 : e.getColumnNumber();
            return Diagnostic.error(new SourcePos(failing, line, column), "the template failed: " + what, hint);
        }
        Path rootFile = own(root);
        if (rootFile == null) return null;
        // A built-in template (an include or import) failed with what the book's template gave it.
        return Diagnostic.error(SourcePos.of(rootFile), "the template failed in the built-in " + e.getTemplateSourceName()
                + " at line " + e.getLineNumber() + ": " + what, hint);
    }

    /**
     * FreeMarker's message on one line, without its tips, its parser's list of expected tokens and its
     * "[in template … at line …]" (the diagnostic's position says it).
     */
    private static String oneLine(String message) {
        if (message == null) return "";
        String s = message;
        for (String tail : new String[] {"\n----", "Was expecting one of"}) {
            int at = s.indexOf(tail);
            if (at >= 0) s = s.substring(0, at);
        }
        s = s.replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]", "");
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
