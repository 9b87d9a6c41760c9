package com.queenofsandiego.charter.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.source.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a new booking file, {@code <bookings>/<yyyy>/<date>-<id>.yaml}, with a fresh random slug and a comment on
 * every field, then validates it with all the other bookings. A file that does not pass is removed again, so a failed
 * run leaves nothing behind; an existing file is never overwritten.
 */
public final class BookingScaffold {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 .,'()&/+-]*|\\d{1,2}:\\d{2}");
    private static final Set<String> YAML_WORDS =
            Set.of("yes", "no", "true", "false", "on", "off", "y", "n", "null", "~");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BookingLoader loader;
    private final Path bookingsDirectory;
    private final Path crewFile;
    private final String timezone;

    public BookingScaffold(Path displayRoot, Path bookingsDirectory, Path crewFile, String timezone) {
        this.loader = new BookingLoader(displayRoot);
        this.bookingsDirectory = bookingsDirectory;
        this.crewFile = crewFile;
        this.timezone = timezone;
    }

    /** The file written, or the problems that kept it from being written. */
    public record Result(Path file, List<Problem> problems) {

        public boolean created() {
            return problems.isEmpty();
        }
    }

    public Result create(NewBooking request) {
        List<Problem> early = checkArguments(request);
        if (!early.isEmpty()) {
            return new Result(null, early);
        }
        LocalDate date = LocalDate.parse(request.date().trim());
        Path file = bookingsDirectory
                .resolve(Integer.toString(date.getYear()))
                .resolve(date + "-" + request.id() + ".yaml");
        if (Files.exists(file)) {
            return new Result(file, List.of(exists(file)));
        }
        Optional<Booking> sameId = loader.load(bookingsDirectory, crewFile).bookings().stream()
                .filter(b -> b.id().equals(request.id()))
                .findFirst();
        if (sameId.isPresent()) {
            return new Result(
                    null,
                    List.of(argument(
                            "charter.id",
                            "'" + request.id() + "' is already used by "
                                    + sameId.get().origin().displayPath() + "; every booking needs its own id")));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(request, file), StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            return new Result(file, List.of(exists(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        Bookings all = loader.load(bookingsDirectory, crewFile);
        List<Problem> mine =
                all.problems().stream().filter(p -> concerns(p, file)).toList();
        if (!mine.isEmpty()) {
            deleteQuietly(file);
        }
        return new Result(file, mine);
    }

    /** Arguments that decide the file's name are checked before anything is written. */
    private static List<Problem> checkArguments(NewBooking request) {
        List<Problem> problems = new ArrayList<>();
        if (request.id() == null || !BookingParser.ID.matcher(request.id()).matches()) {
            problems.add(argument(
                    "charter.id",
                    "give the booking id with letters, digits, '.', '_' and '-', e.g. -Dcharter.id=BS-48213"));
        }
        if (request.date() == null) {
            problems.add(argument("charter.date", "give the date as -Dcharter.date=YYYY-MM-DD"));
        } else {
            try {
                LocalDate.parse(request.date().trim());
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(
                        argument("charter.date", "'" + request.date() + "' is not a date; write it as YYYY-MM-DD"));
            }
        }
        if (request.start() == null) {
            problems.add(argument("charter.start", "give the start time, e.g. -Dcharter.start=10:00"));
        }
        if (request.end() == null) {
            problems.add(argument("charter.end", "give the end time, e.g. -Dcharter.end=13:00"));
        }
        if (request.guestName() == null || request.guestName().isBlank()) {
            problems.add(argument("charter.guest", "give the guest's name, e.g. -Dcharter.guest=\"Jane Smith\""));
        }
        return problems;
    }

    private static Problem exists(Path file) {
        return argument(
                "charter.id",
                file + " already exists; charter:new never overwrites a booking:"
                        + " edit that file, or choose another id");
    }

    private static Problem argument(String property, String message) {
        return new Problem("-D" + property, 0, 0, message);
    }

    private static boolean concerns(Problem problem, Path file) {
        return file.toString().replace('\\', '/').endsWith(problem.file());
    }

    private String render(NewBooking request, Path file) {
        StringBuilder yaml = new StringBuilder();
        Path schema = bookingsDirectory.resolve("booking.schema.json");
        if (Files.exists(schema)) {
            yaml.append("# yaml-language-server: $schema=")
                    .append(file.getParent().relativize(schema).toString().replace('\\', '/'))
                    .append('\n');
        }
        yaml.append("# Booking ")
                .append(request.id())
                .append(", made by charter:new. The format is in the README under 'Booking files'.\n\n")
                .append("# Unique across all bookings; for a Boatsetter booking, its Boatsetter id.\n")
                .append("id: ")
                .append(scalar(request.id()))
                .append('\n')
                .append("# boatsetter | direct | other\n")
                .append("source: ")
                .append(scalar(request.source().orElse("boatsetter")))
                .append('\n')
                .append(
                        "# confirmed | cancelled (cancelling removes the JADA entry and SCC event; the page then says so)\n")
                .append("status: confirmed\n")
                .append(
                        "# The guest page is /g/<slug>: random, so no one can guess another guest's page. Keep it once sent.\n")
                .append("slug: ")
                .append(Slugs.random())
                .append('\n')
                .append(
                        "# Optional; without it the title is the duration and source, e.g. \"3hr Charter - Boatsetter\".\n")
                .append("# title: Sunset Cruise\n")
                .append("# Day, start and end on the 24-hour clock, in ")
                .append(timezone)
                .append(".\n")
                .append("date: ")
                .append(scalar(request.date().trim()))
                .append('\n')
                .append("start: ")
                .append(scalar(request.start().trim()))
                .append('\n')
                .append("end: ")
                .append(scalar(request.end().trim()))
                .append('\n')
                .append("guest:\n")
                .append("  name: ")
                .append(scalar(request.guestName().trim()))
                .append('\n');
        request.partySize()
                .ifPresentOrElse(
                        size -> yaml.append("  # 1 to 149\n  party_size: ")
                                .append(size)
                                .append('\n'),
                        () -> yaml.append("  # party_size: 6\n"));
        yaml.append("  # Contact details are internal: they go to staff systems, never onto a page.\n")
                .append("  # email: guest@example.com\n")
                .append("  # phone: +1 619 555 0100\n")
                .append("# Crew ids from site-content/crew.yaml; SCC e-mails each of them an invite.\n")
                .append("crew: [")
                .append(String.join(
                        ", ",
                        request.crew().stream().map(BookingScaffold::scalar).toList()))
                .append("]\n")
                .append("# INTERNAL notes for JADA and SCC, never shown to the guest.\n")
                .append("# notes: Bare minimum crew requested\n")
                .append("# Markdown shown to the guest on their page.\n")
                .append("# guest_notes: |\n")
                .append("#   Meet at the dock 15 minutes early.\n")
                .append("# The photo-upload widget on the guest page.\n")
                .append("photos: true\n");
        return yaml.toString();
    }

    /** A value as a YAML scalar: plain when that reads back as the same text, double-quoted otherwise. */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches()
                && !value.endsWith(" ")
                && !YAML_WORDS.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            return value;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the invalid new file " + file, e);
        }
    }
}
