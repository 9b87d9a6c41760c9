package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.queenofsandiego.charter.publish.StateStore;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Booking id → the JADA and SCC entries charter made for it (ids and hashes), kept with the deploy state as {@code ledger.json}.
 * Every change is written at once, and only over the version last read or written (a conditional write), so the ledger
 * is true wherever a run stops and two writers cannot lose each other's updates.
 */
public final class Ledger {

    public static final String NAME = "ledger.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final StateStore state;
    private final TreeMap<String, LedgerEntry> entries;
    private Optional<String> version;
    private int writes;

    private Ledger(StateStore state, TreeMap<String, LedgerEntry> entries, Optional<String> version) {
        this.state = state;
        this.entries = entries;
        this.version = version;
    }

    public static Ledger load(StateStore state) {
        return state.store().read(state.key(NAME)).map(stored -> {
            try {
                LedgerFile file = JSON.readValue(stored.content(), LedgerFile.class);
                TreeMap<String, LedgerEntry> entries = file.bookings() == null ? new TreeMap<>() : file.bookings();
                return new Ledger(state, entries, Optional.of(stored.version()));
            } catch (IOException e) {
                throw new IllegalStateException(state.key(NAME) + " in " + state.store().describe() + " is not a ledger charter can read ("
                        + e.getMessage() + "). Restore it from the bucket's versions, or move it aside: the next deploy then"
                        + " looks every booking up by external_id and adopts what exists.", e);
            }
        }).orElseGet(() -> new Ledger(state, new TreeMap<>(), Optional.empty()));
    }

    public Map<String, LedgerEntry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public Optional<LedgerEntry.Remote> remote(RemoteSystem system, String bookingId) {
        return Optional.ofNullable(entries.get(bookingId)).flatMap(entry -> entry.remote(system));
    }

    /** Records that a create is about to be sent, so a run that dies before it hears back looks it up next time. */
    void pending(RemoteSystem system, String bookingId) {
        pending(List.of(new Pending(system, bookingId)));
    }

    /** A create that may be sent. */
    record Pending(RemoteSystem system, String bookingId) {
    }

    /** Records several creates as under way in one write. */
    void pending(List<Pending> creates) {
        boolean changed = false;
        for (Pending create : creates) {
            if (remote(create.system(), create.bookingId()).filter(LedgerEntry.Remote::isPending).isEmpty()) {
                set(create.system(), create.bookingId(), LedgerEntry.Remote.pending());
                changed = true;
            }
        }
        if (changed) {
            save();
        }
    }

    void sent(RemoteSystem system, String bookingId, String id, RemoteBody body) {
        set(system, bookingId, new LedgerEntry.Remote(id, body.hash(), body.fieldHashes(bookingId)));
        save();
    }

    void forget(RemoteSystem system, String bookingId) {
        LedgerEntry entry = entries.get(bookingId);
        if (entry == null || entry.remote(system).isEmpty()) {
            return;
        }
        LedgerEntry left = entry.with(system, null);
        if (left.isEmpty()) {
            entries.remove(bookingId);
        } else {
            entries.put(bookingId, left);
        }
        save();
    }

    /** Ledger writes so far in this run. */
    public int writes() {
        return writes;
    }

    /** Changes one system's entry in memory. */
    private void set(RemoteSystem system, String bookingId, LedgerEntry.Remote remote) {
        entries.put(bookingId, entries.getOrDefault(bookingId, new LedgerEntry(null, null)).with(system, remote));
    }

    /** The ledger as stored. */
    private record LedgerFile(int format, TreeMap<String, LedgerEntry> bookings) {
    }

    private void save() {
        byte[] content;
        try {
            content = JSON.writeValueAsBytes(new LedgerFile(2, entries));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the ledger", e);
        }
        String key = state.key(NAME);
        Optional<String> written = version.isPresent()
                ? state.store().writeIfMatch(key, content, "application/json", version.get())
                : state.store().writeIfAbsent(key, content, "application/json");
        if (written.isEmpty()) {
            throw new IllegalStateException(key + " in " + state.store().describe() + " was changed by someone else during this deploy;"
                    + " was a deploy run without the lock? Nothing is lost: run the deploy again and it reconciles from the ledger as it is now.");
        }
        version = written;
        writes++;
    }
}
