package com.queenofsandiego.charter.booking;

import java.util.function.Supplier;

/**
 * A booking file whose bytes are those a digest was made from: planned from the digest, and parsed only when something
 * of it must be rendered or sent.
 */
public final class KnownBooking {

    private final BookingDigest digest;
    private final Supplier<Booking> parse;
    private Booking booking;

    KnownBooking(BookingDigest digest, Supplier<Booking> parse) {
        this.digest = digest;
        this.parse = parse;
    }

    public BookingDigest digest() {
        return digest;
    }

    /** The booking, parsed on first call. */
    public synchronized Booking booking() {
        if (booking == null) {
            Booking parsed = parse.get();
            if (!parsed.id().equals(digest.id()) || !parsed.slug().equals(digest.slug())) {
                throw new IllegalStateException(digest.file()
                        + " changed while charter ran: it no longer has the id and slug it had; run again");
            }
            booking = parsed;
        }
        return booking;
    }
}
