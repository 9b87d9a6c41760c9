package com.queenofsandiego.charter.booking;

import java.util.List;
import java.util.Optional;

/** What staff give {@code charter:new}: the values of a new booking file, as typed. */
public record NewBooking(
        String id,
        String date,
        String start,
        String end,
        String guestName,
        Optional<Integer> partySize,
        List<String> crew,
        Optional<String> source) {

    public NewBooking {
        crew = List.copyOf(crew);
    }
}
