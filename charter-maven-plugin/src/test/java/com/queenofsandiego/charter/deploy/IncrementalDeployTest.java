package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.FileTrees;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.publish.LocalCdn;
import com.queenofsandiego.charter.publish.PublishPlan;
import com.queenofsandiego.charter.site.SiteGenerator;
import com.queenofsandiego.charter.site.SiteOutputs;
import com.queenofsandiego.charter.site.SiteSettings;
import com.queenofsandiego.charter.store.DirectoryStore;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.StateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Deploys from a fresh clone, as CI does: nothing rendered before, the live manifest says what each object was
 * rendered from, and only the files whose inputs changed are rendered and uploaded.
 */
class IncrementalDeployTest {

    private static final String RENDERER = "renderer-1";

    @TempDir
    Path work;

    SiteRepository repository;
    List<String> progress = new ArrayList<>();
    PublishPlan last;

    @BeforeEach
    void repository() throws IOException {
        repository = new SiteRepository(work);
        repository.booking("a", "BS-1", "k3m9x2pq7a", "maria_lopez");
        repository.booking("b", "BS-2", "w8f2hq4nze", "dana_kim");
        repository.booking("c", "BS-3", "p4t7vbx2mq", "dana_kim");
        deploy(RENDERER);
    }

    private List<String> deploy(String renderer) throws IOException {
        return deploy(renderer, false);
    }

    /** Clones the repository afresh and deploys it; the files the clone rendered, by key. */
    private List<String> deploy(String renderer, boolean refresh) throws IOException {
        Path clone = repository.cloned();
        SiteSettings settings = FingerprintPrinter.settings(clone);
        Bookings bookings = FingerprintPrinter.bookings(clone);
        assertThat(bookings.problems()).isEmpty();
        Path local = work.resolve("local");
        DirectoryStore target = new DirectoryStore(local);
        Deployment deployment = new Deployment(
                target,
                StateStore.in(target),
                Optional.of(new LocalCdn(local)),
                false,
                refresh,
                Map.of(),
                progress::add);
        DeployPlan plan = deployment.plan(new SiteGenerator(settings, renderer).outputs(bookings), bookings);
        last = plan.publish();
        deployment.apply(plan, Map.of(), new DeleteLimit(10), 8, () -> {});
        if (!Files.isDirectory(settings.siteDirectory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(settings.siteDirectory())) {
            return files.filter(Files::isRegularFile)
                    .map(f -> settings.siteDirectory().relativize(f).toString())
                    .sorted()
                    .toList();
        }
    }

    private List<String> uploaded() {
        return last.uploads().stream().map(u -> u.object().key()).sorted().toList();
    }

    @Test
    void fingerprintsAreTheSameInEveryJvm() throws Exception {
        Map<String, String> here = FingerprintPrinter.fingerprints(repository.source());
        for (int run = 0; run < 4; run++) {
            Process other = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            FingerprintPrinter.class.getName(),
                            repository.source().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(other.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(other.waitFor()).as(output).isZero();
            Map<String, String> there = new java.util.TreeMap<>();
            output.lines().map(line -> line.split(" ")).forEach(parts -> there.put(parts[0], parts[1]));
            assertThat(there).isEqualTo(here);
        }
    }

    @Test
    void anUnchangedCloneRendersAndUploadsNothing() throws IOException {
        assertThat(deploy(RENDERER)).isEmpty();
        assertThat(last.isEmpty()).isTrue();
        assertThat(progress)
                .contains("rendered 0 of " + (last.unchanged())
                        + " files; the rest are live and rendered from the same inputs");
    }

    @Test
    void oneChangedBookingRendersAndUploadsOnlyItsTwoFiles() throws IOException {
        repository.edit("bookings/b.yaml", "start: 10:00", "start: 11:00");

        assertThat(deploy(RENDERER)).containsExactly("g/w8f2hq4nze.html", "g/w8f2hq4nze.ics");
        assertThat(uploaded()).containsExactly("g/w8f2hq4nze.html", "g/w8f2hq4nze.ics");
        assertThat(last.invalidations())
                .containsExactlyInAnyOrder("/g/w8f2hq4nze", "/g/w8f2hq4nze.html", "/g/w8f2hq4nze.ics");
    }

    @Test
    void aCrewMembersNewNameRendersOnlyThePagesThatShowThem() throws IOException {
        repository.edit("site-content/crew.yaml", "name: Dana Kim", "name: Danielle Kim");

        assertThat(deploy(RENDERER)).containsExactly("g/p4t7vbx2mq.html", "g/w8f2hq4nze.html");
        assertThat(uploaded()).containsExactly("g/p4t7vbx2mq.html", "g/w8f2hq4nze.html");
    }

    @Test
    void aPartialRendersEveryGuestPageAndTheMeetingPointTheCalendarFilesToo() throws IOException {
        Files.writeString(
                repository.source().resolve("site-content/_what-to-bring.md"),
                "\n\nSunscreen, please.\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(deploy(RENDERER)).containsExactly("g/k3m9x2pq7a.html", "g/p4t7vbx2mq.html", "g/w8f2hq4nze.html");

        repository.edit("site-content/_meeting-point.md", "Harbor Island West Marina", "Shelter Island Marina");
        assertThat(deploy(RENDERER))
                .containsExactly(
                        "g/k3m9x2pq7a.html",
                        "g/k3m9x2pq7a.ics",
                        "g/p4t7vbx2mq.html",
                        "g/p4t7vbx2mq.ics",
                        "g/w8f2hq4nze.html",
                        "g/w8f2hq4nze.ics");
    }

    @Test
    void aTemplateRendersEveryPageButNotTheCalendarFiles() throws IOException {
        repository.edit("theme/templates/fragments.html", "</footer>", "<p>Fair winds.</p></footer>");

        List<String> rendered = deploy(RENDERER);

        assertThat(rendered)
                .allMatch(key -> key.endsWith(".html"))
                .contains("index.html", "faq.html", "g/k3m9x2pq7a.html")
                .noneMatch(key -> key.endsWith(".ics"));
        assertThat(uploaded()).containsExactlyElementsOf(rendered);
    }

    @Test
    void anotherRendererRendersEverythingAndUploadsOnlyWhatCameOutDifferent() throws IOException {
        List<String> rendered = deploy("renderer-2");

        assertThat(rendered)
                .contains("sitemap.xml", "robots.txt", "index.html", "g/k3m9x2pq7a.ics")
                .hasSizeGreaterThan(10);
        assertThat(last.uploads()).as("the same bytes come out").isEmpty();
        assertThat(deploy("renderer-2"))
                .as("the manifest now records the new fingerprints")
                .isEmpty();
    }

    @Test
    void refreshRendersAndUploadsWhatWasEditedInTheBucketByHand() throws IOException {
        Path page = work.resolve("local/bucket/g/w8f2hq4nze.html");
        Files.writeString(page, "<h1>edited by hand</h1>");

        assertThat(deploy(RENDERER))
                .as("the listing and the manifest cannot show it")
                .isEmpty();
        assertThat(deploy(RENDERER, true)).containsExactly("g/w8f2hq4nze.html");
        assertThat(uploaded()).containsExactly("g/w8f2hq4nze.html");
        assertThat(page).content().doesNotContain("edited by hand");
    }

    @Test
    void nothingStaleStaysLive() throws IOException {
        Files.delete(repository.source().resolve("bookings/a.yaml"));
        repository.edit("bookings/c.yaml", "slug: p4t7vbx2mq", "slug: r9c2mxw7tk");
        Path bucket = work.resolve("local/bucket");
        Files.delete(bucket.resolve("g/w8f2hq4nze.ics"));

        assertThat(deploy(RENDERER)).containsExactly("g/r9c2mxw7tk.html", "g/r9c2mxw7tk.ics", "g/w8f2hq4nze.ics");

        assertThat(last.deletes())
                .containsExactlyInAnyOrder(
                        "g/k3m9x2pq7a.html", "g/k3m9x2pq7a.ics", "g/p4t7vbx2mq.html", "g/p4t7vbx2mq.ics");
        try (Stream<Path> files = Files.list(bucket.resolve("g"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("r9c2mxw7tk.html", "r9c2mxw7tk.ics", "w8f2hq4nze.html", "w8f2hq4nze.ics");
        }
    }

    /**
     * What is live is read on a thread of its own while the fingerprints are worked out: a target that fails is reported
     * with its own error, as before, and nothing is left waiting.
     */
    @Test
    void aTargetThatCannotBeListedFailsThePlanWithItsOwnError() throws IOException {
        Path clone = FileTrees.copy(repository.source(), work.resolve("clone-failing"));
        SiteSettings settings = FingerprintPrinter.settings(clone);
        Bookings bookings = FingerprintPrinter.bookings(clone);
        DirectoryStore target = new DirectoryStore(work.resolve("local"));
        ObjectStore failing = intercepted(target, method -> {
            if (method.equals("list")) {
                throw new UncheckedIOException(new IOException("the bucket cannot be listed"));
            }
        });
        Deployment deployment =
                new Deployment(failing, StateStore.in(target), Optional.empty(), false, false, Map.of(), progress::add);
        SiteOutputs outputs = new SiteGenerator(settings, RENDERER).outputs(bookings);

        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThatThrownBy(() -> deployment.plan(outputs, bookings))
                        .isInstanceOf(UncheckedIOException.class)
                        .hasMessageContaining("the bucket cannot be listed"));
        assertThat(outputs.keys())
                .isEqualTo(outputs.fingerprints().keySet())
                .contains("g/k3m9x2pq7a.html", "g/k3m9x2pq7a.ics");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(IncrementalDeployTest::readsWhatIsLive);
    }

    /**
     * What is live is read while the bookings are still being read and checked; bookings that fail stop the plan with
     * their own error, and leave nothing reading.
     */
    @Test
    void whatIsLiveIsReadWhileTheInputsAreStillBeingReadAndFailingInputsStopThePlan() throws Exception {
        Path clone = FileTrees.copy(repository.source(), work.resolve("clone-waiting"));
        SiteSettings settings = FingerprintPrinter.settings(clone);
        Bookings bookings = FingerprintPrinter.bookings(clone);
        DirectoryStore target = new DirectoryStore(work.resolve("local"));
        CountDownLatch listed = new CountDownLatch(1);
        ObjectStore watched = intercepted(target, method -> {
            if (method.equals("list")) {
                listed.countDown();
            }
        });
        Deployment deployment =
                new Deployment(watched, StateStore.in(target), Optional.empty(), false, false, Map.of(), progress::add);
        SiteOutputs outputs = new SiteGenerator(settings, RENDERER).outputs(bookings);

        DeployPlan plan = deployment.plan(
                () -> {
                    if (!listed.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the target was not listed while the inputs were read");
                    }
                    return new Deployment.Inputs(outputs, bookings);
                },
                Map.of(),
                1);
        assertThat(plan.publish().uploads()).as("the clone is what is live").isEmpty();
        assertThat(progress)
                .last()
                .asString()
                .startsWith("rendered 0 of " + outputs.keys().size() + " files");

        IOException unreadable = new IOException("bookings/a.yaml: unreadable");
        assertThatThrownBy(() -> deployment.plan(
                        () -> {
                            throw unreadable;
                        },
                        Map.of(),
                        1))
                .isSameAs(unreadable);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(IncrementalDeployTest::readsWhatIsLive);
    }

    /** The target, with {@code before} told the name of each method called on it first (it may throw instead). */
    private static ObjectStore intercepted(ObjectStore target, Consumer<String> before) {
        return (ObjectStore) Proxy.newProxyInstance(
                ObjectStore.class.getClassLoader(), new Class<?>[] {ObjectStore.class}, (proxy, method, arguments) -> {
                    before.accept(method.getName());
                    try {
                        return method.invoke(target, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean readsWhatIsLive(Thread thread) {
        return Stream.of(
                        "charter-read-listing",
                        "charter-read-manifest",
                        "charter-read-ledger",
                        "charter-read-distribution")
                .anyMatch(thread.getName()::equals);
    }
}
