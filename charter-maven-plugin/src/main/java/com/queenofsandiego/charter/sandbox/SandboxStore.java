package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.store.JournaledJsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One system's entries in the sandbox, kept in {@code <directory>/<jada|scc>.json} and its journal (see
 * {@link JournaledJsonObject}): {@code next_id}, the entries by id in the order they were made, and the idempotency
 * keys seen, each naming the entry it made.
 */
final class SandboxStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEXT_ID = "next_id";
    private static final String ENTRIES = "entries";
    private static final String IDEMPOTENCY_KEYS = "idempotency_keys";
    private static final String EXTERNAL_ID = "external_id";

    private final RemoteSystem system;
    private final JournaledJsonObject state;
    /**
     * Entry ids by {@code external_id}, each in the order the entries were made; made at the first lookup, as charter
     * looks a booking up before each create (a scan of every entry per lookup made a first import quadratic).
     */
    private Map<String, List<String>> idsByExternalId;

    SandboxStore(RemoteSystem system, Path directory) {
        this.system = system;
        Path file = directory.resolve(system.key() + ".json");
        this.state = new JournaledJsonObject(
                file,
                e -> new IllegalStateException(
                        "the sandbox's " + system.label() + " state is not readable (" + e.getMessage() + "); delete "
                                + file + " and " + JournaledJsonObject.journalOf(file)
                                + " to start the sandbox empty",
                        e));
    }

    /** The outcome of a create: the entry, and whether an earlier request with the same key had made it. */
    record Created(ObjectNode entry, boolean replayed) {}

    synchronized List<ObjectNode> find(Optional<String> externalId) {
        List<String> ids = externalId.isEmpty()
                ? state.names(ENTRIES)
                : idsByExternalId().getOrDefault(externalId.get(), List.of());
        List<ObjectNode> found = new ArrayList<>();
        for (String id : ids) {
            if (state.get(ENTRIES, id) instanceof ObjectNode entry) {
                found.add(entry);
            }
        }
        return found;
    }

    private Map<String, List<String>> idsByExternalId() {
        if (idsByExternalId == null) {
            idsByExternalId = new HashMap<>();
            state.texts(EXTERNAL_ID, ENTRIES).forEach(this::indexed);
        }
        return idsByExternalId;
    }

    /** Adds a new entry to the lookup, when there is one. */
    private void indexed(String id, String externalId) {
        if (idsByExternalId != null && externalId != null) {
            idsByExternalId
                    .computeIfAbsent(externalId, none -> new ArrayList<>())
                    .add(id);
        }
    }

    private String externalIdOf(String id) {
        JsonNode entry = state.get(ENTRIES, id);
        return entry == null ? null : JournaledJsonObject.textOf(entry.path(EXTERNAL_ID));
    }

    synchronized Created create(ObjectNode body, Optional<String> idempotencyKey) {
        Optional<ObjectNode> earlier = idempotencyKey
                .map(key -> state.get(IDEMPOTENCY_KEYS, key))
                .map(made -> state.get(ENTRIES, made.asText()))
                .filter(ObjectNode.class::isInstance)
                .map(ObjectNode.class::cast);
        if (earlier.isPresent()) {
            return new Created(earlier.get(), true);
        }
        JsonNode next = state.get(NEXT_ID);
        int number = next == null ? 1 : next.asInt(1);
        String id = system.key() + "-" + number;
        // next_id first: a process killed between these lines has skipped an id, never handed one out twice.
        state.put(IntNode.valueOf(number + 1), NEXT_ID);
        ObjectNode entry = entry(id, body);
        state.put(entry, ENTRIES, id);
        indexed(id, JournaledJsonObject.textOf(entry.path(EXTERNAL_ID)));
        idempotencyKey.ifPresent(key -> state.put(TextNode.valueOf(id), IDEMPOTENCY_KEYS, key));
        return new Created(entry, false);
    }

    synchronized Optional<ObjectNode> replace(String id, ObjectNode body) {
        if (!state.has(ENTRIES, id)) {
            return Optional.empty();
        }
        ObjectNode entry = entry(id, body);
        if (idsByExternalId != null
                && !Objects.equals(externalIdOf(id), JournaledJsonObject.textOf(entry.path(EXTERNAL_ID)))) {
            idsByExternalId = null; // rare: made again at the next lookup, keeping the order entries were made in
        }
        state.put(entry, ENTRIES, id);
        return Optional.of(entry);
    }

    /** The body with {@code id} first; an {@code id} in the body is ignored. */
    private static ObjectNode entry(String id, ObjectNode body) {
        ObjectNode entry = JSON.createObjectNode().put("id", id);
        entry.setAll(body);
        return entry.put("id", id);
    }

    synchronized boolean delete(String id) {
        List<String> ids = idsByExternalId == null ? null : idsByExternalId.get(externalIdOf(id));
        if (ids != null) {
            ids.remove(id);
        }
        return state.remove(ENTRIES, id);
    }

    @Override
    public void close() {
        state.close();
    }
}
