package com.queenofsandiego.charter.publish;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the rendered site with the target by charter's content hash and headers (never by file time or ETag alone)
 * and returns the plan. Reads the listing, the manifest, the metadata of objects these cannot vouch for
 * ({@link LiveSite}), the live function code and the distribution's configuration; writes nothing.
 */
public final class PublishPlanner {

    public static final String FUNCTION_NAME = "path-rewriter";

    private PublishPlanner() {
    }

    /** The function's source, shipped with the plugin. */
    public static String functionSource() {
        try (var in = PublishPlanner.class.getResourceAsStream(FUNCTION_NAME + ".js")) {
            return new String(Objects.requireNonNull(in, "function source").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * @param cdn none when no CloudFront distribution is configured: then nothing is invalidated or published there
     * @param associate whether deploy may associate the function with the distribution when it does not run it
     * @param refresh read every object's metadata, so that objects changed by hand are uploaded again
     */
    public static PublishPlan plan(List<SiteObject> local, PublishTarget target, StateStore state, Optional<Cdn> cdn,
                                   String functionCode, boolean associate, boolean refresh) {
        Set<String> keys = new TreeSet<>();
        local.forEach(object -> keys.add(object.key()));
        return plan(local, Set.of(), LiveSite.read(target, state, keys, refresh), cdn, functionCode, associate);
    }

    /**
     * @param local the files rendered for this plan
     * @param kept files that were not rendered because what is live was rendered from the same inputs
     *             ({@link LiveSite#holds}): unchanged, and not to be deleted
     */
    public static PublishPlan plan(List<SiteObject> local, Set<String> kept, LiveSite live, Optional<Cdn> cdn, String functionCode,
                                   boolean associate) {
        Map<String, String> remote = live.listing();
        Manifest.Versioned manifestFile = live.manifest();
        Manifest manifest = manifestFile.manifest();
        List<PublishPlan.Upload> uploads = new ArrayList<>();
        Set<String> invalidations = new LinkedHashSet<>(manifest.pendingInvalidations());
        Map<String, ObjectState> next = new TreeMap<>(manifest.objects());
        kept.forEach(key -> next.put(key, live.object(key).orElseThrow().listedAs(remote.get(key))));
        Set<String> localKeys = new LinkedHashSet<>(kept);
        int unchanged = kept.size();
        for (SiteObject object : local) {
            localKeys.add(object.key());
            Optional<ObjectState> stored = live.object(object.key());
            if (!remote.containsKey(object.key())) {
                uploads.add(new PublishPlan.Upload(object, PublishPlan.Reason.NEW));
                next.put(object.key(), object.state());
            } else if (stored.isPresent() && upToDate(object, stored.get())) {
                unchanged++;
                next.put(object.key(), object.state().listedAs(remote.get(object.key())));
            } else {
                uploads.add(new PublishPlan.Upload(object, PublishPlan.Reason.CHANGED));
                invalidations.addAll(InvalidationPaths.of(object.key()));
                next.put(object.key(), object.state());
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
        if (cdn.isEmpty()) {
            return new PublishPlan(live.target(), false, uploads, deletes, List.of(), PublishPlan.FunctionChange.NONE,
                    functionCode, unchanged, manifest, manifestFile.version(), new Manifest(next, List.of()), Optional.empty(), associate);
        }
        Optional<String> liveCode = cdn.get().functionCode(FUNCTION_NAME);
        PublishPlan.FunctionChange function = liveCode.isEmpty() ? PublishPlan.FunctionChange.CREATE
                : liveCode.get().equals(functionCode) ? PublishPlan.FunctionChange.NONE : PublishPlan.FunctionChange.UPDATE;
        return new PublishPlan(live.target(), true, uploads, deletes, List.copyOf(invalidations), function, functionCode,
                unchanged, manifest, manifestFile.version(), new Manifest(next, List.of()),
                Optional.of(cdn.get().association(FUNCTION_NAME)), associate);
    }

    /** Same content (by charter's hash, or an old manifest's MD5) and same headers as the live object. */
    private static boolean upToDate(SiteObject object, ObjectState live) {
        return live.sameContent(object) && LiveSite.sameHeader(live.contentType(), object.contentType())
                && LiveSite.sameHeader(live.cacheControl(), object.cacheControl());
    }
}
