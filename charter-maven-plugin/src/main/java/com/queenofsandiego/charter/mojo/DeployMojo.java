package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.BackgroundTask;
import com.queenofsandiego.charter.CharterException;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.deploy.BookingDigests;
import com.queenofsandiego.charter.deploy.DeployLock;
import com.queenofsandiego.charter.deploy.DeployPlan;
import com.queenofsandiego.charter.deploy.Deployment;
import com.queenofsandiego.charter.deploy.LockHolder;
import com.queenofsandiego.charter.deploy.Remotes;
import com.queenofsandiego.charter.deploy.Targets;
import com.queenofsandiego.charter.reconcile.RemoteException;
import com.queenofsandiego.charter.site.Renderer;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.time.Clock;

/**
 * Plans, then applies the plan under the target's lock: uploads what changed (assets, pages, then sitemap), publishes
 * the CloudFront function when it changed, invalidates exactly the changed paths, deletes last; then makes JADA and
 * SCC match the bookings (create, update, delete), recording each call in the ledger. Idempotent: a second run
 * changes nothing, and a run that died anywhere is finished by the next.
 */
@Mojo(name = "deploy", threadSafe = true)
public class DeployMojo extends AbstractPublishMojo {

    /** Plan only, as charter:plan does. */
    @Parameter(property = "charter.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Take over a stale deploy lock (one past its expiry, left by a deploy that died). */
    @Parameter(property = "charter.forceUnlock", defaultValue = "false")
    boolean forceUnlock;

    @Override
    void run() throws Exception {
        try (Targets.Connection connection = connect();
                BackgroundTask<Deployment.Inputs, MojoFailureException> inputs = readInputs(connection.state())) {
            Deployment deployment = deployment(connection);
            if (dryRun) {
                planOnly(deployment, inputs);
                getLog().info("charter: dry run (charter.dryRun=true): nothing was changed");
                return;
            }
            try (Remotes remotes = openRemotes();
                    DeployLock lock = DeployLock.acquire(
                            connection.state(), LockHolder.describe(environment()), Clock.systemUTC(), forceUnlock)) {
                getLog().info("charter: took the deploy lock on "
                        + connection.state().describe() + " until "
                        + lock.holder().expires());
                DeployPlan plan = plan(deployment, inputs, remotes.clients());
                Deployment.Result result;
                // The digests of what was planned are a cache for the next plan: stored while the plan is applied.
                Bookings bookings = inputs.join().bookings();
                try (BackgroundTask<Void, RuntimeException> digests =
                        BackgroundTask.start("charter-write-digests", () -> writeDigests(connection, bookings))) {
                    result = deployment.apply(plan, remotes.clients(), deleteLimit(), concurrency, lock::confirm);
                    digests.join();
                }
                getLog().info("charter: deployed to " + connection.target().describe() + ": " + result);
                StringBuilder requests = new StringBuilder(
                        "charter: requests: S3 " + connection.target().requests()
                                + connection
                                        .cdn()
                                        .map(cdn -> ", CloudFront " + cdn.requests())
                                        .orElse(""));
                remotes.clients()
                        .forEach((system, client) -> requests.append(", ")
                                .append(system.label())
                                .append(' ')
                                .append(client.requests()));
                getLog().info(requests.append(", ledger writes ")
                        .append(result.ledgerWrites())
                        .append(" (")
                        .append(result.ledgerBytes())
                        .append(" bytes)")
                        .toString());
            }
        }
    }

    /**
     * Stores the digests when enough files were read in full ({@link BookingDigests#worthStoring}); a store that
     * refuses them costs the next plan time, not this deploy.
     */
    private Void writeDigests(Targets.Connection connection, Bookings bookings) {
        if (!BookingDigests.worthStoring(bookings)) {
            return null;
        }
        try {
            BookingDigests.write(connection.state(), Renderer.current(), BookingDigests.of(bookings));
        } catch (RuntimeException e) {
            getLog().warn("charter: could not store " + BookingDigests.NAME + " (" + e.getMessage()
                    + "); the next plan reads every booking file");
        }
        return null;
    }

    /** A refused plan, a held lock or bad settings changed nothing; after a failed call the ledger says what was done. */
    @Override
    String afterFailure(Exception failure) {
        if (failure instanceof RemoteException remote && remote.usersFault()) {
            return ". The ledger records everything done so far: fix this and run again.";
        }
        if (failure instanceof CharterException known && known.usersFault()) {
            return "";
        }
        return ". Nothing half-done is left behind that the next run cannot finish: fix the cause and run again.";
    }
}
