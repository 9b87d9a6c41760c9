package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.queenofsandiego.charter.store.StateStore;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Booking id → the JADA and SCC entries charter made for it (ids and hashes), kept with the deploy state.
 *
 * <p>Stored as {@code ledger.json}, the compacted ledger (format 2), plus, while a deploy runs, a journal: the header
 * {@code ledger/journal.json} names the run and every booking and system it may change (and which creates are under
 * way), and each successful call writes one small object {@code ledger/<run>/<system>/<booking id>.json} with that
 * system's entry for that booking. A write therefore costs what changed, not the size of the ledger; reading costs
 * {@code ledger.json} and the header, plus the journal's objects only after a run that died before it was folded.
 * The end of a run folds the journal into {@code ledger.json}; a run that died leaves it, and the next run that
 * writes folds it first. Every write is conditional (on the version
 * last read or written, or on the object being absent), so the ledger is true wherever a run stops and two writers
 * cannot lose each other's updates.
 *
 * <p>It also records which JADA and which SCC its entries describe ({@link RemoteEndpoint#identity}): ids from one
 * system mean nothing to another, so entries recorded for another endpoint are not trusted, and the first run against a
 * new endpoint replaces them. A ledger from before endpoints were recorded describes whatever is configured.
 *
 * <p>Workers may record different bookings (or systems) at once; one booking's entry in one system is recorded by one
 * worker at a time.
 */
public final class Ledger {

    public static final String NAME = "ledger.json";
    static final String JOURNAL = "ledger/journal.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StateStore state;
    private final TreeMap<String, LedgerEntry> entries;
    /** Per system, the endpoint the entries describe; a system missing here: recorded before endpoints were. */
    private final Map<RemoteSystem, String> endpoints;

    private Optional<String> version;
    /** The journal as stored: this run's, or one a run that died left behind (folded before this run writes). */
    private Optional<Journal> journal;

    private final Map<Slot, String> slotVersions = new HashMap<>();
    private int writes;
    private long bytesWritten;

    /** One booking in one system. */
    record Slot(RemoteSystem system, String bookingId) {

        String key(String run) {
            return "ledger/" + run + "/" + system.name().toLowerCase(Locale.ROOT) + "/" + bookingId + ".json";
        }
    }

    /** The journal header and the version a conditional write must match; {@code ours} once this run opened it. */
    private record Journal(JournalFile file, String version, boolean ours) {}

    /** The ledger as stored; {@code endpoints} is null in a ledger from before they were recorded. */
    private record LedgerFile(int format, Map<RemoteSystem, String> endpoints, TreeMap<String, LedgerEntry> bookings) {}

    /**
     * The journal header: the run, the endpoints its objects describe (null in a header from before they were recorded),
     * and the slots it may write, with the creates marked under way when it began.
     */
    private record JournalFile(String run, Map<RemoteSystem, String> endpoints, List<SlotFile> slots) {}

    private record SlotFile(RemoteSystem system, String booking, boolean pending) {

        Slot slot() {
            return new Slot(system, booking);
        }
    }

    /** One slot's object: the entry as last recorded, or null once charter holds nothing there. */
    private record SlotRecord(LedgerEntry.Remote remote) {}

    private Ledger(
            StateStore state,
            TreeMap<String, LedgerEntry> entries,
            Map<RemoteSystem, String> endpoints,
            Optional<String> version,
            Optional<Journal> journal) {
        this.state = state;
        this.entries = entries;
        this.endpoints = endpoints;
        this.version = version;
        this.journal = journal;
    }

    public static Ledger load(StateStore state) {
        TreeMap<String, LedgerEntry> entries = new TreeMap<>();
        Map<RemoteSystem, String> endpoints = new EnumMap<>(RemoteSystem.class);
        Optional<String> version = state.store().read(state.key(NAME)).map(stored -> {
            LedgerFile file = parse(state, NAME, stored.content(), LedgerFile.class);
            if (file.bookings() != null) {
                entries.putAll(file.bookings());
            }
            if (file.endpoints() != null) {
                endpoints.putAll(file.endpoints());
            }
            return stored.version();
        });
        Ledger ledger = new Ledger(state, entries, endpoints, version, Optional.empty());
        state.store().read(state.key(JOURNAL)).ifPresent(stored -> {
            JournalFile file = parse(state, JOURNAL, stored.content(), JournalFile.class);
            ledger.journal = Optional.of(new Journal(file, stored.version(), false));
            if (file.endpoints() != null) {
                // The run had moved to these endpoints: what ledger.json holds for another one is no longer true.
                file.endpoints().forEach(ledger::describe);
            }
            // A run died before folding its journal: what it recorded is read back, slot by slot.
            for (SlotFile slot : file.slots()) {
                if (slot.pending()) {
                    ledger.set(slot.slot(), LedgerEntry.Remote.pending());
                }
                String key = slot.slot().key(file.run());
                state.store()
                        .read(state.key(key))
                        .ifPresent(record -> ledger.set(
                                slot.slot(),
                                parse(state, key, record.content(), SlotRecord.class)
                                        .remote()));
            }
        });
        return ledger;
    }

    public synchronized Map<String, LedgerEntry> entries() {
        return Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    public synchronized Optional<LedgerEntry.Remote> remote(RemoteSystem system, String bookingId) {
        return Optional.ofNullable(entries.get(bookingId)).flatMap(entry -> entry.remote(system));
    }

    /** Per system, the endpoint ({@link RemoteEndpoint#identity}) the entries describe; none for a ledger from before. */
    public synchronized Map<RemoteSystem, String> endpoints() {
        return Collections.unmodifiableMap(new EnumMap<>(endpoints));
    }

    /**
     * Opens this run's journal in one write, naming every slot the run may change, marking {@code creates} as under
     * way (so a run that dies before it hears back looks them up next time) and recording the endpoints the run talks
     * to: entries recorded for another endpoint of a system are dropped.
     */
    synchronized void begin(List<Slot> changes, List<Slot> creates, Map<RemoteSystem, String> talksTo) {
        talksTo.forEach(this::describe);
        List<Slot> marked = creates.stream()
                .filter(slot -> remote(slot.system(), slot.bookingId())
                        .filter(LedgerEntry.Remote::isPending)
                        .isEmpty())
                .toList();
        declare(changes, marked);
        for (Slot slot : marked) {
            if (slotVersions.containsKey(slot)) {
                // Already recorded in this run: the header's mark would not override that record.
                record(slot, LedgerEntry.Remote.pending());
            } else {
                set(slot, LedgerEntry.Remote.pending());
            }
        }
    }

    /** Makes the ledger describe {@code endpoint} for {@code system}, dropping what it held for another one. */
    private synchronized void describe(RemoteSystem system, String endpoint) {
        String before = endpoints.put(system, endpoint);
        if (before != null && !before.equals(endpoint)) {
            for (String bookingId : List.copyOf(entries.keySet())) {
                set(new Slot(system, bookingId), null);
            }
        }
    }

    /** Records that a create is about to be sent. */
    void pending(RemoteSystem system, String bookingId) {
        Slot slot = new Slot(system, bookingId);
        if (remote(system, bookingId).filter(LedgerEntry.Remote::isPending).isEmpty()) {
            record(slot, LedgerEntry.Remote.pending());
        }
    }

    void sent(RemoteSystem system, String bookingId, String id, RemoteBody body) {
        record(new Slot(system, bookingId), new LedgerEntry.Remote(id, body.hash(), body.fieldHashes(bookingId)));
    }

    /** Forgets the booking's entry in {@code system} once {@code deleted} is gone: any, or only the one with that id. */
    void forget(RemoteSystem system, String bookingId, Optional<String> deleted) {
        Optional<LedgerEntry.Remote> known = remote(system, bookingId);
        if (known.isPresent()
                && (deleted.isEmpty()
                        || known.get().isPending()
                        || deleted.get().equals(known.get().id()))) {
            record(new Slot(system, bookingId), null);
        }
    }

    /**
     * Folds this run's journal into {@code ledger.json} and removes it, its objects deleted on {@code workers} (one
     * request each); nothing when this run wrote nothing.
     */
    synchronized void compact(Executor workers) {
        if (journal.isEmpty() || !journal.get().ours()) {
            return;
        }
        Journal folded = journal.get();
        writeLedger();
        state.store().delete(state.key(JOURNAL));
        journal = Optional.empty();
        slotVersions.clear();
        removeObjects(folded.file(), workers);
    }

    /** Ledger writes so far in this run. */
    public synchronized int writes() {
        return writes;
    }

    /** Bytes those writes stored. */
    public synchronized long bytesWritten() {
        return bytesWritten;
    }

    /** Writes one slot's object (the header first when it does not name the slot yet), then takes it in. */
    private void record(Slot slot, LedgerEntry.Remote remote) {
        String run;
        String version;
        synchronized (this) {
            declare(List.of(slot), List.of());
            run = journal.orElseThrow().file().run();
            version = slotVersions.get(slot);
        }
        String key = state.key(slot.key(run));
        byte[] content = json(new SlotRecord(remote));
        // Outside the lock: other workers write their own slots meanwhile.
        Optional<String> written = version == null
                ? state.store().writeIfAbsent(key, content, "application/json")
                : state.store().writeIfMatch(key, content, "application/json", version);
        synchronized (this) {
            if (written.isEmpty()) {
                throw changedBySomeoneElse(key);
            }
            slotVersions.put(slot, written.get());
            set(slot, remote);
            counted(content);
        }
    }

    /** Makes sure this run's journal is open and names {@code slots}; one header write when anything is new. */
    private void declare(List<Slot> slots, List<Slot> pending) {
        if (journal.isPresent() && !journal.get().ours()) {
            foldLeftover();
        }
        Map<Slot, SlotFile> named = new LinkedHashMap<>();
        journal.ifPresent(open -> open.file().slots().forEach(file -> named.put(file.slot(), file)));
        int before = named.size();
        boolean marked = false;
        for (Slot slot : slots) {
            named.putIfAbsent(slot, new SlotFile(slot.system(), slot.bookingId(), false));
        }
        for (Slot slot : pending) {
            if (!slotVersions.containsKey(slot) && !named.get(slot).pending()) {
                named.put(slot, new SlotFile(slot.system(), slot.bookingId(), true));
                marked = true;
            }
        }
        Map<RemoteSystem, String> described = new EnumMap<>(endpoints);
        if (journal.isPresent()
                && named.size() == before
                && !marked
                && described.equals(journal.get().file().endpoints())) {
            return;
        }
        String run = journal.map(open -> open.file().run()).orElseGet(Ledger::newRun);
        JournalFile file = new JournalFile(run, described, new ArrayList<>(named.values()));
        byte[] content = json(file);
        String key = state.key(JOURNAL);
        Optional<String> written = journal.isPresent()
                ? state.store()
                        .writeIfMatch(
                                key, content, "application/json", journal.get().version())
                : state.store().writeIfAbsent(key, content, "application/json");
        journal = Optional.of(new Journal(file, written.orElseThrow(() -> changedBySomeoneElse(key)), true));
        counted(content);
    }

    /** A run died before folding its journal (already read into {@code entries}): fold it before this run writes. */
    private void foldLeftover() {
        Journal leftover = journal.orElseThrow();
        writeLedger();
        String key = state.key(JOURNAL);
        // Replaced rather than deleted, so that a writer holding the old header's version is refused.
        JournalFile emptied = new JournalFile(newRun(), new EnumMap<>(endpoints), List.of());
        byte[] content = json(emptied);
        Optional<String> written = state.store().writeIfMatch(key, content, "application/json", leftover.version());
        journal = Optional.of(new Journal(emptied, written.orElseThrow(() -> changedBySomeoneElse(key)), true));
        counted(content);
        removeObjects(leftover.file(), Runnable::run);
    }

    private void writeLedger() {
        byte[] content = json(new LedgerFile(2, endpoints, entries));
        String key = state.key(NAME);
        Optional<String> written = version.isPresent()
                ? state.store().writeIfMatch(key, content, "application/json", version.get())
                : state.store().writeIfAbsent(key, content, "application/json");
        version = Optional.of(written.orElseThrow(() -> changedBySomeoneElse(key)));
        counted(content);
    }

    /** Deletes a folded journal's objects; a delete that never happens leaves an object nothing reads. */
    private void removeObjects(JournalFile folded, Executor workers) {
        try {
            CompletableFuture.allOf(folded.slots().stream()
                            .map(slot -> CompletableFuture.runAsync(
                                    () -> state.store()
                                            .delete(state.key(slot.slot().key(folded.run()))),
                                    workers))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Changes one system's entry in memory; null removes it. */
    private synchronized void set(Slot slot, LedgerEntry.Remote remote) {
        LedgerEntry entry = entries.getOrDefault(slot.bookingId(), new LedgerEntry(null, null))
                .with(slot.system(), remote);
        if (entry.isEmpty()) {
            entries.remove(slot.bookingId());
        } else {
            entries.put(slot.bookingId(), entry);
        }
    }

    private void counted(byte[] content) {
        writes++;
        bytesWritten += content.length;
    }

    private IllegalStateException changedBySomeoneElse(String key) {
        return new IllegalStateException(
                key + " in " + state.store().describe() + " was changed by someone else during this deploy;"
                        + " was a deploy run without the lock? Nothing is lost: run the deploy again and it reconciles from the ledger as it is now.");
    }

    /** Names a run's objects: sortable by time, and unique without coordination. */
    private static String newRun() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return RUN_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(random);
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the ledger", e);
        }
    }

    private static <T> T parse(StateStore state, String name, byte[] content, Class<T> type) {
        try {
            return JSON.readValue(content, type);
        } catch (IOException e) {
            throw new IllegalStateException(
                    state.key(name) + " in " + state.store().describe() + " is not a ledger charter can read ("
                            + e.getMessage()
                            + "). Restore it from the bucket's versions, or move it aside: the next deploy then"
                            + " looks every booking up by external_id and adopts what exists.",
                    e);
        }
    }
}
