package com.queenofsandiego.charter.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tools/node/screenshots.cjs}, which the pull-request workflow runs: a phone-sized PNG of each page a plan uploads. */
class ScreenshotToolTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("charter.repository", ".."))
            .toAbsolutePath()
            .normalize();

    @TempDir
    Path work;

    @Test
    void screenshotsEachUploadedPageWithItsAbsolutelyLinkedStyles() throws Exception {
        Path site = work.resolve("site");
        Files.createDirectories(site.resolve("g"));
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/site.css"), "html, body { background: #00ff00; margin: 0; }");
        Files.writeString(
                site.resolve("g/trip.html"),
                "<!doctype html><link rel=stylesheet href=\"/assets/site.css\"><p>Trip</p>");
        Files.writeString(site.resolve("g/trip.ics"), "BEGIN:VCALENDAR");
        Path plan = work.resolve("plan.json");
        Files.writeString(
                plan,
                "{\"s3\":{\"uploads\":[{\"key\":\"g/trip.html\"},{\"key\":\"g/trip.ics\"},{\"key\":\"assets/site.css\"}]}}");

        Process process = new ProcessBuilder(
                        "node",
                        REPOSITORY.resolve("tools/node/screenshots.cjs").toString(),
                        plan.toString(),
                        site.toString(),
                        work.resolve("shots").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        try (var files = Files.walk(work.resolve("shots"))) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(f -> work.resolve("shots").relativize(f).toString()))
                    .containsExactly("g/trip.png");
        }
        BufferedImage image = ImageIO.read(work.resolve("shots/g/trip.png").toFile());
        assertThat(image.getWidth()).isEqualTo(390);
        assertThat(image.getHeight()).isEqualTo(844);
        assertThat(image.getRGB(200, 800) & 0xffffff)
                .as("the stylesheet's background")
                .isEqualTo(0x00ff00);
    }
}
