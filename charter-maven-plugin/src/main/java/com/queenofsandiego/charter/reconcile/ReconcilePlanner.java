package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.BookingDigest;
import com.queenofsandiego.charter.booking.KnownBooking;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Compares the bookings with the ledger: no entry → create; a different hash → update; cancelled, or its file removed
 * → delete. Entries the ledger holds for another endpoint than the configured one are not trusted: those bookings are
 * created (a create looks the booking up by {@code external_id} and adopts what it finds), and nothing known only there
 * is deleted. Reads nothing but the ledger and sends nothing, so it needs no credentials; with a refresh it also
 * compares what {@link LiveEntries} read from JADA and SCC and plans the repairs.
 */
public final class ReconcilePlanner {

    private ReconcilePlanner() {}

    /** For a ledger that describes the configured systems; {@code systems} as {@link ReconcilePlan#systems()}. */
    public static ReconcilePlan plan(
            List<Booking> bookings, Map<String, LedgerEntry> ledger, Map<RemoteSystem, String> systems) {
        return plan(bookings, ledger, Map.of(), systems, Optional.empty());
    }

    /**
     * @param described per system, the endpoint the ledger describes ({@link Ledger#endpoints()}); a system missing here
     *                  is taken to be the configured one (a ledger from before endpoints were recorded)
     * @param live what a refresh read, for the bookings {@link #toRefresh} named
     */
    public static ReconcilePlan plan(
            List<Booking> bookings,
            Map<String, LedgerEntry> ledger,
            Map<RemoteSystem, String> described,
            Map<RemoteSystem, String> systems,
            Optional<LiveEntries> live) {
        return plan(bookings, List.of(), ledger, described, systems, live);
    }

    /**
     * As {@link #plan(List, Map, Map, Map, Optional)}, with bookings {@code known} from their digests besides those
     * parsed: one of those is parsed only when its body must be sent or compared with what a refresh read.
     */
    public static ReconcilePlan plan(
            List<Booking> bookings,
            List<KnownBooking> fromDigests,
            Map<String, LedgerEntry> ledger,
            Map<RemoteSystem, String> described,
            Map<RemoteSystem, String> systems,
            Optional<LiveEntries> live) {
        Map<String, Subject> byId = byId(bookings, fromDigests);
        List<ReconcilePlan.Change> changes = new ArrayList<>();
        Map<RemoteSystem, Integer> unchanged = new EnumMap<>(RemoteSystem.class);
        List<ReconcilePlan.Move> moves = new ArrayList<>();
        for (RemoteSystem system : systems.keySet()) {
            Optional<String> other = otherEndpoint(system, described, systems);
            if (other.isPresent()) {
                int known = (int) ledger.values().stream()
                        .filter(entry -> entry.remote(system).isPresent())
                        .count();
                moves.add(new ReconcilePlan.Move(
                        system, other.get(), RemoteEndpoint.identity(systems.get(system)), known));
            }
            // Serialising and hashing every booking's body is most of a plan's work on a large site: done in parallel.
            Map<String, Wanted> wanted = byId.values().parallelStream()
                    .collect(Collectors.toMap(
                            Subject::id, subject -> subject.wanted().apply(system)));
            for (Subject booking : byId.values()) {
                Wanted desired = wanted.get(booking.id());
                Optional<LedgerEntry.Remote> known =
                        other.isPresent() ? Optional.empty() : remote(ledger, system, booking.id());
                Optional<String> file = Optional.of(booking.file());
                if (!desired.present()) {
                    known.ifPresent(
                            remote -> changes.add(delete(system, booking.id(), file, remote.id(), "cancelled", false)));
                } else if (known.isEmpty() || known.get().isPending()) {
                    String reason = known.isEmpty()
                            ? (other.isPresent() ? "not known at this endpoint" : "new")
                            : "an earlier create may have reached " + system.label() + "; it is looked up first";
                    changes.add(create(system, booking.id(), file, desired.body(), reason, false));
                } else {
                    LedgerEntry.Remote remote = known.get();
                    Optional<List<RemoteEntry>> found = live.flatMap(read -> read.of(system, booking.id()));
                    if (found.isPresent()
                            && found.get().stream()
                                    .noneMatch(entry -> entry.id().equals(remote.id()))) {
                        // The create adopts another entry with this external_id, if there is one, and removes the rest.
                        changes.add(create(
                                system,
                                booking.id(),
                                file,
                                desired.body(),
                                "deleted by hand (id " + remote.id() + ")",
                                true));
                        continue;
                    }
                    if (!remote.hash().equals(desired.hash())) {
                        changes.add(update(system, booking.id(), file, remote, desired.body(), "changed", false));
                    } else if (found.isPresent()
                            && !desired.body().matches(kept(found.get(), remote).fields())) {
                        changes.add(update(system, booking.id(), file, remote, desired.body(), "edited by hand", true));
                    } else {
                        unchanged.merge(system, 1, Integer::sum);
                    }
                    found.ifPresent(entries -> entries.stream()
                            .filter(entry -> !entry.id().equals(remote.id()))
                            .forEach(extra -> changes.add(delete(
                                    system,
                                    booking.id(),
                                    file,
                                    extra.id(),
                                    "a second entry with this external_id",
                                    true))));
                }
            }
            if (other.isEmpty()) {
                ledger.forEach((id, entry) -> {
                    if (!byId.containsKey(id)) {
                        entry.remote(system)
                                .ifPresent(remote -> changes.add(
                                        delete(system, id, Optional.empty(), remote.id(), "file removed", false)));
                    }
                });
            }
        }
        return new ReconcilePlan(systems, changes, unchanged, moves);
    }

    /**
     * Per system, the bookings a refresh reads: those the ledger holds an entry for at the configured endpoint and
     * that should still be there. The rest are created (and looked up first) or deleted anyway.
     */
    public static Map<RemoteSystem, List<String>> toRefresh(
            List<Booking> bookings,
            Map<String, LedgerEntry> ledger,
            Map<RemoteSystem, String> described,
            Map<RemoteSystem, String> systems) {
        return toRefresh(bookings, List.of(), ledger, described, systems);
    }

    /** As {@link #toRefresh(List, Map, Map, Map)}, with bookings known from their digests besides those parsed. */
    public static Map<RemoteSystem, List<String>> toRefresh(
            List<Booking> bookings,
            List<KnownBooking> known,
            Map<String, LedgerEntry> ledger,
            Map<RemoteSystem, String> described,
            Map<RemoteSystem, String> systems) {
        Map<RemoteSystem, List<String>> read = new EnumMap<>(RemoteSystem.class);
        for (RemoteSystem system : systems.keySet()) {
            if (otherEndpoint(system, described, systems).isPresent()) {
                continue;
            }
            read.put(
                    system,
                    byId(bookings, known).values().stream()
                            .filter(booking -> booking.wanted().apply(system).present())
                            .filter(booking -> remote(ledger, system, booking.id())
                                    .filter(remote -> !remote.isPending())
                                    .isPresent())
                            .map(Subject::id)
                            .toList());
        }
        return read;
    }

    /** The endpoint the ledger describes for {@code system}, when it is not the configured one. */
    private static Optional<String> otherEndpoint(
            RemoteSystem system, Map<RemoteSystem, String> described, Map<RemoteSystem, String> systems) {
        String configured = RemoteEndpoint.identity(systems.get(system));
        return Optional.ofNullable(described.get(system)).filter(recorded -> !recorded.equals(configured));
    }

    private static Map<String, Subject> byId(List<Booking> bookings, List<KnownBooking> known) {
        Map<String, Subject> byId = new TreeMap<>();
        bookings.forEach(booking -> byId.put(
                booking.id(),
                new Subject(booking.id(), booking.origin().displayPath(), system -> Wanted.of(system, booking))));
        known.forEach(booking -> byId.put(
                booking.digest().id(),
                new Subject(booking.digest().id(), booking.digest().file(), system -> Wanted.of(system, booking))));
        return byId;
    }

    /** The hash of what {@code system} should hold for the booking, as a {@link BookingDigest} keeps it by system name. */
    public static String bodyHash(RemoteSystem system, Booking booking) {
        return Wanted.of(system, booking).hash();
    }

    /** A booking as planning sees it: its id, its file, and what each system should hold for it. */
    private record Subject(String id, String file, Function<RemoteSystem, Wanted> wanted) {}

    private static Optional<LedgerEntry.Remote> remote(
            Map<String, LedgerEntry> ledger, RemoteSystem system, String bookingId) {
        return Optional.ofNullable(ledger.get(bookingId)).flatMap(entry -> entry.remote(system));
    }

    private static RemoteEntry kept(List<RemoteEntry> found, LedgerEntry.Remote remote) {
        return found.stream()
                .filter(entry -> entry.id().equals(remote.id()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * What one system should hold for a booking: its hash (empty when the booking is cancelled and nothing should be
     * there) and its body, which a booking known from its digest is parsed for only when it is asked for.
     */
    private record Wanted(String hash, Supplier<RemoteBody> bodyOf) {

        static Wanted of(RemoteSystem system, Booking booking) {
            Optional<RemoteBody> body = DesiredState.of(system, booking);
            return new Wanted(body.map(RemoteBody::hash).orElse(""), body::orElseThrow);
        }

        static Wanted of(RemoteSystem system, KnownBooking booking) {
            String hash = booking.digest().derived().get(system.name());
            return new Wanted(
                    hash,
                    () -> DesiredState.of(system, booking.booking())
                            .filter(body -> body.hash().equals(hash))
                            .orElseThrow(() -> new IllegalStateException(
                                    booking.digest().file() + " no longer gives what its digest recorded for "
                                            + system.label() + "; run again")));
        }

        boolean present() {
            return !hash.isEmpty();
        }

        RemoteBody body() {
            return bodyOf.get();
        }
    }

    private static ReconcilePlan.Change create(
            RemoteSystem system,
            String bookingId,
            Optional<String> file,
            RemoteBody body,
            String reason,
            boolean drift) {
        return new ReconcilePlan.Change(
                system,
                ReconcilePlan.Action.CREATE,
                bookingId,
                file,
                Optional.empty(),
                Optional.of(body),
                Map.of(),
                reason,
                drift);
    }

    private static ReconcilePlan.Change update(
            RemoteSystem system,
            String bookingId,
            Optional<String> file,
            LedgerEntry.Remote remote,
            RemoteBody body,
            String reason,
            boolean drift) {
        return new ReconcilePlan.Change(
                system,
                ReconcilePlan.Action.UPDATE,
                bookingId,
                file,
                Optional.of(remote.id()),
                Optional.of(body),
                drift ? Map.of() : remote.fields(),
                reason,
                drift);
    }

    private static ReconcilePlan.Change delete(
            RemoteSystem system,
            String bookingId,
            Optional<String> file,
            String remoteId,
            String reason,
            boolean drift) {
        return new ReconcilePlan.Change(
                system,
                ReconcilePlan.Action.DELETE,
                bookingId,
                file,
                Optional.ofNullable(remoteId),
                Optional.empty(),
                Map.of(),
                reason,
                drift);
    }
}
