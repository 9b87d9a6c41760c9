package com.queenofsandiego.charter.browser;

import com.queenofsandiego.charter.serve.PreviewServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** In a real browser, a page served by the preview reloads itself when the site is re-rendered, under the pages' policy. */
class LiveReloadBrowserTest {

    @TempDir
    Path site;

    @Test
    void anOpenGuestPageShowsTheReRenderedSite() throws Exception {
        Files.createDirectories(site.resolve("g"));
        // The policy every rendered page carries: no inline script, so the reload script must be a file.
        Files.writeString(
                site.resolve("g/abc123.html"),
                "<!doctype html><html><head><meta http-equiv=\"Content-Security-Policy\""
                        + " content=\"default-src 'self'\"></head><body><h1>Before</h1></body></html>");
        try (PreviewServer server = PreviewServer.start(site, 0);
                Chromium chromium = new Chromium(390, 844)) {
            chromium.driver().get(server.baseUri().resolve("/g/abc123").toString());
            assertThat(chromium.driver().findElement(By.tagName("h1")).getText())
                    .isEqualTo("Before");
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(10))
                    .until(d -> Boolean.TRUE.equals(
                            chromium.driver().executeScript("return document.readyState === 'complete'")));
            assertThat(chromium.cspViolations()).isEmpty();

            Files.writeString(site.resolve("g/abc123.html"), "<!doctype html><html><body><h1>After</h1></body></html>");
            WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(15));
            wait.pollingEvery(Duration.ofMillis(200));
            wait.until(d -> {
                server.reload();
                return ExpectedConditions.textToBe(By.tagName("h1"), "After").apply(d);
            });
        }
    }
}
