package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.ParallelRequests;
import com.queenofsandiego.charter.store.StateStore;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Applies a {@link PublishPlan} exactly: the paths it will invalidate are recorded in the manifest first; then assets,
 * pages, sitemap and robots.txt (so nothing links to what is not there yet); the CloudFront function and its
 * association; one invalidation request (or as few as the limits allow); deletions last; then the manifest (its
 * changes since the folded one, {@link Manifest#write}). A run that dies anywhere leaves a manifest the next plan can
 * trust: the listing's hashes decide what is up to date, and pending paths are carried over. It decides nothing (the
 * deploy refuses a plan over the delete limit, or whose distribution does not run the function, before calling it); the
 * manifest is only written over the version the plan read.
 */
public final class Publisher {

    private final ObjectStore target;
    private final StateStore state;
    private final Optional<Cdn> cdn;
    private final Consumer<String> progress;
    private final Runnable heartbeat;

    /** @param heartbeat run before each phase: confirms the deploy lock, and throws to stop the run */
    public Publisher(
            ObjectStore target, StateStore state, Optional<Cdn> cdn, Consumer<String> progress, Runnable heartbeat) {
        this.target = target;
        this.state = state;
        this.cdn = cdn;
        this.progress = progress;
        this.heartbeat = heartbeat;
    }

    /** What a deploy did, for the closing summary line. */
    public record Result(int uploaded, long bytes, int deleted, int invalidatedPaths, int unchanged) {

        @Override
        public String toString() {
            return "uploaded " + uploaded + " (" + bytes + " bytes), deleted " + deleted + ", invalidated "
                    + invalidatedPaths + " paths, unchanged " + unchanged;
        }
    }

    public Result apply(PublishPlan plan) {
        List<String> pending = cdn.isPresent() ? plan.invalidations() : List.of();
        Manifest stored = plan.before();
        Manifest.Version version = plan.manifestVersion();
        if (!pending.isEmpty()) {
            heartbeat.run();
            Manifest withPending = plan.before().withPending(pending);
            version = write(withPending, stored, version);
            stored = withPending;
        }
        plan.phases().forEach(this::upload);

        if (plan.function() != PublishPlan.FunctionChange.NONE && cdn.isPresent()) {
            heartbeat.run();
            progress.accept("CloudFront: " + plan.function().name().toLowerCase(java.util.Locale.ROOT)
                    + " and publish function " + PublishPlanner.FUNCTION_NAME);
            cdn.get().publishFunction(PublishPlanner.FUNCTION_NAME, plan.functionCode());
        }
        if (plan.willAssociate()) {
            heartbeat.run();
            progress.accept(
                    "CloudFront: associating " + PublishPlanner.FUNCTION_NAME + " with the default cache behavior of "
                            + plan.association().orElseThrow().distribution() + " (viewer request)");
            cdn.orElseThrow().associate(PublishPlanner.FUNCTION_NAME);
        }
        if (!pending.isEmpty()) {
            heartbeat.run();
            List<String> paths = InvalidationPaths.batch(pending);
            progress.accept("CloudFront: invalidating " + paths.size() + (paths.size() == 1 ? " path" : " paths"));
            cdn.get().invalidate(paths, "charter-" + UUID.randomUUID());
        }
        Manifest done = plan.after();
        if (!plan.deletes().isEmpty()) {
            heartbeat.run();
            progress.accept("S3: deleting " + plan.deletes().size() + " objects");
            for (String key : plan.deletes()) {
                target.delete(key);
                done = done.without(key);
            }
        }
        if (!done.equals(stored)) {
            heartbeat.run();
            write(done, stored, version);
        }
        return new Result(
                plan.uploads().size(),
                plan.uploadBytes(),
                plan.deletes().size(),
                plan.invalidations().size(),
                plan.unchanged());
    }

    /** Writes the manifest over the version this deploy last saw, when it differs, so an unchanged site makes no write. */
    private Manifest.Version write(Manifest manifest, Manifest stored, Manifest.Version version) {
        return manifest.equals(stored) ? version : manifest.write(state, version);
    }

    private void upload(PublishPlan.Phase phase) {
        heartbeat.run();
        progress.accept("S3: uploading " + phase.uploads().size() + " " + phase.name());
        ProgressMeter meter = new ProgressMeter(
                "S3: uploaded",
                phase.name(),
                phase.uploads().size(),
                phase.uploads().stream().mapToLong(u -> u.object().size()).sum(),
                progress,
                System::nanoTime);
        ParallelRequests.each(phase.uploads(), upload -> {
            target.upload(upload.object());
            meter.advance(upload.object().size());
            return upload;
        });
    }
}
