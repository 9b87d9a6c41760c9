package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.booking.Booking;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares the bookings with the ledger: no entry → create; a different hash → update; cancelled, or its file removed
 * → delete. Reads nothing but the ledger and sends nothing, so it needs no credentials.
 */
public final class ReconcilePlanner {

    private ReconcilePlanner() {
    }

    /** @param systems the configured systems and where each is, as {@link ReconcilePlan#systems()} */
    public static ReconcilePlan plan(List<Booking> bookings, Map<String, LedgerEntry> ledger, Map<RemoteSystem, String> systems) {
        Map<String, Booking> byId = new TreeMap<>();
        bookings.forEach(booking -> byId.put(booking.id(), booking));
        List<ReconcilePlan.Change> changes = new ArrayList<>();
        Map<RemoteSystem, Integer> unchanged = new EnumMap<>(RemoteSystem.class);
        for (RemoteSystem system : systems.keySet()) {
            for (Booking booking : byId.values()) {
                Optional<RemoteBody> desired = DesiredState.of(system, booking);
                Optional<LedgerEntry.Remote> known = Optional.ofNullable(ledger.get(booking.id())).flatMap(e -> e.remote(system));
                Optional<String> file = Optional.of(booking.origin().displayPath());
                if (desired.isEmpty()) {
                    known.ifPresent(remote -> changes.add(delete(system, booking.id(), file, remote, "cancelled")));
                } else if (known.isEmpty() || known.get().isPending()) {
                    String reason = known.isEmpty() ? "new" : "an earlier create may have reached " + system.label() + "; it is looked up first";
                    changes.add(new ReconcilePlan.Change(system, ReconcilePlan.Action.CREATE, booking.id(), file, Optional.empty(),
                            desired, Map.of(), reason));
                } else if (!known.get().hash().equals(desired.get().hash())) {
                    changes.add(new ReconcilePlan.Change(system, ReconcilePlan.Action.UPDATE, booking.id(), file,
                            Optional.of(known.get().id()), desired, known.get().fields(), "changed"));
                } else {
                    unchanged.merge(system, 1, Integer::sum);
                }
            }
            ledger.forEach((id, entry) -> {
                if (!byId.containsKey(id)) {
                    entry.remote(system).ifPresent(remote -> changes.add(delete(system, id, Optional.empty(), remote, "file removed")));
                }
            });
        }
        return new ReconcilePlan(systems, changes, unchanged);
    }

    private static ReconcilePlan.Change delete(RemoteSystem system, String bookingId, Optional<String> file, LedgerEntry.Remote remote,
                                               String reason) {
        return new ReconcilePlan.Change(system, ReconcilePlan.Action.DELETE, bookingId, file, Optional.ofNullable(remote.id()),
                Optional.empty(), Map.of(), reason);
    }
}
