package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.BookingChanges;
import com.queenofsandiego.charter.deploy.DeployLock;
import com.queenofsandiego.charter.store.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.queenofsandiego.charter.reconcile.ReconcileFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal is carried from run to run and folded into {@code ledger.json} only past its bound: a deploy writes what
 * changed, whatever the size of the ledger, and the ledger reads true wherever a run stops.
 */
class LedgerCarryTest {

    private static final String LEDGER_KEY = ".charter/" + Ledger.NAME;

    @TempDir
    Path work;

    ReconcileFixture fixture;
    Path state;

    @BeforeEach
    void start() throws IOException {
        fixture = new ReconcileFixture(work);
        state = work.resolve("local/bucket/.charter");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aOneChangeRunOnALargeLedgerWritesWhatChangedAndLeavesLedgerJsonAlone() throws IOException {
        List<Booking> bookings = bookings(2_000);
        seed(bookings, bookings.get(1_000));
        long ledgerSize = Files.size(state.resolve(Ledger.NAME));
        assertThat(ledgerSize).isGreaterThan(500_000);
        assertThat(fixture.plan(bookings).isEmpty()).isTrue();

        bookings.set(1_000, BookingChanges.startingAt(bookings.get(1_000), "09:15"));
        KillableTarget target = KillableTarget.watching(fixture.target());
        deploy(target, bookings);

        assertThat(fixture.applied.reconcile().changes())
                .extracting(ReconcilePlan.Change::action)
                .containsExactly(ReconcilePlan.Action.UPDATE, ReconcilePlan.Action.UPDATE);
        assertThat(target.changed).doesNotContain(LEDGER_KEY);
        assertThat(Files.size(state.resolve(Ledger.NAME))).isEqualTo(ledgerSize);
        // The header naming two slots and their two objects: a few hundred bytes each.
        assertThat(fixture.applied.ledger().writes()).isEqualTo(3);
        assertThat(fixture.applied.ledger().bytesWritten()).isLessThan(2_000);
        assertThat(Ledger.load(StateStore.in(fixture.target())).entries())
                .isEqualTo(fixture.applied.ledger().entries())
                .hasSize(2_000);
        assertThat(fixture.plan(bookings).isEmpty()).isTrue();
    }

    /**
     * A folded ledger of {@code bookings} as deploy would have written it, made through the ledger itself rather than
     * thousands of calls; only {@code real} is created in JADA and SCC, the others' ids are never sent.
     */
    private void seed(List<Booking> bookings, Booking real) {
        Ledger seeding = load();
        List<Ledger.Slot> slots = new ArrayList<>();
        for (Booking booking : bookings) {
            for (RemoteSystem system : RemoteSystem.values()) {
                slots.add(new Ledger.Slot(system, booking.id()));
            }
        }
        seeding.begin(slots, List.of(), Map.of());
        for (Booking booking : bookings) {
            for (RemoteSystem system : RemoteSystem.values()) {
                RemoteBody body = DesiredState.of(system, booking).orElseThrow();
                String id = booking == real
                        ? fixture.clients()
                                .get(system)
                                .create(booking.id(), body)
                                .id()
                        : system.name().toLowerCase() + "-seeded-" + booking.id();
                seeding.sent(system, booking.id(), id, body);
            }
        }
        seeding.compact();
    }

    @Test
    void aJournalCarriedAcrossThreeRunsReadsBackExactly() throws IOException {
        List<Booking> bookings = bookings(5);
        fixture.deploy(bookings);
        byte[] folded = Files.readAllBytes(state.resolve(Ledger.NAME));

        bookings.set(0, BookingChanges.startingAt(bookings.get(0), "09:00"));
        runReadsBack(bookings);
        bookings.set(1, BookingChanges.cancelled(bookings.get(1)));
        bookings.add(booking("BS-00006"));
        runReadsBack(bookings);
        bookings.set(0, BookingChanges.startingAt(bookings.get(0), "08:30"));
        bookings.set(2, BookingChanges.withCrew(bookings.get(2), List.of("dana_kim")));
        bookings.remove(4);
        runReadsBack(bookings);

        assertThat(Files.readAllBytes(state.resolve(Ledger.NAME)))
                .as("ledger.json is not rewritten")
                .isEqualTo(folded);
        List<Path> objects = objects();
        assertThat(objects.stream().map(object -> object.getParent().getFileName() + "/" + object.getFileName()))
                .as("one object per slot, replaced in place by later runs")
                .doesNotHaveDuplicates();
        assertThat(objects.stream()
                        .map(object -> object.getParent().getParent())
                        .collect(Collectors.toSet()))
                .as("slots first named by each of the three runs")
                .hasSize(3);
        assertThat(fixture.sandbox.store(RemoteSystem.JADA).creates().values()).containsOnly(1);
        assertThat(FaultMatrix.outOfStep(fixture, bookings)).isZero();
    }

    private void runReadsBack(List<Booking> bookings) {
        fixture.deploy(bookings);
        assertThat(state.resolve(Ledger.JOURNAL)).exists();
        Ledger read = Ledger.load(StateStore.in(fixture.target()));
        assertThat(read.entries()).isEqualTo(fixture.applied.ledger().entries());
        assertThat(read.endpoints()).isEqualTo(fixture.applied.ledger().endpoints());
        assertThat(fixture.plan(bookings).isEmpty()).isTrue();
    }

    /** A run that dies after its header write and its call, before the call's object is written. */
    @ParameterizedTest
    @ValueSource(strings = {"/jada/BS-00001.json", "/jada/BS-00004.json"})
    void aRunKilledBetweenHeaderAndObjectLosesNothingAndCreatesNoDuplicate(String dieAt) {
        List<Booking> bookings = bookings(3);
        fixture.deploy(bookings);
        bookings.set(0, BookingChanges.startingAt(bookings.get(0), "09:00"));
        fixture.deploy(bookings);
        Map<String, LedgerEntry> before =
                Ledger.load(StateStore.in(fixture.target())).entries();

        bookings.set(0, BookingChanges.startingAt(bookings.get(0), "08:00"));
        bookings.add(booking("BS-00004"));
        KillableTarget dying = KillableTarget.dyingAt(fixture.target(), key -> key.endsWith(dieAt));
        assertThatThrownBy(() -> deploy(dying, bookings)).isInstanceOf(KillableTarget.Killed.class);
        assertThat(dying.changed).contains(".charter/" + Ledger.JOURNAL);

        Ledger read = Ledger.load(StateStore.in(fixture.target()));
        String recorded =
                read.remote(RemoteSystem.JADA, "BS-00001").orElseThrow().hash();
        assertThat(recorded)
                .as("what was recorded before the run, unless that write happened")
                .isEqualTo(
                        dieAt.contains("BS-00001")
                                ? before.get("BS-00001").jada().hash()
                                : DesiredState.of(RemoteSystem.JADA, bookings.get(0))
                                        .orElseThrow()
                                        .hash());
        assertThat(read.remote(RemoteSystem.JADA, "BS-00004"))
                .hasValueSatisfying(remote -> assertThat(remote.isPending()).isTrue());

        fixture.clock = Clock.offset(Clock.systemUTC(), DeployLock.LIFETIME.plusMinutes(1));
        fixture.deploy(fixture.target(), bookings, fixture.clients(), 10, true);

        for (RemoteSystem system : RemoteSystem.values()) {
            assertThat(fixture.sandbox.store(system).creates().values()).containsOnly(1);
        }
        assertThat(FaultMatrix.outOfStep(fixture, bookings)).isZero();
        assertThat(Ledger.load(StateStore.in(fixture.target())).entries())
                .isEqualTo(fixture.applied.ledger().entries());
        assertThat(fixture.plan(bookings).isEmpty()).isTrue();
    }

    @Test
    void aCreateMarkedByALaterRunHoldsOverAnOlderObjectUntilThatRunRecordsIt() {
        RemoteBody body = DesiredState.of(RemoteSystem.JADA, booking("BS-1")).orElseThrow();
        Ledger.Slot slot = new Ledger.Slot(RemoteSystem.JADA, "BS-1");
        Ledger first = load();
        first.begin(List.of(slot), List.of(slot), Map.of());
        first.sent(RemoteSystem.JADA, "BS-1", "jada-1", body);
        load().forget(RemoteSystem.JADA, "BS-1", Optional.empty());
        assertThat(load().remote(RemoteSystem.JADA, "BS-1")).isEmpty();

        // Marks the create again over the object that says "nothing", and dies before it hears back.
        load().begin(List.of(slot), List.of(slot), Map.of());
        assertThat(pending(load())).isTrue();
        // Claims the journal (the mark is carried as its own) and dies before it hears back either.
        load().begin(List.of(slot), List.of(slot), Map.of());
        assertThat(pending(load())).isTrue();

        Ledger last = load();
        last.begin(List.of(slot), List.of(slot), Map.of());
        last.sent(RemoteSystem.JADA, "BS-1", "jada-2", body);
        assertThat(load().remote(RemoteSystem.JADA, "BS-1"))
                .hasValueSatisfying(remote -> assertThat(remote.id()).isEqualTo("jada-2"));
        assertThat(state.resolve(Ledger.NAME)).doesNotExist();
    }

    @Test
    void aJournalLeftByAnEarlierVersionIsReadAndContinued() throws IOException {
        fixture.deploy(List.of(booking("BS-1")));
        byte[] folded = Files.readAllBytes(state.resolve(Ledger.NAME));
        // An earlier version's run that created BS-2 in JADA, recorded it, and died before SCC answered: its header
        // names no run per slot, its object no run that wrote it.
        RemoteBody jada = DesiredState.of(RemoteSystem.JADA, booking("BS-2")).orElseThrow();
        String id =
                fixture.clients().get(RemoteSystem.JADA).create("BS-2", jada).id();
        ObjectMapper json = new ObjectMapper();
        String run = "20260101T000000-0a1b2c3d";
        ObjectNode header = json.createObjectNode().put("run", run);
        header.set("endpoints", json.readTree(folded).path("endpoints"));
        ArrayNode slots = header.putArray("slots");
        for (String system : List.of("JADA", "SCC")) {
            slots.addObject().put("system", system).put("booking", "BS-2").put("pending", true);
        }
        ObjectNode object = json.createObjectNode();
        object.set("remote", json.valueToTree(new LedgerEntry.Remote(id, jada.hash(), jada.fieldHashes("BS-2"))));
        Files.createDirectories(state.resolve("ledger/" + run + "/jada"));
        Files.write(state.resolve(Ledger.JOURNAL), json.writeValueAsBytes(header));
        Files.write(state.resolve("ledger/" + run + "/jada/BS-2.json"), json.writeValueAsBytes(object));

        Ledger read = load();
        assertThat(read.remote(RemoteSystem.JADA, "BS-2"))
                .hasValueSatisfying(remote -> assertThat(remote.id()).isEqualTo(id));
        assertThat(read.remote(RemoteSystem.SCC, "BS-2"))
                .hasValueSatisfying(remote -> assertThat(remote.isPending()).isTrue());

        List<Booking> bookings = List.of(booking("BS-1"), booking("BS-2"));
        fixture.deploy(bookings);

        assertThat(Files.readAllBytes(state.resolve(Ledger.NAME))).isEqualTo(folded);
        assertThat(load().entries()).isEqualTo(fixture.applied.ledger().entries());
        assertThat(load().remote(RemoteSystem.JADA, "BS-2"))
                .hasValueSatisfying(remote -> assertThat(remote.id()).isEqualTo(id));
        for (RemoteSystem system : RemoteSystem.values()) {
            assertThat(fixture.sandbox.store(system).creates("BS-2")).isEqualTo(1);
        }
        assertThat(fixture.plan(bookings).isEmpty()).isTrue();
    }

    @Test
    void theJournalIsFoldedOncePastItsBoundIntoTheSameLedger() throws IOException {
        List<Booking> bookings = bookings(5);
        fixture.deploy(bookings);
        byte[] folded = Files.readAllBytes(state.resolve(Ledger.NAME));
        // 45 new bookings: 90 slots, within the bound.
        bookings.addAll(bookings(50).subList(5, 50));
        fixture.deploy(bookings);
        assertThat(Files.readAllBytes(state.resolve(Ledger.NAME))).isEqualTo(folded);
        assertThat(objects()).hasSize(2 * 45);
        Map<String, LedgerEntry> before =
                Ledger.load(StateStore.in(fixture.target())).entries();

        // 10 more: 110 slots, past it.
        bookings.addAll(bookings(60).subList(50, 60));
        fixture.deploy(bookings);

        assertThat(state.resolve(Ledger.JOURNAL)).doesNotExist();
        assertThat(objects()).isEmpty();
        Map<String, LedgerEntry> after =
                Ledger.load(StateStore.in(fixture.target())).entries();
        assertThat(after).isEqualTo(fixture.applied.ledger().entries()).hasSize(60);
        assertThat(after).containsAllEntriesOf(before);
        assertThat(fixture.applied.ledger().bytesWritten()).isGreaterThan(Files.size(state.resolve(Ledger.NAME)));
        assertThat(fixture.plan(bookings).isEmpty()).isTrue();
    }

    private void deploy(KillableTarget target, List<Booking> bookings) {
        fixture.deploy(target, bookings, fixture.clients(), 10, false);
    }

    private Ledger load() {
        return Ledger.load(StateStore.in(fixture.target()));
    }

    private static boolean pending(Ledger ledger) {
        return ledger.remote(RemoteSystem.JADA, "BS-1").orElseThrow().isPending();
    }

    /** The journal's slot objects. */
    private List<Path> objects() throws IOException {
        Path journal = state.resolve("ledger");
        if (!Files.isDirectory(journal)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(journal)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.endsWith("journal.json"))
                    .toList();
        }
    }

    private static List<Booking> bookings(int count) {
        List<Booking> bookings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            bookings.add(booking(String.format("BS-%05d", i)));
        }
        return bookings;
    }
}
