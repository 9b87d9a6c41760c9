package com.queenofsandiego.charter.browser;

import com.queenofsandiego.charter.booking.BookingLoader;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.sandbox.PhotoUploadLinks;
import com.queenofsandiego.charter.sandbox.PresignRoute;
import com.queenofsandiego.charter.serve.PhotoReceiver;
import com.queenofsandiego.charter.serve.PreviewServer;
import com.queenofsandiego.charter.site.SiteGenerator;
import com.queenofsandiego.charter.site.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest uploads photos from the guest page in headless Chromium: the page asks the presign route for a signed link
 * and PUTs each photo straight to the preview's photo receiver on another port of 127.0.0.1, across origins (CORS).
 */
class PhotoUploadBrowserTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("charter.repository", ".."))
            .toAbsolutePath()
            .normalize();
    private static final long MAX_BYTES = 200_000;
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    /** BS-48213's date in this repository's bookings. */
    private static final LocalDate CHARTER = LocalDate.of(2026, 12, 5);

    @TempDir
    Path work;

    @Test
    void twoPhotosArriveUnderTheBookingsPrefixAndWrongFilesAreExplained() throws Exception {
        Path site = work.resolve("out/site");
        try (PreviewServer server = PreviewServer.start(site, 0);
                PhotoReceiver bucket = PhotoReceiver.start(
                        work.resolve("uploads"), server.baseUri().toString(), MAX_BYTES);
                Chromium chromium = new Chromium(390, 844)) {
            String slug = renderSite(server, bucket);
            server.route(
                    PresignRoute.PATH,
                    new PresignRoute(
                            id -> id.equals("BS-48213") ? Optional.of(CHARTER) : Optional.empty(),
                            bucket.links(),
                            MAX_BYTES,
                            Clock.fixed(CHARTER.atTime(18, 0).atZone(ZONE).toInstant(), ZONE)));

            chromium.driver().get(server.baseUri() + "/g/" + slug);
            photoInput(chromium).sendKeys(photo("sunset.png", Color.ORANGE) + "\n" + photo("dolphins.png", Color.BLUE));
            WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30));
            wait.until(d -> d.findElement(By.cssSelector("[role=status]"))
                    .getAttribute("textContent")
                    .equals("All 2 photos uploaded. Thank you!"));

            assertThat(uploaded(bucket.file("uploads/BS-48213")))
                    .hasSize(2)
                    .anyMatch(name -> name.endsWith("-sunset.png"))
                    .anyMatch(name -> name.endsWith("-dolphins.png"));
            assertThat(chromium.driver().findElements(By.cssSelector(".uploads li progress")))
                    .allMatch(p -> "100".equals(p.getAttribute("value")));

            Path notes = Files.writeString(work.resolve("notes.txt"), "not a photo");
            Path huge = Files.write(work.resolve("huge.jpg"), new byte[(int) MAX_BYTES + 1]);
            chromium.driver().findElement(By.id("photo-input")).sendKeys(notes + "\n" + huge);
            wait.until(d -> d.findElements(By.cssSelector(".uploads li.failed")).size() == 2);
            List<String> states = chromium.driver().findElements(By.cssSelector(".uploads li.failed .state")).stream()
                    .map(e -> e.getText())
                    .toList();
            assertThat(states)
                    .containsExactlyInAnyOrder(
                            "notes.txt is not a photo we can take: use JPEG, PNG, HEIC or WebP.",
                            "huge.jpg is too large (0.2 MB); the limit is 0.2 MB.");
            assertThat(uploaded(bucket.file("uploads/BS-48213"))).hasSize(2);
            assertThat(chromium.cspViolations())
                    .as("Content-Security-Policy violations")
                    .isEmpty();
            chromium.driver().executeScript("document.getElementById('photos').scrollIntoView()");
            chromium.screenshot(REPOSITORY.resolve("target/charter/screenshots/guest-upload-390x844.png"));
        }
    }

    @Test
    void aRefusedLinkIsReplacedByAFreshOneOnce() throws Exception {
        Path site = work.resolve("out/site");
        AtomicInteger linksGiven = new AtomicInteger();
        try (PreviewServer server = PreviewServer.start(site, 0);
                PhotoReceiver bucket = PhotoReceiver.start(
                        work.resolve("uploads"), server.baseUri().toString(), MAX_BYTES);
                Chromium chromium = new Chromium(390, 844)) {
            String slug = renderSite(server, bucket);
            // The first link's signature is spoiled, as an expired link would be: the receiver answers 403.
            server.route(PresignRoute.PATH, exchange -> {
                String size = exchange.getRequestURI().getQuery().replaceAll(".*[?&]?size=([0-9]+).*", "$1");
                PhotoUploadLinks.Link link = bucket.links()
                        .forPhoto("BS-48213", "late.png", "image/png", Long.parseLong(size))
                        .orElseThrow();
                String url = linksGiven.getAndIncrement() == 0
                        ? link.url().replaceAll("signature=[A-Za-z0-9_-]+", "signature=" + "A".repeat(43))
                        : link.url();
                byte[] body = ("{\"url\":\"" + url
                                + "\",\"method\":\"PUT\",\"headers\":{\"Content-Type\":\"image/png\",\"Content-Length\":\""
                                + size + "\"},\"expires_in\":900}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });

            chromium.driver().get(server.baseUri() + "/g/" + slug);
            photoInput(chromium).sendKeys(photo("late.png", Color.GREEN).toString());
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.cssSelector("[role=status]"))
                            .getAttribute("textContent")
                            .equals("All 1 photo uploaded. Thank you!"));

            assertThat(linksGiven.get()).isEqualTo(2);
            assertThat(chromium.cspViolations()).isEmpty();
            assertThat(uploaded(bucket.file("uploads/BS-48213")))
                    .singleElement()
                    .asString()
                    .endsWith("-late.png");
        }
    }

    /** The page's file input, once the page has it (a slow start of the browser must not fail the test). */
    private static WebElement photoInput(Chromium chromium) {
        return new WebDriverWait(chromium.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("photo-input")));
    }

    /** This repository's site, whose pages ask the preview for upload links and PUT to the bucket; the slug of BS-48213. */
    private String renderSite(PreviewServer server, PhotoReceiver bucket) {
        Bookings bookings = new BookingLoader(REPOSITORY)
                .load(REPOSITORY.resolve("bookings"), REPOSITORY.resolve("site-content/crew.yaml"));
        new SiteGenerator(new SiteSettings(
                        REPOSITORY,
                        REPOSITORY.resolve("site-content"),
                        REPOSITORY.resolve("theme"),
                        work.resolve("out"),
                        "https://queenofsandiego.com",
                        ZONE,
                        Optional.of(server.baseUri().toString()),
                        Optional.of(bucket.origin()),
                        MAX_BYTES))
                .generate(bookings);
        return bookings.bookings().stream()
                .filter(b -> b.id().equals("BS-48213"))
                .findFirst()
                .orElseThrow()
                .slug();
    }

    private Path photo(String name, Color color) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        Path file = work.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static List<String> uploaded(Path prefix) throws IOException {
        if (!Files.isDirectory(prefix)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(prefix)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
