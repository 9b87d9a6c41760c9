package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.publish.LocalTree;
import com.queenofsandiego.charter.publish.PlanFiles;
import com.queenofsandiego.charter.publish.PublishPlan;
import com.queenofsandiego.charter.publish.PublishPlanner;
import com.queenofsandiego.charter.publish.TargetSettings;
import com.queenofsandiego.charter.publish.Targets;
import com.queenofsandiego.charter.site.SiteGenerator;
import com.queenofsandiego.charter.site.SiteException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** What plan and deploy share: the target's parameters, and generate → compare → plan files. */
abstract class AbstractPublishMojo extends AbstractCharterMojo {

    /** {@code local} (a directory, the default when no bucket is set) or {@code aws}. */
    @Parameter(property = "charter.target")
    String target;

    /** The local target's bucket, invalidation log and records. */
    @Parameter(property = "charter.local.directory", defaultValue = "${project.build.directory}/charter/local")
    File localDirectory;

    /** The S3 bucket; setting it makes {@code aws} the default target. */
    @Parameter(property = "charter.s3.bucket")
    String bucket;

    /** The bucket's region; default: the AWS SDK's region chain. */
    @Parameter(property = "charter.s3.region")
    String region;

    /** An S3-compatible endpoint instead of AWS, e.g. http://127.0.0.1:9000. */
    @Parameter(property = "charter.s3.endpoint")
    String s3Endpoint;

    /** Path-style bucket addressing (for S3-compatible servers). */
    @Parameter(property = "charter.s3.pathStyle", defaultValue = "false")
    boolean pathStyle;

    /** The CloudFront distribution in front of the bucket; without it nothing is invalidated. */
    @Parameter(property = "charter.cloudfront.distributionId")
    String distributionId;

    /** A CloudFront API endpoint instead of AWS's (for tests). */
    @Parameter(property = "charter.cloudfront.endpoint")
    String cloudFrontEndpoint;

    /** Deploy refuses to delete more objects than this; raise it for one run to allow a larger removal. */
    @Parameter(property = "charter.maxDeletes", defaultValue = "10")
    int maxDeletes;

    TargetSettings targetSettings() {
        String chosen = target != null && !target.isBlank() ? target : present(bucket).isPresent() ? "aws" : "local";
        return new TargetSettings(chosen, localDirectory.toPath(), present(bucket), present(region),
                present(s3Endpoint).map(URI::create), pathStyle, present(distributionId), present(cloudFrontEndpoint).map(URI::create));
    }

    /** Renders the site, compares it with the target, writes plan.json and plan.md, and prints the plan. */
    PublishPlan plan(Targets.Connection connection) throws MojoFailureException {
        try {
            getLog().info("charter: " + new SiteGenerator(siteSettings()).generate(loadBookings()));
        } catch (SiteException e) {
            throw failure(e.problems());
        }
        Path site = siteSettings().siteDirectory();
        PublishPlan plan = PublishPlanner.plan(LocalTree.scan(site), connection.target(), connection.cdn(), PublishPlanner.functionSource());
        PlanFiles.write(outputDirectory.toPath(), plan, Optional.ofNullable(environment().get("GITHUB_STEP_SUMMARY")).map(Path::of));
        getLog().info("charter plan: " + plan.summary());
        plan.markdown().forEach(line -> getLog().info("  " + line));
        if (plan.deletes().size() > maxDeletes) {
            getLog().warn("charter: the plan deletes " + plan.deletes().size() + " objects, more than charter.maxDeletes="
                    + maxDeletes + "; deploy will refuse it unless run with -Dcharter.maxDeletes=" + plan.deletes().size());
        }
        return plan;
    }

    Targets.Connection connect() throws MojoFailureException {
        try {
            return Targets.open(targetSettings());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("charter: " + e.getMessage());
        }
    }

    static MojoExecutionException remoteFailure(Exception e) {
        return new MojoExecutionException("charter: " + e.getMessage()
                + ". Nothing half-done is left behind that the next run cannot finish: fix the cause and run again.", e);
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
