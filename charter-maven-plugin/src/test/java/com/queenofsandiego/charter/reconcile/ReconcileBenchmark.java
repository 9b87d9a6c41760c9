package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.deploy.Deployment;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the reconcile figures for N bookings (default 1,000) against the sandbox over HTTP: the first deploy, an
 * unchanged re-deploy, and a deploy after one booking's start time changed, each with the calls it made to JADA and SCC.
 * Run with {@code bench/reconcile-bench.sh [N]}.
 */
public final class ReconcileBenchmark {

    private ReconcileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<Booking> bookings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            bookings.add(ReconcileFixture.booking(String.format("BS-%05d", i)));
        }
        try (ReconcileFixture fixture = new ReconcileFixture(Files.createTempDirectory("charter-reconcile-bench"))) {
            measure(fixture, "first deploy of " + count + " bookings", bookings);
            measure(fixture, "re-deploy, nothing changed", bookings);
            bookings.set(count / 2, ReconcileFixture.startingAt(bookings.get(count / 2), "09:15"));
            measure(fixture, "one booking of " + count + " changed", bookings);
            long ledger = Files.size(fixture.root.resolve("local/bucket/.charter/ledger.json"));
            System.out.printf("ledger: %d KB%n", ledger / 1024);
        }
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
        System.out.printf("%-36s %7d ms  calls %s  ledger writes %d  (%s)%n", what, millis, calls, result.ledgerWrites(), result.reconcile());
    }
}
