package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.serve.PreviewServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The presign route over real HTTP, and its link used for a real PUT to the local S3-compatible bucket. */
class PresignRouteTest {

    @TempDir
    Path work;
    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(PreviewServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAsTheContractSaysAndTheLinkTakesThePhoto() throws Exception {
        try (PreviewServer server = PreviewServer.start(work.resolve("site"), 0);
             UploadBucket bucket = UploadBucket.start(work.resolve("uploads"), server.baseUri().toString())) {
            server.route(PresignRoute.PATH, new PresignRoute(Set.of("BS-48213")::contains, bucket.links()));

            HttpResponse<String> ok = get(server, "/g/BS-48213/presign?filename=My%20Photo.jpg&content_type=image%2Fjpeg");
            JsonNode link = new ObjectMapper().readTree(ok.body());

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(link.get("method").asText()).isEqualTo("PUT");
            assertThat(link.get("expires_in").asInt()).isEqualTo(900);
            assertThat(link.at("/headers/Content-Type").asText()).isEqualTo("image/jpeg");
            assertThat(get(server, "/g/BS-99999/presign?filename=a.jpg&content_type=image%2Fjpeg").statusCode()).isEqualTo(404);
            assertThat(get(server, "/g/BS-48213/presign?filename=a.exe&content_type=application%2Foctet-stream").statusCode())
                    .isEqualTo(400);

            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(link.get("url").asText()))
                    .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(link.get("url").asText().replace("My-Photo", "Other")))
                    .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {4})).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
        }
    }
}
