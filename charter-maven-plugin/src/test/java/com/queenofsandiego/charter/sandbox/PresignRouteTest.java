package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.serve.PhotoReceiver;
import com.queenofsandiego.charter.serve.PreviewServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The presign route over real HTTP, and its link used for real PUTs to the preview's photo receiver. */
class PresignRouteTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate CHARTER = LocalDate.of(2026, 12, 5);
    private static final long MAX_BYTES = 1000;
    private static final String PHOTO = "/g/BS-48213/presign?filename=My%20Photo.jpg&content_type=image%2Fjpeg";

    @TempDir
    Path work;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(PreviewServer server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(JsonNode link, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(link.get("url").asText()))
                        .header("Content-Type", "image/jpeg")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The route for booking BS-48213 on {@link #CHARTER}, as seen at {@code now} in the site's zone. */
    private static PresignRoute route(PhotoReceiver bucket, ZonedDateTime now) {
        Map<String, LocalDate> dates = Map.of("BS-48213", CHARTER);
        return new PresignRoute(
                id -> Optional.ofNullable(dates.get(id)),
                bucket.links(),
                MAX_BYTES,
                Clock.fixed(now.toInstant(), ZONE));
    }

    @Test
    void answersAsTheContractSaysAndTheLinkTakesThePhotoOfTheSignedSizeOnly() throws Exception {
        try (PreviewServer server = PreviewServer.start(work.resolve("site"), 0);
                PhotoReceiver bucket = PhotoReceiver.start(
                        work.resolve("uploads"), server.baseUri().toString(), MAX_BYTES)) {
            server.route(PresignRoute.PATH, route(bucket, CHARTER.atTime(9, 0).atZone(ZONE)));

            HttpResponse<String> ok = get(server, PHOTO + "&size=3");
            JsonNode link = new ObjectMapper().readTree(ok.body());

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(link.get("method").asText()).isEqualTo("PUT");
            assertThat(link.get("expires_in").asInt()).isEqualTo(900);
            assertThat(link.at("/headers/Content-Type").asText()).isEqualTo("image/jpeg");
            assertThat(link.at("/headers/Content-Length").asText()).isEqualTo("3");
            assertThat(get(server, "/g/BS-99999/presign?filename=a.jpg&content_type=image%2Fjpeg&size=3")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(get(server, "/g/BS-48213/presign?filename=a.exe&content_type=application%2Foctet-stream&size=3")
                            .statusCode())
                    .isEqualTo(400);

            assertThat(put(link, new byte[4]).statusCode())
                    .as("a body larger than signed")
                    .isEqualTo(403);
            assertThat(put(link, new byte[2]).statusCode())
                    .as("a body smaller than signed")
                    .isEqualTo(403);
            HttpResponse<String> exact = put(link, new byte[] {1, 2, 3});
            assertThat(exact.statusCode()).as(exact.body()).isEqualTo(200);
            HttpResponse<String> forged = http.send(
                    HttpRequest.newBuilder(URI.create(link.get("url").asText().replace("My-Photo", "Other")))
                            .header("Content-Type", "image/jpeg")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {4, 5, 6}))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aPhotoNeedsAValidSizeWithinTheLimit() throws Exception {
        try (PreviewServer server = PreviewServer.start(work.resolve("site"), 0);
                PhotoReceiver bucket = PhotoReceiver.start(
                        work.resolve("uploads"), server.baseUri().toString(), MAX_BYTES)) {
            server.route(PresignRoute.PATH, route(bucket, CHARTER.atTime(9, 0).atZone(ZONE)));

            for (String size :
                    new String[] {"", "&size=", "&size=0", "&size=-5", "&size=1e3", "&size=99999999999999999999999"}) {
                assertThat(get(server, PHOTO + size).statusCode()).as(size).isEqualTo(400);
            }
            assertThat(get(server, PHOTO + "&size=" + MAX_BYTES).statusCode()).isEqualTo(200);
            HttpResponse<String> tooLarge = get(server, PHOTO + "&size=" + (MAX_BYTES + 1));
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("at most 1000 bytes");
        }
    }

    @Test
    void linksAreHandedOutFromTwoDaysBeforeTheCharterToThirtyDaysAfterInTheSitesZone() throws Exception {
        try (PreviewServer server = PreviewServer.start(work.resolve("site"), 0);
                PhotoReceiver bucket = PhotoReceiver.start(
                        work.resolve("uploads"), server.baseUri().toString(), MAX_BYTES)) {
            Map<ZonedDateTime, Integer> expected = Map.of(
                    CHARTER.minusDays(3).atTime(23, 59).atZone(ZONE), 403,
                    CHARTER.minusDays(2).atStartOfDay(ZONE), 200,
                    CHARTER.plusDays(30).atTime(23, 59).atZone(ZONE), 200,
                    CHARTER.plusDays(31).atStartOfDay(ZONE), 403,
                    // Already 3 December in UTC, still 2 December in San Diego: not yet.
                    CHARTER.minusDays(3).atTime(20, 0).atZone(ZONE).withZoneSameInstant(ZoneId.of("UTC")), 403);
            for (Map.Entry<ZonedDateTime, Integer> at : expected.entrySet()) {
                server.route(PresignRoute.PATH, route(bucket, at.getKey()));
                HttpResponse<String> answer = get(server, PHOTO + "&size=3");
                assertThat(answer.statusCode()).as(at.getKey().toString()).isEqualTo(at.getValue());
                if (at.getValue() == 403) {
                    assertThat(answer.body()).contains("2026-12-03").contains("2027-01-04");
                }
            }
        }
    }
}
