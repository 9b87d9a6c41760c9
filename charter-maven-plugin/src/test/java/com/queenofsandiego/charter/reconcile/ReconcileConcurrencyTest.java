package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.BookingChanges;
import com.queenofsandiego.charter.sandbox.Faults;
import com.queenofsandiego.charter.store.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.queenofsandiego.charter.reconcile.ReconcileFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JADA and SCC changes in flight at once: overlap, order per booking, the shared 429 pause, failures, progress, ledger cost. */
class ReconcileConcurrencyTest {

    private static final Duration LATENCY = Duration.ofMillis(50);

    @TempDir
    Path work;

    ReconcileFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static List<Booking> bookings(int count) {
        List<Booking> bookings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            bookings.add(booking(String.format("BS-%03d", i)));
        }
        return bookings;
    }

    @Test
    void callsOverlapAgainstASlowServerWhileEachBookingsOwnCallsStayInOrder() throws IOException {
        fixture = new ReconcileFixture(work, LATENCY);
        fixture.concurrency = 8;
        List<Booking> bookings = bookings(16);
        long started = System.nanoTime();

        fixture.deploy(bookings);

        // One at a time: 16 bookings × 2 systems × (lookup + create) × 50 ms = 3.2 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1600));
        List<String> log = fixture.sandbox.log();
        for (Booking booking : bookings) {
            assertThat(log)
                    .filteredOn(call -> call.endsWith(" /calendar " + booking.id()))
                    .containsExactly("GET /calendar " + booking.id(), "POST /calendar " + booking.id());
            assertThat(log)
                    .filteredOn(call -> call.endsWith(" /events " + booking.id()))
                    .containsExactly("GET /events " + booking.id(), "POST /events " + booking.id());
        }
        assertThat(FaultMatrix.outOfStep(fixture, bookings)).isZero();
    }

    @Test
    void aRefreshReadsEachBookingOncePerSystemWithCallsInFlightTogether() throws IOException {
        fixture = new ReconcileFixture(work, LATENCY);
        fixture.concurrency = 8;
        List<Booking> bookings = bookings(16);
        fixture.deploy(bookings);
        int before = fixture.sandbox.log().size();
        fixture.refresh = true;
        long started = System.nanoTime();

        assertThat(fixture.plan(bookings).reconcile().isEmpty()).isTrue();

        // One at a time: 16 bookings × 2 systems × 50 ms = 1.6 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(800));
        List<String> reads =
                fixture.sandbox.log().subList(before, fixture.sandbox.log().size());
        assertThat(reads).hasSize(32).allSatisfy(call -> assertThat(call).startsWith("GET "));
    }

    @Test
    void deletionsStartOnlyAfterEveryCreateAndUpdateIsDone() throws IOException {
        fixture = new ReconcileFixture(work, LATENCY);
        fixture.concurrency = 8;
        List<Booking> bookings = bookings(12);
        fixture.deploy(bookings);
        int before = fixture.sandbox.log().size();
        List<Booking> after = new ArrayList<>(bookings.subList(4, 12));
        after.replaceAll(b -> BookingChanges.startingAt(b, "08:00"));
        after.add(booking("BS-100"));

        fixture.deploy(after);

        List<String> calls =
                fixture.sandbox.log().subList(before, fixture.sandbox.log().size());
        int firstDelete = calls.indexOf(
                calls.stream().filter(c -> c.startsWith("DELETE ")).findFirst().orElseThrow());
        assertThat(calls.subList(firstDelete, calls.size()))
                .allSatisfy(call -> assertThat(call).startsWith("DELETE "));
        assertThat(calls).filteredOn(c -> c.startsWith("DELETE ")).hasSize(8);
        assertThat(FaultMatrix.outOfStep(fixture, after)).isZero();
    }

    @Test
    void aRateLimitHoldsEveryWorkerUntilRetryAfterHasPassed() throws Exception {
        fixture = new ReconcileFixture(work, LATENCY);
        fixture.concurrency = 8;
        List<Booking> bookings = bookings(16);
        fixture.sandbox.faults().inject(new Faults.Status(429, 3), 0, 1);
        long started = System.nanoTime();

        CompletableFuture<?> deploy = CompletableFuture.runAsync(() -> fixture.deploy(bookings));
        Thread.sleep(700);
        int early = fixture.sandbox.faults().calls();
        Thread.sleep(1200);
        int late = fixture.sandbox.faults().calls();
        deploy.get();

        // The calls in flight when the 429 came back are answered; then nobody sends anything until 3 s have passed.
        assertThat(early).isBetween(2, 16);
        assertThat(late).as("calls sent while the 429's Retry-After ran").isEqualTo(early);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(3));
        assertThat(FaultMatrix.outOfStep(fixture, bookings)).isZero();
        assertThat(fixture.sandbox.store(RemoteSystem.JADA).creates().values()).containsOnly(1);
        assertThat(fixture.sandbox.store(RemoteSystem.SCC).creates().values()).containsOnly(1);
    }

    @Test
    void theFirstFailureStopsNewWorkAndWhatWasDoneIsInTheLedger() throws IOException {
        fixture = new ReconcileFixture(work, LATENCY);
        fixture.concurrency = 4;
        List<Booking> bookings = bookings(30);
        Booking good = bookings.get(3);
        Booking noTitle = new Booking(
                good.id(),
                good.source(),
                good.status(),
                good.slug(),
                " ",
                good.date(),
                good.start(),
                good.end(),
                good.guest(),
                good.crew(),
                good.notes(),
                good.guestNotes(),
                good.photos(),
                good.origin());
        bookings.set(3, noTitle);

        assertThatThrownBy(() -> fixture.deploy(bookings))
                .isInstanceOfSatisfying(
                        RemoteException.class, e -> assertThat(e.getMessage()).startsWith("bookings/BS-004.yaml: "));

        assertThat(fixture.sandbox.writes(RemoteSystem.JADA) + fixture.sandbox.writes(RemoteSystem.SCC))
                .as("no new work after the failure")
                .isLessThan(30);
        Path state = work.resolve("local/bucket/.charter");
        assertThat(state.resolve(Ledger.NAME))
                .as("the journal is folded when JADA or SCC stopped the run")
                .exists();
        assertThat(state.resolve(Ledger.JOURNAL)).doesNotExist();
        Ledger ledger = Ledger.load(StateStore.in(fixture.target()));
        for (RemoteSystem system : RemoteSystem.values()) {
            for (var entry : fixture.entries(system)) {
                assertThat(ledger.remote(system, (String) entry.get("external_id")))
                        .as("%s %s is in the ledger", system, entry.get("external_id"))
                        .hasValueSatisfying(remote -> assertThat(remote.id()).isIn(entry.get("id"), null));
            }
        }
        bookings.set(3, good);
        fixture.deploy(bookings);
        assertThat(FaultMatrix.outOfStep(fixture, bookings)).isZero();
        assertThat(fixture.sandbox.store(RemoteSystem.SCC).creates().values()).containsOnly(1);
    }

    @Test
    void aLongReconcileReportsACountRatherThanALinePerChange() throws IOException {
        fixture = new ReconcileFixture(work);
        fixture.concurrency = 8;

        fixture.deploy(bookings(60));

        assertThat(fixture.progress)
                .filteredOn(line -> line.contains(": created "))
                .hasSize(Reconciler.CHANGES_NAMED);
        assertThat(fixture.progress).last().isEqualTo("JADA/SCC: 120 of 120 changes done");
    }

    @Test
    void theLedgerWrittenPerCallDoesNotGrowWithTheNumberOfBookings() throws IOException {
        assertThat(bytesForOneChangedBooking(400)).isLessThan(2 * bytesForOneChangedBooking(20));
    }

    /** What the ledger writes when one booking of {@code count} changes. */
    private long bytesForOneChangedBooking(int count) throws IOException {
        try (ReconcileFixture bench = new ReconcileFixture(Files.createDirectories(work.resolve("n" + count)))) {
            bench.concurrency = 8;
            List<Booking> bookings = bookings(count);
            bench.deploy(bookings);
            bookings.set(count / 2, BookingChanges.startingAt(bookings.get(count / 2), "09:15"));
            bench.deploy(bookings);
            return bench.applied.ledger().bytesWritten();
        }
    }
}
