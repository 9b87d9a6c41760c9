package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.deploy.DeleteLimit;
import com.queenofsandiego.charter.deploy.DeleteLimitException;
import com.queenofsandiego.charter.deploy.DeployLock;
import com.queenofsandiego.charter.deploy.DeployPlan;
import com.queenofsandiego.charter.deploy.Deployment;
import com.queenofsandiego.charter.deploy.PlanReport;
import com.queenofsandiego.charter.sandbox.Faults;
import com.queenofsandiego.charter.store.StateStore;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.queenofsandiego.charter.booking.BookingChanges.cancelled;
import static com.queenofsandiego.charter.booking.BookingChanges.startingAt;
import static com.queenofsandiego.charter.booking.BookingChanges.withCrew;
import static com.queenofsandiego.charter.reconcile.ReconcileFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reconciling against the sandbox over real HTTP: every path of the contract a deploy can take. */
class ReconcileTest {

    @TempDir
    Path work;

    ReconcileFixture fixture;

    @BeforeEach
    void start() throws IOException {
        fixture = new ReconcileFixture(work);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void createsEachBookingOnceWithTheContractsBodiesAndASecondDeployCallsNothing() {
        List<Booking> bookings = List.of(
                booking("BS-1", "2026-06-01", "10:00", "13:00", List.of("maria_lopez", "dana_kim"), "No host"),
                booking("BS-2"));

        Deployment.Result first = fixture.deploy(bookings);

        assertThat(first.reconcile().created()).isEqualTo(4);
        assertThat(fixture.entries(RemoteSystem.JADA))
                .hasSize(2)
                .first()
                .isEqualTo(Map.of(
                        "id",
                        "jada-1",
                        "title",
                        "3hr Charter - Boatsetter",
                        "date",
                        "2026-06-01",
                        "start_time",
                        "10:00",
                        "end_time",
                        "13:00",
                        "notes",
                        "Guest: Guest BS-1, Boatsetter ID: BS-1\nNo host",
                        "external_id",
                        "BS-1"));
        assertThat(fixture.entries(RemoteSystem.SCC))
                .first()
                .isEqualTo(Map.of(
                        "id",
                        "scc-1",
                        "event_name",
                        "3hr Charter - Boatsetter",
                        "date",
                        "2026-06-01",
                        "start_time",
                        "10:00",
                        "end_time",
                        "13:00",
                        "crew",
                        List.of("maria_lopez", "dana_kim"),
                        "notes",
                        "Guest: Guest BS-1, Boatsetter ID: BS-1\nNo host",
                        "external_id",
                        "BS-1"));
        Map<String, Integer> calls = fixture.sandbox.calls();

        Deployment.Result second = fixture.deploy(bookings);

        assertThat(fixture.sandbox.calls()).isEqualTo(calls);
        assertThat(second.ledgerWrites()).isZero();
        assertThat(fixture.plan(bookings).isEmpty()).isTrue();
    }

    @Test
    void aChangedBookingIsOnePutToEachSystemAndACrewChangeOnlyTouchesScc() {
        Booking one = booking("BS-1");
        fixture.deploy(List.of(one, booking("BS-2"), booking("BS-3")));
        Map<String, Integer> before = fixture.sandbox.calls();

        fixture.deploy(List.of(startingAt(one, "09:30"), booking("BS-2"), booking("BS-3")));

        Map<String, Integer> after = fixture.sandbox.calls();
        assertThat(delta(before, after)).isEqualTo(Map.of("PUT /calendar", 1, "PUT /events", 1));
        assertThat(fixture.entries(RemoteSystem.JADA).get(0)).containsEntry("start_time", "09:30");

        fixture.deploy(
                List.of(withCrew(startingAt(one, "09:30"), List.of("dana_kim")), booking("BS-2"), booking("BS-3")));

        assertThat(delta(after, fixture.sandbox.calls())).isEqualTo(Map.of("PUT /events", 1));
        assertThat(fixture.entries(RemoteSystem.SCC).get(0)).containsEntry("crew", List.of("dana_kim"));
    }

    @Test
    void theReviewersPlanShowsUpdatesFieldByFieldAndDeletionsFirst() {
        fixture.deploy(List.of(booking("BS-1"), booking("BS-2")));

        DeployPlan plan = fixture.plan(List.of(startingAt(booking("BS-1"), "11:00"), booking("BS-3")));

        assertThat(plan.reconcile().summary())
                .isEqualTo("JADA: create 1, update 1, delete 1; SCC: create 1, update 1, delete 1");
        assertThat(PlanReport.markdown(plan.reconcile()))
                .containsSubsequence(
                        "### JADA (" + fixture.sandbox.baseUri() + ")",
                        "JADA: create 1, update 1, delete 1, unchanged 0.",
                        "- **delete `BS-2` (id jada-2)** (file removed)",
                        "- update `BS-1` (id jada-1) (changed; `bookings/BS-1.yaml`)",
                        "  - `start_time` → `\"11:00\"`",
                        "- create `BS-3` (new; `bookings/BS-3.yaml`)",
                        "### SCC (" + fixture.sandbox.baseUri() + ")");
        assertThat(plan.reconcile().changes(RemoteSystem.SCC))
                .filteredOn(c -> c.action() == ReconcilePlan.Action.UPDATE)
                .singleElement()
                .satisfies(c -> assertThat(c.changedFields()).containsExactly("start_time"));
    }

    @Test
    void aCancelledBookingAndARemovedFileAreDeletedFromBoth() {
        fixture.deploy(List.of(booking("BS-1"), booking("BS-2"), booking("BS-3")));

        Deployment.Result result = fixture.deploy(List.of(cancelled(booking("BS-1")), booking("BS-3")));

        assertThat(result.reconcile().deleted()).isEqualTo(4);
        for (RemoteSystem system : RemoteSystem.values()) {
            assertThat(fixture.entries(system))
                    .extracting(e -> e.get("external_id"))
                    .containsExactly("BS-3");
        }
        assertThat(fixture.plan(List.of(cancelled(booking("BS-1")), booking("BS-3")))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void anEntryDeletedByHandIsCreatedAgainOnTheNextChange() {
        fixture.deploy(List.of(booking("BS-1")));
        fixture.sandbox.store(RemoteSystem.SCC).deleteByHand("scc-1");

        fixture.deploy(List.of(startingAt(booking("BS-1"), "09:00")));

        assertThat(fixture.entries(RemoteSystem.SCC))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("id", "scc-2").containsEntry("start_time", "09:00"));
        assertThat(fixture.plan(List.of(startingAt(booking("BS-1"), "09:00"))).isEmpty())
                .isTrue();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsAdoptedNotSentTwice() {
        // Calls: GET /calendar, POST /calendar, GET /events, POST /events: drop the answer to the SCC create.
        fixture.sandbox.faults().inject(new Faults.CommitThenDrop(), 3, 1);

        fixture.deploy(List.of(booking("BS-1")));

        assertThat(fixture.sandbox.store(RemoteSystem.SCC).creates("BS-1")).isEqualTo(1);
        assertThat(fixture.entries(RemoteSystem.SCC)).hasSize(1);
        assertThat(fixture.progress)
                .anySatisfy(line ->
                        assertThat(line).contains("SCC: created BS-1 (id scc-1), found after a failed attempt"));
        assertThat(fixture.plan(List.of(booking("BS-1"))).isEmpty()).isTrue();
    }

    @Test
    void aRunKilledAfterTheCreateLeavesItPendingAndTheNextAdoptsIt() {
        Map<String, Object> body = DesiredState.of(RemoteSystem.JADA, booking("BS-1"))
                .orElseThrow()
                .fields();
        fixture.clients().get(RemoteSystem.JADA).create("BS-1", new RemoteBody(body));
        Ledger ledger = Ledger.load(StateStore.in(fixture.target()));
        ledger.pending(RemoteSystem.JADA, "BS-1");

        DeployPlan plan = fixture.plan(List.of(booking("BS-1")));
        assertThat(plan.reconcile().changes(RemoteSystem.JADA))
                .singleElement()
                .satisfies(c -> assertThat(c.reason())
                        .isEqualTo("an earlier create may have reached JADA; it is looked up first"));

        Deployment.Result result = fixture.deploy(List.of(booking("BS-1")));

        assertThat(result.reconcile().adopted()).isEqualTo(1);
        assertThat(fixture.sandbox.store(RemoteSystem.JADA).creates("BS-1")).isEqualTo(1);
        assertThat(fixture.sandbox.calls()).containsEntry("POST /calendar", 1);
    }

    @Test
    void wrongCredentialsStopWithAMessageThatNamesTheHeaderAndSourceButNotTheSecret() {
        String wrong = "not-the-token-0123";

        assertThatThrownBy(() -> fixture.deploy(
                        fixture.target(),
                        List.of(booking("BS-1")),
                        fixture.clients(wrong, ReconcileFixture.SCC_KEY, ReconcileFixture.FAST),
                        10,
                        false))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.CREDENTIALS);
                    assertThat(e.getMessage())
                            .contains(
                                    "bookings/BS-1.yaml: JADA refused the credentials (401",
                                    "X-Dashboard-Token",
                                    "the test's JADA token",
                                    "CHARTER_JADA_TOKEN",
                                    "charter-jada")
                            .doesNotContain(wrong);
                });
        assertThat(fixture.sandbox.calls()).containsOnlyKeys("GET /calendar");
        assertThat(fixture.target().read(".charter/lock.json"))
                .as("lock released")
                .isEmpty();
    }

    @Test
    void aSecretAServerEchoesBackIsBlankedAndNoPlanOrProgressLineHoldsOne() throws Exception {
        HttpServer echo = stub(
                422,
                exchange -> "{\"error\":\"token " + exchange.getRequestHeaders().getFirst("X-Dashboard-Token")
                        + " is not allowed here\"}");
        try {
            RemoteClient client = new RemoteClient(
                    RemoteSystem.JADA,
                    URI.create("http://127.0.0.1:" + echo.getAddress().getPort()),
                    new Secret("echoed-secret-42", "a test"),
                    ReconcileFixture.FAST);
            assertThatThrownBy(() -> client.find("BS-1"))
                    .isInstanceOfSatisfying(
                            RemoteException.class,
                            e -> assertThat(e.getMessage())
                                    .contains("token **** is not allowed here")
                                    .doesNotContain("echoed-secret-42"));
        } finally {
            echo.stop(0);
        }

        fixture.deploy(List.of(booking("BS-1")));
        DeployPlan plan = fixture.plan(List.of(startingAt(booking("BS-1"), "07:00")));
        assertThat(String.join("\n", fixture.progress) + PlanReport.markdown(plan) + PlanReport.json(plan.reconcile()))
                .contains("BS-1")
                .doesNotContain(ReconcileFixture.JADA_TOKEN)
                .doesNotContain(ReconcileFixture.SCC_KEY);
        assertThat(new Secret(ReconcileFixture.SCC_KEY, "a test").toString()).isEqualTo("secret from a test");
    }

    @Test
    void aServerThatIgnoresTheExternalIdFilterCannotHandUsAnotherBookingsEntry() throws Exception {
        HttpServer careless =
                stub(200, exchange -> "[{\"id\":\"7\",\"external_id\":\"BS-2\"},{\"id\":8,\"external_id\":\"BS-1\"}]");
        try {
            RemoteClient client = new RemoteClient(
                    RemoteSystem.SCC,
                    URI.create("http://127.0.0.1:" + careless.getAddress().getPort()),
                    new Secret("k", "a test"),
                    ReconcileFixture.FAST);
            assertThat(client.find("BS-1")).extracting(RemoteEntry::id).containsExactly("8");
        } finally {
            careless.stop(0);
        }
    }

    @Test
    void aRateLimitedCallWaitsForRetryAfter() {
        fixture.sandbox.faults().inject(new Faults.Status(429, 1), 1, 1);
        long started = System.nanoTime();

        fixture.deploy(List.of(booking("BS-1")));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(fixture.sandbox.calls()).containsEntry("POST /calendar", 2);
        assertThat(fixture.entries(RemoteSystem.JADA)).hasSize(1);
    }

    @Test
    void whenRetriesRunOutTheDeployStopsAndTheLedgerStaysTrue() {
        fixture.deploy(List.of(booking("BS-1")));
        fixture.sandbox.faults().inject(new Faults.Status(503, 0), 0, 100);

        assertThatThrownBy(() -> fixture.deploy(List.of(startingAt(booking("BS-1"), "08:00"))))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage())
                            .contains("bookings/BS-1.yaml: JADA PUT /calendar/jada-1 answered 503", "tried 5 times");
                });
        assertThat(fixture.sandbox.calls()).containsEntry("PUT /calendar", 5);
        fixture.sandbox.faults().clear();

        fixture.deploy(List.of(startingAt(booking("BS-1"), "08:00")));

        assertThat(fixture.entries(RemoteSystem.JADA))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("start_time", "08:00"));
        assertThat(fixture.entries(RemoteSystem.SCC))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("start_time", "08:00"));
    }

    @Test
    void aRefusedBodyStopsWithTheServersMessageAndTheFile() {
        Booking blank = booking("BS-1", "2026-06-01", "10:00", "13:00", List.of(), null);
        Booking noTitle = new Booking(
                blank.id(),
                blank.source(),
                blank.status(),
                blank.slug(),
                " ",
                blank.date(),
                blank.start(),
                blank.end(),
                blank.guest(),
                blank.crew(),
                blank.notes(),
                blank.guestNotes(),
                blank.photos(),
                blank.origin());

        assertThatThrownBy(() -> fixture.deploy(List.of(noTitle))).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteException.Kind.REFUSED);
            assertThat(e.getMessage())
                    .startsWith("bookings/BS-1.yaml: JADA refused POST /calendar (422): the body must be");
        });
    }

    @Test
    void aDeployWhoseLockIsTakenOverWhilePublishingStopsBeforeItsNextWrite() throws IOException {
        Path site = fixture.root.resolve("site");
        for (String key : List.of("assets/css/site.0123456789.css", "g/trip.html", "sitemap.xml")) {
            Files.createDirectories(site.resolve(key).getParent());
            Files.writeString(site.resolve(key), "content of " + key);
        }
        Instant noon = Instant.parse("2026-11-25T12:00:00Z");
        DeployLock mine =
                DeployLock.acquire(StateStore.in(fixture.target()), "run 41", Clock.fixed(noon, ZoneOffset.UTC), false);
        Clock later = Clock.fixed(noon.plus(DeployLock.LIFETIME).plusSeconds(60), ZoneOffset.UTC);
        Deployment deployment = fixture.deployment(fixture.target(), line -> {
            if (line.startsWith("S3: uploading 1 pages")) {
                DeployLock.acquire(StateStore.in(fixture.target()), "run 42", later, true);
            }
        });

        assertThatThrownBy(() -> deployment.apply(
                        deployment.plan(site, List.of(booking("BS-1"))),
                        fixture.clients(),
                        new DeleteLimit(10),
                        8,
                        mine::confirm))
                .isInstanceOf(DeployLock.HeldException.class)
                .hasMessageContaining("was taken over by another deploy");

        Path bucket = work.resolve("local/bucket");
        assertThat(bucket.resolve("g/trip.html")).exists();
        assertThat(bucket.resolve("sitemap.xml"))
                .as("the next phase never started")
                .doesNotExist();
        assertThat(bucket.resolve(".charter/manifest.json")).doesNotExist();
        assertThat(bucket.resolve(".charter/ledger.json")).doesNotExist();
        assertThat(fixture.sandbox.calls()).isEmpty();
    }

    @Test
    void deletionsOverTheLimitAreRefusedBeforeAnyCall() {
        fixture.deploy(List.of(booking("BS-1"), booking("BS-2"), booking("BS-3")));
        Map<String, Integer> calls = fixture.sandbox.calls();

        assertThatThrownBy(() -> fixture.deploy(fixture.target(), List.of(), fixture.clients(), 2, false))
                .isInstanceOf(DeleteLimitException.class)
                .hasMessageStartingWith("the plan deletes 3 JADA entries, more than charter.maxDeletes=2; allow it with"
                        + " -Dcharter.maxDeletes=3")
                .hasMessageEndingWith(". Nothing was changed.");
        assertThat(fixture.sandbox.calls()).isEqualTo(calls);
    }

    @Test
    void theLedgerHoldsIdsAndHashesButNoGuestNameNoteOrFileName() throws IOException {
        Booking secretive =
                booking("BS-1", "2026-06-01", "10:00", "13:00", List.of(), "Keep it secret from the partner");
        fixture.deploy(List.of(secretive));

        String ledger = Files.readString(work.resolve("local/bucket/.charter/ledger.json"));
        assertThat(ledger)
                .contains("\"BS-1\"", "\"id\":\"jada-1\"", "\"id\":\"scc-1\"")
                .doesNotContain(
                        "Guest BS-1",
                        "Keep it secret",
                        "partner",
                        "bookings/",
                        "Boatsetter ID",
                        "start_time\":\"10:00");
        assertThat(Ledger.load(StateStore.in(fixture.target()))
                        .remote(RemoteSystem.SCC, "BS-1")
                        .orElseThrow()
                        .hash())
                .isEqualTo(DesiredState.of(RemoteSystem.SCC, secretive)
                        .orElseThrow()
                        .hash());

        Booking changed = booking("BS-1", "2026-06-01", "10:00", "13:00", List.of(), "Paid in full by card");
        assertThat(fixture.plan(List.of(changed)).reconcile().changes(RemoteSystem.JADA))
                .singleElement()
                .satisfies(c -> assertThat(c.changedFields()).containsExactly("notes"));
    }

    /** A server on 127.0.0.1 that answers every request with {@code status} and the body {@code answer} makes of it. */
    private static HttpServer stub(int status, Function<HttpExchange, String> answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = answer.apply(exchange).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static Map<String, Integer> delta(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> delta = new java.util.TreeMap<>();
        after.forEach((call, count) -> {
            int difference = count - before.getOrDefault(call, 0);
            if (difference != 0) {
                delta.put(call, difference);
            }
        });
        return delta;
    }
}
