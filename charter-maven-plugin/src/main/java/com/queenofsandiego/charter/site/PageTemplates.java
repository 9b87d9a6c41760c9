package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.source.Problem;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The theme's Thymeleaf templates ({@code theme/templates/<name>.html}), each parsed once per run by one engine (the
 * resolver caches them). Every value is escaped unless a template asks for {@code th:utext}, which the theme uses only
 * for HTML the site renders itself from Markdown.
 */
final class PageTemplates {

    private final TemplateEngine engine = new TemplateEngine();
    /** Which templates the theme has, looked up once: a run renders thousands of pages from two or three of them. */
    private final Map<String, Boolean> present = new ConcurrentHashMap<>();

    private final Path templates;
    private final SiteSettings settings;

    PageTemplates(SiteSettings settings) {
        this.settings = settings;
        this.templates = settings.themeDirectory().resolve("templates");
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(templates.toAbsolutePath() + "/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /**
     * Sets the engine up (its dialects and processors, most of what a first page costs), so that the first page renders
     * at once; for a caller that has a moment to spare before it knows what to render.
     */
    void prepare() {
        engine.getConfiguration();
    }

    /** Fails with the template's file, line and column when it is missing or broken. */
    byte[] render(String template, Map<String, Object> variables) {
        Path file = templates.resolve(template + ".html");
        if (!present.computeIfAbsent(template, name -> Files.isRegularFile(file))) {
            throw new SiteException(List.of(new Problem(
                    settings.display(file),
                    0,
                    0,
                    "the theme has no template '" + template + "'; add " + settings.display(file))));
        }
        try {
            return engine.process(template, new Context(Locale.US, variables)).getBytes(StandardCharsets.UTF_8);
        } catch (TemplateProcessingException e) {
            String where = e.getTemplateName() == null
                    ? settings.display(file)
                    : settings.display(templates.resolve(e.getTemplateName() + ".html"));
            int line = e.getLine() == null ? 0 : e.getLine();
            int column = e.getCol() == null ? 0 : e.getCol();
            String message = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage()
                    : e.getMessage();
            throw new SiteException(List.of(new Problem(where, line, column, "template error: " + message)));
        }
    }
}
