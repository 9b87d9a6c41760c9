package com.queenofsandiego.charter.browser;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by its chromedriver (installed by {@code .ci/run}); nothing is downloaded.
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    public Chromium(int width, int height) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver:"
                    + " apt-get install -y --no-install-recommends chromium chromium-driver (bash .ci/run does it)");
        }
        try {
            profile = Files.createTempDirectory("charter-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BINARY.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile,
                        "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // Runs before each page's own scripts, outside its Content-Security-Policy, so every violation is recorded.
        driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation',"
                                + " e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));"));
    }

    /** What the open page's Content-Security-Policy refused so far, as "directive blocked URI". */
    @SuppressWarnings("unchecked")
    public List<String> cspViolations() {
        return (List<String>) driver.executeScript("return window.__cspViolations || []");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
