package com.queenofsandiego.charter.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.queenofsandiego.charter.store.ConcurrentDeployException;
import com.queenofsandiego.charter.store.ObjectState;
import com.queenofsandiego.charter.store.StateStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The objects the tool itself put in the target ({@code manifest.json} with the deploy state), with their hash and headers.
 * Only these are ever deleted: the rest of the bucket is not ours. {@code pendingInvalidations} are paths a deploy
 * changed but had not yet invalidated: recorded before uploading, so a deploy that dies in between is finished by the
 * next one, which finds the content already up to date.
 */
public record Manifest(Map<String, ObjectState> objects, List<String> pendingInvalidations) {

    public static final String NAME = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

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

    /** The manifest as stored, and the version a conditional write must match (none when there is no manifest yet). */
    public record Versioned(Manifest manifest, Optional<String> version) {}

    public static Versioned read(StateStore state) {
        return state.store()
                .read(state.key(NAME))
                .map(stored -> {
                    try {
                        return new Versioned(
                                JSON.readValue(stored.content(), Manifest.class), Optional.of(stored.version()));
                    } catch (IOException e) {
                        throw new IllegalStateException(
                                state.key(NAME) + " in " + state.store().describe()
                                        + " is not a manifest charter wrote (" + e.getMessage()
                                        + "); move it away and deploy again to publish everything anew",
                                e);
                    }
                })
                .orElse(new Versioned(new Manifest(Map.of(), List.of()), Optional.empty()));
    }

    /**
     * Writes over exactly {@code version} (or only where there is none), so a deploy whose lock was taken over cannot
     * overwrite what the other one recorded; returns the new version.
     */
    public String write(StateStore state, Optional<String> version) {
        byte[] content;
        try {
            content = JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = state.key(NAME);
        Optional<String> written = version.isPresent()
                ? state.store().writeIfMatch(key, content, "application/json", version.get())
                : state.store().writeIfAbsent(key, content, "application/json");
        return written.orElseThrow(
                () -> new ConcurrentDeployException(
                        key + " in " + state.store().describe()
                                + " was changed by another deploy while this one ran; this one stopped. Run it again when the other has finished."));
    }
}
