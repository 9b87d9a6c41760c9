package com.queenofsandiego.charter.serve;

import com.queenofsandiego.charter.sandbox.UploadLinks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview's photo receiver over real HTTP: only its own unexpired links, for the signed type and size, under the
 * booking's directory, from the page's origin.
 */
class PhotoReceiverTest {

    private static final String PAGE = "http://127.0.0.1:8080";
    private static final long MAX_BYTES = 1000;
    private static final byte[] PHOTO = "not really a jpeg, just 32 bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path work;

    Path photos;
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T18:00:00Z"));
    final HttpClient http = HttpClient.newHttpClient();
    PhotoReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        photos = work.resolve("local/uploads");
        receiver = PhotoReceiver.start(photos, PAGE, MAX_BYTES, clock);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private UploadLinks.Link link(String filename, String type, long size) {
        return receiver.links().forPhoto("BS-48213", filename, type, size).orElseThrow();
    }

    private HttpResponse<String> put(String url, String type, byte[] body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(UploadLinks.Link link, byte[] body) throws Exception {
        return put(link.url(), link.headers().get("Content-Type"), body);
    }

    /** Every file under the work directory, relative to it: what the receiver has written, wherever it is. */
    private List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(work)) {
            return walk.filter(Files::isRegularFile)
                    .map(f -> work.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aPhotoSentWithItsLinkLandsInTheBookingsDirectoryWithItsBytes() throws Exception {
        UploadLinks.Link link = link("Día de playa.JPG", "image/jpeg", PHOTO.length);
        assertThat(link.key()).matches("uploads/BS-48213/[0-9a-f-]{36}-Dia-de-playa\\.JPG");
        assertThat(link.url()).startsWith(receiver.origin() + "/" + link.key() + "?");
        assertThat(link.method()).isEqualTo("PUT");
        assertThat(link.expiresIn()).isEqualTo(900);
        assertThat(link.headers())
                .containsEntry("Content-Type", "image/jpeg")
                .containsEntry("Content-Length", String.valueOf(PHOTO.length));

        HttpResponse<String> answer = put(link, PHOTO);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("ETag"))
                .contains("\""
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("MD5").digest(PHOTO)) + "\"");
        Path file = photos.resolve(link.key().substring("uploads/".length()));
        assertThat(receiver.file(link.key())).isEqualTo(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(PHOTO);
        assertThat(files()).containsExactly("local/uploads/" + link.key().substring("uploads/".length()));
    }

    @Test
    void linksAreOnlyForPhotoTypesAndSizesWithinTheLimit() {
        assertThat(receiver.links().forPhoto("BS-48213", "a.exe", "application/octet-stream", 3))
                .isEmpty();
        assertThat(receiver.links().forPhoto("BS-48213", "a.jpg", "image/jpeg", 0))
                .isEmpty();
        assertThat(receiver.links().forPhoto("BS-48213", "a.jpg", "image/jpeg", MAX_BYTES + 1))
                .isEmpty();
        assertThat(receiver.links().forPhoto("..", "a.jpg", "image/jpeg", 3))
                .as("a booking id that is a dot segment")
                .isEmpty();
        assertThat(receiver.links().forPhoto("BS-48213", "a.jpg", " IMAGE/JPEG ", MAX_BYTES))
                .isPresent();
    }

    @Test
    void aForgedOrTamperedLinkIsRefused() throws Exception {
        UploadLinks.Link link = link("a.jpg", "image/jpeg", PHOTO.length);
        String url = link.url();
        String otherKey = link.key().replace("-a.jpg", "-b.jpg");
        try (PhotoReceiver other = PhotoReceiver.start(work.resolve("other"), PAGE, MAX_BYTES, clock)) {
            String signedElsewhere = other.links()
                    .forPhoto("BS-48213", "a.jpg", "image/jpeg", PHOTO.length)
                    .orElseThrow()
                    .url()
                    .replace(other.origin(), receiver.origin());
            assertThat(put(signedElsewhere, "image/jpeg", PHOTO).statusCode())
                    .as("another process's link")
                    .isEqualTo(403);
        }
        String signature = url.substring(url.indexOf("signature=") + "signature=".length());
        char flipped = signature.charAt(5) == 'A' ? 'B' : 'A';
        List<String> forged = List.of(
                url.replace(link.key(), otherKey),
                url.replace(
                        "signature=" + signature,
                        "signature=" + signature.substring(0, 5) + flipped + signature.substring(6)),
                url.replace("signature=" + signature, "signature=" + "A".repeat(43)),
                url.replace("signature=" + signature, "signature=!!!"),
                url.replace("signature=" + signature, "signature="),
                url.replace("&signature=" + signature, ""),
                url.replace("&signature=", "&signature=" + signature + "&signature="),
                url.replaceAll("expires=([0-9]+)", "expires=9$1"),
                url.replace("type=image%2Fjpeg", "type=image%2Fpng"));
        for (String attempt : forged) {
            String type = attempt.contains("image%2Fpng") ? "image/png" : "image/jpeg";
            assertThat(put(attempt, type, PHOTO).statusCode()).as(attempt).isEqualTo(403);
        }
        String longer = url.replace("length=" + PHOTO.length, "length=" + (PHOTO.length + 1));
        assertThat(put(
                                longer,
                                "image/jpeg",
                                (new String(PHOTO, StandardCharsets.UTF_8) + "!").getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .as("a longer length than signed")
                .isEqualTo(403);
        assertThat(files()).isEmpty();
    }

    @Test
    void aLinkExpiresAfterFifteenMinutes() throws Exception {
        UploadLinks.Link link = link("a.jpg", "image/jpeg", PHOTO.length);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        HttpResponse<String> late = put(link, PHOTO);
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.body()).contains("expired");
        assertThat(files()).isEmpty();

        UploadLinks.Link fresh = link("a.jpg", "image/jpeg", PHOTO.length);
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(put(fresh, PHOTO).statusCode()).isEqualTo(200);
    }

    @Test
    void theSignedTypeAndLengthOnly() throws Exception {
        UploadLinks.Link link = link("a.jpg", "image/jpeg", PHOTO.length);
        assertThat(put(link.url(), "image/png", PHOTO).statusCode())
                .as("another type")
                .isEqualTo(403);
        assertThat(put(link.url(), "text/html", PHOTO).statusCode())
                .as("not a photo")
                .isEqualTo(403);
        assertThat(put(link.url(), null, PHOTO).statusCode()).as("no type").isEqualTo(403);
        assertThat(put(link, new byte[PHOTO.length + 1]).statusCode())
                .as("a larger body")
                .isEqualTo(403);
        assertThat(put(link, new byte[PHOTO.length - 1]).statusCode())
                .as("a smaller body")
                .isEqualTo(403);
        assertThat(put(link, new byte[0]).statusCode()).as("no body").isEqualTo(403);
        assertThat(files()).isEmpty();
    }

    @Test
    void aBodyIsNeverReadPastTheSignedLengthAndAShortOneLeavesNothing() throws Exception {
        UploadLinks.Link link = link("a.jpg", "image/jpeg", PHOTO.length);
        String target = URI.create(link.url()).getRawPath() + "?"
                + URI.create(link.url()).getRawQuery();

        // Chunked: no length to hold it to, however much follows.
        String chunked = raw("PUT " + target
                + " HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nTransfer-Encoding: chunked\r\n\r\n" + "800\r\n"
                + "x".repeat(0x800) + "\r\n0\r\n\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 411");

        // Declares fewer bytes than it sends: what follows the declared length is not part of the photo.
        String declaredShort =
                raw("PUT " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: "
                        + PHOTO.length + "\r\n\r\n" + new String(PHOTO, StandardCharsets.UTF_8) + "x".repeat(5000));
        assertThat(declaredShort).startsWith("HTTP/1.1 200");
        assertThat(Files.readAllBytes(receiver.file(link.key()))).isEqualTo(PHOTO);
        Files.delete(receiver.file(link.key()));

        // Goes away half-way: nothing at the key, no partial file anywhere.
        String cutShort = raw("PUT " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: "
                + PHOTO.length + "\r\n\r\n" + new String(PHOTO, 0, 10, StandardCharsets.UTF_8));
        assertThat(cutShort).doesNotStartWith("HTTP/1.1 200");
        for (int i = 0; i < 50 && !files().isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void keysCannotLeaveTheBookingsDirectoryEvenWithAValidSignature() throws Exception {
        long expires = clock.instant().getEpochSecond() + 900;
        List<String> keys = List.of(
                "uploads/BS-48213/../../../escaped.jpg",
                "uploads/BS-48213/%2e%2e/%2e%2e/escaped.jpg",
                "uploads/BS-48213/..%2F..%2Fescaped.jpg",
                "uploads/BS-48213/..%2f..%2fescaped.jpg",
                "uploads/../escaped.jpg",
                "uploads/BS-48213/00000000-0000-0000-0000-000000000000-a/../../../escaped.jpg",
                "uploads/../uploads/BS-48213/00000000-0000-0000-0000-000000000000-a.jpg",
                "uploads/BS-48213/00000000-0000-0000-0000-000000000000-..%2F..%2Fescaped.jpg",
                "uploads/./BS-48213/00000000-0000-0000-0000-000000000000-a.jpg",
                "uploads/BS-48213//00000000-0000-0000-0000-000000000000-a.jpg",
                "uploads/BS-48213/00000000-0000-0000-0000-000000000000-.hidden",
                "uploads/BS-48213/x/00000000-0000-0000-0000-000000000000-a.jpg",
                "site/index.html",
                "escaped.jpg");
        for (String key : keys) {
            String query = "?type=image%2Fjpeg&length=" + PHOTO.length + "&expires=" + expires + "&signature="
                    + receiver.signature(key, "image/jpeg", PHOTO.length, expires);
            String answer = raw("PUT /" + key + query
                    + " HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: " + PHOTO.length
                    + "\r\nConnection: close\r\n\r\n" + new String(PHOTO, StandardCharsets.UTF_8));
            assertThat(answer).as(key).matches("HTTP/1.1 4[0-9][0-9] .*");
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void onlyThePagesOriginMayPutFromABrowser() throws Exception {
        HttpResponse<String> ok = preflight(PAGE, "PUT", "content-type");
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Methods")).contains("PUT");
        assertThat(ok.headers().firstValue("Access-Control-Allow-Headers")).contains("content-type");

        for (HttpResponse<String> refused : List.of(
                preflight("http://127.0.0.1:8081", "PUT", "content-type"),
                preflight("https://evil.example", "PUT", "content-type"),
                preflight("null", "PUT", "content-type"),
                preflight(PAGE + ".evil.example", "PUT", "content-type"),
                preflight(PAGE, "DELETE", "content-type"),
                preflight(PAGE, "PUT", "content-type, authorization"))) {
            assertThat(refused.statusCode())
                    .as(refused.request().headers().map().toString())
                    .isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }

        UploadLinks.Link link = link("a.jpg", "image/jpeg", PHOTO.length);
        HttpResponse<String> foreign = http.send(
                HttpRequest.newBuilder(URI.create(link.url()))
                        .header("Content-Type", "image/jpeg")
                        .header("Origin", "https://evil.example")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(PHOTO))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(files()).isEmpty();

        HttpResponse<String> fromPage = http.send(
                HttpRequest.newBuilder(URI.create(link.url()))
                        .header("Content-Type", "image/jpeg")
                        .header("Origin", PAGE)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(PHOTO))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromPage.statusCode()).isEqualTo(200);
        assertThat(fromPage.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
    }

    @Test
    void nothingIsServedBack() throws Exception {
        UploadLinks.Link link = link("a.jpg", "image/jpeg", PHOTO.length);
        assertThat(put(link, PHOTO).statusCode()).isEqualTo(200);
        HttpResponse<String> get =
                http.send(HttpRequest.newBuilder(URI.create(link.url())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).doesNotContain(new String(PHOTO, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> preflight(String origin, String method, String headers) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(receiver.origin() + "/uploads/BS-48213/x.jpg"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", method)
                        .header("Access-Control-Request-Headers", headers)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code request} as is on a fresh connection and half-closes it; the status line, or "" if none came. */
    private String raw(String request) throws IOException {
        URI origin = URI.create(receiver.origin());
        try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    answer.write(b);
                }
            } catch (IOException reset) {
                // the server closed the connection without answering
            }
            return answer.toString(StandardCharsets.ISO_8859_1).trim();
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
