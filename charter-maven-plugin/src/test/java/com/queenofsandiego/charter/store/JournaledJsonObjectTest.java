package com.queenofsandiego.charter.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The snapshot and its journal as a later process reads them back. */
class JournaledJsonObjectTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path snapshot() {
        return work.resolve("state.json");
    }

    private Path journal() {
        return work.resolve("state.journal.jsonl");
    }

    private JournaledJsonObject open() {
        return new JournaledJsonObject(snapshot(), e -> new IllegalStateException("unreadable: " + e.getMessage(), e));
    }

    /** The whole object, as a reopened one sees it. */
    private JsonNode reloaded() {
        try (JournaledJsonObject reopened = open()) {
            return reopened.get();
        }
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void changesAreReplayedInTheOrderTheyWereMade() throws IOException {
        try (JournaledJsonObject state = open()) {
            state.put(IntNode.valueOf(1), "entries", "x");
            state.put(IntNode.valueOf(2), "entries", "y");
            state.put(IntNode.valueOf(3), "entries", "x");
            state.put(TextNode.valueOf("top"), "name");
        }

        assertThat(reloaded()).isEqualTo(json("{\"entries\":{\"x\":3,\"y\":2},\"name\":\"top\"}"));
        assertThat(Files.readAllLines(journal())).hasSize(4);
        assertThat(snapshot()).doesNotExist();
    }

    @Test
    void aRemovedFieldStaysRemovedAndRemovingOneThatIsNotThereWritesNothing() throws IOException {
        try (JournaledJsonObject state = open()) {
            state.put(IntNode.valueOf(1), "entries", "x");
            state.put(IntNode.valueOf(2), "entries", "y");
            assertThat(state.remove("entries", "x")).isTrue();
            assertThat(state.remove("entries", "x")).isFalse();
            assertThat(state.remove("nothing", "here")).isFalse();
        }

        assertThat(reloaded()).isEqualTo(json("{\"entries\":{\"y\":2}}"));
        assertThat(Files.readAllLines(journal())).hasSize(3);
    }

    @Test
    void aLastLineCutShortByAKilledProcessIsDroppedAndTheNextChangeStartsOnALineOfItsOwn() throws IOException {
        Files.writeString(
                journal(),
                "{\"put\":[\"a\"],\"value\":1}\n{\"remove\":[\"a\"]}\n{\"put\":[\"b\"],\"value\":2}\n"
                        + "{\"put\":[\"c\"],\"val");

        try (JournaledJsonObject state = open()) {
            assertThat(state.get()).isEqualTo(json("{\"b\":2}"));
            state.put(IntNode.valueOf(4), "d");
        }

        assertThat(reloaded()).isEqualTo(json("{\"b\":2,\"d\":4}"));
        assertThat(Files.readAllLines(journal())).hasSize(4).last().isEqualTo("{\"put\":[\"d\"],\"value\":4}");
    }

    @Test
    void aCorruptLineBeforeTheLastFailsEveryUseNamingTheFileAndLine() throws IOException {
        Files.writeString(
                journal(), "{\"put\":[\"a\"],\"value\":1}\n{\"put\":[\"b\"],\"val\n{\"put\":[\"c\"],\"value\":3}\n");

        try (JournaledJsonObject state = open()) {
            for (int use = 0; use < 2; use++) {
                assertThatThrownBy(() -> state.get())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("unreadable: " + journal() + ":2: not a change");
            }
            assertThatThrownBy(() -> state.put(IntNode.valueOf(1), "d")).hasMessageContaining(journal() + ":2");
        }
        assertThat(Files.readAllLines(journal())).hasSize(3);
    }

    @Test
    void aCompleteLineThatIsNotAChangeIsCorruptEvenWhenLast() throws IOException {
        Files.writeString(journal(), "{\"put\":[\"a\"],\"value\":1}\n{\"put\":[\"b\"]}\n");

        try (JournaledJsonObject state = open()) {
            assertThatThrownBy(() -> state.get())
                    .hasMessageStartingWith("unreadable: " + journal() + ":2: not a change: expected");
        }
    }

    @Test
    void anUnreadableSnapshotFailsEveryUseNamingTheFileAndLeavesNoReadingThread() throws IOException {
        Files.writeString(snapshot(), "{\"entries\": {");

        JournaledJsonObject state = open();
        assertThatThrownBy(() -> state.get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("unreadable: " + snapshot() + ": Unexpected end-of-input");
        state.close();

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("charter-read-" + snapshot()));
    }

    @Test
    void closingWaitsForTheReadingThread() throws IOException {
        StringBuilder large = new StringBuilder("{");
        for (int i = 0; i < 200_000; i++) {
            large.append(i == 0 ? "" : ",")
                    .append("\"key-")
                    .append(i)
                    .append("\":{\"md5\":\"")
                    .append(i)
                    .append("\"}");
        }
        Files.writeString(snapshot(), large.append("}"));

        JournaledJsonObject state = open();
        state.close();

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("charter-read-" + snapshot()));
        assertThatThrownBy(() -> state.put(IntNode.valueOf(1), "a")).hasMessageContaining("closed");
    }

    @Test
    void aLongJournalIsFoldedIntoTheSnapshotOnLoadWithTheSameContent() throws IOException {
        ObjectNode expected = JSON.createObjectNode();
        ObjectNode entries = expected.putObject("entries");
        try (JournaledJsonObject state = open()) {
            for (int i = 0; i < 3 * JournaledJsonObject.COMPACT_AFTER_LINES; i++) {
                String key = "k" + (i % 700);
                if (i % 5 == 4) {
                    state.remove("entries", key);
                    entries.remove(key);
                } else {
                    state.put(IntNode.valueOf(i), "entries", key);
                    entries.put(key, i);
                }
            }
        }

        JsonNode compacted = reloaded();

        assertThat(compacted).isEqualTo(expected);
        assertThat(journal()).isEmptyFile();
        assertThat(JSON.readTree(snapshot().toFile())).isEqualTo(expected);
        assertThat(reloaded()).isEqualTo(expected);
        // The order entries were first made in survives too (the sandbox lists them in that order).
        assertThat(names(compacted.get("entries"))).isEqualTo(names(entries));
    }

    @Test
    void aShortJournalIsLeftAsItIs() throws IOException {
        Files.writeString(snapshot(), "{\"a\":1}");
        try (JournaledJsonObject state = open()) {
            state.put(IntNode.valueOf(2), "b");
        }

        assertThat(reloaded()).isEqualTo(json("{\"a\":1,\"b\":2}"));
        assertThat(snapshot()).hasContent("{\"a\":1}");
        assertThat(Files.readAllLines(journal())).hasSize(1);
    }

    @Test
    void readsAPrettyPrintedSnapshotAsTheStoresWroteThemBeforeTheJournal() throws IOException {
        Files.writeString(snapshot(), """
                {
                  "next_id" : 3,
                  "entries" : {
                    "scc-1" : {
                      "id" : "scc-1",
                      "crew" : [ "maria_lopez" ]
                    }
                  },
                  "idempotency_keys" : {
                    "BS-1-aaaaaaaaaaaa" : "scc-1"
                  }
                }
                """);
        try (JournaledJsonObject state = open()) {
            state.put(IntNode.valueOf(4), "next_id");
        }

        assertThat(reloaded())
                .isEqualTo(json("{\"next_id\":4,\"entries\":{\"scc-1\":{\"id\":\"scc-1\",\"crew\":[\"maria_lopez\"]}},"
                        + "\"idempotency_keys\":{\"BS-1-aaaaaaaaaaaa\":\"scc-1\"}}"));
    }

    @Test
    void changesFromSeveralThreadsAllSurviveAReload() throws Exception {
        int threads = 8;
        int each = 400;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (JournaledJsonObject state = open()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        state.put(TextNode.valueOf("value " + thread + "/" + i), "entries", thread + "-" + i);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(Files.readAllLines(journal())).hasSize(threads * each);
        JsonNode entries = reloaded().get("entries");
        assertThat(entries.size()).isEqualTo(threads * each);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                assertThat(entries.get(t + "-" + i).asText()).isEqualTo("value " + t + "/" + i);
            }
        }
    }

    /** The field names of an object, in order. */
    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
