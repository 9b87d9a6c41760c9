package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.BackgroundTask;
import com.queenofsandiego.charter.deploy.DeployLock;
import com.queenofsandiego.charter.deploy.Deployment;
import com.queenofsandiego.charter.deploy.Targets;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Generates the site, then computes — without changing anything — what deploy would do in S3, CloudFront, JADA and SCC
 * (from the ledger: no JADA or SCC credentials needed, except with {@code charter.refresh}, which reads their entries); prints it
 * and writes {@code plan.json} and {@code plan.md} (appending the markdown to {@code $GITHUB_STEP_SUMMARY} when set).
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractPublishMojo {

    @Override
    void run() throws Exception {
        try (Targets.Connection connection = connect();
                BackgroundTask<Deployment.Inputs, MojoFailureException> inputs = readInputs(connection.state())) {
            planOnly(deployment(connection), inputs);
            DeployLock.holder(connection.state())
                    .ifPresent(holder -> getLog().warn("charter: a deploy holds the lock on "
                            + connection.state().describe() + ": " + holder.holder() + " until " + holder.expires()
                            + "; this plan may be out of date when it finishes"));
        }
    }

    /** A plan only reads: whatever stopped it, nothing changed anywhere. */
    @Override
    String afterFailure(Exception failure) {
        return ". Nothing was changed.";
    }
}
