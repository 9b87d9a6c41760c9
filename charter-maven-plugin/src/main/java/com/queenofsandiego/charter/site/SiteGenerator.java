package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.BookingDigest;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.booking.KnownBooking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Renders the site into {@code <output>/site}: guest pages and calendar files per booking, public pages from
 * Markdown, sitemap, robots.txt and hashed assets. Every file has a fingerprint of exactly what it is rendered from
 * (its booking, the roster entries and partials it shows, the theme, the settings, the renderer), so a run renders
 * only what changed: {@link #generate} against the last run in the same directory, a deploy against what is live.
 * Output is deterministic.
 */
public final class SiteGenerator {

    /**
     * The name under which a {@link BookingDigest} keeps {@link #shownHash}: a booking known from its digest is
     * fingerprinted without being parsed.
     */
    public static final String SHOWN = "shown";

    private static final String STATE_FILE = "generate-state.json";

    private final SiteSettings settings;
    private final String renderer;
    private final PageTemplates templates;

    public SiteGenerator(SiteSettings settings) {
        this(settings, Renderer.current());
    }

    /** @param renderer the fingerprint of the code that renders ({@link Renderer#current()}) */
    public SiteGenerator(SiteSettings settings, String renderer) {
        this.settings = settings;
        this.renderer = renderer;
        this.templates = new PageTemplates(settings);
    }

    /**
     * Sets the template engine up, which is most of what a first page costs: for a caller with a thread to spare while
     * the bookings are still being read. The outputs of any {@link #outputs} call render with it.
     */
    public void prepareRendering() {
        templates.prepare();
    }

    /**
     * Renders every file whose inputs changed since the last run in this directory, and removes files no input
     * produces any more.
     *
     * @throws SiteException for problems in the content or theme, all of them, each with file and line
     */
    public GenerationReport generate(Bookings bookings) {
        long started = System.nanoTime();
        SiteOutputs outputs = outputs(bookings);
        Path site = settings.siteDirectory();
        Path stateFile = settings.outputDirectory().resolve(STATE_FILE);
        GenerationState previous = GenerationState.read(stateFile);
        // A site directory this run creates holds nothing stray: no need to look at each of its files afterwards.
        boolean fresh = !Files.exists(site);
        List<String> stale = outputs.fingerprints().entrySet().stream()
                .filter(entry -> !previous.unchanged(entry.getKey(), entry.getValue())
                        || !Files.isRegularFile(site.resolve(entry.getKey())))
                .map(Map.Entry::getKey)
                .toList();
        int rendered = outputs.render(stale);
        int removed = fresh ? 0 : removeStrays(site, outputs.fingerprints().keySet());
        new GenerationState(outputs.fingerprints()).write(stateFile);
        return new GenerationReport(
                rendered,
                outputs.fingerprints().size() - rendered,
                removed,
                bookings.bookings().size() + bookings.known().size(),
                outputs.pages(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Every file the site should hold, with its fingerprint; nothing is rendered until asked.
     *
     * @throws SiteException for problems in the content, all of them, each with file and line
     */
    public SiteOutputs outputs(Bookings bookings) {
        SiteContent content = new ContentLoader(settings).load();
        if (!content.problems().isEmpty()) {
            throw new SiteException(content.problems());
        }
        return new SiteOutputs(
                settings.siteDirectory(),
                plan(bookings, content),
                content.pages().size(),
                templates::prepare);
    }

    /** Every file the site should hold, with the fingerprint of its inputs and how to render it. */
    private Map<String, SiteOutputs.Output> plan(Bookings bookings, SiteContent content) {
        Assets assets = Assets.scan(settings.themeDirectory().resolve("assets"));
        MarkdownRenderer markdown = new MarkdownRenderer();
        List<Map<String, String>> navigation = navigation(content.pages());
        // What every page shows: the code, the settings, the theme (templates and the asset names they link), the menu.
        String pages = fingerprint(
                renderer,
                settingsFingerprint(),
                directoryFingerprint(settings.themeDirectory()),
                // Map.of iterates in an order that changes from one JVM to the next: spell the menu out.
                navigation.stream()
                        .map(item -> item.get("title") + "\u0000" + item.get("url"))
                        .toList()
                        .toString());

        Map<String, SiteOutputs.Output> outputs = new LinkedHashMap<>();
        assets.files().forEach((path, source) -> outputs.put(path, new SiteOutputs.Output(path, () -> read(source))));
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
            outputs.put(
                    page.path(),
                    new SiteOutputs.Output(
                            fingerprint(pages, page.toString()), () -> templates.render("page", variables)));
        }
        String index = fingerprint(
                renderer,
                settings.siteUrl(),
                content.pages().stream()
                        .map(page -> page.urlPath() + "@"
                                + page.updated().map(Object::toString).orElse(""))
                        .toList()
                        .toString());
        outputs.put(
                "sitemap.xml", new SiteOutputs.Output(index, () -> Sitemap.xml(content.pages(), settings.siteUrl())));
        outputs.put(
                "robots.txt",
                new SiteOutputs.Output(
                        fingerprint(renderer, settings.siteUrl()), () -> Sitemap.robots(settings.siteUrl())));

        Optional<SiteContent.Partial> meetingPoint = content.partial("meeting-point");
        String partials = fingerprint(
                meetingPoint.map(Object::toString).orElse(""),
                content.partial("what-to-bring").map(Object::toString).orElse(""));
        String location = meetingPoint.map(SiteContent.Partial::firstParagraph).orElse("");
        String calendars =
                fingerprint(renderer, settings.siteUrl(), settings.zone().getId(), location);
        Supplier<CalendarFile> calendar = memoize(() -> new CalendarFile(settings, location));
        // Each crew member as a page's fingerprint takes them in, spelled out once rather than once per booking.
        Map<String, String> crew = new HashMap<>();
        bookings.roster().members().forEach((id, member) -> crew.put(id, member.toString()));
        GuestOutputs guests = (slug, shown, crewIds, booking) -> {
            // Worked out when first asked for, in parallel with the other bookings' (SiteOutputs#fingerprints).
            Supplier<String> page = () -> fingerprint(
                    pages,
                    partials,
                    shown.get(),
                    crewIds.stream()
                            .map(id -> crew.getOrDefault(id, id))
                            .toList()
                            .toString());
            outputs.put("g/" + slug + ".html", new SiteOutputs.Output(page, () -> {
                Map<String, Object> variables =
                        GuestPage.variables(booking.get(), bookings.roster(), content, settings, markdown);
                variables.put("navigation", navigation);
                variables.put("assets", assets);
                return templates.render("guest", variables);
            }));
            outputs.put(
                    "g/" + slug + ".ics",
                    new SiteOutputs.Output(
                            () -> fingerprint(calendars, shown.get()),
                            () -> calendar.get().render(booking.get())));
        };
        for (Booking booking : bookings.bookings()) {
            guests.add(booking.slug(), memoize(() -> shownHash(booking)), booking.crew(), () -> booking);
        }
        for (KnownBooking known : bookings.known()) {
            BookingDigest digest = known.digest();
            guests.add(digest.slug(), () -> digest.derived().get(SHOWN), digest.crew(), known::booking);
        }
        return outputs;
    }

    /** A booking's guest page and calendar file: by slug, from what the page shows and the crew, rendered from it. */
    @FunctionalInterface
    private interface GuestOutputs {
        void add(String slug, Supplier<String> shown, List<String> crew, Supplier<Booking> booking);
    }

    /** A hash of what a booking's guest page and calendar file show of it (internal notes and contacts are not shown). */
    public static String shownHash(Booking booking) {
        return sha256(renderedFields(booking));
    }

    /** The fields a guest page or calendar file shows; internal notes and contact details are not among them. */
    private static String renderedFields(Booking b) {
        return String.join(
                "\u0000",
                b.id(),
                b.source().name(),
                b.status().name(),
                b.slug(),
                b.title(),
                b.date().toString(),
                b.start().toString(),
                b.end().toString(),
                b.guest().name(),
                String.valueOf(b.guest().partySize().orElse(0)),
                String.join(",", b.crew()),
                b.guestNotes().orElse(""),
                Boolean.toString(b.photos()));
    }

    private static List<Map<String, String>> navigation(List<ContentPage> pages) {
        return pages.stream()
                .sorted(Comparator.comparing((ContentPage p) -> !p.name().equals("index"))
                        .thenComparing(ContentPage::name))
                .map(p -> Map.of("title", p.name().equals("index") ? "Home" : p.title(), "url", p.urlPath()))
                .toList();
    }

    private String settingsFingerprint() {
        return fingerprint(
                settings.siteUrl(),
                settings.zone().getId(),
                settings.sccEndpoint().orElse(""),
                settings.uploadOrigin().orElse(""),
                Long.toString(settings.maxPhotoBytes()));
    }

    /** Every file under a directory, by name and content. */
    private static String directoryFingerprint(Path directory) {
        StringBuilder all = new StringBuilder();
        for (Path file : filesUnder(directory)) {
            all.append(directory.relativize(file))
                    .append('=')
                    .append(Assets.sha256(read(file)))
                    .append('\n');
        }
        return sha256(all.toString());
    }

    private static String fingerprint(String... parts) {
        return sha256(String.join("\u0000", parts));
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
            directories = walk.filter(Files::isDirectory)
                    .sorted(Comparator.reverseOrder())
                    .toList();
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
}
