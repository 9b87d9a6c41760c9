package com.queenofsandiego.charter.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies a {@link PublishPlan} exactly: the paths it will invalidate are recorded in the manifest first; then assets,
 * pages, sitemap and robots.txt (so nothing links to what is not there yet); the CloudFront function; one invalidation
 * request (or as few as the limits allow); deletions last; then the manifest. A run that dies anywhere leaves a
 * manifest the next plan can trust: the listing's hashes decide what is up to date, and pending paths are carried over. It decides nothing: a plan that is over the delete limit is refused before any write.
 */
public final class Publisher {

    private static final int PARALLEL_UPLOADS = 8;

    private final PublishTarget target;
    private final Optional<Cdn> cdn;
    private final Consumer<String> progress;

    public Publisher(PublishTarget target, Optional<Cdn> cdn, Consumer<String> progress) {
        this.target = target;
        this.cdn = cdn;
        this.progress = progress;
    }

    /** What a deploy did, for the closing summary line. */
    public record Result(int uploaded, long bytes, int deleted, int invalidatedPaths, int unchanged) {

        @Override
        public String toString() {
            return "uploaded " + uploaded + " (" + bytes + " bytes), deleted " + deleted + ", invalidated " + invalidatedPaths
                    + " paths, unchanged " + unchanged;
        }
    }

    /** Refuses a plan that deletes more than {@code maxDeletes} objects, before anything is written. */
    public static void checkDeletes(PublishPlan plan, int maxDeletes) {
        if (plan.deletes().size() > maxDeletes) {
            throw new DeleteLimitException(plan.deletes().size(), maxDeletes);
        }
    }

    public Result apply(PublishPlan plan, int maxDeletes) {
        checkDeletes(plan, maxDeletes);
        List<String> pending = cdn.isPresent() ? plan.invalidations() : List.of();
        Manifest stored = plan.before();
        if (!pending.isEmpty()) {
            stored = write(plan.before().withPending(pending), stored);
        }
        upload(plan, "assets", u -> ObjectKinds.isAsset(u.object().key()));
        upload(plan, "pages", u -> !ObjectKinds.isAsset(u.object().key()) && !ObjectKinds.isIndex(u.object().key()));
        upload(plan, "sitemap and robots.txt", u -> ObjectKinds.isIndex(u.object().key()));
        target.flush();

        if (plan.function() != PublishPlan.FunctionChange.NONE && cdn.isPresent()) {
            progress.accept("CloudFront: " + plan.function().name().toLowerCase(java.util.Locale.ROOT) + " and publish function "
                    + PublishPlanner.FUNCTION_NAME);
            cdn.get().publishFunction(PublishPlanner.FUNCTION_NAME, plan.functionCode());
        }
        if (!pending.isEmpty()) {
            List<String> paths = InvalidationPaths.batch(pending);
            progress.accept("CloudFront: invalidating " + paths.size() + (paths.size() == 1 ? " path" : " paths"));
            cdn.get().invalidate(paths, "charter-" + UUID.randomUUID());
        }
        Manifest done = plan.after();
        if (!plan.deletes().isEmpty()) {
            progress.accept("S3: deleting " + plan.deletes().size() + " objects");
            for (String key : plan.deletes()) {
                target.delete(key);
                done = done.without(key);
            }
        }
        write(done, stored);
        target.flush();
        return new Result(plan.uploads().size(), plan.uploadBytes(), plan.deletes().size(), plan.invalidations().size(),
                plan.unchanged());
    }

    /** Writes the manifest when it differs from what is stored, so an unchanged site makes no write. */
    private Manifest write(Manifest manifest, Manifest stored) {
        if (!manifest.equals(stored)) {
            manifest.write(target);
        }
        return manifest;
    }

    private void upload(PublishPlan plan, String phase, Predicate<PublishPlan.Upload> which) {
        List<PublishPlan.Upload> uploads = plan.uploads().stream().filter(which).toList();
        if (uploads.isEmpty()) {
            return;
        }
        progress.accept("S3: uploading " + uploads.size() + " " + phase);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_UPLOADS, uploads.size()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (PublishPlan.Upload upload : uploads) {
                running.add(pool.submit(() -> target.upload(upload.object())));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while uploading", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** More deletions than allowed: refused before anything changes. */
    public static final class DeleteLimitException extends RuntimeException {

        public DeleteLimitException(int deletes, int limit) {
            super("this deploy would delete " + deletes + " objects, more than charter.maxDeletes=" + limit
                    + "; nothing was changed. If that is intended, run again with -Dcharter.maxDeletes=" + deletes);
        }
    }
}
