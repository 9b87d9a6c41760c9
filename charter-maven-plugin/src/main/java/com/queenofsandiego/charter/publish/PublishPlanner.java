package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.store.ObjectState;
import com.queenofsandiego.charter.store.SiteObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the rendered site with what is live, by charter's content hash and headers (never by file time or ETag
 * alone), and returns the plan with a reason for each upload. A pure function: what is live ({@link LiveSite},
 * {@link LiveDistribution}) is read before it by the deploy.
 */
public final class PublishPlanner {

    public static final String FUNCTION_NAME = "path-rewriter";

    private PublishPlanner() {}

    /** The function's source, shipped with the plugin. */
    public static String functionSource() {
        try (InputStream in = PublishPlanner.class.getResourceAsStream(FUNCTION_NAME + ".js")) {
            return new String(Objects.requireNonNull(in, "function source").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param local the files rendered for this plan
     * @param kept files that were not rendered because what is live was rendered from the same inputs
     *             ({@link LiveSite#holds}): unchanged, and not to be deleted
     * @param distribution none when no CloudFront distribution is configured: then nothing is invalidated or published there
     * @param associate whether deploy may associate the function with the distribution when it does not run it
     */
    public static PublishPlan plan(
            List<SiteObject> local,
            Set<String> kept,
            LiveSite live,
            Optional<LiveDistribution> distribution,
            String functionCode,
            boolean associate) {
        Map<String, String> remote = live.listing();
        Manifest manifest = live.manifest().manifest();
        List<PublishPlan.Upload> uploads = new ArrayList<>();
        Set<String> invalidations = new LinkedHashSet<>(manifest.pendingInvalidations());
        TreeMap<String, ObjectState> next = new TreeMap<>(manifest.objects());
        // Every kept key is in the manifest (only its entries carry fingerprints): set in place, in one pass.
        for (Map.Entry<String, ObjectState> entry : next.entrySet()) {
            if (kept.contains(entry.getKey())) {
                entry.setValue(live.object(entry.getKey()).orElseThrow().listedAs(remote.get(entry.getKey())));
            }
        }
        Set<String> localKeys = new LinkedHashSet<>(kept);
        int unchanged = kept.size();
        for (SiteObject object : local) {
            localKeys.add(object.key());
            Optional<PublishPlan.Reason> reason = remote.containsKey(object.key())
                    ? difference(object, live.object(object.key()))
                    : Optional.of(PublishPlan.Reason.NEW);
            if (reason.isEmpty()) {
                unchanged++;
                next.put(object.key(), object.state().listedAs(remote.get(object.key())));
                continue;
            }
            uploads.add(new PublishPlan.Upload(object, reason.get()));
            next.put(object.key(), object.state());
            if (reason.get() != PublishPlan.Reason.NEW) {
                invalidations.addAll(InvalidationPaths.of(object.key()));
            }
        }
        List<String> deletes = new ArrayList<>();
        for (String key : manifest.objects().keySet()) {
            if (!localKeys.contains(key) && remote.containsKey(key)) {
                deletes.add(key);
                invalidations.addAll(InvalidationPaths.of(key));
            }
            if (!localKeys.contains(key) && !remote.containsKey(key)) {
                next.remove(key);
            }
        }
        Manifest after = new Manifest(next, List.of());
        if (distribution.isEmpty()) {
            return new PublishPlan(
                    live.target(),
                    false,
                    uploads,
                    deletes,
                    List.of(),
                    PublishPlan.FunctionChange.NONE,
                    functionCode,
                    unchanged,
                    manifest,
                    live.manifest().version(),
                    after,
                    Optional.empty(),
                    associate);
        }
        Optional<String> liveCode = distribution.get().functionCode();
        PublishPlan.FunctionChange function = liveCode.isEmpty()
                ? PublishPlan.FunctionChange.CREATE
                : liveCode.get().equals(functionCode)
                        ? PublishPlan.FunctionChange.NONE
                        : PublishPlan.FunctionChange.UPDATE;
        return new PublishPlan(
                live.target(),
                true,
                uploads,
                deletes,
                List.copyOf(invalidations),
                function,
                functionCode,
                unchanged,
                manifest,
                live.manifest().version(),
                after,
                Optional.of(distribution.get().association()),
                associate);
    }

    /** Why a listed object must be uploaded again, or empty when it is up to date. */
    private static Optional<PublishPlan.Reason> difference(SiteObject object, Optional<ObjectState> stored) {
        if (stored.isEmpty() || (stored.get().sha256() == null && stored.get().md5() == null)) {
            return Optional.of(PublishPlan.Reason.REMOTE_HASH_UNKNOWN);
        }
        if (!stored.get().sameContent(object)) {
            return Optional.of(PublishPlan.Reason.CONTENT_CHANGED);
        }
        if (!LiveSite.sameHeader(stored.get().contentType(), object.contentType())
                || !LiveSite.sameHeader(stored.get().cacheControl(), object.cacheControl())) {
            return Optional.of(PublishPlan.Reason.HEADERS_CHANGED);
        }
        return Optional.empty();
    }
}
