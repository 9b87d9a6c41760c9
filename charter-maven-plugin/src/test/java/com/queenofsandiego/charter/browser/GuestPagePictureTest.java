package com.queenofsandiego.charter.browser;

import com.queenofsandiego.charter.booking.BookingLoader;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.serve.PreviewServer;
import com.queenofsandiego.charter.site.SiteGenerator;
import com.queenofsandiego.charter.site.SiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's picture of a guest page, {@code docs/guest-page-phone.png}, and {@code docs/guest-page-phone.source}
 * beside it: the SHA-256 of the page and of every asset it was taken from. The check compares that file with what the
 * code renders now, so it fails when the picture is stale, yet never on a font rendered a pixel differently.
 * {@code tools/guest-page-screenshot.sh} takes the picture again (this class with {@code -DupdateGuestPagePicture=true}).
 */
class GuestPagePictureTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("charter.repository", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path PICTURE = REPOSITORY.resolve("docs/guest-page-phone.png");
    private static final Path SOURCE = REPOSITORY.resolve("docs/guest-page-phone.source");
    /** The booking shown: bookings/2026/2026-12-05-BS-48213.yaml, with crew, notes and photo upload. */
    private static final String BOOKING = "BS-48213";

    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;
    private static final int SCALE = 2;

    @TempDir
    Path work;

    @Test
    @DisabledIfSystemProperty(named = "updateGuestPagePicture", matches = "true")
    void theCommittedPictureWasTakenFromWhatTheCodeRendersNow() throws Exception {
        Rendered rendered = render();

        assertThat(PICTURE)
                .as("the README's guest page picture; take it with tools/guest-page-screenshot.sh")
                .isRegularFile();
        BufferedImage image = ImageIO.read(PICTURE.toFile());
        assertThat(image.getWidth()).as("picture width").isEqualTo(WIDTH * SCALE);
        assertThat(image.getHeight()).as("picture height").isEqualTo(HEIGHT * SCALE);
        assertThat(SOURCE).isRegularFile();
        assertThat(Files.readString(SOURCE))
                .as(
                        "docs/guest-page-phone.png shows an older guest page; run tools/guest-page-screenshot.sh and commit both files")
                .isEqualTo(rendered.source());
    }

    @Test
    @EnabledIfSystemProperty(named = "updateGuestPagePicture", matches = "true")
    void takeThePicture() throws Exception {
        Rendered rendered = render();
        try (PreviewServer server = PreviewServer.start(rendered.site(), 0);
                Chromium chromium = new Chromium(WIDTH, HEIGHT)) {
            // A phone's viewport exactly (a headless window's size includes what no page sees), at its pixel density.
            chromium.driver()
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", SCALE, "mobile", true));
            chromium.driver().get(server.baseUri() + "/" + rendered.page());
            assertThat(chromium.driver().findElement(By.tagName("h1")).getText())
                    .isNotBlank();
            chromium.screenshot(PICTURE);
        }
        Files.writeString(SOURCE, rendered.source());

        BufferedImage image = ImageIO.read(PICTURE.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH * SCALE);
        assertThat(image.getHeight()).isEqualTo(HEIGHT * SCALE);
        System.out.println("wrote " + PICTURE + " and " + SOURCE);
    }

    private record Rendered(Path site, String page, String source) {}

    /** Renders this repository's site as a deploy with photo upload would, and fingerprints the booking's page. */
    private Rendered render() throws IOException {
        SiteSettings settings = new SiteSettings(
                REPOSITORY,
                REPOSITORY.resolve("site-content"),
                REPOSITORY.resolve("theme"),
                work.resolve("charter"),
                "https://queenofsandiego.com",
                ZoneId.of("America/Los_Angeles"),
                Optional.of("https://scc.example.com"),
                Optional.of("https://photos.example.com"),
                SiteSettings.DEFAULT_MAX_PHOTO_BYTES);
        Bookings bookings = new BookingLoader(REPOSITORY)
                .load(REPOSITORY.resolve("bookings"), REPOSITORY.resolve("site-content/crew.yaml"));
        new SiteGenerator(settings).generate(bookings);
        Path site = settings.siteDirectory();
        String page = "g/"
                + bookings.bookings().stream()
                        .filter(b -> b.id().equals(BOOKING))
                        .findFirst()
                        .orElseThrow()
                        .slug() + ".html";

        StringBuilder source = new StringBuilder()
                .append("# docs/guest-page-phone.png (")
                .append(WIDTH)
                .append('x')
                .append(HEIGHT)
                .append(" at scale ")
                .append(SCALE)
                .append(") shows the guest page of ")
                .append(BOOKING)
                .append(", rendered from these files.\n")
                .append(
                        "# Written by tools/guest-page-screenshot.sh; GuestPagePictureTest fails when the code renders them differently.\n");
        source.append(sha256(site.resolve(page)))
                .append("  guest page of ")
                .append(BOOKING)
                .append('\n');
        for (Path asset : assets(site)) {
            source.append(sha256(asset))
                    .append("  ")
                    .append(site.relativize(asset).toString().replace('\\', '/'))
                    .append('\n');
        }
        return new Rendered(site, page, source.toString());
    }

    private static List<Path> assets(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site.resolve("assets"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
