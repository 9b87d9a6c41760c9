package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.source.Problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public pages and the partials ({@code _name.md}, shown inside guest pages) read from {@code site-content/}.
 */
public record SiteContent(List<ContentPage> pages, Map<String, Partial> partials, List<Problem> problems) {

    public SiteContent {
        pages = List.copyOf(pages);
        partials = Map.copyOf(partials);
        problems = List.copyOf(problems);
    }

    public Optional<Partial> partial(String name) {
        return Optional.ofNullable(partials.get(name));
    }

    /** A piece of Markdown shown inside guest pages, rendered, and its first paragraph as plain text. */
    public record Partial(String html, String firstParagraph) {}
}
