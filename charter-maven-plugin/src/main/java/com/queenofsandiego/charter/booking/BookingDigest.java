package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.Position;

import java.util.List;
import java.util.Map;

/**
 * What a deploy worked out from a booking file that broke no rule and drew no warning, kept with the hash of the file's
 * bytes so that a later plan can take it instead of reading the file again: the id and slug (for the rules across
 * files) and where they are, the crew ids (for the pages' fingerprints, with the roster as it is then), and hashes of
 * what the booking gives each place it goes ({@code derived}, named by the code that uses them). No guest's data.
 */
public record BookingDigest(
        String file,
        String sha256,
        String id,
        Position idAt,
        String slug,
        Position slugAt,
        List<String> crew,
        Map<String, String> derived) {

    public BookingDigest {
        crew = List.copyOf(crew);
        derived = Map.copyOf(derived);
    }

    /** The digest of a booking as parsed, with the hashes worked out from it. */
    public static BookingDigest of(Booking booking, String sha256, Map<String, String> derived) {
        return new BookingDigest(
                booking.origin().displayPath(),
                sha256,
                booking.id(),
                booking.origin().positionOf("id"),
                booking.slug(),
                booking.origin().positionOf("slug"),
                booking.crew(),
                derived);
    }
}
