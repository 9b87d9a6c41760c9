package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.SiteObject;
import com.queenofsandiego.charter.store.StateStore;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads what is live, then plans, as a deploy does before it calls the pure {@link PublishPlanner}. */
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
}
