package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.Problem;

import java.util.List;

/**
 * Everything read from the inputs: the roster, the bookings that passed every rule (parsed, or {@code known} from a
 * digest of their unchanged file), every error and every warning.
 * A run that renders or deploys must not go on while {@link #problems()} (the errors) is not empty; warnings are shown
 * and do not stop it.
 */
public record Bookings(
        Roster roster,
        List<Booking> bookings,
        List<KnownBooking> known,
        List<Problem> problems,
        List<Problem> warnings,
        int filesRead) {

    public Bookings {
        bookings = List.copyOf(bookings);
        known = List.copyOf(known);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Every booking parsed: no digests were given to the loader. */
    public Bookings(
            Roster roster, List<Booking> bookings, List<Problem> problems, List<Problem> warnings, int filesRead) {
        this(roster, bookings, List.of(), problems, warnings, filesRead);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** "3 problems in 2 files" */
    public String summary() {
        long files = problems.stream().map(Problem::file).distinct().count();
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + files
                + (files == 1 ? " file" : " files");
    }
}
