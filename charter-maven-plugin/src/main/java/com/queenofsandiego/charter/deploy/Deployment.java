package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.publish.Cdn;
import com.queenofsandiego.charter.publish.LocalTree;
import com.queenofsandiego.charter.publish.PublishPlan;
import com.queenofsandiego.charter.publish.PublishPlanner;
import com.queenofsandiego.charter.publish.PublishTarget;
import com.queenofsandiego.charter.publish.Publisher;
import com.queenofsandiego.charter.reconcile.Ledger;
import com.queenofsandiego.charter.reconcile.ReconcilePlan;
import com.queenofsandiego.charter.reconcile.ReconcilePlanner;
import com.queenofsandiego.charter.reconcile.Reconciler;
import com.queenofsandiego.charter.reconcile.RemoteClient;
import com.queenofsandiego.charter.reconcile.RemoteSystem;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A deploy without Maven: plan what S3, CloudFront, JADA and SCC need from the rendered site and the bookings, then
 * apply exactly that — publishing first (so a guest page exists before the crew is invited), then reconciling.
 */
public final class Deployment {

    private final PublishTarget target;
    private final Optional<Cdn> cdn;
    private final Map<RemoteSystem, String> systems;
    private final Consumer<String> progress;

    /** @param systems the JADA and SCC that are configured, each with where it is */
    public Deployment(PublishTarget target, Optional<Cdn> cdn, Map<RemoteSystem, String> systems, Consumer<String> progress) {
        this.target = target;
        this.cdn = cdn;
        this.systems = systems;
        this.progress = progress;
    }

    /** What deploy would do; reads the target (listing, manifest, ledger) and writes nothing. */
    public DeployPlan plan(Path site, List<Booking> bookings) {
        PublishPlan publish = PublishPlanner.plan(LocalTree.scan(site), target, cdn, PublishPlanner.functionSource());
        Ledger ledger = Ledger.load(target);
        ReconcilePlan reconcile = ReconcilePlanner.plan(bookings, ledger.entries(), systems);
        return new DeployPlan(publish, reconcile, ledger);
    }

    /** What a deploy did. */
    public record Result(Publisher.Result publish, Reconciler.Result reconcile, int ledgerWrites) {

        @Override
        public String toString() {
            return publish + "; JADA/SCC: " + reconcile;
        }
    }

    /**
     * Applies the plan; refuses it before any write when it deletes more than {@code maxDeletes} in any one system.
     *
     * @param heartbeat run before each JADA or SCC change: renews the deploy lock
     */
    public Result apply(DeployPlan plan, Map<RemoteSystem, RemoteClient> clients, int maxDeletes, Runnable heartbeat) {
        Publisher.checkDeletes(plan.publish(), maxDeletes);
        Reconciler.checkDeletes(plan.reconcile(), maxDeletes);
        Publisher.Result published = new Publisher(target, cdn, progress).apply(plan.publish(), maxDeletes);
        Reconciler.Result reconciled = new Reconciler(clients, plan.ledger(), progress, heartbeat).apply(plan.reconcile(), maxDeletes);
        return new Result(published, reconciled, plan.ledger().writes());
    }
}
