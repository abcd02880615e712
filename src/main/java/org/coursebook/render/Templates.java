package org.coursebook.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.XMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Freemarker templates: every page that is not prose. A template in {@code styles/templates/} overrides the
 * built-in one of the same name. Output is XML-escaped unless a value is marked {@code ?no_esc}. Parsed
 * templates are cached, so a warm rebuild does not parse them again.
 */
public final class Templates {
    private final Configuration cfg;

    public Templates(Path overrideDir) throws IOException {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (overrideDir != null && Files.isDirectory(overrideDir)) loaders.add(new FileTemplateLoader(overrideDir.toFile()));
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

    public String render(String name, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(name);
            StringWriter w = new StringWriter();
            t.process(model, w);
            return w.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
