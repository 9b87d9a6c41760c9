package com.queenofsandiego.charter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.BookingDigest;
import com.queenofsandiego.charter.booking.BookingLoader;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.booking.KnownBooking;
import com.queenofsandiego.charter.reconcile.ReconcilePlanner;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.site.SiteGenerator;
import com.queenofsandiego.charter.source.Position;
import com.queenofsandiego.charter.source.Problem;
import com.queenofsandiego.charter.store.StateJson;
import com.queenofsandiego.charter.store.StateStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The digests of the booking files a deploy planned from ({@code booking-digests.json} with the deploy state), so that
 * a plan on a fresh clone takes each file whose bytes are unchanged from its digest ({@link BookingDigest}) instead of
 * reading it again: on a large site, reading and checking every file was most of a one-change deploy's work. A cache:
 * digests made by other code than this run's ({@code code}, the hash of the plugin's classes) are not used, and a
 * missing or unreadable file only means every booking is read. It holds ids, slugs, crew ids and hashes, never a
 * guest's data.
 */
public final class BookingDigests {

    public static final String NAME = "booking-digests.json";
    private static final ObjectMapper JSON = StateJson.mapper();

    private BookingDigests() {}

    /** The digests a deploy by the same code left, by file; none when there are none or they cannot be read. */
    public static Map<String, BookingDigest> read(StateStore state, String code) {
        return state.store()
                .read(state.key(NAME))
                .map(stored -> {
                    try {
                        return parse(JSON.readTree(stored.content()), code);
                    } catch (IOException | RuntimeException unreadable) {
                        return Map.<String, BookingDigest>of();
                    }
                })
                .orElse(Map.of());
    }

    /**
     * Whether the digests are worth storing again: when the files read in full outnumber a tenth of those known from
     * digests. A file changed since is read by the next plan too, which costs little while they are few; storing them
     * all anew (megabytes at ten thousand bookings) on every deploy would cost more.
     */
    public static boolean worthStoring(Bookings bookings) {
        Set<String> warned = warned(bookings);
        long read = bookings.bookings().stream()
                .filter(booking -> !warned.contains(booking.origin().displayPath()))
                .count();
        return read * 10 > bookings.known().size();
    }

    private static Set<String> warned(Bookings bookings) {
        return bookings.warnings().stream().map(Problem::file).collect(Collectors.toSet());
    }

    /**
     * The digests of every booking planned: those known carried over, those parsed worked out afresh (re-reading each
     * file for the hash of its bytes); a file that drew a warning gets none, so that it is read and warned about again.
     */
    public static Map<String, BookingDigest> of(Bookings bookings) {
        Set<String> warned = warned(bookings);
        Map<String, BookingDigest> digests = new TreeMap<>();
        for (KnownBooking known : bookings.known()) {
            digests.put(known.digest().file(), known.digest());
        }
        List<BookingDigest> parsed = bookings.bookings().parallelStream()
                .filter(booking -> !warned.contains(booking.origin().displayPath()))
                .map(BookingDigests::of)
                .filter(digest -> !digest.sha256().isEmpty())
                .toList();
        parsed.forEach(digest -> digests.put(digest.file(), digest));
        return digests;
    }

    private static BookingDigest of(Booking booking) {
        Map<String, String> derived = new HashMap<>();
        derived.put(SiteGenerator.SHOWN, SiteGenerator.shownHash(booking));
        for (RemoteSystem system : RemoteSystem.values()) {
            derived.put(system.name(), ReconcilePlanner.bodyHash(system, booking));
        }
        return BookingDigest.of(booking, BookingLoader.sha256(booking.origin().path()), derived);
    }

    /** Stores the digests for the next plan; a cache, so written over whatever is there. */
    public static void write(StateStore state, String code, Map<String, BookingDigest> digests) {
        ObjectNode root = JSON.createObjectNode().put("format", 1).put("code", code);
        ObjectNode files = root.putObject("files");
        new TreeMap<>(digests).forEach((file, digest) -> {
            ArrayNode entry = files.putArray(file);
            entry.add(digest.sha256())
                    .add(digest.id())
                    .add(digest.idAt().line())
                    .add(digest.idAt().column())
                    .add(digest.slug())
                    .add(digest.slugAt().line())
                    .add(digest.slugAt().column());
            ArrayNode crew = entry.addArray();
            digest.crew().forEach(crew::add);
            ObjectNode derived = entry.addObject();
            new TreeMap<>(digest.derived()).forEach(derived::put);
        });
        try {
            state.store().write(state.key(NAME), JSON.writeValueAsBytes(root), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry per file: [sha256, id, id line, id column, slug, slug line, slug column, [crew], {derived}]. */
    private static Map<String, BookingDigest> parse(JsonNode root, String code) {
        if (root.path("format").asInt() != 1 || !code.equals(root.path("code").asText())) {
            return Map.of();
        }
        Map<String, BookingDigest> digests = new HashMap<>();
        root.path("files").fields().forEachRemaining(field -> {
            JsonNode entry = field.getValue();
            if (!entry.isArray()
                    || entry.size() != 9
                    || !entry.get(7).isArray()
                    || !entry.get(8).isObject()) {
                return;
            }
            List<String> crew = new ArrayList<>();
            entry.get(7).forEach(id -> crew.add(id.asText()));
            Map<String, String> derived = new HashMap<>();
            entry.get(8)
                    .fields()
                    .forEachRemaining(
                            hash -> derived.put(hash.getKey(), hash.getValue().asText()));
            if (!derived.containsKey(SiteGenerator.SHOWN)
                    || !derived.keySet().containsAll(List.of(RemoteSystem.JADA.name(), RemoteSystem.SCC.name()))) {
                return;
            }
            digests.put(
                    field.getKey(),
                    new BookingDigest(
                            field.getKey(),
                            entry.get(0).asText(),
                            entry.get(1).asText(),
                            new Position(entry.get(2).asInt(), entry.get(3).asInt()),
                            entry.get(4).asText(),
                            new Position(entry.get(5).asInt(), entry.get(6).asInt()),
                            crew,
                            derived));
        });
        return digests;
    }
}
