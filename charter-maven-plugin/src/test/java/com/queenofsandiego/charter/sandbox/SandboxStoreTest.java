package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Entries found by {@code external_id}, as charter looks a booking up before each create. */
class SandboxStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private static ObjectNode body(String externalId, String title) {
        return JSON.createObjectNode().put("title", title).put("external_id", externalId);
    }

    private static List<String> ids(List<ObjectNode> found) {
        return found.stream().map(entry -> entry.get("id").asText()).toList();
    }

    private static List<String> found(SandboxStore store, String externalId) {
        return ids(store.find(Optional.of(externalId)));
    }

    @Test
    void findsEntriesInTheOrderTheyWereMadeThroughCreatesChangesDeletesAndAReopen() {
        try (SandboxStore store = new SandboxStore(RemoteSystem.JADA, work)) {
            store.create(body("BS-1", "first"), Optional.empty());
            store.create(body("BS-2", "second"), Optional.empty());
            assertThat(found(store, "BS-1")).containsExactly("jada-1");

            store.create(body("BS-1", "third"), Optional.empty());
            assertThat(found(store, "BS-1")).containsExactly("jada-1", "jada-3");

            store.replace("jada-2", body("BS-1", "moved"));
            assertThat(found(store, "BS-1")).containsExactly("jada-1", "jada-2", "jada-3");
            assertThat(found(store, "BS-2")).isEmpty();

            store.delete("jada-1");
            assertThat(found(store, "BS-1")).containsExactly("jada-2", "jada-3");
            assertThat(store.find(Optional.of("BS-1")).get(0).get("title").asText())
                    .isEqualTo("moved");
            assertThat(found(store, "BS-9")).isEmpty();
        }
        try (SandboxStore reopened = new SandboxStore(RemoteSystem.JADA, work)) {
            assertThat(found(reopened, "BS-1")).containsExactly("jada-2", "jada-3");
            assertThat(ids(reopened.find(Optional.empty()))).containsExactly("jada-2", "jada-3");
        }
    }

    @Test
    void findsEntriesReadFromTheSnapshotWithoutParsingTheOthers() throws IOException {
        Files.writeString(work.resolve("scc.json"), """
                {"next_id":4,"entries":{
                  "scc-1":{"id":"scc-1","event_name":"a","external_id":"BS-7"},
                  "scc-2":{"id":"scc-2","event_name":"b","external_id":"BS-8","crew":["maria_lopez"]},
                  "scc-3":{"id":"scc-3","event_name":"c","external_id":"BS-7"}},
                 "idempotency_keys":{}}""");

        try (SandboxStore store = new SandboxStore(RemoteSystem.SCC, work)) {
            assertThat(found(store, "BS-7")).containsExactly("scc-1", "scc-3");
            assertThat(store.find(Optional.of("BS-8")).get(0).get("crew").get(0).asText())
                    .isEqualTo("maria_lopez");

            store.create(body("BS-7", "d"), Optional.empty());
            assertThat(found(store, "BS-7")).containsExactly("scc-1", "scc-3", "scc-4");
        }
    }
}
