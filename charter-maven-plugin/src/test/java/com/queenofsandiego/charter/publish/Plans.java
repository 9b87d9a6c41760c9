package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.store.DirectoryStore;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.SiteObject;
import com.queenofsandiego.charter.store.StateStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads what is live, then plans, as a deploy does before it calls the pure {@link PublishPlanner}; and publishes a
 * rendered site to the local target, plan and apply.
 */
final class Plans {

    private Plans() {}

    static PublishPlan read(
            List<SiteObject> local,
            ObjectStore target,
            StateStore state,
            Optional<Cdn> cdn,
            String functionCode,
            boolean associate,
            boolean refresh) {
        LiveSite live =
                LiveSite.read(target, state, local.stream().map(SiteObject::key).collect(Collectors.toSet()), refresh);
        return PublishPlanner.plan(
                local, java.util.Set.of(), live, cdn.map(LiveDistribution::read), functionCode, associate);
    }

    /** Publishes {@code site} to the local target in {@code local} (with its stand-in CloudFront); the plan applied. */
    static Applied publish(Path site, Path local) {
        DirectoryStore target = new DirectoryStore(local);
        LocalCdn cdn = new LocalCdn(local);
        PublishPlan plan = read(
                LocalTree.scan(site),
                target,
                StateStore.in(target),
                Optional.of(cdn),
                PublishPlanner.functionSource(),
                false,
                false);
        return new Applied(
                plan, new Publisher(target, StateStore.in(target), Optional.of(cdn), line -> {}, () -> {}).apply(plan));
    }

    record Applied(PublishPlan plan, Publisher.Result result) {}
}
