package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.booking.Problem;
import com.queenofsandiego.charter.deploy.DeployPlan;
import com.queenofsandiego.charter.deploy.Deployment;
import com.queenofsandiego.charter.deploy.Remotes;
import com.queenofsandiego.charter.publish.ConcurrentDeployException;
import com.queenofsandiego.charter.publish.DeployLock;
import com.queenofsandiego.charter.publish.Publisher;
import com.queenofsandiego.charter.publish.Targets;
import com.queenofsandiego.charter.reconcile.Reconciler;
import com.queenofsandiego.charter.reconcile.RemoteException;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.reconcile.RetrySettings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;

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
    void run() throws MojoExecutionException, MojoFailureException {
        try (Targets.Connection connection = connect()) {
            Deployment deployment = deployment(connection);
            if (dryRun) {
                planOnly(deployment);
                getLog().info("charter: dry run (charter.dryRun=true): nothing was changed");
                return;
            }
            try (Remotes remotes = Remotes.open(remoteSettings(), this::secret, RetrySettings.DEFAULT);
                 DeployLock lock = DeployLock.acquire(connection.state(), holder(), Clock.systemUTC(), forceUnlock)) {
                getLog().info("charter: took the deploy lock on " + connection.state().describe() + " until " + lock.holder().expires());
                DeployPlan plan = plan(deployment, remotes.clients());
                Deployment.Result result = deployment.apply(plan, remotes.clients(), maxDeletes, concurrency, lock::confirm);
                getLog().info("charter: deployed to " + connection.target().describe() + ": " + result);
                StringBuilder requests = new StringBuilder("charter: requests: S3 " + connection.target().requests()
                        + connection.cdn().map(cdn -> ", CloudFront " + cdn.requests()).orElse(""));
                remotes.clients().forEach((system, client) -> requests.append(", ").append(system.label()).append(' ').append(client.requests()));
                getLog().info(requests.append(", ledger writes ").append(result.ledgerWrites()).toString());
            }
        } catch (Publisher.DeleteLimitException | Reconciler.DeleteLimitException | Publisher.NotAssociatedException
                 | DeployLock.HeldException | ConcurrentDeployException | IllegalArgumentException e) {
            throw new MojoFailureException("charter: " + e.getMessage());
        } catch (RemoteException e) {
            if ("true".equals(environment().get("GITHUB_ACTIONS")) && e.file().isPresent()) {
                System.out.println(new Problem(e.file().get(), 0, 0, e.reason()).githubAnnotation());
            }
            if (e.kind() == RemoteException.Kind.UNAVAILABLE) {
                throw new MojoExecutionException("charter: " + e.getMessage());
            }
            throw new MojoFailureException("charter: " + e.getMessage() + ". The ledger records everything done so far: fix this and run again.");
        } catch (MojoFailureException | MojoExecutionException e) {
            throw e;
        } catch (Exception e) {
            throw remoteFailure(e);
        }
    }

    /** Who is deploying, for the lock: the GitHub Actions run, or user@host. */
    private String holder() {
        Map<String, String> environment = environment();
        if (environment.containsKey("GITHUB_RUN_ID")) {
            return "GitHub Actions run " + environment.get("GITHUB_RUN_ID") + " of " + environment.getOrDefault("GITHUB_REPOSITORY", "?")
                    + " (" + environment.getOrDefault("GITHUB_ACTOR", "?") + ")";
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        return System.getProperty("user.name") + "@" + host + " (pid " + ProcessHandle.current().pid() + ")";
    }
}
