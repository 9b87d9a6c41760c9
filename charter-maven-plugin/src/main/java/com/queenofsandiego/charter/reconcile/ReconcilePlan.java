package com.queenofsandiego.charter.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What reconciling would change in JADA and SCC, per booking. A value: planning reads only the ledger (and with a
 * refresh what {@link LiveEntries} read), and applying does exactly these changes.
 *
 * @param systems the systems reconciled, each with where it is ("https://…", "sandbox"); a system not here is not configured
 * @param unchanged per system, the bookings already in step
 * @param moves the systems whose ledger entries describe another endpoint than the configured one
 */
public record ReconcilePlan(
        Map<RemoteSystem, String> systems,
        List<Change> changes,
        Map<RemoteSystem, Integer> unchanged,
        List<Move> moves) {

    public ReconcilePlan {
        systems = Collections.unmodifiableMap(new LinkedHashMap<>(systems));
        changes = List.copyOf(changes);
        unchanged = Map.copyOf(unchanged);
        moves = List.copyOf(moves);
    }

    /**
     * The ledger describes {@code from}, not the configured {@code to}: its {@code bookings} entries there are not
     * trusted, each booking is looked up by {@code external_id} and adopted or created, and nothing is deleted in
     * {@code to} that charter does not know.
     */
    public record Move(RemoteSystem system, String from, String to, int bookings) {

        public String line() {
            return system.label() + ": the ledger describes " + from + ", not " + to + "; its " + bookings
                    + " bookings are looked up" + " by external_id and adopted or created";
        }
    }

    public enum Action {
        CREATE,
        UPDATE,
        DELETE
    }

    /**
     * One change to one system.
     *
     * @param file the booking file, or empty when the file was removed
     * @param remoteId the entry's id in the system; empty for a create, and for a delete of a create that may have been
     *                 sent (it is looked up by {@code external_id})
     * @param body what is sent (creates and updates)
     * @param previous per field, the hash of what was last sent (updates); empty when the ledger does not know
     * @param drift whether it repairs what a refresh found changed by hand in the system (the reason says what)
     */
    public record Change(
            RemoteSystem system,
            Action action,
            String bookingId,
            Optional<String> file,
            Optional<String> remoteId,
            Optional<RemoteBody> body,
            Map<String, String> previous,
            String reason,
            boolean drift) {

        public Change {
            previous = previous == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(previous));
        }

        /** For an update: the fields that differ from what was last sent (every field when the ledger cannot tell). */
        public List<String> changedFields() {
            if (body.isEmpty()) {
                return List.of();
            }
            Map<String, String> now = body.get().fieldHashes(bookingId);
            List<String> changed = now.keySet().stream()
                    .filter(field -> !now.get(field).equals(previous.get(field)))
                    .toList();
            return changed.isEmpty() ? List.copyOf(now.keySet()) : changed;
        }
    }

    public boolean isEmpty() {
        return changes.isEmpty() && moves.isEmpty();
    }

    /** Per configured system, the endpoint the ledger is to describe after this plan ({@link RemoteEndpoint#identity}). */
    public Map<RemoteSystem, String> endpoints() {
        Map<RemoteSystem, String> endpoints = new LinkedHashMap<>();
        systems.forEach((system, where) -> endpoints.put(system, RemoteEndpoint.identity(where)));
        return endpoints;
    }

    public List<Change> changes(RemoteSystem system) {
        return changes.stream().filter(c -> c.system() == system).toList();
    }

    public long count(RemoteSystem system, Action action) {
        return changes.stream()
                .filter(c -> c.system() == system && c.action() == action)
                .count();
    }

    /** "JADA: create 2, update 1, delete 0; SCC: create 2, update 1, delete 0" */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (RemoteSystem system : RemoteSystem.values()) {
            parts.add(systems.containsKey(system) ? counts(system) : system.label() + ": not configured");
        }
        return String.join("; ", parts);
    }

    /** "JADA: create 2, update 1, delete 0" */
    public String counts(RemoteSystem system) {
        return system.label() + ": create " + count(system, Action.CREATE) + ", update " + count(system, Action.UPDATE)
                + ", delete " + count(system, Action.DELETE);
    }
}
