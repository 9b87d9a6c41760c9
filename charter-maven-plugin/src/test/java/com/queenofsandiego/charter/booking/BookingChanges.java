package com.queenofsandiego.charter.booking;

import java.time.LocalTime;
import java.util.List;

/** A booking as an edit of its file would leave it: one field changed, the rest as they were. */
public final class BookingChanges {

    private BookingChanges() {}

    public static Booking cancelled(Booking b) {
        return copy(b, Booking.Status.CANCELLED, b.title(), b.start(), b.crew());
    }

    public static Booking startingAt(Booking b, String start) {
        return copy(b, b.status(), b.title(), LocalTime.parse(start), b.crew());
    }

    public static Booking withCrew(Booking b, List<String> crew) {
        return copy(b, b.status(), b.title(), b.start(), crew);
    }

    public static Booking withTitle(Booking b, String title) {
        return copy(b, b.status(), title, b.start(), b.crew());
    }

    private static Booking copy(Booking b, Booking.Status status, String title, LocalTime start, List<String> crew) {
        return new Booking(
                b.id(),
                b.source(),
                status,
                b.slug(),
                title,
                b.date(),
                start,
                b.end(),
                b.guest(),
                crew,
                b.notes(),
                b.guestNotes(),
                b.photos(),
                b.origin());
    }
}
