package com.queenofsandiego.charter.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects the tool itself put in the target ({@code .charter/manifest.json}), with their hash and headers.
 * Only these are ever deleted: the rest of the bucket is not ours. {@code pendingInvalidations} are paths a deploy
 * changed but had not yet invalidated: recorded before uploading, so a deploy that dies in between is finished by the
 * next one, which finds the content already up to date.
 */
public record Manifest(Map<String, ObjectState> objects, List<String> pendingInvalidations) {

    public static final String KEY = PublishTarget.PRIVATE_PREFIX + "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Manifest {
        objects = new TreeMap<>(objects);
        pendingInvalidations = pendingInvalidations == null ? List.of() : List.copyOf(pendingInvalidations);
    }

    public Manifest withPending(List<String> paths) {
        return new Manifest(objects, paths);
    }

    public Manifest without(String key) {
        Map<String, ObjectState> remaining = new TreeMap<>(objects);
        remaining.remove(key);
        return new Manifest(remaining, pendingInvalidations);
    }

    public static Manifest read(PublishTarget target) {
        return target.read(KEY).map(stored -> {
            try {
                return JSON.readValue(stored.content(), Manifest.class);
            } catch (IOException e) {
                throw new IllegalStateException(KEY + " in " + target.describe() + " is not a manifest charter wrote ("
                        + e.getMessage() + "); move it away and deploy again to publish everything anew", e);
            }
        }).orElse(new Manifest(Map.of(), List.of()));
    }

    public void write(PublishTarget target) {
        try {
            target.write(KEY, JSON.writeValueAsBytes(this), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
