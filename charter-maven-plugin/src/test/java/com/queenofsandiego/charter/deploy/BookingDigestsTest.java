package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.FileTrees;
import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.BookingDigest;
import com.queenofsandiego.charter.booking.BookingLoader;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.booking.KnownBooking;
import com.queenofsandiego.charter.publish.LocalCdn;
import com.queenofsandiego.charter.reconcile.ReconcilePlan;
import com.queenofsandiego.charter.reconcile.RemoteClient;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.reconcile.RetrySettings;
import com.queenofsandiego.charter.reconcile.Secret;
import com.queenofsandiego.charter.sandbox.TestSandbox;
import com.queenofsandiego.charter.site.SiteGenerator;
import com.queenofsandiego.charter.source.Problem;
import com.queenofsandiego.charter.store.DirectoryStore;
import com.queenofsandiego.charter.store.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan on a fresh clone takes the booking files the last deploy's digests know, byte for byte, from the digests, and
 * plans exactly what it would have planned reading them all.
 */
class BookingDigestsTest {

    private static final String RENDERER = "renderer-1";
    private static final String TOKEN = "jada-token-3c9e";
    private static final String KEY = "scc-key-81ab";

    @TempDir
    Path work;

    SiteRepository repository;
    TestSandbox sandbox;

    @BeforeEach
    void repository() throws IOException {
        repository = new SiteRepository(work);
        booking("a", "BS-1", "k3m9x2pq7a", "maria_lopez", "confirmed");
        booking("b", "BS-2", "w8f2hq4nze", "dana_kim", "confirmed");
        booking("c", "BS-3", "p4t7vbx2mq", "dana_kim", "cancelled");
        sandbox = TestSandbox.start(work.resolve("sandbox"), 0, TOKEN, KEY);
    }

    @AfterEach
    void stop() {
        Thread closing = new Thread(sandbox::close, "close-sandbox");
        closing.setDaemon(true);
        closing.start();
    }

    private void booking(String name, String id, String slug, String crew, String status) throws IOException {
        repository.booking(name, id, slug, crew, "status: " + status, "notes: gate code 4411");
    }

    private static Bookings load(Path clone, Map<String, BookingDigest> digests) {
        return new BookingLoader(clone)
                .load(clone.resolve("bookings"), clone.resolve("site-content/crew.yaml"), () -> digests);
    }

    private DirectoryStore target() {
        return new DirectoryStore(work.resolve("local"));
    }

    private Deployment deployment(DirectoryStore target) {
        return deployment(target, false);
    }

    private Deployment deployment(DirectoryStore target, boolean refresh) {
        Map<RemoteSystem, String> systems = new EnumMap<>(RemoteSystem.class);
        systems.put(RemoteSystem.JADA, sandbox.baseUri().toString());
        systems.put(RemoteSystem.SCC, sandbox.baseUri().toString());
        return new Deployment(
                target,
                StateStore.in(target),
                Optional.of(new LocalCdn(work.resolve("local"))),
                false,
                refresh,
                systems,
                line -> {});
    }

    private Map<RemoteSystem, RemoteClient> clients() {
        RetrySettings retry = RetrySettings.DEFAULT;
        Map<RemoteSystem, RemoteClient> clients = new EnumMap<>(RemoteSystem.class);
        clients.put(
                RemoteSystem.JADA,
                new RemoteClient(RemoteSystem.JADA, sandbox.baseUri(), new Secret(TOKEN, "JADA token"), retry));
        clients.put(
                RemoteSystem.SCC,
                new RemoteClient(RemoteSystem.SCC, sandbox.baseUri(), new Secret(KEY, "SCC key"), retry));
        return clients;
    }

    private DeployPlan plan(Path clone, Bookings bookings) {
        return plan(clone, bookings, RENDERER, false);
    }

    /** The plan of a clone's bookings, rendered by {@code renderer}, reading JADA and SCC with {@code refresh}. */
    private DeployPlan plan(Path clone, Bookings bookings, String renderer, boolean refresh) {
        Deployment.Inputs inputs = new Deployment.Inputs(
                new SiteGenerator(FingerprintPrinter.settings(clone), renderer).outputs(bookings), bookings);
        return deployment(target(), refresh).plan(() -> inputs, clients(), 1);
    }

    private void apply(DeployPlan plan) {
        deployment(target()).apply(plan, clients(), new DeleteLimit(10), 1, () -> {});
    }

    /** Deploys a fresh clone reading every file, and stores the digests as charter:deploy does. */
    private Map<String, BookingDigest> deployEverything() throws IOException {
        Path clone = repository.cloned();
        Bookings bookings = load(clone, Map.of());
        assertThat(bookings.problems()).isEmpty();
        apply(plan(clone, bookings));
        Map<String, BookingDigest> digests = BookingDigests.of(bookings);
        BookingDigests.write(StateStore.in(target()), RENDERER, digests);
        return digests;
    }

    private static List<String> ids(List<Booking> bookings) {
        return bookings.stream().map(Booking::id).sorted().toList();
    }

    private static List<String> knownIds(Bookings bookings) {
        return bookings.known().stream().map(k -> k.digest().id()).sorted().toList();
    }

    private static List<String> changes(ReconcilePlan plan) {
        return plan.changes().stream()
                .map(change -> change.system() + " " + change.action() + " " + change.bookingId() + " "
                        + change.file().orElse("") + " "
                        + change.body().map(Object::toString).orElse("") + " "
                        + change.reason())
                .toList();
    }

    @Test
    void aFreshCloneReadsOnlyTheChangedFileAndPlansWhatReadingThemAllWouldPlan() throws IOException {
        Map<String, BookingDigest> digests = deployEverything();
        assertThat(BookingDigests.read(StateStore.in(target()), RENDERER))
                .as("read back as written")
                .isEqualTo(digests)
                .containsOnlyKeys("bookings/a.yaml", "bookings/b.yaml", "bookings/c.yaml");
        assertThat(Files.readString(work.resolve("local/bucket/.charter/" + BookingDigests.NAME)))
                .as("ids, slugs and hashes only")
                .contains("BS-1", "k3m9x2pq7a")
                .doesNotContain("Jane", "Smith", "gate code");

        repository.edit("bookings/b.yaml", "start: 10:00", "start: 10:30");
        Path clone = repository.cloned();
        Bookings fromDigests = load(clone, digests);
        assertThat(ids(fromDigests.bookings())).containsExactly("BS-2");
        assertThat(knownIds(fromDigests)).containsExactly("BS-1", "BS-3");
        // Planning must not need the unchanged files: gone, they would fail any read of them.
        Files.delete(clone.resolve("bookings/a.yaml"));
        Files.delete(clone.resolve("bookings/c.yaml"));
        DeployPlan planned = plan(clone, fromDigests);

        Path other = repository.cloned();
        DeployPlan readingAll = plan(other, load(other, Map.of()));
        assertThat(planned.summary()).isEqualTo(readingAll.summary());
        assertThat(changes(planned.reconcile()))
                .isEqualTo(changes(readingAll.reconcile()))
                .hasSize(2)
                .allMatch(change -> change.contains("UPDATE BS-2 bookings/b.yaml"));
        assertThat(planned.publish().uploads())
                .extracting(upload -> upload.object().key())
                .containsExactlyInAnyOrder("g/w8f2hq4nze.html", "g/w8f2hq4nze.ics");
    }

    @Test
    void aKnownBookingIsReadWhenWhatItGivesMustBeSentOrRendered() throws IOException {
        Map<String, BookingDigest> digests = deployEverything();
        Path clone = repository.cloned();
        Bookings fromDigests = load(clone, digests);
        assertThat(fromDigests.bookings()).isEmpty();
        // Another renderer: every page is rendered again, from the files.
        DeployPlan plan = plan(clone, fromDigests, "renderer-2", false);
        assertThat(plan.publish().uploads()).isEmpty();
        assertThat(Files.readString(clone.resolve("target/charter/site/g/k3m9x2pq7a.html")))
                .contains("Welcome aboard, Jane");
        // A ledger that lost its entries: the confirmed bookings are created again, with their bodies.
        FileTrees.delete(work.resolve("local/bucket/.charter/ledger"));
        Files.delete(work.resolve("local/bucket/.charter/ledger.json"));
        DeployPlan recreate = plan(clone, fromDigests);
        assertThat(changes(recreate.reconcile()))
                .hasSize(4)
                .allMatch(change -> change.contains(" CREATE BS-1 ") || change.contains(" CREATE BS-2 "))
                .anyMatch(change -> change.contains("Guest: Jane Smith, Boatsetter ID: BS-1"));
    }

    @Test
    void aRefreshComparesWhatJadaAndSccHoldWithKnownBookingsReadWhenTheyDiffer() throws IOException {
        Map<String, BookingDigest> digests = deployEverything();
        String sccEntry = sandbox.store(RemoteSystem.SCC).entries().stream()
                .filter(entry -> entry.path("external_id").asText().equals("BS-2"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
        assertThat(sandbox.store(RemoteSystem.SCC).editByHand(sccEntry, "start_time", "07:00"))
                .isTrue();
        Path clone = repository.cloned();
        Bookings fromDigests = load(clone, digests);
        assertThat(fromDigests.bookings()).isEmpty();

        DeployPlan plan = plan(clone, fromDigests, RENDERER, true);

        assertThat(changes(plan.reconcile()))
                .singleElement()
                .asString()
                .startsWith("SCC UPDATE BS-2 bookings/b.yaml")
                .contains("10:00")
                .endsWith("edited by hand");
    }

    @Test
    void aFileIsReadWhenItsBytesItsCrewOrTheCodeChanged() throws IOException {
        Map<String, BookingDigest> digests = deployEverything();

        Files.writeString(
                repository.source().resolve("bookings/a.yaml"),
                Files.readString(repository.source().resolve("bookings/a.yaml")) + "# a comment\n",
                StandardCharsets.UTF_8);
        assertThat(ids(load(repository.cloned(), digests).bookings())).containsExactly("BS-1");

        String roster = Files.readString(repository.source().resolve("site-content/crew.yaml"));
        assertThat(roster).contains("dana_kim:");
        Files.writeString(
                repository.source().resolve("site-content/crew.yaml"), roster.replace("dana_kim:", "dana_kimura:"));
        Bookings withoutDana = load(repository.cloned(), digests);
        assertThat(knownIds(withoutDana)).isEmpty();
        assertThat(withoutDana.problems()).extracting(Problem::file).contains("bookings/b.yaml", "bookings/c.yaml");

        assertThat(BookingDigests.read(StateStore.in(target()), "other code")).isEmpty();
    }

    @Test
    void idsAndSlugsAreStillUniqueAcrossKnownAndReadFiles() throws IOException {
        Map<String, BookingDigest> digests = deployEverything();
        booking("d", "BS-1", "zq8v3kmw4t", "maria_lopez", "confirmed");
        booking("e", "BS-5", "w8f2hq4nze", "maria_lopez", "confirmed");

        Bookings bookings = load(repository.cloned(), digests);

        assertThat(knownIds(bookings)).containsExactly("BS-1", "BS-2", "BS-3");
        assertThat(bookings.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "bookings/d.yaml:1:5: id 'BS-1' is already used by bookings/a.yaml:1;"
                                + " every booking needs its own id",
                        "bookings/e.yaml:2:7: slug 'w8f2hq4nze' is already used by bookings/b.yaml:2;"
                                + " two guests would share one page");
    }

    @Test
    void aFileThatDrewAWarningGetsNoDigestSoItIsWarnedAboutAgain() throws IOException {
        booking("d", "BS-4", "sunset-cruise-2026", "maria_lopez", "confirmed");
        Bookings bookings = load(repository.cloned(), Map.of());
        assertThat(bookings.warnings()).extracting(Problem::file).containsExactly("bookings/d.yaml");

        assertThat(BookingDigests.of(bookings))
                .containsOnlyKeys("bookings/a.yaml", "bookings/b.yaml", "bookings/c.yaml");
    }

    @Test
    void theDigestsAreStoredAgainOnceATenthOfTheFilesIsReadInFull() throws IOException {
        for (int n = 4; n <= 12; n++) {
            booking("n" + n, "BS-" + n, "zq8v3kmwx" + (char) ('a' + n), "maria_lopez", "confirmed");
        }
        Map<String, BookingDigest> digests = deployEverything();
        assertThat(BookingDigests.worthStoring(load(repository.cloned(), Map.of())))
                .as("none known")
                .isTrue();

        Files.writeString(
                repository.source().resolve("bookings/a.yaml"),
                "# changed\n" + Files.readString(repository.source().resolve("bookings/a.yaml")));
        assertThat(BookingDigests.worthStoring(load(repository.cloned(), digests)))
                .as("1 read, 11 known")
                .isFalse();

        Files.writeString(
                repository.source().resolve("bookings/b.yaml"),
                "# changed\n" + Files.readString(repository.source().resolve("bookings/b.yaml")));
        assertThat(BookingDigests.worthStoring(load(repository.cloned(), digests)))
                .as("2 read, 10 known")
                .isTrue();
    }

    @Test
    void digestsThatCannotBeReadAreNone() throws IOException {
        deployEverything();
        Files.writeString(work.resolve("local/bucket/.charter/" + BookingDigests.NAME), "{\"format\": 1, \"files\": [");

        assertThat(BookingDigests.read(StateStore.in(target()), RENDERER)).isEmpty();
    }

    @Test
    void aKnownBookingParsedLaterIsTheBookingItsDigestDescribes() throws IOException {
        Map<String, BookingDigest> digests = deployEverything();
        Path clone = repository.cloned();
        KnownBooking known = load(clone, digests).known().stream()
                .filter(k -> k.digest().id().equals("BS-1"))
                .findFirst()
                .orElseThrow();

        Booking read = load(repository.cloned(), Map.of()).bookings().stream()
                .filter(b -> b.id().equals("BS-1"))
                .findFirst()
                .orElseThrow();
        assertThat(known.booking())
                .usingRecursiveComparison()
                .ignoringFields("origin")
                .isEqualTo(read);
        assertThat(known.booking().origin().displayPath()).isEqualTo("bookings/a.yaml");
    }
}
