package com.queenofsandiego.charter.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewServerTest {

    @TempDir
    Path site;

    PreviewServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(site.resolve("g"));
        Files.createDirectories(site.resolve(".charter"));
        Files.writeString(site.resolve("index.html"), "<html><body><h1>Home</h1></body></html>");
        Files.writeString(site.resolve("g/abc123.html"), "<html><body><h1>Your charter</h1></body></html>");
        Files.writeString(site.resolve("g/abc123.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        Files.writeString(site.resolve(".charter/ledger.json"), "{}");
        Files.writeString(site.getParent().resolve("secret.txt"), "outside the site");
        server = PreviewServer.start(site, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesGuestPagesAtTheirCleanAddress() throws Exception {
        HttpResponse<String> page = get("/g/abc123");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<h1>Your charter</h1>");
        assertThat(get("/g/abc123/").body()).contains("Your charter");
        assertThat(get("/g/abc123.ics").headers().firstValue("Content-Type")).contains("text/calendar; charset=utf-8");
        assertThat(get("/").body()).contains("Home");
    }

    @Test
    void theReloadScriptIsAFileOfThePagesOwnOriginNotInline() throws Exception {
        // Pages refuse inline scripts (Content-Security-Policy), so the injected script must be loaded from the
        // preview.
        String page = get("/g/abc123").body();

        assertThat(page)
                .contains("<script src=\"" + PreviewServer.RELOAD_SCRIPT_PATH + "\"></script></body>")
                .doesNotContainPattern("<script>");
        HttpResponse<String> script = get(PreviewServer.RELOAD_SCRIPT_PATH);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(script.body())
                .contains("new EventSource('" + PreviewServer.EVENTS_PATH + "')")
                .contains("location.reload()");
    }

    @Test
    void aPageThatConnectsToNamedHostsOnlyMayAlsoConnectBackForReloads() throws Exception {
        Files.writeString(
                site.resolve("g/photos.html"),
                "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
                        + "default-src 'self'; connect-src https://scc.example.com\"></head><body><p>connect-src</p></body></html>");

        assertThat(get("/g/photos").body())
                .contains("content=\"default-src 'self'; connect-src 'self' https://scc.example.com\"")
                .contains("<p>connect-src</p>");
        assertThat(get("/g/abc123").body()).doesNotContain("connect-src");
    }

    @Test
    void keepsPrivateAndOutsideFilesOut() throws Exception {
        assertThat(get("/.charter/ledger.json").statusCode()).isEqualTo(404);
        assertThat(get("/%2e%2e/secret.txt").statusCode()).isEqualTo(404);
        assertThat(get("/g/nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void tellsOpenPagesToReload() throws Exception {
        HttpResponse<InputStream> events = http.send(
                HttpRequest.newBuilder(server.baseUri().resolve(PreviewServer.EVENTS_PATH))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo(": connected");

        server.reload();

        assertThat(lines.readLine()).isEmpty();
        assertThat(lines.readLine()).isEqualTo("data: reload");
    }
}
