package com.queenofsandiego.charter.site;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A public page from {@code site-content/<name>.md}, rendered to {@code <name>.html}.
 *
 * @param html the page body, already rendered from Markdown and safe to include
 */
public record ContentPage(String name, String title, String description, Optional<LocalDate> updated, String html) {

    public String path() {
        return name + ".html";
    }

    /** The address people use: {@code /} for the index, {@code /faq.html} for the rest. */
    public String urlPath() {
        return name.equals("index") ? "/" : "/" + path();
    }
}
