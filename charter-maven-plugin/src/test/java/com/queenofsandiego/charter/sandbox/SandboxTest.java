package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox as any client sees it: the contract's paths, statuses and auth, over real HTTP. */
class SandboxTest {

    private static final String EVENT = """
            {"event_name":"3hr Charter - Boatsetter","date":"2026-06-01","start_time":"10:00","end_time":"13:00",
             "crew":["maria_lopez"],"notes":"Guest: Jane Smith, Boatsetter ID: BS-1","external_id":"BS-1"}""";
    private static final String ENTRY = """
            {"title":"3hr Charter - Boatsetter","date":"2026-06-01","start_time":"10:00","end_time":"13:00",
             "notes":"Guest: Jane Smith, Boatsetter ID: BS-1","external_id":"BS-1"}""";

    @TempDir
    Path work;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(
            TestSandbox sandbox,
            String method,
            String path,
            String header,
            String value,
            String body,
            String... extraHeaders)
            throws Exception {
        return call(sandbox.baseUri(), method, path, header, value, body, extraHeaders);
    }

    private HttpResponse<String> call(
            URI base, String method, String path, String header, String value, String body, String... extraHeaders)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            request.header(header, value);
        }
        for (int i = 0; i < extraHeaders.length; i += 2) {
            request.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> scc(
            TestSandbox sandbox, String method, String path, String body, String... extraHeaders) throws Exception {
        return call(sandbox, method, path, "Authorization", "Bearer key-1", body, extraHeaders);
    }

    @Test
    void everyCallNeedsTheRightSecret() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1")) {
            assertThat(call(sandbox, "GET", "/calendar?external_id=BS-1", null, null, null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(call(sandbox, "GET", "/calendar?external_id=BS-1", "X-Dashboard-Token", "token-2", null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(call(sandbox, "GET", "/calendar?external_id=BS-1", "X-Dashboard-Token", "token-1", null)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(call(sandbox, "GET", "/events", "Authorization", "Bearer key-2", null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(call(sandbox, "GET", "/events", "Authorization", "key-1", null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(call(sandbox, "POST", "/calendar", "X-Dashboard-Token", "token-1", ENTRY)
                            .statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    void aCreateRepeatedWithItsIdempotencyKeyMakesOneEvent() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1")) {
            HttpResponse<String> first = scc(sandbox, "POST", "/events", EVENT, "Idempotency-Key", "BS-1-0123456789ab");
            HttpResponse<String> again = scc(sandbox, "POST", "/events", EVENT, "Idempotency-Key", "BS-1-0123456789ab");

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json(again).get("id")).isEqualTo(json(first).get("id"));
            assertThat(json(scc(sandbox, "GET", "/events?external_id=BS-1", null)))
                    .hasSize(1);
            assertThat(json(scc(sandbox, "GET", "/events?external_id=BS-2", null)))
                    .isEmpty();
            assertThat(sandbox.store(RemoteSystem.SCC).creates("BS-1")).isEqualTo(1);
        }
    }

    @Test
    void updatesAndDeletesAnswerAsTheContractSays() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1")) {
            String id = json(scc(sandbox, "POST", "/events", EVENT)).get("id").asText();

            HttpResponse<String> put = scc(sandbox, "PUT", "/events/" + id, EVENT.replace("10:00", "09:00"));
            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(json(put).get("start_time").asText()).isEqualTo("09:00");
            assertThat(scc(sandbox, "PUT", "/events/no-such", EVENT).statusCode())
                    .isEqualTo(404);
            assertThat(scc(sandbox, "PUT", "/events/" + id, "{\"event_name\":\"x\"}")
                            .statusCode())
                    .isEqualTo(422);
            assertThat(scc(sandbox, "POST", "/events", EVENT.replace("2026-06-01", "June 1"))
                            .statusCode())
                    .isEqualTo(422);
            assertThat(scc(sandbox, "POST", "/events", "not json").statusCode()).isEqualTo(422);
            assertThat(scc(sandbox, "DELETE", "/events/" + id, null).statusCode())
                    .isEqualTo(204);
            assertThat(scc(sandbox, "DELETE", "/events/" + id, null).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void stateOutlivesARestart() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1")) {
            scc(sandbox, "POST", "/events", EVENT, "Idempotency-Key", "BS-1-aaaaaaaaaaaa");
        }
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1")) {
            assertThat(json(scc(sandbox, "GET", "/events?external_id=BS-1", null)))
                    .hasSize(1);
            assertThat(scc(sandbox, "POST", "/events", EVENT, "Idempotency-Key", "BS-1-aaaaaaaaaaaa")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(json(scc(sandbox, "POST", "/events", EVENT.replace("BS-1", "BS-2")))
                            .get("id")
                            .asText())
                    .isEqualTo("scc-2");
        }
    }

    @Test
    void createsUpdatesAndDeletesOutliveARestartAndNoIdIsHandedOutTwice() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1")) {
            scc(sandbox, "POST", "/events", EVENT, "Idempotency-Key", "BS-1-aaaaaaaaaaaa");
            scc(sandbox, "POST", "/events", EVENT.replace("BS-1", "BS-2"));
            scc(sandbox, "POST", "/events", EVENT.replace("BS-1", "BS-3"));
            scc(sandbox, "PUT", "/events/scc-1", EVENT.replace("10:00", "09:00"));
            scc(sandbox, "DELETE", "/events/scc-3", null);
        }
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1")) {
            assertThat(sandbox.store(RemoteSystem.SCC).entries())
                    .extracting(entry -> entry.get("id").asText() + " "
                            + entry.get("external_id").asText() + " "
                            + entry.get("start_time").asText())
                    .containsExactly("scc-1 BS-1 09:00", "scc-2 BS-2 10:00");
            HttpResponse<String> replayed =
                    scc(sandbox, "POST", "/events", EVENT, "Idempotency-Key", "BS-1-aaaaaaaaaaaa");
            assertThat(replayed.statusCode()).isEqualTo(200);
            assertThat(json(replayed).get("start_time").asText()).isEqualTo("09:00");
            assertThat(json(scc(sandbox, "POST", "/events", EVENT.replace("BS-1", "BS-4")))
                            .get("id")
                            .asText())
                    .isEqualTo("scc-4");
        }
    }

    @Test
    void readsTheStateAsTheSandboxKeptItBeforeItsJournal() throws Exception {
        Files.writeString(work.resolve("scc.json"), """
                {
                  "next_id" : 8,
                  "entries" : {
                    "scc-5" : {
                      "id" : "scc-5",
                      "event_name" : "3hr Charter - Boatsetter",
                      "external_id" : "BS-1"
                    },
                    "scc-7" : {
                      "id" : "scc-7",
                      "event_name" : "3hr Charter - Boatsetter",
                      "external_id" : "BS-2"
                    }
                  },
                  "idempotency_keys" : {
                    "BS-1-aaaaaaaaaaaa" : "scc-5"
                  }
                }
                """);
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1")) {
            assertThat(sandbox.store(RemoteSystem.SCC).entries())
                    .extracting(entry -> entry.get("id").asText())
                    .containsExactly("scc-5", "scc-7");
            HttpResponse<String> replayed =
                    scc(sandbox, "POST", "/events", EVENT, "Idempotency-Key", "BS-1-aaaaaaaaaaaa");
            assertThat(replayed.statusCode()).isEqualTo(200);
            assertThat(json(replayed).get("id").asText()).isEqualTo("scc-5");
            assertThat(json(scc(sandbox, "POST", "/events", EVENT.replace("BS-1", "BS-3")))
                            .get("id")
                            .asText())
                    .isEqualTo("scc-8");
        }
    }

    @Test
    void anUnreadableStateFailsItsFirstUseNamingTheFilesAndWhatToDo() throws Exception {
        Files.writeString(work.resolve("jada.json"), "{\"entries\": {");
        SandboxStore store = new SandboxStore(RemoteSystem.JADA, work);
        try {
            assertThatThrownBy(() -> store.find(Optional.empty()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the sandbox's JADA state is not readable (" + work.resolve("jada.json"))
                    .hasMessageEndingWith("; delete " + work.resolve("jada.json") + " and "
                            + work.resolve("jada.journal.jsonl") + " to start the sandbox empty");
        } finally {
            store.close();
        }
    }

    @Test
    void faultsFailCallsOnPurpose() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1")) {
            sandbox.faults().inject(new Faults.Status(429, 7), 1, 2);

            assertThat(scc(sandbox, "GET", "/events", null).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = scc(sandbox, "GET", "/events", null);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("7");
            assertThat(scc(sandbox, "POST", "/events", EVENT).statusCode()).isEqualTo(429);
            assertThat(sandbox.store(RemoteSystem.SCC).entries()).isEmpty();

            sandbox.faults().inject(new Faults.CommitThenDrop(), 0, 1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> scc(sandbox, "POST", "/events", EVENT))
                    .isInstanceOf(java.io.IOException.class);
            assertThat(sandbox.store(RemoteSystem.SCC).entries()).hasSize(1);
            assertThat(sandbox.faults().calls()).isEqualTo(4);
        }
    }

    @Test
    void aLatencyDelaysEveryAnswerAndTheLogListsCallsInOrder() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1", Duration.ofMillis(150))) {
            long started = System.nanoTime();
            assertThat(scc(sandbox, "POST", "/events", EVENT).statusCode()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

            scc(sandbox, "GET", "/events?external_id=BS-1", null);
            scc(sandbox, "DELETE", "/events/scc-1", null);

            assertThat(sandbox.log()).containsExactly("POST /events BS-1", "GET /events BS-1", "DELETE /events/scc-1");
        }
    }

    @Test
    void aHookSeesEachCallAndMayAnswerInsteadOfTheSandbox() throws Exception {
        List<String> seen = new ArrayList<>();
        Sandbox.RequestHook hook = (request, next) -> {
            seen.add(request.system() + " " + request.method() + " " + request.path() + " " + request.query() + " "
                    + request.body().length + (request.authorised() ? "" : " refused"));
            return request.method().equals("DELETE") ? new Sandbox.Response(503, null) : next.apply(request);
        };
        try (Sandbox sandbox = Sandbox.start(work, 0, "token-1", "key-1", hook)) {
            assertThat(call(sandbox.baseUri(), "GET", "/events", "Authorization", "Bearer key-2", null)
                            .statusCode())
                    .isEqualTo(401);
            String id = json(call(sandbox.baseUri(), "POST", "/events", "Authorization", "Bearer key-1", EVENT))
                    .get("id")
                    .asText();
            assertThat(call(sandbox.baseUri(), "DELETE", "/events/" + id, "Authorization", "Bearer key-1", null)
                            .statusCode())
                    .isEqualTo(503);
            assertThat(json(call(
                            sandbox.baseUri(),
                            "GET",
                            "/events?external_id=BS-1",
                            "Authorization",
                            "Bearer key-1",
                            null)))
                    .hasSize(1);

            assertThat(seen)
                    .containsExactly(
                            "SCC GET /events null 0 refused",
                            "SCC POST /events null " + EVENT.length(),
                            "SCC DELETE /events/scc-1 null 0",
                            "SCC GET /events external_id=BS-1 0");
        }
    }

    @Test
    void handEditsGoThroughTheApiWithoutBeingCountedOrFaulted() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(work, 0, "token-1", "key-1")) {
            String id = json(scc(sandbox, "POST", "/events", EVENT)).get("id").asText();
            var calls = sandbox.calls();
            sandbox.faults().inject(new Faults.Status(500, 0), 0, 100);
            TestSandbox.Store store = sandbox.store(RemoteSystem.SCC);

            assertThat(store.editByHand(id, "start_time", "07:00")).isTrue();
            String copy = store.duplicateByHand(id);
            assertThat(store.deleteByHand(id)).isTrue();
            assertThat(store.editByHand(id, "start_time", "08:00")).isFalse();

            assertThat(store.entries()).singleElement().satisfies(entry -> {
                assertThat(entry.get("id").asText()).isEqualTo(copy).isNotEqualTo(id);
                assertThat(entry.get("start_time").asText()).isEqualTo("07:00");
                assertThat(entry.get("external_id").asText()).isEqualTo("BS-1");
            });
            assertThat(sandbox.calls()).isEqualTo(calls);
            assertThat(sandbox.faults().calls()).isEqualTo(1);
            assertThat(sandbox.log()).containsExactly("POST /events BS-1");
            assertThat(store.creates("BS-1")).isEqualTo(1);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }
}
