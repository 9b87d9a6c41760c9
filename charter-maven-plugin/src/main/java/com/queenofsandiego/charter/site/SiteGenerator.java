package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.booking.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Renders the whole site into {@code <output>/site}: guest pages and calendar files per booking, public pages from
 * Markdown, sitemap, robots.txt and hashed assets. Output is deterministic; files whose inputs did not change since
 * the last run are left alone, and files no input produces any more are removed.
 */
public final class SiteGenerator {

    /** Part of every fingerprint: raise it when rendering changes, so every file is rendered again. */
    private static final String RENDERING_VERSION = "2";
    private static final String STATE_FILE = "generate-state.json";

    private final SiteSettings settings;

    public SiteGenerator(SiteSettings settings) {
        this.settings = settings;
    }

    /** @throws SiteException for problems in the content or theme, all of them, each with file and line */
    public GenerationReport generate(Bookings bookings) {
        long started = System.nanoTime();
        SiteContent content = new ContentLoader(settings).load();
        if (!content.problems().isEmpty()) {
            throw new SiteException(content.problems());
        }
        Map<String, Output> outputs = plan(bookings, content);
        Path site = settings.siteDirectory();
        Path stateFile = settings.outputDirectory().resolve(STATE_FILE);
        GenerationState previous = GenerationState.read(stateFile);

        AtomicInteger rendered = new AtomicInteger();
        Set<Problem> problems = ConcurrentHashMap.newKeySet();
        Set<Path> directories = ConcurrentHashMap.newKeySet();
        outputs.entrySet().parallelStream().forEach(entry -> {
            Path file = site.resolve(entry.getKey());
            if (previous.unchanged(entry.getKey(), entry.getValue().fingerprint()) && Files.isRegularFile(file)) {
                return;
            }
            try {
                write(file, entry.getValue().content().get(), directories);
                rendered.incrementAndGet();
            } catch (SiteException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new SiteException(oneForEachPlace(problems));
        }
        int removed = removeStrays(site, outputs.keySet());
        Map<String, String> fingerprints = new TreeMap<>();
        outputs.forEach((path, output) -> fingerprints.put(path, output.fingerprint()));
        new GenerationState(fingerprints).write(stateFile);
        return new GenerationReport(rendered.get(), outputs.size() - rendered.get(), removed, bookings.bookings().size(),
                content.pages().size(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** A broken template fails once for every page it renders; the first message for each place is enough. */
    private static List<Problem> oneForEachPlace(Set<Problem> problems) {
        Map<String, Problem> first = new TreeMap<>();
        problems.stream().sorted().forEach(p -> first.putIfAbsent(p.file() + ":" + p.line() + ":" + p.column(), p));
        return first.values().stream().sorted().toList();
    }

    /** Every file the site should hold, with the fingerprint of its inputs and how to render it. */
    private Map<String, Output> plan(Bookings bookings, SiteContent content) {
        Assets assets = Assets.scan(settings.themeDirectory().resolve("assets"));
        PageTemplates templates = new PageTemplates(settings);
        MarkdownRenderer markdown = new MarkdownRenderer();
        String global = globalFingerprint();
        List<Map<String, String>> navigation = navigation(content.pages());

        Map<String, Output> outputs = new LinkedHashMap<>();
        assets.files().forEach((path, source) -> outputs.put(path, new Output(path, () -> read(source))));
        for (ContentPage page : content.pages()) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("title", page.title());
            variables.put("description", page.description());
            variables.put("body", page.html());
            variables.put("canonical", settings.siteUrl() + page.urlPath());
            variables.put("current", page.urlPath());
            variables.put("navigation", navigation);
            variables.put("assets", assets);
            variables.put("contentSecurityPolicy", ContentSecurityPolicy.SELF_ONLY);
            outputs.put(page.path(), new Output(global, () -> templates.render("page", variables)));
        }
        outputs.put("sitemap.xml", new Output(global, () -> Sitemap.xml(content.pages(), settings.siteUrl())));
        outputs.put("robots.txt", new Output(global, () -> Sitemap.robots(settings.siteUrl())));

        String location = content.partial("meeting-point").map(SiteContent.Partial::firstParagraph).orElse("");
        Supplier<CalendarFile> calendar = memoize(() -> new CalendarFile(settings, location));
        for (Booking booking : bookings.bookings()) {
            String fingerprint = sha256(global + "\n" + renderedFields(booking));
            outputs.put("g/" + booking.slug() + ".html", new Output(fingerprint, () -> {
                Map<String, Object> variables = GuestPage.variables(booking, bookings.roster(), content, settings, markdown);
                variables.put("navigation", navigation);
                variables.put("assets", assets);
                return templates.render("guest", variables);
            }));
            outputs.put("g/" + booking.slug() + ".ics", new Output(fingerprint, () -> calendar.get().render(booking)));
        }
        return outputs;
    }

    /** The fields a guest page or calendar file shows; internal notes and contact details are not among them. */
    private static String renderedFields(Booking b) {
        return String.join("\u0000", b.id(), b.source().name(), b.status().name(), b.slug(), b.title(), b.date().toString(),
                b.start().toString(), b.end().toString(), b.guest().name(), String.valueOf(b.guest().partySize().orElse(0)),
                String.join(",", b.crew()), b.guestNotes().orElse(""), Boolean.toString(b.photos()));
    }

    private static List<Map<String, String>> navigation(List<ContentPage> pages) {
        return pages.stream()
                .sorted(Comparator.comparing((ContentPage p) -> !p.name().equals("index")).thenComparing(ContentPage::name))
                .map(p -> Map.of("title", p.name().equals("index") ? "Home" : p.title(), "url", p.urlPath()))
                .toList();
    }

    /** Theme, content and settings: what every page depends on. */
    private String globalFingerprint() {
        StringBuilder all = new StringBuilder(RENDERING_VERSION).append('\n')
                .append(settings.siteUrl()).append('\n').append(settings.zone()).append('\n')
                .append(settings.sccEndpoint().orElse("")).append('\n').append(settings.uploadOrigin().orElse("")).append('\n')
                .append(settings.maxPhotoBytes()).append('\n');
        for (Path directory : List.of(settings.themeDirectory(), settings.contentDirectory())) {
            for (Path file : filesUnder(directory)) {
                all.append(directory.relativize(file)).append('=').append(Assets.sha256(read(file))).append('\n');
            }
        }
        return sha256(all.toString());
    }

    private static int removeStrays(Path site, Set<String> keep) {
        List<Path> strays = new ArrayList<>();
        for (Path file : filesUnder(site)) {
            if (!keep.contains(site.relativize(file).toString().replace('\\', '/'))) {
                strays.add(file);
            }
        }
        try {
            for (Path stray : strays) {
                Files.delete(stray);
            }
            removeEmptyDirectories(site);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove old files from " + site, e);
        }
        return strays.size();
    }

    private static void removeEmptyDirectories(Path site) throws IOException {
        if (!Files.isDirectory(site)) {
            return;
        }
        List<Path> directories;
        try (Stream<Path> walk = Files.walk(site)) {
            directories = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path directory : directories) {
            if (!directory.equals(site)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(directory);
                    }
                }
            }
        }
    }

    private static List<Path> filesUnder(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Creates each directory once a run: mkdir on an existing directory still locks its parent, which writers share. */
    private static void write(Path file, byte[] content, Set<Path> directories) {
        try {
            if (!directories.contains(file.getParent())) {
                Files.createDirectories(file.getParent());
                directories.add(file.getParent());
            }
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String sha256(String text) {
        return Assets.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        Map<String, T> cache = new ConcurrentHashMap<>();
        return () -> cache.computeIfAbsent("value", key -> supplier.get());
    }

    private record Output(String fingerprint, Supplier<byte[]> content) {
    }
}
