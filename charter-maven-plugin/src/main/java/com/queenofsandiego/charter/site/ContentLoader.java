package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.source.Fields;
import com.queenofsandiego.charter.source.Position;
import com.queenofsandiego.charter.source.Problem;
import com.queenofsandiego.charter.source.Problems;
import com.queenofsandiego.charter.source.YamlSource;
import org.snakeyaml.engine.v2.nodes.MappingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code site-content/*.md}: each page opens with YAML front matter between {@code ---} lines
 * ({@code title} required, {@code description} and {@code updated} optional), then Markdown. Files named
 * {@code _name.md} are partials: Markdown without front matter, shown inside guest pages.
 */
public final class ContentLoader {

    public static final Set<String> FRONT_MATTER_KEYS = Set.of("title", "description", "updated");
    private static final Pattern PAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final SiteSettings settings;

    public ContentLoader(SiteSettings settings) {
        this.settings = settings;
    }

    public SiteContent load() {
        List<ContentPage> pages = new ArrayList<>();
        Map<String, SiteContent.Partial> partials = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : markdownFiles(settings.contentDirectory())) {
            Problems found = new Problems(settings.display(file));
            String name = file.getFileName().toString().replaceFirst("\\.md$", "");
            Optional<String> text = YamlSource.readText(file, found);
            if (text.isPresent() && name.startsWith("_")) {
                partials.put(
                        name.substring(1),
                        new SiteContent.Partial(markdown.toHtml(text.get()), markdown.firstParagraph(text.get())));
            } else if (text.isPresent()) {
                page(name, text.get(), found).ifPresent(pages::add);
            }
            problems.addAll(found.list());
        }
        return new SiteContent(pages, partials, problems);
    }

    private Optional<ContentPage> page(String name, String text, Problems problems) {
        if (!PAGE_NAME.matcher(name).matches()) {
            problems.at(
                    Position.START,
                    "a page's file name becomes its address: use lowercase"
                            + " letters, digits and '-' (e.g. what-to-bring.md), or start it with '_' for a partial");
            return Optional.empty();
        }
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            problems.at(
                    Position.START, "a page starts with front matter: a line '---', 'title: ...', and another '---'");
            return Optional.empty();
        }
        int close = normalized.indexOf("\n---\n", 3);
        if (close < 0) {
            problems.at(Position.START, "the front matter is not closed: add a line '---' after it");
            return Optional.empty();
        }
        // A leading newline stands for the opening '---' line, so YAML positions are the file's lines.
        String frontMatter = "\n" + normalized.substring(4, close + 1);
        String body = normalized.substring(close + 5);
        Optional<MappingNode> node = YamlSource.parseMapping(frontMatter, problems, "the page's title and description");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = new Fields(node.get(), "", FRONT_MATTER_KEYS, problems);
        Optional<String> title = fields.requiredText("title", "Directions to the dock");
        String description = fields.text("description").map(String::trim).orElse("");
        Optional<LocalDate> updated = fields.has("updated") ? fields.requiredDate("updated") : Optional.empty();
        return title.map(t -> new ContentPage(name, t.trim(), description, updated, markdown.toHtml(body)));
    }

    private static List<Path> markdownFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
