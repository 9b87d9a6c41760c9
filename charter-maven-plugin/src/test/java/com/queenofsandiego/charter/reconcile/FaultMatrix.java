package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.BookingChanges;
import com.queenofsandiego.charter.deploy.DeployLock;
import com.queenofsandiego.charter.sandbox.Faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * For each remote call of a deploy (the n-th to reach the sandbox: deploys run {@link #CONCURRENCY} changes at once),
 * inject each fault at exactly that call, then re-run the deploy until it succeeds, and check JADA and SCC against the
 * bookings: runs needed, duplicates created (creates beyond a fault-free run's), bookings out of step. Two deploys: 20 new bookings; and, over those, 4 changed, 2 crew changes, 3 cancelled, 2 files
 * removed and 2 new; the second also with charter.refresh, and over a ledger journal left by the deploy before it.
 */
final class FaultMatrix {

    static final RetrySettings PATIENCE = new RetrySettings(
            Duration.ofMillis(250), 4, Duration.ofMillis(2), Duration.ofMillis(20), Duration.ofSeconds(5));
    private static final int MAX_RUNS = 6;

    enum Fault {
        HTTP_500,
        HTTP_429,
        TIMEOUT,
        COMMIT_THEN_DROP,
        PROCESS_KILLED
    }

    record Outcome(String scenario, int call, Fault fault, int runs, int duplicates, int outOfStep) {}

    /**
     * @param earlier deployed before {@code before} (none when empty), so that {@code before} leaves a journal for the
     *                faulty deploy to continue
     * @param refresh whether the deploys read JADA and SCC while planning (charter.refresh)
     */
    record Scenario(String name, List<Booking> earlier, List<Booking> before, List<Booking> after, boolean refresh) {}

    static List<Scenario> scenarios(int count) {
        List<Booking> initial = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            initial.add(ReconcileFixture.booking(String.format("BS-%03d", i)));
        }
        List<Booking> changed = new ArrayList<>();
        for (int i = 0; i < initial.size(); i++) {
            Booking booking = initial.get(i);
            if (i < 4) {
                changed.add(BookingChanges.startingAt(booking, "09:00"));
            } else if (i < 6) {
                changed.add(BookingChanges.withCrew(booking, List.of("dana_kim", "luis_ortega")));
            } else if (i < 9) {
                changed.add(BookingChanges.cancelled(booking));
            } else if (i >= 11) {
                changed.add(booking);
            }
        }
        changed.add(ReconcileFixture.booking("BS-900"));
        changed.add(ReconcileFixture.booking("BS-901"));
        // Three bookings (two of them removed by the faulty deploy, one kept) first deployed at another time, so that
        // deploying the initial ones leaves them in a journal the faulty deploy continues.
        List<Booking> earlier = new ArrayList<>(initial);
        for (int i = 9; i < 12; i++) {
            earlier.set(i, BookingChanges.startingAt(initial.get(i), "11:00"));
        }
        return List.of(
                new Scenario("20 new bookings", List.of(), List.of(), initial, false),
                new Scenario("changes over 20 bookings", List.of(), initial, changed, false),
                new Scenario("changes over 20 bookings, refreshing", List.of(), initial, changed, true),
                new Scenario("changes over 20 bookings, journal carried", earlier, initial, changed, false));
    }

    /** Every call index from 0 in steps of {@code stride}, every fault. */
    static List<Outcome> run(Path work, Scenario scenario, int stride, Consumer<String> log) throws IOException {
        Clean clean = clean(work.resolve("clean"), scenario);
        log.accept(scenario.name() + ": " + clean.calls() + " remote calls");
        List<Outcome> outcomes = new ArrayList<>();
        int cases = 0;
        for (int call = 0; call < clean.calls(); call += stride) {
            for (Fault fault : Fault.values()) {
                outcomes.add(one(work.resolve("case-" + cases++), scenario, call, fault, clean.creates()));
            }
        }
        return outcomes;
    }

    private record Clean(int calls, Map<RemoteSystem, Map<String, Integer>> creates) {}

    private static Clean clean(Path work, Scenario scenario) throws IOException {
        try (ReconcileFixture fixture = new ReconcileFixture(work)) {
            fixture.concurrency = CONCURRENCY;
            fixture.refresh = scenario.refresh();
            deployOnce(fixture, scenario.earlier());
            deployOnce(fixture, scenario.before());
            int before = fixture.sandbox.faults().calls();
            deployOnce(fixture, scenario.after());
            return new Clean(
                    fixture.sandbox.faults().calls() - before,
                    Map.of(
                            RemoteSystem.JADA,
                                    fixture.sandbox.store(RemoteSystem.JADA).creates(),
                            RemoteSystem.SCC,
                                    fixture.sandbox.store(RemoteSystem.SCC).creates()));
        }
    }

    /** Changes in flight at once, as charter.concurrency's default. */
    static final int CONCURRENCY = 8;

    private static void deployOnce(ReconcileFixture fixture, List<Booking> bookings) {
        if (!bookings.isEmpty()) {
            fixture.deploy(
                    fixture.target(),
                    bookings,
                    fixture.clients(ReconcileFixture.JADA_TOKEN, ReconcileFixture.SCC_KEY, PATIENCE),
                    100,
                    false);
        }
    }

    private static Outcome one(
            Path work, Scenario scenario, int call, Fault fault, Map<RemoteSystem, Map<String, Integer>> cleanCreates)
            throws IOException {
        try (ReconcileFixture fixture = new ReconcileFixture(work)) {
            fixture.concurrency = CONCURRENCY;
            fixture.refresh = scenario.refresh();
            deployOnce(fixture, scenario.earlier());
            deployOnce(fixture, scenario.before());
            Faults faults = fixture.sandbox.faults();
            int dieAfter = faults.calls() + call;
            switch (fault) {
                case HTTP_500 -> faults.inject(new Faults.Status(500, 0), call, 1);
                case HTTP_429 -> faults.inject(new Faults.Status(429, 0), call, 1);
                case TIMEOUT ->
                    faults.inject(new Faults.Delay(PATIENCE.timeout().plusMillis(150)), call, 1);
                case COMMIT_THEN_DROP -> faults.inject(new Faults.CommitThenDrop(), call, 1);
                case PROCESS_KILLED -> {
                    // The call is done, its answer never arrives, and the dead process sends nothing more.
                    faults.inject(new Faults.CommitThenDrop(), call, 1);
                    faults.inject(new Faults.Status(500, 0), 0, 1_000);
                }
            }
            int runs = 0;
            boolean done = false;
            boolean forceUnlock = false;
            while (!done && runs < MAX_RUNS) {
                runs++;
                boolean firstRun = runs == 1;
                KillableTarget target = new KillableTarget(
                        fixture.target(), () -> firstRun && fault == Fault.PROCESS_KILLED && faults.calls() > dieAfter);
                try {
                    fixture.deploy(
                            target,
                            scenario.after(),
                            fixture.clients(ReconcileFixture.JADA_TOKEN, ReconcileFixture.SCC_KEY, PATIENCE),
                            100,
                            forceUnlock);
                    done = true;
                } catch (KillableTarget.Killed | RemoteException e) {
                    faults.clear();
                } catch (DeployLock.HeldException e) {
                    // What an operator does after a killed deploy: wait for the lock to go stale, then force it.
                    fixture.clock = Clock.offset(Clock.systemUTC(), DeployLock.LIFETIME.plusMinutes(1));
                    forceUnlock = true;
                }
                if (fault == Fault.PROCESS_KILLED) {
                    faults.clear();
                }
            }
            // A delayed request may still be on its way in: let it land before counting.
            sleep(fault == Fault.TIMEOUT ? 300 : 0);
            return new Outcome(
                    scenario.name(),
                    call,
                    fault,
                    done ? runs : -1,
                    duplicates(fixture, cleanCreates),
                    outOfStep(fixture, scenario.after()));
        }
    }

    private static int duplicates(ReconcileFixture fixture, Map<RemoteSystem, Map<String, Integer>> cleanCreates) {
        int duplicates = 0;
        for (RemoteSystem system : RemoteSystem.values()) {
            for (Map.Entry<String, Integer> creates :
                    fixture.sandbox.store(system).creates().entrySet()) {
                duplicates += Math.max(
                        0, creates.getValue() - cleanCreates.get(system).getOrDefault(creates.getKey(), 0));
            }
        }
        return duplicates;
    }

    /** Bookings whose entries differ from what the file says, plus entries no booking wants. */
    static int outOfStep(ReconcileFixture fixture, List<Booking> bookings) {
        int wrong = 0;
        for (RemoteSystem system : RemoteSystem.values()) {
            List<ObjectNode> entries =
                    new ArrayList<>(fixture.sandbox.store(system).entries());
            for (Booking booking : bookings) {
                Optional<RemoteBody> desired = DesiredState.of(system, booking);
                List<ObjectNode> mine = entries.stream()
                        .filter(e -> e.path("external_id").asText().equals(booking.id()))
                        .toList();
                entries.removeAll(mine);
                boolean inStep = desired.isEmpty()
                        ? mine.isEmpty()
                        : mine.size() == 1 && desired.get().matches((JsonNode) mine.get(0));
                wrong += inStep ? 0 : 1;
            }
            wrong += entries.size();
        }
        return wrong;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
