package com.queenofsandiego.charter.publish;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the rendered site with the target by content hash and headers (never by file time) and returns the plan.
 * Reads the listing, the manifest, the live function code and the distribution's configuration; writes nothing.
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
     */
    public static PublishPlan plan(List<SiteObject> local, PublishTarget target, StateStore state, Optional<Cdn> cdn,
                                   String functionCode, boolean associate) {
        return plan(local, Set.of(), LiveSite.read(target, state), cdn, functionCode, associate);
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
        Set<String> localKeys = new LinkedHashSet<>(kept);
        int unchanged = kept.size();
        for (SiteObject object : local) {
            localKeys.add(object.key());
            String stored = remote.get(object.key());
            ObjectState recorded = manifest.objects().get(object.key());
            if (stored == null) {
                uploads.add(new PublishPlan.Upload(object, PublishPlan.Reason.NEW));
            } else if (upToDate(object, stored, recorded)) {
                unchanged++;
            } else {
                uploads.add(new PublishPlan.Upload(object, PublishPlan.Reason.CHANGED));
                invalidations.addAll(InvalidationPaths.of(object.key()));
            }
            next.put(object.key(), object.state());
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

    /** Same content (by the listing's MD5, or the manifest's where the listing has none) and same headers. */
    private static boolean upToDate(SiteObject object, String storedMd5, ObjectState recorded) {
        boolean sameContent = storedMd5.isEmpty()
                ? recorded != null && recorded.md5().equals(object.md5())
                : storedMd5.equals(object.md5());
        return sameContent && recorded != null
                && Objects.equals(recorded.contentType(), object.contentType())
                && Objects.equals(recorded.cacheControl(), object.cacheControl());
    }
}
