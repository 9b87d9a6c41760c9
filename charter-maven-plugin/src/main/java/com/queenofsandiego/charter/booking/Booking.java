package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.Origin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * One validated booking, as read from its file.
 *
 * @param notes internal notes for JADA and SCC only; never rendered on a page
 * @param guestNotes Markdown shown to the guest
 * @param crew crew ids, each present in the roster
 * @param origin the file the booking came from and where its fields are, for messages
 */
public record Booking(
        String id,
        Source source,
        Status status,
        String slug,
        String title,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        Guest guest,
        List<String> crew,
        Optional<String> notes,
        Optional<String> guestNotes,
        boolean photos,
        Origin origin) {

    public Booking {
        crew = List.copyOf(crew);
    }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The title used when a file gives none: {@code 3hr Charter - Boatsetter}. */
    public static String defaultTitle(Duration duration, Source source) {
        long minutes = duration.toMinutes();
        String hours = minutes % 60 == 0
                ? Long.toString(minutes / 60)
                : BigDecimal.valueOf(minutes)
                        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString();
        String base = hours + "hr Charter";
        return source.label().map(label -> base + " - " + label).orElse(base);
    }

    public enum Status {
        CONFIRMED,
        CANCELLED
    }

    public enum Source {
        BOATSETTER("Boatsetter"),
        DIRECT("Direct"),
        OTHER(null);

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public Optional<String> label() {
            return Optional.ofNullable(label);
        }
    }

    /**
     * The guest. {@code email} and {@code phone} are contact data for staff systems only; never rendered on a page.
     */
    public record Guest(String name, Optional<Integer> partySize, Optional<String> email, Optional<String> phone) {

        public String firstName() {
            return FirstNames.of(name);
        }
    }
}
