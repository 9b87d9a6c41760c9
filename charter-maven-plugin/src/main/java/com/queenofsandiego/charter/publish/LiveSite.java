package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.BackgroundTask;
import com.queenofsandiego.charter.store.ObjectState;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.ParallelRequests;
import com.queenofsandiego.charter.store.StateStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is live: the target's listing (key → ETag), the manifest of what charter put there, and the metadata of the
 * few objects the two cannot vouch for. Read once per plan; planning compares against it and writes nothing.
 *
 * <p>An ETag is not a content hash (SSE-KMS and multipart uploads give others), so an object is taken to be what the
 * manifest records — charter's SHA-256 and headers — while it is still listed, whatever its ETag. Only an ETag that
 * looks like an MD5 and is neither the recorded MD5 nor the recorded ETag says it was replaced. Where the manifest
 * cannot say (no entry; an entry from before charter's hash whose ETag is not an MD5; an MD5-like ETag it never saw),
 * the object's own metadata is read, for those objects only; with {@code refresh}, for every object, to find hand
 * edits the listing does not show.
 *
 * @param recorded the manifest's objects, by key, for lookups (tens of thousands a plan)
 * @param headed the metadata read from the objects themselves (HEAD), by key
 */
public record LiveSite(
        String target,
        Map<String, String> listing,
        Manifest.Versioned manifest,
        Map<String, ObjectState> recorded,
        Map<String, ObjectStore.Metadata> headed) {

    public LiveSite(
            String target,
            Map<String, String> listing,
            Manifest.Versioned manifest,
            Map<String, ObjectStore.Metadata> headed) {
        this(target, listing, manifest, new HashMap<>(manifest.manifest().objects()), headed);
    }

    /**
     * @param published the keys charter publishes now: only these are ever read beyond the listing
     * @param refresh read every published object's metadata, so that objects changed by hand are uploaded again
     */
    public static LiveSite read(ObjectStore target, StateStore state, Set<String> published, boolean refresh) {
        return listed(target, state).withMetadata(target, published, refresh);
    }

    /**
     * The listing and the manifest, read together: on S3 a large listing is many requests, and the manifest is read
     * meanwhile. What they cannot vouch for is read next, once the published keys are known ({@link
     * Listed#withMetadata}).
     */
    public static Listed listed(ObjectStore target, StateStore state) {
        try (BackgroundTask<Manifest.Versioned, RuntimeException> reading =
                BackgroundTask.start("charter-read-manifest", () -> Manifest.read(state))) {
            Map<String, String> listing = target.list();
            Manifest.Versioned manifest = reading.join();
            return new Listed(
                    target.describe(),
                    listing,
                    manifest,
                    new HashMap<>(manifest.manifest().objects()));
        }
    }

    /** The listing and the manifest, before any object's own metadata is read; {@code recorded} as in LiveSite. */
    public record Listed(
            String target,
            Map<String, String> listing,
            Manifest.Versioned manifest,
            Map<String, ObjectState> recorded) {

        /**
         * What is live, reading the metadata of the published objects the listing and the manifest cannot vouch for
         * (of every published object with {@code refresh}).
         */
        public LiveSite withMetadata(ObjectStore store, Set<String> published, boolean refresh) {
            List<String> unknown = published.stream()
                    .filter(listing::containsKey)
                    .filter(key -> refresh || !manifestSays(recorded.get(key), listing.get(key)))
                    .sorted()
                    .toList();
            return new LiveSite(target, listing, manifest, recorded, head(store, unknown));
        }
    }

    /** Whether the manifest alone tells what the listed object is (or that it was replaced). */
    private static boolean manifestSays(ObjectState recorded, String etag) {
        if (recorded == null) {
            return false;
        }
        if (recorded.sha256() == null) {
            // a manifest from before charter's hash: the ETag is taken for the MD5, as it was then
            return looksLikeMd5(etag);
        }
        // an MD5-like ETag the manifest never saw is either a hand edit or an SSE-KMS ETag after an upload
        return etag.equals(recorded.md5()) || recorded.etag() != null || !looksLikeMd5(etag);
    }

    private static Map<String, ObjectStore.Metadata> head(ObjectStore target, List<String> keys) {
        Map<String, ObjectStore.Metadata> headed = new TreeMap<>();
        ParallelRequests.each(keys, target::head)
                .forEach((key, metadata) -> metadata.ifPresent(m -> headed.put(key, m)));
        return headed;
    }

    /**
     * What the live object at {@code key} is known to be — charter's hash (or, from an old manifest, the MD5), headers
     * and the fingerprint it was rendered from — or empty when it is gone, was not put by charter, or was replaced.
     */
    public Optional<ObjectState> object(String key) {
        String etag = listing.get(key);
        if (etag == null) {
            return Optional.empty();
        }
        ObjectState recorded = this.recorded.get(key);
        ObjectStore.Metadata metadata = headed.get(key);
        if (metadata != null) {
            return fromMetadata(metadata, recorded);
        }
        if (recorded == null) {
            return Optional.empty();
        }
        if (recorded.sha256() == null) {
            // an old manifest, and an ETag that is an MD5 (else the object was read): the listing says the content
            String fingerprint = etag.equals(recorded.md5()) ? recorded.fingerprint() : null;
            return Optional.of(
                    new ObjectState(etag, null, recorded.contentType(), recorded.cacheControl(), fingerprint, null));
        }
        boolean replaced = !etag.equals(recorded.md5()) && !etag.equals(recorded.etag()) && looksLikeMd5(etag);
        return replaced ? Optional.empty() : Optional.of(recorded);
    }

    /**
     * The object as its metadata describes it (empty when it has no charter hash: not put by charter); the recorded
     * fingerprint holds only while it is the content and headers recorded.
     */
    private static Optional<ObjectState> fromMetadata(ObjectStore.Metadata metadata, ObjectState recorded) {
        if (metadata.sha256() == null) {
            return Optional.empty();
        }
        boolean asRecorded = recorded != null
                && metadata.sha256().equals(recorded.sha256())
                && sameHeader(metadata.contentType(), recorded.contentType())
                && sameHeader(metadata.cacheControl(), recorded.cacheControl());
        return Optional.of(
                asRecorded
                        ? recorded
                        : new ObjectState(
                                null, metadata.sha256(), metadata.contentType(), metadata.cacheControl(), null, null));
    }

    /** Whether the live object at {@code key} is the one rendered from inputs with this fingerprint. */
    public boolean holds(String key, String fingerprint) {
        return object(key)
                .map(live -> Objects.equals(live.fingerprint(), fingerprint))
                .orElse(false);
    }

    /** Whether the ETag is 32 lower-case hex digits, as a single-part upload's MD5 is (no regex: it runs per object). */
    static boolean looksLikeMd5(String etag) {
        if (etag.length() != 32) {
            return false;
        }
        for (int i = 0; i < etag.length(); i++) {
            char c = etag.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Header values as a store may give them back: spaces after {@code ;} and case are not significant. */
    static boolean sameHeader(String live, String wanted) {
        return live != null && wanted != null && live.replace(" ", "").equalsIgnoreCase(wanted.replace(" ", ""));
    }
}
