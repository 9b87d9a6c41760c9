package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.BackgroundTask;
import com.queenofsandiego.charter.ConfigurationException;
import com.queenofsandiego.charter.booking.BookingDigest;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.deploy.BookingDigests;
import com.queenofsandiego.charter.deploy.DeleteLimit;
import com.queenofsandiego.charter.deploy.DeployPlan;
import com.queenofsandiego.charter.deploy.Deployment;
import com.queenofsandiego.charter.deploy.PlanFiles;
import com.queenofsandiego.charter.deploy.PlanReport;
import com.queenofsandiego.charter.deploy.Remotes;
import com.queenofsandiego.charter.deploy.TargetSettings;
import com.queenofsandiego.charter.deploy.Targets;
import com.queenofsandiego.charter.reconcile.RemoteClient;
import com.queenofsandiego.charter.reconcile.RemoteEndpoint;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.reconcile.RetrySettings;
import com.queenofsandiego.charter.site.Renderer;
import com.queenofsandiego.charter.site.SiteGenerator;
import com.queenofsandiego.charter.site.SiteOutputs;
import com.queenofsandiego.charter.store.StateStore;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** What plan and deploy share: the target's and JADA's parameters, and generate → compare → plan files. */
abstract class AbstractPublishMojo extends AbstractCharterMojo {

    /** {@code local} (a directory, the default when no bucket is set) or {@code aws}. */
    @Parameter(property = "charter.target")
    String target;

    /** The local target's bucket, invalidation log and records; default: local/ under charter.outputDirectory. */
    @Parameter(property = "charter.local.directory")
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

    /**
     * Let deploy associate the function path-rewriter with the distribution's default cache behavior (viewer request)
     * when it is not; otherwise deploy refuses, before any write, to publish behind a distribution that does not run it.
     */
    @Parameter(property = "charter.cloudfront.associate", defaultValue = "false")
    boolean associate;

    /**
     * A private bucket for deploy's ledger, lock and manifest (recommended); default: the site bucket, under .charter/,
     * which the CloudFront function hides.
     */
    @Parameter(property = "charter.state.bucket")
    String stateBucket;

    /** The key prefix of deploy's records; in the site bucket it must be under .charter/. */
    @Parameter(property = "charter.state.prefix", defaultValue = ".charter/")
    String statePrefix;

    /**
     * JADA's API base URL: the API Gateway URL, not a CloudFront one (CloudFront drops the auth header). Without it the
     * local target uses the sandbox, and aws leaves JADA alone. The token comes from CHARTER_JADA_TOKEN or the
     * settings.xml server charter-jada.
     */
    @Parameter(property = "charter.jada.endpoint")
    String jadaEndpoint;

    /** Deploy refuses to delete more objects, or JADA or SCC entries, than this; raise it for one run to allow a larger removal. */
    @Parameter(property = "charter.maxDeletes", defaultValue = "10")
    int maxDeletes;

    /** JADA and SCC changes in flight at once; a 429 holds every call to that system until its Retry-After has passed. */
    @Parameter(property = "charter.concurrency", defaultValue = "8")
    int concurrency;

    /**
     * Plan and deploy read each booking's entry from JADA and SCC and repair what was changed by hand: entries deleted
     * (created again), edited (updated back) or doubled (the second deleted). Without it nothing is read from them.
     */
    @Parameter(property = "charter.refresh", defaultValue = "false")
    boolean refresh;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Component
    SettingsDecrypter decrypter;

    TargetSettings targetSettings() {
        return new TargetSettings(
                TargetSettings.Kind.parse(target, present(bucket).isPresent()),
                localDirectory(localDirectory),
                present(bucket),
                present(region),
                present(s3Endpoint).map(url -> url("charter.s3.endpoint", url)),
                pathStyle,
                present(distributionId),
                present(cloudFrontEndpoint).map(url -> url("charter.cloudfront.endpoint", url)),
                present(stateBucket),
                statePrefix);
    }

    /** A URL parameter; a malformed one is refused without repeating it whole, since it may carry credentials. */
    private static URI url(String property, String value) {
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new ConfigurationException(
                    property + " '" + RemoteEndpoint.redacted(value) + "' is not a URL: " + e.getReason());
        }
    }

    Remotes.Settings remoteSettings() {
        Map<RemoteSystem, String> endpoints = new EnumMap<>(RemoteSystem.class);
        present(jadaEndpoint).ifPresent(url -> endpoints.put(RemoteSystem.JADA, url));
        present(sccEndpoint).ifPresent(url -> endpoints.put(RemoteSystem.SCC, url));
        TargetSettings target = targetSettings();
        return new Remotes.Settings(
                endpoints,
                target.isLocal() ? Optional.of(target.localDirectory().resolve("sandbox")) : Optional.empty());
    }

    /** JADA and SCC, with the secrets from the environment or settings.xml; close them when done. */
    Remotes openRemotes() {
        return Remotes.open(
                remoteSettings(), new SettingsSecrets(environment(), settings, decrypter), RetrySettings.DEFAULT);
    }

    /**
     * Reads and checks the bookings and works out every file's fingerprint on a thread of its own, while the target,
     * JADA and SCC are opened, the lock is taken and what is live is read: one waits on the CPU, the others mostly on
     * files and the network. A booking file whose bytes are those the last deploy's digest of it was made from is taken
     * from the digest without being read again ({@link BookingDigests}); the template engine is set up meanwhile.
     */
    BackgroundTask<Deployment.Inputs, MojoFailureException> readInputs(StateStore state) {
        return BackgroundTask.start("charter-read-inputs", () -> {
            SiteGenerator generator = new SiteGenerator(siteSettings());
            try (BackgroundTask<Map<String, BookingDigest>, RuntimeException> digests = BackgroundTask.start(
                            "charter-read-digests", () -> BookingDigests.read(state, Renderer.current()));
                    BackgroundTask<Boolean, RuntimeException> templates =
                            BackgroundTask.start("charter-prepare-rendering", () -> {
                                generator.prepareRendering();
                                return true;
                            })) {
                Bookings bookings = loadBookings(digests::join);
                if (!bookings.known().isEmpty()) {
                    getLog().info("charter: read " + bookings.bookings().size() + " of " + bookings.filesRead()
                            + " booking files; " + bookings.known().size()
                            + " unchanged since the last deploy came from its digests (" + BookingDigests.NAME + ")");
                }
                SiteOutputs site = generator.outputs(bookings);
                site.fingerprints();
                templates.join();
                return new Deployment.Inputs(site, bookings);
            }
        });
    }

    /** A plan and nothing else; with {@code charter.refresh} it reads JADA and SCC, so it needs their secrets. */
    DeployPlan planOnly(Deployment deployment, BackgroundTask<Deployment.Inputs, MojoFailureException> inputs)
            throws MojoFailureException {
        if (!refresh) {
            return plan(deployment, inputs, Map.of());
        }
        try (Remotes remotes = openRemotes()) {
            return plan(deployment, inputs, remotes.clients());
        }
    }

    /**
     * Renders what differs from the live site, compares it and the bookings with the target and its ledger (reading
     * JADA and SCC through {@code readers} on a refresh), writes plan.json and plan.md, and prints the plan.
     */
    DeployPlan plan(
            Deployment deployment,
            BackgroundTask<Deployment.Inputs, MojoFailureException> inputs,
            Map<RemoteSystem, RemoteClient> readers)
            throws MojoFailureException {
        DeployPlan plan = deployment.plan(inputs::join, readers, concurrency);
        PlanFiles.write(
                outputDirectory.toPath(),
                plan,
                Optional.ofNullable(environment().get("GITHUB_STEP_SUMMARY")).map(Path::of));
        getLog().info("charter plan: " + plan.summary());
        PlanReport.markdown(plan).stream().filter(line -> !line.isEmpty()).forEach(line -> getLog().info("  " + line));
        if (plan.publish().associationRefused()) {
            getLog().warn("charter: deploy will refuse this plan: "
                    + plan.publish().associationProblem());
        }
        deleteLimit().exceeded(plan).forEach(over -> getLog().warn("charter: deploy will refuse this plan: " + over));
        return plan;
    }

    DeleteLimit deleteLimit() {
        return new DeleteLimit(maxDeletes);
    }

    Deployment deployment(Targets.Connection connection) {
        return new Deployment(
                connection.target(),
                connection.state(),
                connection.cdn(),
                associate,
                refresh,
                Remotes.describe(remoteSettings()),
                line -> getLog().info("charter: " + line));
    }

    Targets.Connection connect() {
        return Targets.open(targetSettings());
    }

    static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
