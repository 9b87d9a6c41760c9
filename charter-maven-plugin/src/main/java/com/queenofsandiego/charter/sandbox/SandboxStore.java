package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.reconcile.RemoteSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One system's entries in the sandbox, kept in {@code <directory>/<jada|scc>.json} after every change: the entries and
 * the idempotency keys seen.
 */
final class SandboxStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RemoteSystem system;
    private final Path file;
    private final Map<String, ObjectNode> entries = new LinkedHashMap<>();
    private final Map<String, String> idempotencyKeys = new TreeMap<>();
    private int nextId = 1;

    SandboxStore(RemoteSystem system, Path directory) {
        this.system = system;
        this.file = directory.resolve(system.key() + ".json");
        load();
    }

    /** The outcome of a create: the entry, and whether an earlier request with the same key had made it. */
    record Created(ObjectNode entry, boolean replayed) {}

    synchronized List<ObjectNode> find(Optional<String> externalId) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode entry : entries.values()) {
            if (externalId.isEmpty()
                    || externalId.get().equals(entry.path("external_id").asText())) {
                found.add(entry.deepCopy());
            }
        }
        return found;
    }

    synchronized Created create(ObjectNode body, Optional<String> idempotencyKey) {
        if (idempotencyKey.isPresent() && idempotencyKeys.containsKey(idempotencyKey.get())) {
            ObjectNode earlier = entries.get(idempotencyKeys.get(idempotencyKey.get()));
            if (earlier != null) {
                return new Created(earlier.deepCopy(), true);
            }
        }
        String id = system.key() + "-" + nextId++;
        ObjectNode entry = entry(id, body);
        entries.put(id, entry);
        idempotencyKey.ifPresent(key -> idempotencyKeys.put(key, id));
        save();
        return new Created(entry.deepCopy(), false);
    }

    synchronized Optional<ObjectNode> replace(String id, ObjectNode body) {
        if (!entries.containsKey(id)) {
            return Optional.empty();
        }
        ObjectNode entry = entry(id, body);
        entries.put(id, entry);
        save();
        return Optional.of(entry.deepCopy());
    }

    /** The body with {@code id} first; an {@code id} in the body is ignored. */
    private static ObjectNode entry(String id, ObjectNode body) {
        ObjectNode entry = JSON.createObjectNode().put("id", id);
        entry.setAll(body);
        return entry.put("id", id);
    }

    synchronized boolean delete(String id) {
        boolean existed = entries.remove(id) != null;
        if (existed) {
            save();
        }
        return existed;
    }

    private void save() {
        ObjectNode document = JSON.createObjectNode();
        document.put("next_id", nextId);
        document.set("entries", JSON.valueToTree(entries));
        document.set("idempotency_keys", JSON.valueToTree(idempotencyKeys));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), document);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the sandbox's " + system.label() + " state to " + file, e);
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode document = JSON.readTree(file.toFile());
            nextId = document.path("next_id").asInt(1);
            document.path("entries").properties().forEach(e -> entries.put(e.getKey(), (ObjectNode) e.getValue()));
            document.path("idempotency_keys")
                    .properties()
                    .forEach(e -> idempotencyKeys.put(e.getKey(), e.getValue().asText()));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException(
                    "the sandbox's state " + file + " is not readable (" + e.getMessage()
                            + "); delete it to start the sandbox empty",
                    e);
        }
    }
}
