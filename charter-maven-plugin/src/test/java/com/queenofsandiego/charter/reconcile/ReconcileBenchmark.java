package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.BookingChanges;
import com.queenofsandiego.charter.deploy.Deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the reconcile figures against the sandbox over HTTP. First, the first import of 200 bookings from a sandbox
 * that takes 25 ms to answer each call, one change at a time and 8 at once (one at a time needs at least
 * 200 × 2 systems × (lookup + create) × 25 ms = 20 s). Then, for N bookings (default 1,000) and no latency: the first
 * deploy, an unchanged re-deploy, and a deploy after one booking's start time changed, each with the calls it made and
 * what the ledger wrote. Run with {@code bench/reconcile-bench.sh [N]}.
 */
public final class ReconcileBenchmark {

    private static final int IMPORTED = 200;
    private static final Duration LATENCY = Duration.ofMillis(25);

    private ReconcileBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path work = Files.createTempDirectory("charter-reconcile-bench");
        for (int concurrency : new int[] {1, 8}) {
            try (ReconcileFixture fixture = new ReconcileFixture(work.resolve("import-" + concurrency), LATENCY)) {
                fixture.concurrency = concurrency;
                measure(
                        fixture,
                        "first import of " + IMPORTED + ", " + LATENCY.toMillis() + " ms a call, concurrency "
                                + concurrency,
                        bookings(IMPORTED));
                int duplicates = 0;
                for (RemoteSystem system : RemoteSystem.values()) {
                    duplicates += fixture.sandbox.store(system).creates().values().stream()
                            .mapToInt(n -> n - 1)
                            .sum();
                }
                System.out.printf("  duplicates %d%n", duplicates);
            }
        }
        List<Booking> bookings = bookings(count);
        try (ReconcileFixture fixture = new ReconcileFixture(work.resolve("ledger"))) {
            fixture.concurrency = 8;
            measure(fixture, "first deploy of " + count + " bookings", bookings);
            measure(fixture, "re-deploy, nothing changed", bookings);
            bookings.set(count / 2, BookingChanges.startingAt(bookings.get(count / 2), "09:15"));
            measure(fixture, "one booking of " + count + " changed", bookings);
            long ledger = Files.size(fixture.root.resolve("local/bucket/.charter/" + Ledger.NAME));
            System.out.printf("ledger.json: %d KB%n", ledger / 1024);
        }
    }

    private static List<Booking> bookings(int count) {
        List<Booking> bookings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            bookings.add(ReconcileFixture.booking(String.format("BS-%05d", i)));
        }
        return bookings;
    }

    private static void measure(ReconcileFixture fixture, String what, List<Booking> bookings) {
        Map<String, Integer> before = fixture.sandbox.calls();
        long started = System.nanoTime();
        Deployment.Result result = fixture.deploy(bookings);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Integer> calls = new TreeMap<>();
        fixture.sandbox.calls().forEach((call, n) -> {
            if (n - before.getOrDefault(call, 0) > 0) {
                calls.put(call, n - before.getOrDefault(call, 0));
            }
        });
        int changes = result.reconcile().created()
                + result.reconcile().updated()
                + result.reconcile().deleted();
        long bytes = fixture.applied.ledger().bytesWritten();
        System.out.printf("%-52s %7d ms  calls %s  (%s)%n", what, millis, calls, result.reconcile());
        if (changes > 0) {
            // The journal's header and objects, plus ledger.json when the run folded the journal.
            System.out.printf(
                    "  ledger: %d writes, %d bytes (%d a change)%n", result.ledgerWrites(), bytes, bytes / changes);
        }
    }
}
