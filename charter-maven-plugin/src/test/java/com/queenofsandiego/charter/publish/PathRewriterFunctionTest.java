package com.queenofsandiego.charter.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.serve.SiteRouting;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The very file deploy publishes, run under Node against a table of viewer requests; the preview routes alike. */
class PathRewriterFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RESOURCES = Path.of("src/test/resources/com/queenofsandiego/charter/publish");

    @Test
    void rewritesGuestPagesKeepsQueriesAndHidesTheToolsRecords() throws Exception {
        Path function = Path.of("src/main/resources/com/queenofsandiego/charter/publish/path-rewriter.js");
        assertThat(PublishPlanner.functionSource()).contains("function handler(event)");
        Process node = new ProcessBuilder(
                        "node",
                        RESOURCES.resolve("run-function.cjs").toString(),
                        function.toString(),
                        RESOURCES.resolve("routing-cases.json").toString())
                .redirectErrorStream(true)
                .start();
        List<String> lines = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(String.join("\n", lines)).isZero();

        JsonNode cases = JSON.readTree(RESOURCES.resolve("routing-cases.json").toFile());
        assertThat(lines).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            JsonNode expected = cases.get(i);
            JsonNode actual = JSON.readTree(lines.get(i));
            if (expected.has("expectStatus")) {
                assertThat(actual.get("status").asInt())
                        .as(expected.get("uri").asText())
                        .isEqualTo(404);
                assertThat(SiteRouting.keyFor(expected.get("uri").asText())).isEmpty();
            } else {
                assertThat(actual.get("resultUri").asText())
                        .as(expected.get("uri").asText())
                        .isEqualTo(expected.get("expectUri").asText());
                if (expected.has("expectQuery")) {
                    assertThat(actual.get("query").get(0).asText())
                            .isEqualTo(expected.get("expectQuery").asText());
                }
                if (!expected.get("uri").asText().equals("/")
                        && !expected.get("expectUri").asText().endsWith("/")) {
                    assertThat(SiteRouting.keyFor(expected.get("uri").asText()))
                            .as("preview routing of " + expected.get("uri"))
                            .contains(expected.get("expectUri").asText().substring(1));
                }
            }
        }
    }
}
