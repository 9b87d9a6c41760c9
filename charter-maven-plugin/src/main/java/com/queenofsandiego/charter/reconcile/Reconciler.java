package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.ConfigurationException;
import com.queenofsandiego.charter.publish.ProgressMeter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Applies a {@link ReconcilePlan} exactly, recording each outcome in the ledger the moment the server confirms it:
 * creates and updates first, deletions last. A create is recorded as under way before it is sent and always starts by
 * looking the booking up by {@code external_id}, so a run that died anywhere is finished by the next without a second
 * entry (SCC would invite the crew twice). It decides nothing the plan did not, except what only the server can tell: an
 * update whose entry was deleted by hand is created again, and a delete of something already gone is done.
 *
 * <p>Up to {@code concurrency} changes are in flight at once. One booking's changes in one system are made in order by
 * one worker; different bookings in parallel. The first failure stops the handing out of changes: those in flight
 * finish and are recorded, then the failure is thrown, so the ledger is true wherever a run stops. At the end, also
 * when JADA or SCC stopped the run, the ledger folds its journal if it has grown past its bound; otherwise, and after a
 * run stopped by the lock, the ledger or a killed process, the next run continues the journal.
 */
public final class Reconciler {

    /** Per-change lines for the first few changes; after that a count, at most every few seconds, and once at the end. */
    static final int CHANGES_NAMED = 10;

    private final Map<RemoteSystem, RemoteClient> clients;
    private final Ledger ledger;
    private final Consumer<String> progress;
    private final Runnable heartbeat;
    private final int concurrency;

    /**
     * @param heartbeat run before each change, e.g. to keep the deploy lock alive; throws to stop the run; called from
     *                  several threads at once
     * @param concurrency changes in flight at once, at least 1
     */
    public Reconciler(
            Map<RemoteSystem, RemoteClient> clients,
            Ledger ledger,
            Consumer<String> progress,
            Runnable heartbeat,
            int concurrency) {
        if (concurrency < 1) {
            throw new ConfigurationException("charter.concurrency must be at least 1, not " + concurrency);
        }
        this.clients = Map.copyOf(clients);
        this.ledger = ledger;
        this.progress = progress;
        this.heartbeat = heartbeat;
        this.concurrency = concurrency;
    }

    /** What a run did, per system, for the closing line. */
    public record Result(int created, int adopted, int updated, int deleted) {

        @Override
        public String toString() {
            return "created " + created + (adopted > 0 ? " (" + adopted + " adopted from an earlier run)" : "")
                    + ", updated " + updated + ", deleted " + deleted;
        }
    }

    public Result apply(ReconcilePlan plan) {
        if (plan.changes().isEmpty() && plan.moves().isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        // One write names every booking the run may change, marks every create as under way and records the endpoints.
        ledger.begin(
                plan.changes().stream().map(Reconciler::slot).distinct().toList(),
                plan.changes().stream()
                        .filter(c -> c.action() == ReconcilePlan.Action.CREATE)
                        .map(Reconciler::slot)
                        .toList(),
                plan.endpoints());
        Run run = new Run(plan.changes().size());
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "charter-reconcile");
            thread.setDaemon(true);
            return thread;
        });
        try {
            run.all(
                    workers,
                    lanes(plan.changes().stream()
                            .filter(c -> c.action() != ReconcilePlan.Action.DELETE)
                            .toList()));
            if (run.failure.get() == null) {
                run.all(
                        workers,
                        lanes(plan.changes().stream()
                                .filter(c -> c.action() == ReconcilePlan.Action.DELETE)
                                .toList()));
            }
            run.report();
            Throwable failure = run.failure.get();
            if (failure instanceof RemoteException e) {
                // JADA or SCC stopped the run, not the ledger or the lock: the ledger compacts as after success.
                try {
                    ledger.compact();
                } catch (RuntimeException compacting) {
                    e.addSuppressed(compacting);
                }
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            ledger.compact();
        } finally {
            workers.shutdown();
        }
        return new Result(run.created.get(), run.adopted.get(), run.updated.get(), run.deleted.get());
    }

    private static Ledger.Slot slot(ReconcilePlan.Change change) {
        return new Ledger.Slot(change.system(), change.bookingId());
    }

    /** The changes grouped per booking and system, each group in plan order. */
    private static Queue<List<ReconcilePlan.Change>> lanes(List<ReconcilePlan.Change> changes) {
        Map<Ledger.Slot, List<ReconcilePlan.Change>> lanes = new LinkedHashMap<>();
        for (ReconcilePlan.Change change : changes) {
            lanes.computeIfAbsent(slot(change), slot -> new ArrayList<>()).add(change);
        }
        return new ConcurrentLinkedQueue<>(lanes.values());
    }

    /** One apply: the counts, the first failure, and the progress lines, shared by the workers. */
    private final class Run {

        final int total;
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger adopted = new AtomicInteger();
        final AtomicInteger updated = new AtomicInteger();
        final AtomicInteger deleted = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private int done;
        private int named;
        private final ProgressMeter meter;

        Run(int total) {
            this.total = total;
            this.meter = new ProgressMeter("JADA/SCC:", "changes done", total, 0, progress, System::nanoTime);
        }

        /** Runs every lane on the workers; returns when none is left or in flight. */
        void all(ExecutorService workers, Queue<List<ReconcilePlan.Change>> lanes) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < Math.min(concurrency, lanes.size()); i++) {
                tasks.add(() -> {
                    work(lanes);
                    return null;
                });
            }
            try {
                for (Future<Void> task : workers.invokeAll(tasks)) {
                    task.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(
                        null,
                        new RemoteException(
                                RemoteException.Kind.UNAVAILABLE, "interrupted while reconciling JADA and SCC"));
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }

        private void work(Queue<List<ReconcilePlan.Change>> lanes) {
            List<ReconcilePlan.Change> lane;
            while (failure.get() == null && (lane = lanes.poll()) != null) {
                for (ReconcilePlan.Change change : lane) {
                    if (failure.get() != null) {
                        return;
                    }
                    try {
                        heartbeat.run();
                        apply(change);
                    } catch (RemoteException e) {
                        failure.compareAndSet(null, change.file().map(e::in).orElse(e));
                        return;
                    } catch (Throwable e) {
                        // Errors too (a killed process in the tests): the run stops and rethrows it as it is.
                        failure.compareAndSet(null, e);
                        return;
                    }
                    done();
                }
            }
        }

        private void apply(ReconcilePlan.Change change) {
            RemoteClient client = clients.get(change.system());
            switch (change.action()) {
                case CREATE -> {
                    created.incrementAndGet();
                    adopted.addAndGet(create(client, change) ? 1 : 0);
                }
                case UPDATE -> {
                    update(client, change);
                    updated.incrementAndGet();
                }
                case DELETE -> {
                    delete(client, change);
                    deleted.incrementAndGet();
                }
            }
        }

        /** Creates (the ledger already marks it under way); true when an entry an earlier run had created was adopted. */
        private boolean create(RemoteClient client, ReconcilePlan.Change change) {
            RemoteSystem system = change.system();
            RemoteBody body = change.body().orElseThrow();
            List<RemoteEntry> found = client.find(change.bookingId());
            if (found.isEmpty()) {
                RemoteClient.Created made = client.create(change.bookingId(), body);
                ledger.sent(system, change.bookingId(), made.id(), body);
                if (made.adopted()) {
                    tell(system.label() + ": created " + change.bookingId() + " (id " + made.id()
                            + "), found after a failed attempt");
                } else {
                    routine(system.label() + ": created " + change.bookingId() + " (id " + made.id() + ")");
                }
                return made.adopted();
            }
            RemoteEntry kept = found.get(0);
            for (RemoteEntry extra : found.subList(1, found.size())) {
                client.delete(extra.id());
                tell(system.label() + ": deleted " + extra.id() + ", a second entry for " + change.bookingId());
            }
            if (!body.matches(kept.fields()) && !client.update(kept.id(), body)) {
                ledger.sent(
                        system,
                        change.bookingId(),
                        client.create(change.bookingId(), body).id(),
                        body);
                return false;
            }
            ledger.sent(system, change.bookingId(), kept.id(), body);
            tell(system.label() + ": adopted " + kept.id() + " for " + change.bookingId() + ", made by an earlier run");
            return true;
        }

        private void update(RemoteClient client, ReconcilePlan.Change change) {
            RemoteBody body = change.body().orElseThrow();
            String id = change.remoteId().orElseThrow();
            if (client.update(id, body)) {
                ledger.sent(change.system(), change.bookingId(), id, body);
                routine(change.system().label() + ": updated " + change.bookingId() + " ("
                        + String.join(", ", change.changedFields()) + ")");
                return;
            }
            tell(change.system().label() + ": " + change.bookingId() + " (id " + id
                    + ") was deleted by hand; creating it again");
            ledger.pending(change.system(), change.bookingId());
            create(client, change);
        }

        private void delete(RemoteClient client, ReconcilePlan.Change change) {
            if (change.remoteId().isPresent()) {
                client.delete(change.remoteId().get());
            } else {
                for (RemoteEntry entry : client.find(change.bookingId())) {
                    client.delete(entry.id());
                }
            }
            ledger.forget(change.system(), change.bookingId(), change.remoteId());
            routine(change.system().label() + ": deleted " + change.bookingId() + " (" + change.reason() + ")");
        }

        /** A line for an ordinary change: only the first few are named, the rest are counted. */
        private synchronized void routine(String line) {
            if (named++ < CHANGES_NAMED) {
                progress.accept(line);
            }
        }

        /** A line worth reading whatever the count: adoptions, duplicates removed, entries deleted by hand. */
        private synchronized void tell(String line) {
            progress.accept(line);
        }

        private synchronized void done() {
            done++;
            meter.advance(0);
        }

        /** The closing count, when the per-change lines did not name every change. */
        synchronized void report() {
            if (named > CHANGES_NAMED || done < total) {
                progress.accept(count());
            }
        }

        private String count() {
            return "JADA/SCC: " + done + " of " + total + " changes done";
        }
    }
}
