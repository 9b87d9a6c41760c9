package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.booking.Booking;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What JADA and SCC should hold for a booking, exactly as the contract gives the bodies. */
public final class DesiredState {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private DesiredState() {}

    /** The body for {@code system}, or empty when the booking is cancelled and nothing should exist. */
    public static Optional<RemoteBody> of(RemoteSystem system, Booking booking) {
        if (booking.cancelled()) {
            return Optional.empty();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(system.titleField(), booking.title());
        fields.put("date", booking.date().toString());
        fields.put("start_time", booking.start().format(TIME));
        fields.put("end_time", booking.end().format(TIME));
        if (system == RemoteSystem.SCC) {
            fields.put("crew", booking.crew());
        }
        fields.put("notes", notes(booking));
        fields.put("external_id", booking.id());
        return Optional.of(new RemoteBody(fields));
    }

    /** {@code Guest: <name>, Boatsetter ID: <id>}, then the internal notes on a new line when there are any. */
    static String notes(Booking booking) {
        String first = "Guest: " + booking.guest().name() + ", Boatsetter ID: " + booking.id();
        return booking.notes()
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .map(n -> first + "\n" + n)
                .orElse(first);
    }
}
