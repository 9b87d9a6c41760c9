package com.queenofsandiego.charter.browser;

import com.queenofsandiego.charter.booking.BookingLoader;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.serve.PreviewServer;
import com.queenofsandiego.charter.site.SiteGenerator;
import com.queenofsandiego.charter.site.SiteSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This repository's guest pages in headless Chromium, through the preview's production routing: what a guest sees,
 * accessibility (axe-core: no serious or critical violation), weight, and screenshots for reviewers under
 * {@code target/charter/screenshots/}.
 */
class GuestPageBrowserTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("charter.repository", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path SCREENSHOTS = REPOSITORY.resolve("target/charter/screenshots");
    private static final Path AXE = REPOSITORY.resolve("tools/node/node_modules/axe-core/axe.min.js");

    private static Path site;
    private static Bookings bookings;

    @BeforeAll
    static void render() throws Exception {
        Path output = Files.createTempDirectory("charter-browser");
        SiteSettings settings = new SiteSettings(
                REPOSITORY,
                REPOSITORY.resolve("site-content"),
                REPOSITORY.resolve("theme"),
                output,
                "https://queenofsandiego.com",
                ZoneId.of("America/Los_Angeles"),
                Optional.of("http://127.0.0.1:9/scc"),
                Optional.of("http://127.0.0.1:9"),
                SiteSettings.DEFAULT_MAX_PHOTO_BYTES);
        bookings = new BookingLoader(REPOSITORY)
                .load(REPOSITORY.resolve("bookings"), REPOSITORY.resolve("site-content/crew.yaml"));
        new SiteGenerator(settings).generate(bookings);
        site = settings.siteDirectory();
        if (!Files.isRegularFile(AXE)) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(AXE.getParent().getParent().getParent().toFile())
                    .redirectErrorStream(true)
                    .start();
            npm.getInputStream().transferTo(System.out);
            assertThat(npm.waitFor()).as("npm ci in tools/node").isZero();
        }
    }

    private static String slugOf(String id) {
        return bookings.bookings().stream()
                .filter(b -> b.id().equals(id))
                .findFirst()
                .orElseThrow()
                .slug();
    }

    @Test
    void aGuestSeesTheirTripOnPhoneAndDesktopWithNoSeriousAccessibilityProblem() throws Exception {
        String slug = slugOf("BS-48213");
        try (PreviewServer server = PreviewServer.start(site, 0)) {
            for (int[] size : List.of(new int[] {390, 844}, new int[] {1280, 800})) {
                try (Chromium chromium = new Chromium(size[0], size[1])) {
                    chromium.driver().get(server.baseUri() + "/g/" + slug);

                    assertThat(chromium.driver().findElement(By.tagName("h1")).getText())
                            .isEqualTo("3hr Charter - Boatsetter");
                    assertThat(chromium.driver().findElement(By.tagName("time")).getText())
                            .isEqualTo("Saturday, December 5, 2026 · 10:00 AM – 1:00 PM");
                    assertThat(chromium.driver()
                                    .findElement(By.cssSelector("#photos label"))
                                    .getText())
                            .isEqualTo("Choose photos");
                    assertThat(chromium.driver().findElements(By.cssSelector(".crew li")))
                            .hasSize(2);
                    assertThat(violations(chromium))
                            .as("serious or critical axe-core violations")
                            .isEmpty();
                    assertThat(chromium.cspViolations())
                            .as("Content-Security-Policy violations")
                            .isEmpty();
                    chromium.screenshot(SCREENSHOTS.resolve("guest-" + size[0] + "x" + size[1] + ".png"));
                }
            }
        }
    }

    @Test
    void aCancelledBookingsPageSaysSoAndOffersNoUpload() throws Exception {
        try (PreviewServer server = PreviewServer.start(site, 0);
                Chromium chromium = new Chromium(390, 844)) {
            chromium.driver().get(server.baseUri() + "/g/" + slugOf("BS-49102"));

            assertThat(chromium.driver()
                            .findElement(By.cssSelector("[role=alert]"))
                            .getText())
                    .contains("This charter was cancelled");
            assertThat(chromium.driver().findElements(By.id("photos"))).isEmpty();
            assertThat(violations(chromium)).isEmpty();
            assertThat(chromium.cspViolations()).isEmpty();
            chromium.screenshot(SCREENSHOTS.resolve("guest-cancelled-390x844.png"));
        }
    }

    @Test
    void theBrowserEnforcesThePagesPolicy() throws Exception {
        try (PreviewServer server = PreviewServer.start(site, 0);
                Chromium chromium = new Chromium(390, 844)) {
            chromium.driver().get(server.baseUri() + "/g/" + slugOf("BS-49102"));

            chromium.driver()
                    .executeScript(
                            "fetch('http://127.0.0.1:9/elsewhere').catch(() => {});"
                                    + "const img = document.createElement('img'); img.src = 'https://tracker.example/p.gif'; document.body.append(img);");
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(10))
                    .until(d -> chromium.cspViolations().size() == 2);

            assertThat(chromium.cspViolations())
                    .containsExactlyInAnyOrder(
                            "connect-src blocked http://127.0.0.1:9/elsewhere",
                            "img-src blocked https://tracker.example/p.gif");
        }
    }

    @Test
    void aGuestPageWeighsUnder40Kilobytes() throws IOException {
        String slug = slugOf("BS-48213");
        long bytes = Files.size(site.resolve("g/" + slug + ".html"));
        try (Stream<Path> assets = Files.walk(site.resolve("assets"))) {
            bytes += assets.filter(
                            p -> p.toString().endsWith(".css") || p.toString().endsWith(".js"))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }

        assertThat(bytes).as("HTML + CSS + JS of a guest page, uncompressed").isLessThan(40 * 1024);
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(Chromium chromium) throws IOException {
        chromium.driver().executeScript(Files.readString(AXE));
        List<Map<String, Object>> found = (List<Map<String, Object>>)
                chromium.driver()
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + "axe.run(document).then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                                        + ".map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))));");
        return found.stream()
                .map(v -> v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"))
                .toList();
    }
}
