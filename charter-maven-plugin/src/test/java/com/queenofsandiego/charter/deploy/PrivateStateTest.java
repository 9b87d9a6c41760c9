package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.ConfigurationException;
import com.queenofsandiego.charter.publish.S3Server;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.reconcile.RetrySettings;
import com.queenofsandiego.charter.reconcile.Secret;
import com.queenofsandiego.charter.sandbox.TestSandbox;
import com.queenofsandiego.charter.site.SiteFixture;
import com.queenofsandiego.charter.site.SiteGenerator;
import com.queenofsandiego.charter.site.SiteOutputs;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.S3Store;
import com.queenofsandiego.charter.store.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real site rendered from bookings that hold a guest's full name, e-mail, phone and internal notes, deployed through
 * the AWS SDK to an S3-compatible server, with JADA and SCC in the sandbox: nothing a stranger could read from the site
 * bucket carries any of it, whether the deploy state shares the bucket or has its own.
 */
class PrivateStateTest {

    private static final String SITE = "queenofsandiego-site";
    private static final String STATE = "queenofsandiego-deploy-state";
    private static final List<String> PRIVATE = List.of(
            "Jane Smith",
            "Smith",
            "jane.secret@example.com",
            "555 0199",
            "INTERNAL-NOTE",
            "Paid in full by card",
            "2024-05-30-smith");

    @TempDir
    Path work;

    S3Server s3;
    TestSandbox sandbox;
    SiteFixture site;

    @BeforeEach
    void start() throws Exception {
        s3 = new S3Server(SITE, STATE);
        sandbox = TestSandbox.start(work.resolve("sandbox"), 0, "jada-token-1", "scc-key-1");
        site = new SiteFixture(
                        work.resolve("project"), Optional.of(sandbox.baseUri().toString()))
                .booking("2024/2024-05-30-smith.yaml", SiteFixture.booking("BS-48213", "k3m9x2pq7a", ""))
                .booking(
                        "2024/2024-05-31-smith.yaml",
                        SiteFixture.booking("BS-48214", "w8f2hq4nze", "status: cancelled\n")
                                .replace("INTERNAL-NOTE do not show", "Paid in full by card"));
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
        Thread closing = new Thread(sandbox::close);
        closing.setDaemon(true);
        closing.start();
    }

    private Deployment.Result deploy(StateStore state) {
        S3Store target = new S3Store(s3.client(), SITE);
        Map<RemoteSystem, String> systems = new EnumMap<>(RemoteSystem.class);
        systems.put(RemoteSystem.JADA, sandbox.baseUri().toString());
        systems.put(RemoteSystem.SCC, sandbox.baseUri().toString());
        Deployment deployment = new Deployment(target, state, Optional.empty(), false, false, systems, line -> {});
        Map<RemoteSystem, String> endpoints = Map.of(
                RemoteSystem.JADA,
                sandbox.baseUri().toString(),
                RemoteSystem.SCC,
                sandbox.baseUri().toString());
        try (Remotes remotes = Remotes.open(
                        new Remotes.Settings(endpoints, Optional.empty()),
                        system -> Optional.of(
                                new Secret(system == RemoteSystem.JADA ? "jada-token-1" : "scc-key-1", "the test")),
                        RetrySettings.DEFAULT);
                DeployLock lock = DeployLock.acquire(state, "test", Clock.systemUTC(), false)) {
            return deployment.apply(
                    deployment.plan(outputs(), site.bookings()),
                    remotes.clients(),
                    new DeleteLimit(10),
                    8,
                    lock::confirm);
        }
    }

    private SiteOutputs outputs() {
        return new SiteGenerator(site.settings).outputs(site.bookings());
    }

    private Map<String, String> objects(String bucket) {
        Map<String, String> objects = new java.util.TreeMap<>();
        for (S3Object object : s3.client().listObjectsV2(r -> r.bucket(bucket)).contents()) {
            objects.put(
                    object.key(),
                    s3.client()
                            .getObjectAsBytes(r -> r.bucket(bucket).key(object.key()))
                            .asString(StandardCharsets.UTF_8));
        }
        return objects;
    }

    @Test
    void noObjectInTheSiteBucketHoldsAGuestsFullNameContactOrInternalNotesEvenWithTheStateInIt() {
        Deployment.Result result = deploy(StateStore.in(new S3Store(s3.client(), SITE)));

        assertThat(result.reconcile().created()).isEqualTo(2);
        Map<String, String> objects = objects(SITE);
        assertThat(objects)
                .containsKeys(
                        ".charter/ledger.json", ".charter/manifest.json", "g/k3m9x2pq7a.html", "g/w8f2hq4nze.html");
        objects.forEach((key, content) -> assertThat(content).as(key).doesNotContain(PRIVATE));
        assertThat(sandbox.store(RemoteSystem.JADA).entries().toString())
                .as("JADA still gets the notes")
                .contains("INTERNAL-NOTE");
    }

    @Test
    void withAStateBucketTheSiteBucketHoldsNoDeployRecordsAtAll() {
        StateStore state = StateStore.separate(new S3Store(s3.client(), STATE), "queenofsandiego/");

        deploy(state);

        assertThat(objects(SITE).keySet()).noneMatch(key -> key.startsWith(".charter"));
        assertThat(objects(STATE).keySet())
                .containsExactly(
                        "queenofsandiego/ledger.json",
                        "queenofsandiego/manifest-changes.json",
                        "queenofsandiego/manifest.json");
        S3Store target = new S3Store(s3.client(), SITE);
        Deployment again = new Deployment(
                target,
                state,
                Optional.empty(),
                false,
                false,
                Map.of(
                        RemoteSystem.JADA,
                        sandbox.baseUri().toString(),
                        RemoteSystem.SCC,
                        sandbox.baseUri().toString()),
                line -> {});
        assertThat(again.plan(outputs(), site.bookings()).isEmpty())
                .as("the next plan reads the state bucket")
                .isTrue();
    }

    @Test
    void theStateStaysUnderTheFunctionsPrivatePathUnlessItHasABucketOfItsOwn() throws Exception {
        TargetSettings shared = settings(Optional.empty(), "deploy-state/");
        assertThatThrownBy(() -> Targets.open(shared))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "charter.state.prefix 'deploy-state/' would put the ledger, lock and manifest at a public path")
                .hasMessageContaining("charter.state.bucket");

        try (Targets.Connection underCharter = Targets.open(settings(Optional.empty(), ".charter/production"))) {
            assertThat(underCharter.state().prefix()).isEqualTo(".charter/production/");
            assertThat(underCharter.state().store()).isSameAs(underCharter.target());
        }
        try (Targets.Connection separate = Targets.open(settings(Optional.of(STATE), "site/"))) {
            ObjectStore store = separate.state().store();
            assertThat(store.describe()).isEqualTo("s3://" + STATE);
            assertThat(separate.state().key("ledger.json")).isEqualTo("site/ledger.json");
        }
    }

    private TargetSettings settings(Optional<String> stateBucket, String prefix) {
        return new TargetSettings(
                TargetSettings.Kind.AWS,
                work.resolve("local"),
                Optional.of(SITE),
                Optional.of("us-west-2"),
                Optional.of(s3.endpoint()),
                true,
                Optional.empty(),
                Optional.empty(),
                stateBucket,
                prefix);
    }
}
