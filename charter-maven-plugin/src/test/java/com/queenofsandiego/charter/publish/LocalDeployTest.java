package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.deploy.DeleteLimit;
import com.queenofsandiego.charter.deploy.DeleteLimitException;
import com.queenofsandiego.charter.deploy.DeployPlan;
import com.queenofsandiego.charter.deploy.Deployment;
import com.queenofsandiego.charter.deploy.PlanFiles;
import com.queenofsandiego.charter.reconcile.ReconcilePlanner;
import com.queenofsandiego.charter.store.ConcurrentDeployException;
import com.queenofsandiego.charter.store.DirectoryStore;
import com.queenofsandiego.charter.store.StateStore;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local target: the same plan and apply as S3, into a directory, with a record of headers and invalidations. */
class LocalDeployTest {

    @TempDir
    Path work;

    private Path site() throws IOException {
        Path site = work.resolve("site");
        for (String key : List.of(
                "index.html", "g/a.html", "g/a.ics", "g/b.html", "g/b.ics", "g/c.html", "g/c.ics", "sitemap.xml")) {
            Path file = site.resolve(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "content of " + key);
        }
        return site;
    }

    /** The plan of {@code site} against the local target in {@code local}, as a deploy reads it. */
    private static PublishPlan planAgainst(Path site, Path local) {
        DirectoryStore target = new DirectoryStore(local);
        return Plans.read(
                LocalTree.scan(site),
                target,
                StateStore.in(target),
                Optional.of(new LocalCdn(local)),
                PublishPlanner.functionSource(),
                false,
                false);
    }

    private Publisher.Result deploy(Path site) {
        return Plans.publish(site, work.resolve("local")).result();
    }

    @Test
    void deploysIntoADirectoryAndRecordsHeadersFunctionAndInvalidations() throws IOException {
        Path site = site();
        deploy(site);
        Path local = work.resolve("local");

        assertThat(local.resolve("bucket/g/a.html")).hasContent("content of g/a.html");
        assertThat(Files.readString(local.resolve("bucket-headers.journal.jsonl")))
                .contains(
                        "\"g/a.ics\"",
                        "text/calendar; charset=utf-8",
                        "\"sha256\":\"" + DigestUtils.sha256Hex("content of g/a.ics") + "\"");
        assertThat(local.resolve("cloudfront/path-rewriter.js")).hasContent(PublishPlanner.functionSource());

        Files.writeString(site.resolve("g/a.html"), "changed");
        deploy(site);

        assertThat(Files.readAllLines(local.resolve("invalidations.jsonl")))
                .singleElement()
                .asString()
                .contains("\"paths\":[\"/g/a\",\"/g/a.html\"]");
    }

    @Test
    void thePlanForReviewersPutsDeletionsFirstAndLinksPreviews() throws IOException {
        Path site = site();
        deploy(site);
        Files.writeString(site.resolve("g/a.html"), "changed");
        Files.delete(site.resolve("g/c.html"));
        Path local = work.resolve("local");

        PublishPlan plan = planAgainst(site, local);
        PlanFiles.write(
                work,
                new DeployPlan(plan, ReconcilePlanner.plan(List.of(), Map.of(), Map.of()), null),
                Optional.of(work.resolve("summary.md")));

        assertThat(Files.readAllLines(work.resolve("plan.md")))
                .containsSubsequence(
                        "- **delete `g/c.html`**",
                        "- update `g/a.html` (content changed; 7 B, text/html; charset=utf-8) — [preview](site/g/a.html)",
                        "Invalidate: `/g/a`, `/g/a.html`, `/g/c`, `/g/c.html`");
        assertThat(work.resolve("summary.md")).hasSameTextualContentAs(work.resolve("plan.md"));
        assertThat(Files.readString(work.resolve("plan.json"))).contains("\"deletes\" : [ \"g/c.html\" ]");
    }

    @Test
    void theManifestIsOnlyWrittenOverTheVersionThePlanRead() throws IOException {
        Path site = site();
        deploy(site);
        Path local = work.resolve("local");
        DirectoryStore target = new DirectoryStore(local);
        Files.writeString(site.resolve("g/a.html"), "changed once");
        PublishPlan stale =
                Plans.read(LocalTree.scan(site), target, StateStore.in(target), Optional.empty(), "", false, false);
        deploy(site);
        String manifest = Files.readString(local.resolve("bucket/.charter/manifest.json"));
        String changes = Files.readString(local.resolve("bucket/.charter/manifest-changes.json"));

        assertThatThrownBy(() -> new Publisher(target, StateStore.in(target), Optional.empty(), line -> {}, () -> {})
                        .apply(stale))
                .isInstanceOf(ConcurrentDeployException.class)
                .hasMessageContaining(".charter/manifest-changes.json in local directory")
                .hasMessageContaining("was changed by another deploy while this one ran");
        assertThat(Files.readString(local.resolve("bucket/.charter/manifest.json")))
                .isEqualTo(manifest);
        assertThat(Files.readString(local.resolve("bucket/.charter/manifest-changes.json")))
                .isEqualTo(changes);
    }

    @Test
    void aDeployThatDiesBeforeInvalidatingIsFinishedByTheNext() throws IOException {
        Path site = site();
        deploy(site);
        Files.writeString(site.resolve("g/b.html"), "changed");
        Path local = work.resolve("local");
        LocalCdn real = new LocalCdn(local);
        Cdn failing = new Cdn() {
            @Override
            public void invalidate(List<String> paths, String callerReference) {
                throw new IllegalStateException("connection reset");
            }

            @Override
            public Optional<String> functionCode(String name) {
                return real.functionCode(name);
            }

            @Override
            public void publishFunction(String name, String code) {
                real.publishFunction(name, code);
            }

            @Override
            public Association association(String functionName) {
                return real.association(functionName);
            }

            @Override
            public void associate(String functionName) {
                real.associate(functionName);
            }

            @Override
            public java.util.Map<String, Integer> requests() {
                return real.requests();
            }
        };
        DirectoryStore target = new DirectoryStore(local);
        PublishPlan plan = Plans.read(
                LocalTree.scan(site),
                target,
                StateStore.in(target),
                Optional.of(failing),
                PublishPlanner.functionSource(),
                false,
                false);
        assertThatThrownBy(
                        () -> new Publisher(target, StateStore.in(target), Optional.of(failing), line -> {}, () -> {})
                                .apply(plan))
                .hasMessage("connection reset");
        assertThat(Files.readString(local.resolve("bucket/.charter/manifest-changes.json")))
                .as("recorded with the changes")
                .contains("\"pendingInvalidations\":[\"/g/b\",\"/g/b.html\"]");
        assertThat(Files.readString(local.resolve("bucket/.charter/manifest.json")))
                .doesNotContain("/g/b.html");

        PublishPlan next = planAgainst(site, local);
        deploy(site);

        assertThat(next.uploads()).isEmpty();
        assertThat(next.invalidations()).containsExactly("/g/b", "/g/b.html");
        assertThat(Files.readAllLines(local.resolve("invalidations.jsonl")))
                .singleElement()
                .asString()
                .contains("/g/b.html");
        assertThat(Manifest.read(StateStore.in(target)).manifest().pendingInvalidations())
                .isEmpty();
    }

    @Test
    void tooManyDeletionsChangeNothingAndNameTheOverride() throws IOException {
        Path site = site();
        deploy(site);
        Files.writeString(site.resolve("index.html"), "new home");
        for (String key : List.of("g/a.html", "g/a.ics", "g/b.html", "g/b.ics")) {
            Files.delete(site.resolve(key));
        }

        DirectoryStore target = new DirectoryStore(work.resolve("local"));
        Deployment deployment =
                new Deployment(target, StateStore.in(target), Optional.empty(), false, false, Map.of(), line -> {});
        DeployPlan plan = deployment.plan(site, List.of());
        assertThat(new DeleteLimit(3).exceeded(plan))
                .containsExactly(
                        "the plan deletes 4 objects from the bucket, more than charter.maxDeletes=3; allow it with -Dcharter.maxDeletes=4");
        assertThatThrownBy(() -> deployment.apply(plan, Map.of(), new DeleteLimit(3), 1, () -> {}))
                .isInstanceOf(DeleteLimitException.class)
                .hasMessage("the plan deletes 4 objects from the bucket, more than charter.maxDeletes=3;"
                        + " allow it with -Dcharter.maxDeletes=4. Nothing was changed.");

        assertThat(work.resolve("local/bucket/g/a.html")).exists();
        assertThat(work.resolve("local/bucket/index.html")).hasContent("content of index.html");
    }

    @Test
    void neverDeletesWhatItDidNotPut() throws IOException {
        Path site = site();
        Path foreign = work.resolve("local/bucket/uploads/BS-1/photo.jpg");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "a guest's photo");

        deploy(site);
        Files.delete(site.resolve("g/c.html"));
        Publisher.Result result = deploy(site);

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(foreign).exists();
    }

    @Test
    void largeChangesInvalidateWithAWildcard() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            paths.addAll(InvalidationPaths.of("g/trip-" + i + ".html"));
        }
        paths.add("/faq.html");

        assertThat(InvalidationPaths.batch(paths)).containsExactly("/faq.html", "/g/*");
        assertThat(InvalidationPaths.batch(List.of("/g/a", "/g/a.html"))).containsExactly("/g/a", "/g/a.html");
        assertThat(InvalidationPaths.of("index.html")).containsExactly("/", "/index.html");
    }
}
