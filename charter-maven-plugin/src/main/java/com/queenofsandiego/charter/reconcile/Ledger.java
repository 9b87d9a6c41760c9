package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.ParallelRequests;
import com.queenofsandiego.charter.store.StateJson;
import com.queenofsandiego.charter.store.StateStore;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Booking id → the JADA and SCC entries charter made for it (ids and hashes), kept with the deploy state.
 *
 * <p>Stored as {@code ledger.json}, the folded ledger (format 2), plus a journal: the header
 * {@code ledger/journal.json} names the run that last wrote it, the endpoints, and every booking and system ("slot")
 * changed since the last fold, each with the run under whose key its object lives and whether a create is under way;
 * each slot's object {@code ledger/<run>/<system>/<booking id>.json} holds that system's entry for that booking and the
 * run that wrote it. A run claims the journal with one header write (naming what it may change and marking its creates),
 * then each successful call writes one small object: a new slot's under this run's key, a slot the journal already
 * names over its object in place. So a deploy writes what changed, not the ledger: rewriting {@code ledger.json}
 * (megabytes at ten thousand bookings) happens only at a fold, when the journal names more than {@link #FOLD_AFTER}
 * slots (reading costs one request per slot, so the journal stays small), when there is no {@code ledger.json} yet
 * (the fold then costs only this run's entries), or when the run talks to another endpoint than the journal describes.
 *
 * <p>A mark (a create under way) is the header's run's: it holds until an object written by that run says otherwise,
 * and a run that claims the header marks again what is still under way. Wherever a run stops, the ledger reads true: a
 * slot named without an object is what {@code ledger.json} says (or under way, when marked); an object replaced in place
 * is the old or the new. Every write is conditional (on the version last read or written, or on the object being
 * absent), so two writers cannot lose each other's updates; objects of a folded journal are deleted after the header
 * stops naming them, and one whose delete never happened is never read again, as run ids are not reused.
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
    /**
     * Slots the journal may name before a run folds it: the header (about 90 bytes a slot) and the objects read at load
     * (one request each, eight at a time) stay small, while a deploy that changes a booking or two folds once in dozens.
     */
    static final int FOLD_AFTER = 100;

    private static final ObjectMapper JSON = StateJson.mapper()
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
    /** The journal as stored: this run's once it claimed it, or one an earlier run left (continued by this run). */
    private Optional<Journal> journal;
    /** Per slot the journal names, in its order: where its object lives and that object's version. */
    private final Map<Slot, Placed> placed = new LinkedHashMap<>();
    /** The slots this run has written an object for. */
    private final Set<Slot> recorded = new HashSet<>();

    private int writes;
    private long bytesWritten;

    /** One booking in one system. */
    record Slot(RemoteSystem system, String bookingId) {

        String key(String run) {
            return "ledger/" + run + "/" + system.name().toLowerCase(Locale.ROOT) + "/" + bookingId + ".json";
        }
    }

    /** A slot's object: the run its key names, and the version last read or written (null while there is none). */
    private record Placed(String run, String version) {}

    /** The journal header and the version a conditional write must match; {@code ours} once this run claimed it. */
    private record Journal(JournalFile file, String version, boolean ours) {}

    /** The ledger as stored; {@code endpoints} is null in a ledger from before they were recorded. */
    private record LedgerFile(int format, Map<RemoteSystem, String> endpoints, TreeMap<String, LedgerEntry> bookings) {}

    /**
     * The journal header: the run that last wrote it, the endpoints its objects describe (null in a header from before
     * they were recorded), and its slots.
     */
    private record JournalFile(String run, Map<RemoteSystem, String> endpoints, List<SlotFile> slots) {}

    /**
     * @param run the run whose key holds the slot's object; null in a header from before journals were carried: the
     *            header's run
     * @param pending a create is under way, unless an object written by the header's run says otherwise
     */
    private record SlotFile(RemoteSystem system, String booking, String run, boolean pending) {

        Slot slot() {
            return new Slot(system, booking);
        }
    }

    /**
     * One slot's object: the entry as last recorded, or null once charter holds nothing there.
     *
     * @param run the run that wrote it; null in an object from before journals were carried: the run its key names
     */
    private record SlotRecord(LedgerEntry.Remote remote, String run) {}

    private Ledger(
            StateStore state,
            TreeMap<String, LedgerEntry> entries,
            Map<RemoteSystem, String> endpoints,
            Optional<String> version) {
        this.state = state;
        this.entries = entries;
        this.endpoints = endpoints;
        this.version = version;
        this.journal = Optional.empty();
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
        Ledger ledger = new Ledger(state, entries, endpoints, version);
        state.store().read(state.key(JOURNAL)).ifPresent(ledger::carry);
        return ledger;
    }

    /** Reads the journal an earlier run left, its objects a few at once, for this run to continue. */
    private void carry(ObjectStore.Stored stored) {
        JournalFile file = parse(state, JOURNAL, stored.content(), JournalFile.class);
        journal = Optional.of(new Journal(file, stored.version(), false));
        if (file.endpoints() != null) {
            // The journal describes these endpoints: what ledger.json holds for another one is no longer true.
            file.endpoints().forEach(this::describe);
        }
        Map<SlotFile, Optional<ObjectStore.Stored>> objects = ParallelRequests.each(
                file.slots(), slot -> state.store().read(state.key(slot.slot().key(runOf(slot, file)))));
        objects.forEach((slot, object) -> {
            String run = runOf(slot, file);
            String key = slot.slot().key(run);
            Optional<SlotRecord> found = object.map(o -> parse(state, key, o.content(), SlotRecord.class));
            placed.put(
                    slot.slot(),
                    new Placed(run, object.map(ObjectStore.Stored::version).orElse(null)));
            boolean marked = slot.pending()
                    && found.map(record -> !file.run().equals(record.run() != null ? record.run() : run))
                            .orElse(true);
            if (marked) {
                set(slot.slot(), LedgerEntry.Remote.pending());
            } else {
                found.ifPresent(record -> set(slot.slot(), record.remote()));
            }
        });
    }

    private static String runOf(SlotFile slot, JournalFile file) {
        return slot.run() != null ? slot.run() : file.run();
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
     * Claims the journal in one write, naming every slot the run may change, marking {@code creates} as under
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
            if (recorded.contains(slot)) {
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
     * Folds this run's journal into {@code ledger.json} and removes it, its objects deleted a few at once, when it names
     * more than {@link #FOLD_AFTER} slots or there is no {@code ledger.json} yet; otherwise the next run continues it.
     */
    synchronized void compact() {
        if (journal.isEmpty() || !journal.get().ours() || (placed.size() <= FOLD_AFTER && version.isPresent())) {
            return;
        }
        writeLedger();
        state.store().delete(state.key(JOURNAL));
        List<String> folded = objectKeys();
        journal = Optional.empty();
        placed.clear();
        recorded.clear();
        removeObjects(folded);
    }

    /** Ledger writes so far in this run. */
    public synchronized int writes() {
        return writes;
    }

    /** Bytes those writes stored. */
    public synchronized long bytesWritten() {
        return bytesWritten;
    }

    /** Writes one slot's object (the header first when this run has not claimed it or it does not name the slot yet). */
    private void record(Slot slot, LedgerEntry.Remote remote) {
        String run;
        Placed where;
        synchronized (this) {
            declare(List.of(slot), List.of());
            run = journal.orElseThrow().file().run();
            where = placed.get(slot);
        }
        String key = state.key(slot.key(where.run()));
        byte[] content = json(new SlotRecord(remote, run));
        // Outside the lock: other workers write their own slots meanwhile.
        Optional<String> written = where.version() == null
                ? state.store().writeIfAbsent(key, content, "application/json")
                : state.store().writeIfMatch(key, content, "application/json", where.version());
        synchronized (this) {
            if (written.isEmpty()) {
                throw changedBySomeoneElse(key);
            }
            placed.put(slot, new Placed(where.run(), written.get()));
            recorded.add(slot);
            set(slot, remote);
            counted(content);
        }
    }

    /**
     * Makes sure this run has claimed the journal and that it names {@code slots}, marking {@code marking} under way; one
     * header write when this run has not claimed it yet or anything is new. A journal left by an earlier run is folded
     * first when it is past the bound or describes other endpoints than this run talks to.
     */
    private void declare(List<Slot> slots, List<Slot> marking) {
        List<String> folded = List.of();
        if (journal.isPresent()
                && !journal.get().ours()
                && mustFold(journal.get().file())) {
            writeLedger();
            folded = objectKeys();
            placed.clear();
        }
        boolean ours = journal.isPresent() && journal.get().ours();
        Set<Slot> marks = new HashSet<>();
        for (Slot slot : marking) {
            if (!recorded.contains(slot)) {
                marks.add(slot);
            }
        }
        Map<RemoteSystem, String> described = new EnumMap<>(endpoints);
        if (ours
                && placed.keySet().containsAll(slots)
                && marked(journal.get().file()).containsAll(marks)
                && described.equals(journal.get().file().endpoints())) {
            return;
        }
        String run = ours ? journal.get().file().run() : newRun();
        Map<Slot, String> runs = new LinkedHashMap<>();
        placed.forEach((slot, where) -> runs.put(slot, where.run()));
        slots.forEach(slot -> runs.putIfAbsent(slot, run));
        List<SlotFile> named = new ArrayList<>();
        runs.forEach((slot, at) -> named.add(new SlotFile(
                slot.system(),
                slot.bookingId(),
                at,
                marks.contains(slot)
                        || (!recorded.contains(slot)
                                && remote(slot.system(), slot.bookingId())
                                        .filter(LedgerEntry.Remote::isPending)
                                        .isPresent()))));
        JournalFile file = new JournalFile(run, described, named);
        byte[] content = json(file);
        String key = state.key(JOURNAL);
        Optional<String> written = journal.isPresent()
                ? state.store()
                        .writeIfMatch(
                                key, content, "application/json", journal.get().version())
                : state.store().writeIfAbsent(key, content, "application/json");
        journal = Optional.of(new Journal(file, written.orElseThrow(() -> changedBySomeoneElse(key)), true));
        counted(content);
        slots.forEach(slot -> placed.putIfAbsent(slot, new Placed(run, null)));
        removeObjects(folded);
    }

    /** Whether a journal left by an earlier run must be folded before this run continues it. */
    private boolean mustFold(JournalFile file) {
        return file.slots().size() > FOLD_AFTER || !new EnumMap<>(endpoints).equals(file.endpoints());
    }

    private static Set<Slot> marked(JournalFile file) {
        Set<Slot> marked = new HashSet<>();
        for (SlotFile slot : file.slots()) {
            if (slot.pending()) {
                marked.add(slot.slot());
            }
        }
        return marked;
    }

    private List<String> objectKeys() {
        List<String> keys = new ArrayList<>();
        placed.forEach((slot, where) -> keys.add(state.key(slot.key(where.run()))));
        return keys;
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
    private void removeObjects(List<String> keys) {
        ParallelRequests.each(keys, key -> {
            state.store().delete(key);
            return key;
        });
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
