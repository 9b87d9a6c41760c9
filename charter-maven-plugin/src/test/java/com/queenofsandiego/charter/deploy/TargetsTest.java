package com.queenofsandiego.charter.deploy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AWS SDK clients deploy builds, as an S3-compatible server and CloudFront see them. */
class TargetsTest {

    private final WireMockServer server =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private Targets.Connection connection;

    @BeforeEach
    void open() {
        // The SDK's default credential chain reads these first.
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.port());
        connection = Targets.open(new TargetSettings(
                TargetSettings.Kind.AWS,
                Path.of("unused"),
                Optional.of("site"),
                Optional.of("us-west-2"),
                Optional.of(endpoint),
                true,
                Optional.of("DIST123"),
                Optional.of(endpoint),
                Optional.empty(),
                ".charter/"));
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        server.stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void anS3CompatibleServerGetsNoChecksumsItDidNotAskFor() {
        server.stubFor(put(anyUrl())
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"0cc175b9c0f1b6a831c399e269772661\"")));

        connection.target().write(".charter/ledger.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json");

        LoggedRequest upload = server.findAll(putRequestedFor(urlPathEqualTo("/site/.charter/ledger.json")))
                .get(0);
        assertThat(upload.getHeaders().keys())
                .noneSatisfy(header -> assertThat(header.toLowerCase())
                        .matches("x-amz-checksum-.*|x-amz-sdk-checksum-algorithm|x-amz-trailer"));
    }

    @Test
    void bothClientsUseTheStandardRetryModeOfThreeAttempts() {
        server.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(500)));
        server.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> connection.target().write("busy", new byte[1], "text/plain"));
        assertThatThrownBy(() -> connection.cdn().orElseThrow().association("path-rewriter"));

        assertThat(server.findAll(putRequestedFor(urlPathEqualTo("/site/busy"))))
                .hasSize(3);
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/2020-05-31/distribution/DIST123/config"))))
                .hasSize(3);
    }
}
