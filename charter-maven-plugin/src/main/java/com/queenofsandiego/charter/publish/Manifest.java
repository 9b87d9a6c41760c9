package com.queenofsandiego.charter.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.queenofsandiego.charter.BackgroundTask;
import com.queenofsandiego.charter.store.ConcurrentDeployException;
import com.queenofsandiego.charter.store.ObjectState;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.StateJson;
import com.queenofsandiego.charter.store.StateStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The objects the tool itself put in the target, with their hash and headers. Only these are ever deleted: the rest of
 * the bucket is not ours. {@code pendingInvalidations} are paths a deploy changed but had not yet invalidated: recorded
 * before uploading, so a deploy that dies in between is finished by the next one, which finds the content already up to
 * date.
 *
 * <p>Stored as two objects with the deploy state, so that a deploy writes what changed, not every object's entry
 * (megabytes at ten thousand bookings): {@code manifest.json}, the folded manifest, named by a random generation; and
 * {@code manifest-changes.json}, the objects changed and removed since the folded manifest of the generation it names,
 * and the pending invalidations. The changes apply only to that generation: a folded manifest without one (written by
 * an older charter) or of another generation (a fold stopped between its writes) is the manifest alone. A write folds
 * when there is no generation to build on or the changes would name more than {@link #FOLD_AFTER} objects.
 */
public record Manifest(Map<String, ObjectState> objects, List<String> pendingInvalidations) {

    public static final String NAME = "manifest.json";
    public static final String CHANGES = "manifest-changes.json";
    /**
     * Objects the change document may name before a write folds it into {@code manifest.json}. An entry is about 300
     * bytes, so every deploy reads and writes at most some 300 KB of changes, a twentieth of the folded manifest at ten
     * thousand bookings, while the fold that rewrites all of it comes once per thousand objects changed, not per deploy.
     */
    static final int FOLD_AFTER = 1000;

    private static final ObjectMapper JSON = StateJson.mapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

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

    /** The manifest as stored, and where a conditional write must find it ({@link Version}). */
    public record Versioned(Manifest manifest, Version version) {}

    /**
     * What the next write builds on: the stored objects' versions (none where absent), the folded manifest the changes
     * are counted from, and the change document as stored. Only {@link Manifest} looks inside.
     */
    public static final class Version {

        /** Nothing stored yet. */
        public static final Version NONE = new Version(Optional.empty(), Optional.empty(), Folded.NONE, Changes.NONE);

        private final Optional<String> foldedVersion;
        private final Optional<String> changesVersion;
        private final Folded folded;
        private final Changes changes;

        Version(Optional<String> foldedVersion, Optional<String> changesVersion, Folded folded, Changes changes) {
            this.foldedVersion = foldedVersion;
            this.changesVersion = changesVersion;
            this.folded = folded;
            this.changes = changes;
        }
    }

    /** {@code manifest.json}: the folded manifest, and the generation a change document names to apply to it. */
    record Folded(String generation, Map<String, ObjectState> objects, List<String> pendingInvalidations) {

        static final Folded NONE = new Folded(null, Map.of(), List.of());

        Folded {
            objects = new TreeMap<>(objects == null ? Map.of() : objects);
            pendingInvalidations = pendingInvalidations == null ? List.of() : List.copyOf(pendingInvalidations);
        }
    }

    /**
     * {@code manifest-changes.json}: the generation of the folded manifest it applies to, the objects changed and
     * removed since, and the pending invalidations, which replace the folded manifest's.
     */
    record Changes(
            String generation,
            Map<String, ObjectState> objects,
            List<String> removed,
            List<String> pendingInvalidations) {

        /** No change document: applies to no folded manifest. */
        static final Changes NONE = new Changes(null, Map.of(), List.of(), List.of());

        Changes {
            objects = new TreeMap<>(objects == null ? Map.of() : objects);
            removed = removed == null ? List.of() : List.copyOf(removed);
            pendingInvalidations = pendingInvalidations == null ? List.of() : List.copyOf(pendingInvalidations);
        }

        boolean appliesTo(Folded folded) {
            return folded.generation() != null && folded.generation().equals(generation);
        }

        int size() {
            return objects.size() + removed.size();
        }
    }

    /** Reads the folded manifest and the change document at once, and applies the changes where they belong to it. */
    public static Versioned read(StateStore state) {
        try (BackgroundTask<Optional<ObjectStore.Stored>, RuntimeException> readingChanges = BackgroundTask.start(
                "charter-read-manifest-changes", () -> state.store().read(state.key(CHANGES)))) {
            Optional<ObjectStore.Stored> folded = state.store().read(state.key(NAME));
            Optional<ObjectStore.Stored> changes = readingChanges.join();
            Folded base = folded.map(stored -> parse(state, NAME, stored, Folded.class))
                    .orElse(Folded.NONE);
            Changes stored = changes.map(found -> parse(state, CHANGES, found, Changes.class))
                    .orElse(Changes.NONE);
            Version version = new Version(
                    folded.map(ObjectStore.Stored::version), changes.map(ObjectStore.Stored::version), base, stored);
            if (!stored.appliesTo(base)) {
                return new Versioned(new Manifest(base.objects(), base.pendingInvalidations()), version);
            }
            Map<String, ObjectState> objects = new TreeMap<>(base.objects());
            objects.putAll(stored.objects());
            stored.removed().forEach(objects::remove);
            return new Versioned(new Manifest(objects, stored.pendingInvalidations()), version);
        }
    }

    private static <T> T parse(StateStore state, String name, ObjectStore.Stored stored, Class<T> type) {
        try {
            return JSON.readValue(stored.content(), type);
        } catch (IOException e) {
            throw new IllegalStateException(
                    state.key(name) + " in " + state.store().describe()
                            + " is not a manifest charter wrote (" + e.getMessage() + "); move " + NAME + " and "
                            + CHANGES + " away and deploy again to publish everything anew",
                    e);
        }
    }

    /**
     * Stores this manifest over exactly {@code version}, so that a deploy whose lock was taken over cannot overwrite
     * what the other one recorded; returns the version the next write builds on.
     *
     * <p>Usually one write: the change document, the objects that differ from the folded manifest. A fold first writes
     * the change document back as it was read (so that a change written meanwhile stops it before anything is
     * overwritten), then {@code manifest.json} under a new generation, then an empty change document of that
     * generation. Stopped anywhere, the stored manifest reads as before the write or as this one.
     */
    public Version write(StateStore state, Version version) {
        Changes changes = changesFrom(version.folded);
        if (changes.appliesTo(version.folded) && changes.size() <= FOLD_AFTER) {
            String written = writeOver(state, CHANGES, changes, version.changesVersion);
            return new Version(version.foldedVersion, Optional.of(written), version.folded, changes);
        }
        String claimed = writeOver(state, CHANGES, version.changes, version.changesVersion);
        Folded folded = new Folded(UUID.randomUUID().toString(), objects, pendingInvalidations);
        String foldedVersion = writeOver(state, NAME, folded, version.foldedVersion);
        Changes reset = new Changes(folded.generation(), Map.of(), List.of(), pendingInvalidations);
        String written = writeOver(state, CHANGES, reset, Optional.of(claimed));
        return new Version(Optional.of(foldedVersion), Optional.of(written), folded, reset);
    }

    /** This manifest as changes to {@code base}: the objects it holds otherwise, those it no longer holds. */
    private Changes changesFrom(Folded base) {
        // by hash: two sorted maps of tens of thousands of keys, looked up in each other, took a tenth of a second
        Map<String, ObjectState> notHere = new HashMap<>(base.objects());
        Map<String, ObjectState> changed = new TreeMap<>();
        objects.forEach((key, state) -> {
            if (!Objects.equals(notHere.remove(key), state)) {
                changed.put(key, state);
            }
        });
        return new Changes(
                base.generation(), changed, notHere.keySet().stream().sorted().toList(), pendingInvalidations);
    }

    /** Writes over exactly {@code version}, or only where there is nothing yet; the new version. */
    private static String writeOver(StateStore state, String name, Object document, Optional<String> version) {
        byte[] content;
        try {
            content = JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = state.key(name);
        Optional<String> written = version.isPresent()
                ? state.store().writeIfMatch(key, content, "application/json", version.get())
                : state.store().writeIfAbsent(key, content, "application/json");
        return written.orElseThrow(
                () -> new ConcurrentDeployException(
                        key + " in " + state.store().describe()
                                + " was changed by another deploy while this one ran; this one stopped. Run it again when the other has finished."));
    }
}
