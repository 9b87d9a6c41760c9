package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.FileTrees;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SiteGeneratorTest {

    @TempDir
    Path root;

    private Document page(SiteFixture site, String path) throws IOException {
        return Jsoup.parse(site.site(path).toFile(), "UTF-8");
    }

    @Test
    void guestPageShowsWhatAGuestNeeds() throws IOException {
        SiteFixture site = new SiteFixture(root, Optional.of("https://scc.example.com/api/"))
                .booking("a.yaml", SiteFixture.booking("BS-48213", "xhqgmdh", "guest_notes: |\n  Meet **early**.\n"));

        site.generate();
        Document page = page(site, "g/xhqgmdh.html");

        assertThat(page.select("h1").text()).isEqualTo("3hr Charter - Boatsetter");
        assertThat(page.select("time").text()).isEqualTo("Thursday, May 30, 2024 · 10:00 AM – 1:00 PM");
        assertThat(page.select("time").attr("datetime")).isEqualTo("2024-05-30T10:00-07:00");
        assertThat(page.select(".crew li").eachText()).containsExactly("Maria, Captain", "Dana, First Mate");
        assertThat(page.select(".prose strong").eachText()).contains("early");
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://queenofsandiego.com/g/xhqgmdh");
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("3hr Charter - Boatsetter");
        assertThat(page.select("a[download]").attr("href")).isEqualTo("/g/xhqgmdh.ics");
        assertThat(page.select("#photos").attr("data-presign-url"))
                .isEqualTo("https://scc.example.com/api/g/BS-48213/presign");
        assertThat(page.select("script[src]").attr("src")).matches("/assets/js/upload\\.[0-9a-f]{10}\\.js");
        assertThat(page.select("#meet-heading + .prose").text()).contains("Harbor Island West Marina");
    }

    @Test
    void cancelledBookingSaysSoAndOffersNoUpload() throws IOException {
        SiteFixture site = new SiteFixture(root, Optional.of("https://scc.example.com"))
                .booking("a.yaml", SiteFixture.booking("BS-1", "gone-trip", "status: cancelled\n"));

        site.generate();
        Document page = page(site, "g/gone-trip.html");

        assertThat(page.select("[role=alert] h2").text()).isEqualTo("This charter was cancelled");
        assertThat(page.select("#photos")).isEmpty();
        assertThat(page.select("script[src]")).isEmpty();
        assertThat(page.select("a[download]")).isEmpty();
    }

    @Test
    void aCancelledBookingsPageNamesNobody() throws IOException {
        SiteFixture site = new SiteFixture(root, Optional.of("https://scc.example.com"))
                .booking("a.yaml", SiteFixture.booking("BS-1", "gone-trip", "status: cancelled\n"));

        site.generate();

        assertThat(page(site, "g/gone-trip.html").text())
                .contains("This charter was cancelled")
                .doesNotContain("Jane", "Maria", "Dana", "Welcome aboard");
    }

    @Test
    void theFirstNameEndsAtAnyKindOfSpace() throws IOException {
        SiteFixture site = new SiteFixture(root, Optional.empty())
                .booking(
                        "b.yaml",
                        SiteFixture.booking("BS-2", "nbsp-trip", "")
                                .replace("name: Jane Smith", "name: \"Jane\\u00A0Smith\""))
                .booking(
                        "c.yaml",
                        SiteFixture.booking("BS-3", "em-trip", "")
                                .replace("name: Jane Smith", "name: \"Jane\\u2003Smith\""));

        site.generate();

        for (String slug : new String[] {"nbsp-trip", "em-trip"}) {
            assertThat(page(site, "g/" + slug + ".html").select(".eyebrow").text())
                    .as(slug)
                    .isEqualTo("Welcome aboard, Jane");
        }
    }

    @Test
    void everyPageForbidsReferrersInlineScriptAndConnectionsElsewhere() throws IOException {
        SiteFixture site = new SiteFixture(root, Optional.of("https://scc.example.com/api/"))
                .booking("a.yaml", SiteFixture.booking("BS-1", "photo-trip", ""))
                .booking("b.yaml", SiteFixture.booking("BS-2", "gone-trip", "status: cancelled\n"));
        String policy = "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

        site.generate();

        Map<String, String> pages = new TreeMap<>(tree(site.settings.siteDirectory()));
        pages.keySet().removeIf(path -> !path.endsWith(".html"));
        assertThat(pages).containsKeys("g/photo-trip.html", "g/gone-trip.html", "index.html", "faq.html");
        for (Map.Entry<String, String> file : pages.entrySet()) {
            Document page = Jsoup.parse(file.getValue());
            assertThat(page.select("head > meta[name=referrer]").attr("content"))
                    .as(file.getKey())
                    .isEqualTo("no-referrer");
            assertThat(page.select("head > meta[http-equiv=Content-Security-Policy]")
                            .attr("content"))
                    .as(file.getKey())
                    .isEqualTo(
                            file.getKey().equals("g/photo-trip.html")
                                    ? policy + "; connect-src https://scc.example.com " + SiteFixture.UPLOAD_ORIGIN
                                    : policy);
            assertThat(page.select("script:not([src])"))
                    .as(file.getKey() + ": inline scripts")
                    .isEmpty();
            assertThat(page.getAllElements().stream()
                            .flatMap(e -> e.attributes().asList().stream())
                            .filter(a -> a.getKey().startsWith("on")
                                    || a.getValue().trim().toLowerCase().startsWith("javascript:")))
                    .as(file.getKey() + ": inline event handlers")
                    .isEmpty();
        }
    }

    @Test
    void withoutAnUploadOriginGuestPagesOfferNoUpload() throws IOException {
        SiteFixture base = new SiteFixture(root, Optional.empty())
                .booking("a.yaml", SiteFixture.booking("BS-1", "photo-trip", ""));
        SiteSettings settings = new SiteSettings(
                root,
                base.settings.contentDirectory(),
                base.settings.themeDirectory(),
                base.settings.outputDirectory(),
                base.settings.siteUrl(),
                base.settings.zone(),
                Optional.of("https://scc.example.com"),
                Optional.empty(),
                SiteSettings.DEFAULT_MAX_PHOTO_BYTES);

        new SiteGenerator(settings).generate(base.bookings());
        Document page = page(base, "g/photo-trip.html");

        assertThat(page.select("[data-photo-upload]")).isEmpty();
        assertThat(page.select("script[src]")).isEmpty();
        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .doesNotContain("connect-src");
    }

    @Test
    void theUploadOriginIsReducedToAnOriginAndMustBeOne() {
        SiteSettings base = new SiteFixture(root, Optional.empty()).settings;
        java.util.function.Function<String, SiteSettings> withUploadOrigin = origin -> new SiteSettings(
                root,
                base.contentDirectory(),
                base.themeDirectory(),
                base.outputDirectory(),
                base.siteUrl(),
                base.zone(),
                Optional.empty(),
                Optional.of(origin),
                1);

        assertThat(withUploadOrigin
                        .apply("HTTPS://Guest-Photos.s3.us-west-2.amazonaws.com/uploads/")
                        .uploadOrigin())
                .contains("https://guest-photos.s3.us-west-2.amazonaws.com");
        assertThat(withUploadOrigin.apply("http://127.0.0.1:9000").uploadOrigin())
                .contains("http://127.0.0.1:9000");
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> withUploadOrigin.apply("guest-photos"));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> withUploadOrigin.apply("https://a b"));
    }

    @Test
    void photosFalseHidesTheWidget() throws IOException {
        SiteFixture site = new SiteFixture(root, Optional.of("https://scc.example.com"))
                .booking("a.yaml", SiteFixture.booking("BS-1", "no-photos", "photos: no\n"));

        site.generate();

        assertThat(page(site, "g/no-photos.html").select("#photos")).isEmpty();
    }

    @Test
    void hostileTextShowsAsTextAndUnsafeLinksAreDropped() throws IOException {
        String yaml = SiteFixture.booking(
                        "BS-1",
                        "hostile",
                        "title: \"<script>alert(1)</script>\"\n"
                                + "guest_notes: |\n  <img src=x onerror=alert(1)> [click](javascript:alert(1)) [d](data:text/html,x)\n")
                .replace("name: Jane Smith", "name: '\"><img src=x onerror=alert(1)>'");
        SiteFixture site = new SiteFixture(root, Optional.empty()).booking("a.yaml", yaml);

        site.generate();
        Document page = page(site, "g/hostile.html");

        assertThat(page.select("h1").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(page.select(".eyebrow").text()).isEqualTo("Welcome aboard, \"><img");
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("[onerror]")).isEmpty();
        assertThat(page.select("a[href^=javascript], a[href^=data]")).isEmpty();
    }

    @Test
    void internalNotesAndContactDetailsAppearInNoOutputFile() throws IOException {
        SiteFixture site = new SiteFixture(root, Optional.empty())
                .booking("a.yaml", SiteFixture.booking("BS-1", "private-bits", ""));

        site.generate();

        for (Map.Entry<String, String> file :
                tree(site.settings.siteDirectory()).entrySet()) {
            assertThat(file.getValue())
                    .as(file.getKey())
                    .doesNotContain("INTERNAL-NOTE", "jane.secret@example.com", "555 0199", "Smith");
        }
    }

    @Test
    void sitemapListsPublicPagesOnlyAndRobotsLetsCrawlersReadTheNoindexOfGuestPages() throws IOException {
        SiteFixture site = new SiteFixture(root, Optional.empty())
                .booking("a.yaml", SiteFixture.booking("BS-1", "secret-page", ""));

        site.generate();
        Document sitemap =
                Jsoup.parse(Files.readString(site.site("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());

        assertThat(sitemap.select("url > loc").eachText())
                .contains(
                        "https://queenofsandiego.com/",
                        "https://queenofsandiego.com/faq.html",
                        "https://queenofsandiego.com/what-to-bring.html",
                        "https://queenofsandiego.com/directions-to-the-dock.html")
                .noneMatch(url -> url.contains("/g/"));
        assertThat(sitemap.select("url > lastmod").eachText()).allMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(Files.readString(site.site("robots.txt")))
                .doesNotContain("/g/")
                .isEqualTo("User-agent: *\nDisallow:\n\nSitemap: https://queenofsandiego.com/sitemap.xml\n");
        assertThat(page(site, "faq.html").select("h1").text()).isEqualTo("Frequently asked questions");
    }

    @Test
    void twoRunsGiveByteIdenticalTrees(@TempDir Path other) throws IOException {
        String yaml = SiteFixture.booking("BS-1", "same-trip", "");
        SiteFixture first = new SiteFixture(root, Optional.empty()).booking("a.yaml", yaml);
        SiteFixture second = new SiteFixture(other, Optional.empty()).booking("a.yaml", yaml);

        first.generate();
        second.generate();

        assertThat(tree(first.settings.siteDirectory()))
                .isEqualTo(tree(second.settings.siteDirectory()))
                .hasSizeGreaterThan(8);
    }

    @Test
    void reRendersOnlyWhatAChangedBookingTouchesAndRemovesDeletedOnes() throws IOException {
        SiteFixture site = new SiteFixture(root, Optional.empty())
                .booking("a.yaml", SiteFixture.booking("BS-1", "trip-one", ""))
                .booking("b.yaml", SiteFixture.booking("BS-2", "trip-two", ""));
        GenerationReport first = site.generate();

        GenerationReport unchanged = site.generate();
        site.booking("a.yaml", SiteFixture.booking("BS-1", "trip-one", "title: Sunset Cruise\n"));
        GenerationReport changed = site.generate();
        site.booking("b.yaml", SiteFixture.booking("BS-2", "trip-two", "").replace("INTERNAL-NOTE", "changed note"));
        GenerationReport internalOnly = site.generate();
        site.remove("b.yaml");
        GenerationReport removed = site.generate();

        assertThat(first.rendered())
                .isEqualTo(first.rendered() + first.unchanged())
                .isGreaterThan(8);
        assertThat(unchanged.rendered()).isZero();
        assertThat(changed.rendered()).isEqualTo(2);
        assertThat(page(site, "g/trip-one.html").select("h1").text()).isEqualTo("Sunset Cruise");
        assertThat(internalOnly.rendered()).isZero();
        assertThat(removed.removed()).isEqualTo(2);
        assertThat(site.site("g/trip-two.html")).doesNotExist();
        assertThat(site.site("g/trip-two.ics")).doesNotExist();
    }

    /** A first run into a new site directory does not look for strays; one into an existing directory still removes them. */
    @Test
    void strayFilesAreRemovedFromAnExistingSiteDirectoryEvenWithoutState() throws IOException {
        SiteFixture site =
                new SiteFixture(root, Optional.empty()).booking("a.yaml", SiteFixture.booking("BS-1", "trip-one", ""));
        assertThat(site.settings.siteDirectory()).doesNotExist();
        GenerationReport fresh = site.generate();
        Files.delete(site.settings.outputDirectory().resolve("generate-state.json"));
        Files.writeString(site.site("g/hand-made.html"), "stray");
        Files.createDirectories(site.site("old"));
        Files.writeString(site.site("old/page.html"), "stray");

        GenerationReport again = site.generate();

        assertThat(fresh.removed()).isZero();
        assertThat(again.removed()).isEqualTo(2);
        assertThat(site.site("g/hand-made.html")).doesNotExist();
        assertThat(site.site("old")).doesNotExist();
        assertThat(again.rendered()).isEqualTo(fresh.rendered());
    }

    @Test
    void aBrokenTemplateIsReportedWithItsFileAndLine(@TempDir Path theme) throws IOException {
        FileTrees.copy(SiteFixture.REPOSITORY.resolve("theme"), theme);
        Files.writeString(
                theme.resolve("templates/page.html"),
                "<html>\n<body>\n<p th:text=\"${title.nope()}\">x</p>\n</body></html>\n");
        SiteFixture base =
                new SiteFixture(root, Optional.empty()).booking("a.yaml", SiteFixture.booking("BS-1", "any-trip", ""));
        SiteSettings settings = new SiteSettings(
                theme.getParent(),
                base.settings.contentDirectory(),
                theme,
                base.settings.outputDirectory(),
                base.settings.siteUrl(),
                base.settings.zone(),
                Optional.empty(),
                Optional.empty(),
                1);

        SiteException error = org.junit.jupiter.api.Assertions.assertThrows(
                SiteException.class, () -> new SiteGenerator(settings).generate(base.bookings()));

        assertThat(error.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).endsWith("templates/page.html");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).startsWith("template error: ");
        });
    }

    private static Map<String, String> tree(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
