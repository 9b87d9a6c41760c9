package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.BackgroundTask;
import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.booking.KnownBooking;
import com.queenofsandiego.charter.publish.Cdn;
import com.queenofsandiego.charter.publish.LiveDistribution;
import com.queenofsandiego.charter.publish.LiveSite;
import com.queenofsandiego.charter.publish.LocalTree;
import com.queenofsandiego.charter.publish.NotAssociatedException;
import com.queenofsandiego.charter.publish.PublishPlan;
import com.queenofsandiego.charter.publish.PublishPlanner;
import com.queenofsandiego.charter.publish.Publisher;
import com.queenofsandiego.charter.reconcile.Ledger;
import com.queenofsandiego.charter.reconcile.LiveEntries;
import com.queenofsandiego.charter.reconcile.ReconcilePlan;
import com.queenofsandiego.charter.reconcile.ReconcilePlanner;
import com.queenofsandiego.charter.reconcile.Reconciler;
import com.queenofsandiego.charter.reconcile.RemoteClient;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.site.SiteOutputs;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.SiteObject;
import com.queenofsandiego.charter.store.StateStore;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A deploy without Maven: plan what S3, CloudFront, JADA and SCC need from the rendered site and the bookings, then
 * apply exactly that — publishing first (so a guest page exists before the crew is invited), then reconciling.
 */
public final class Deployment {

    private final ObjectStore target;
    private final StateStore state;
    private final Optional<Cdn> cdn;
    private final boolean associate;
    private final boolean refresh;
    private final Map<RemoteSystem, String> systems;
    private final Consumer<String> progress;

    /**
     * @param associate whether deploy may associate the CloudFront function with the distribution
     * @param refresh whether planning reads what is live beyond the listing and the records, to repair what was changed
     *                by hand: each object's metadata, and each booking's entry in JADA and SCC
     * @param systems the JADA and SCC that are configured, each with where it is
     */
    public Deployment(
            ObjectStore target,
            StateStore state,
            Optional<Cdn> cdn,
            boolean associate,
            boolean refresh,
            Map<RemoteSystem, String> systems,
            Consumer<String> progress) {
        this.target = target;
        this.state = state;
        this.cdn = cdn;
        this.associate = associate;
        this.refresh = refresh;
        this.systems = systems;
        this.progress = progress;
    }

    /**
     * What a deploy plans from: the site the bookings render to, and the bookings as loaded, parsed or known from the
     * digests of their unchanged files.
     */
    public record Inputs(SiteOutputs site, Bookings bookings) {}

    /**
     * What deploy would do, against what is live: renders only the files whose fingerprint differs from the one the
     * manifest recorded (or that are missing or changed in the target), compares those by content, and takes the rest
     * as live and unchanged. Reads the target (listing), the deploy state and the distribution, and writes nothing
     * there; JADA and SCC only with a refresh, through {@code readers}, up to {@code concurrency} calls at once.
     */
    public DeployPlan plan(
            SiteOutputs site, Bookings bookings, Map<RemoteSystem, RemoteClient> readers, int concurrency) {
        return plan(() -> new Inputs(site, bookings), readers, concurrency);
    }

    /**
     * As {@link #plan(SiteOutputs, Bookings, Map, int)}, with the inputs still being read and checked elsewhere: what is
     * live (the listing, the manifest, the ledger, the distribution) is read meanwhile, and while the fingerprints are
     * worked out and the template engine is readied. One waits on the target, the other on the CPU.
     *
     * @param inputs gives the inputs once they are ready, or throws what stopped them
     */
    public <E extends Exception> DeployPlan plan(
            BackgroundTask.Work<Inputs, E> inputs, Map<RemoteSystem, RemoteClient> readers, int concurrency) throws E {
        try (BackgroundTask<LiveSite.Listed, RuntimeException> listing =
                        BackgroundTask.start("charter-read-listing", () -> LiveSite.listed(target, state));
                BackgroundTask<Ledger, RuntimeException> readingLedger =
                        BackgroundTask.start("charter-read-ledger", () -> Ledger.load(state));
                BackgroundTask<Optional<LiveDistribution>, RuntimeException> readingDistribution =
                        BackgroundTask.start("charter-read-distribution", () -> cdn.map(LiveDistribution::read))) {
            Inputs ready = inputs.call();
            Ledger ledger = readingLedger.join();
            // JADA and SCC are planned meanwhile: they need only the bookings and the ledger
            try (BackgroundTask<Reconciling, RuntimeException> reconciling = BackgroundTask.start(
                    "charter-plan-reconcile",
                    () -> reconcile(
                            ledger,
                            ready.bookings().bookings(),
                            ready.bookings().known(),
                            readers,
                            concurrency))) {
                Map<String, String> fingerprints = ready.site().fingerprints();
                ready.site().prepareRendering();
                LiveSite live = listing.join().withMetadata(target, ready.site().keys(), refresh);
                PublishPlan publish = publish(ready.site(), fingerprints, live, readingDistribution.join());
                return withReconcile(publish, ledger, reconciling.join());
            }
        }
    }

    /** Renders what the live site does not hold already and compares it with what is live. */
    private PublishPlan publish(
            SiteOutputs site,
            Map<String, String> fingerprints,
            LiveSite live,
            Optional<LiveDistribution> distribution) {
        Map<String, String> render = new TreeMap<>();
        Set<String> kept = new HashSet<>();
        fingerprints.forEach((key, fingerprint) -> {
            if (live.holds(key, fingerprint)) {
                kept.add(key);
            } else {
                render.put(key, fingerprint);
            }
        });
        site.render(render.keySet());
        progress.accept("rendered " + render.size() + " of " + fingerprints.size()
                + " files; the rest are live and rendered from the same inputs");
        return PublishPlanner.plan(
                LocalTree.objects(site.directory(), render),
                kept,
                live,
                distribution,
                PublishPlanner.functionSource(),
                associate);
    }

    /** What deploy would do, without a refresh. */
    public DeployPlan plan(SiteOutputs site, Bookings bookings) {
        return plan(site, bookings, Map.of(), 1);
    }

    /** What deploy would do with a site rendered whole beforehand (every file compared by content). */
    public DeployPlan plan(
            Path site, List<Booking> bookings, Map<RemoteSystem, RemoteClient> readers, int concurrency) {
        List<SiteObject> local = LocalTree.scan(site);
        LiveSite live =
                LiveSite.read(target, state, local.stream().map(SiteObject::key).collect(Collectors.toSet()), refresh);
        PublishPlan publish = PublishPlanner.plan(
                local, Set.of(), live, cdn.map(LiveDistribution::read), PublishPlanner.functionSource(), associate);
        return withReconcile(publish, Ledger.load(state), bookings, readers, concurrency);
    }

    /** What deploy would do with a site rendered whole beforehand, without a refresh. */
    public DeployPlan plan(Path site, List<Booking> bookings) {
        return plan(site, bookings, Map.of(), 1);
    }

    private DeployPlan withReconcile(
            PublishPlan publish,
            Ledger ledger,
            List<Booking> bookings,
            Map<RemoteSystem, RemoteClient> readers,
            int concurrency) {
        return withReconcile(publish, ledger, reconcile(ledger, bookings, List.of(), readers, concurrency));
    }

    private DeployPlan withReconcile(PublishPlan publish, Ledger ledger, Reconciling reconciling) {
        reconciling.refreshed().ifPresent(progress);
        return new DeployPlan(publish, reconciling.plan(), ledger);
    }

    /** The JADA and SCC plan, and what a refresh read for it (told once the plan is whole, so lines keep their order). */
    private record Reconciling(ReconcilePlan plan, Optional<String> refreshed) {}

    private Reconciling reconcile(
            Ledger ledger,
            List<Booking> bookings,
            List<KnownBooking> known,
            Map<RemoteSystem, RemoteClient> readers,
            int concurrency) {
        Optional<LiveEntries> live = Optional.empty();
        Optional<String> refreshed = Optional.empty();
        if (refresh) {
            if (!readers.keySet().containsAll(systems.keySet())) {
                throw new IllegalArgumentException("charter.refresh reads JADA and SCC: plan with their clients");
            }
            Map<RemoteSystem, List<String>> toRead =
                    ReconcilePlanner.toRefresh(bookings, known, ledger.entries(), ledger.endpoints(), systems);
            live = Optional.of(LiveEntries.read(readers, toRead, concurrency));
            refreshed = Optional.of("refreshed "
                    + toRead.values().stream().mapToInt(List::size).sum() + " entries from "
                    + String.join(
                            " and ",
                            systems.keySet().stream().map(RemoteSystem::label).toList()));
        }
        ReconcilePlan reconcile =
                ReconcilePlanner.plan(bookings, known, ledger.entries(), ledger.endpoints(), systems, live);
        return new Reconciling(reconcile, refreshed);
    }

    /** What a deploy did. */
    public record Result(Publisher.Result publish, Reconciler.Result reconcile, int ledgerWrites, long ledgerBytes) {

        @Override
        public String toString() {
            return publish + "; JADA/SCC: " + reconcile;
        }
    }

    /**
     * Applies the plan; refuses it before any write when it deletes more than {@code deleteLimit} allows, or when the
     * distribution does not run the function and may not be made to.
     *
     * @param concurrency JADA and SCC changes in flight at once
     * @param heartbeat run before each publishing phase and each JADA or SCC change: confirms the deploy lock, and throws
     *                  when it was taken over
     */
    public Result apply(
            DeployPlan plan,
            Map<RemoteSystem, RemoteClient> clients,
            DeleteLimit deleteLimit,
            int concurrency,
            Runnable heartbeat) {
        deleteLimit.check(plan);
        if (plan.publish().associationRefused()) {
            throw new NotAssociatedException(plan.publish());
        }
        Publisher.Result published = new Publisher(target, state, cdn, progress, heartbeat).apply(plan.publish());
        Reconciler.Result reconciled =
                new Reconciler(clients, plan.ledger(), progress, heartbeat, concurrency).apply(plan.reconcile());
        return new Result(
                published, reconciled, plan.ledger().writes(), plan.ledger().bytesWritten());
    }
}
