package com.queenofsandiego.charter.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies a {@link ReconcilePlan} exactly, recording each outcome in the ledger the moment the server confirms it:
 * creates and updates first, deletions last. A create is recorded as under way before it is sent and always starts by
 * looking the booking up by {@code external_id}, so a run that died anywhere is finished by the next without a second
 * entry (SCC would invite the crew twice). It decides nothing the plan did not, except what only the server can tell: an
 * update whose entry was deleted by hand is created again, and a delete of something already gone is done.
 */
public final class Reconciler {

    private final Map<RemoteSystem, RemoteClient> clients;
    private final Ledger ledger;
    private final Consumer<String> progress;
    private final Runnable heartbeat;

    /** @param heartbeat run before each change, e.g. to keep the deploy lock alive; throws to stop the run */
    public Reconciler(Map<RemoteSystem, RemoteClient> clients, Ledger ledger, Consumer<String> progress, Runnable heartbeat) {
        this.clients = Map.copyOf(clients);
        this.ledger = ledger;
        this.progress = progress;
        this.heartbeat = heartbeat;
    }

    /** What a run did, per system, for the closing line. */
    public record Result(int created, int adopted, int updated, int deleted) {

        @Override
        public String toString() {
            return "created " + created + (adopted > 0 ? " (" + adopted + " adopted from an earlier run)" : "") + ", updated "
                    + updated + ", deleted " + deleted;
        }
    }

    /** Refuses a plan that deletes more than {@code maxDeletes} entries from one system, before anything is sent. */
    public static void checkDeletes(ReconcilePlan plan, int maxDeletes) {
        for (RemoteSystem system : RemoteSystem.values()) {
            long deletes = plan.count(system, ReconcilePlan.Action.DELETE);
            if (deletes > maxDeletes) {
                throw new DeleteLimitException(system.label() + ": this deploy would delete " + deletes
                        + " entries, more than charter.maxDeletes=" + maxDeletes + "; nothing was changed. If that is intended,"
                        + " run again with -Dcharter.maxDeletes=" + deletes);
            }
        }
    }

    public Result apply(ReconcilePlan plan, int maxDeletes) {
        checkDeletes(plan, maxDeletes);
        List<ReconcilePlan.Change> ordered = new ArrayList<>(plan.changes().stream()
                .filter(c -> c.action() != ReconcilePlan.Action.DELETE).toList());
        ordered.addAll(plan.changes().stream().filter(c -> c.action() == ReconcilePlan.Action.DELETE).toList());
        // One write marks every create as under way, rather than one write before each.
        ledger.pending(ordered.stream().filter(c -> c.action() == ReconcilePlan.Action.CREATE)
                .map(c -> new Ledger.Pending(c.system(), c.bookingId())).toList());
        int created = 0;
        int adopted = 0;
        int updated = 0;
        int deleted = 0;
        for (ReconcilePlan.Change change : ordered) {
            heartbeat.run();
            RemoteClient client = clients.get(change.system());
            try {
                switch (change.action()) {
                    case CREATE -> {
                        created++;
                        adopted += create(client, change) ? 1 : 0;
                    }
                    case UPDATE -> {
                        update(client, change);
                        updated++;
                    }
                    case DELETE -> {
                        delete(client, change);
                        deleted++;
                    }
                }
            } catch (RemoteException e) {
                throw change.file().map(e::in).orElse(e);
            }
            int done = created + updated + deleted;
            if (ordered.size() >= 20 && done % 10 == 0) {
                progress.accept("JADA/SCC: " + done + " of " + ordered.size() + " changes done");
            }
        }
        return new Result(created, adopted, updated, deleted);
    }

    /** Creates (the ledger already marks it under way); true when an entry an earlier run had created was adopted. */
    private boolean create(RemoteClient client, ReconcilePlan.Change change) {
        RemoteSystem system = change.system();
        RemoteBody body = change.body().orElseThrow();
        List<RemoteEntry> found = client.find(change.bookingId());
        if (found.isEmpty()) {
            RemoteClient.Created created = client.create(change.bookingId(), body);
            ledger.sent(system, change.bookingId(), created.id(), body);
            progress.accept(system.label() + ": created " + change.bookingId() + " (id " + created.id() + ")"
                    + (created.adopted() ? ", found after a failed attempt" : ""));
            return created.adopted();
        }
        RemoteEntry kept = found.get(0);
        for (RemoteEntry extra : found.subList(1, found.size())) {
            client.delete(extra.id());
            progress.accept(system.label() + ": deleted " + extra.id() + ", a second entry for " + change.bookingId());
        }
        if (!body.matches(kept.fields()) && !client.update(kept.id(), body)) {
            ledger.sent(system, change.bookingId(), client.create(change.bookingId(), body).id(), body);
            return false;
        }
        ledger.sent(system, change.bookingId(), kept.id(), body);
        progress.accept(system.label() + ": adopted " + kept.id() + " for " + change.bookingId() + ", made by an earlier run");
        return true;
    }

    private void update(RemoteClient client, ReconcilePlan.Change change) {
        RemoteBody body = change.body().orElseThrow();
        String id = change.remoteId().orElseThrow();
        if (client.update(id, body)) {
            ledger.sent(change.system(), change.bookingId(), id, body);
            progress.accept(change.system().label() + ": updated " + change.bookingId() + " (" + String.join(", ", change.changedFields()) + ")");
            return;
        }
        progress.accept(change.system().label() + ": " + change.bookingId() + " (id " + id + ") was deleted by hand; creating it again");
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
        ledger.forget(change.system(), change.bookingId());
        progress.accept(change.system().label() + ": deleted " + change.bookingId() + " (" + change.reason() + ")");
    }

    /** More deletions than allowed: refused before anything changes. */
    public static final class DeleteLimitException extends RuntimeException {

        public DeleteLimitException(String message) {
            super(message);
        }
    }
}
