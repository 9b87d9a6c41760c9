package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.publish.PublishPlan;
import com.queenofsandiego.charter.publish.Publisher;
import com.queenofsandiego.charter.publish.Targets;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Plans, then applies the plan: uploads what changed (assets, pages, then sitemap), publishes the CloudFront function
 * when it changed, invalidates exactly the changed paths, deletes last. Idempotent: a second run changes nothing.
 */
@Mojo(name = "deploy", threadSafe = true)
public class DeployMojo extends AbstractPublishMojo {

    /** Plan only, as charter:plan does. */
    @Parameter(property = "charter.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        try (Targets.Connection connection = connect()) {
            PublishPlan plan = plan(connection);
            if (dryRun) {
                getLog().info("charter: dry run (charter.dryRun=true): nothing was changed");
                return;
            }
            Publisher.Result result = new Publisher(connection.target(), connection.cdn(), line -> getLog().info("charter: " + line))
                    .apply(plan, maxDeletes);
            getLog().info("charter: deployed to " + connection.target().describe() + ": " + result);
            getLog().info("charter: requests " + connection.target().requests()
                    + connection.cdn().map(cdn -> ", CloudFront " + cdn.requests()).orElse(""));
        } catch (Publisher.DeleteLimitException e) {
            throw new MojoFailureException("charter: " + e.getMessage());
        } catch (MojoFailureException | MojoExecutionException e) {
            throw e;
        } catch (Exception e) {
            throw remoteFailure(e);
        }
    }
}
