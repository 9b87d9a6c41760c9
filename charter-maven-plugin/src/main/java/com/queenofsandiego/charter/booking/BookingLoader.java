package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.Position;
import com.queenofsandiego.charter.source.Problem;
import com.queenofsandiego.charter.source.Problems;
import com.queenofsandiego.charter.source.YamlSource;
import com.queenofsandiego.charter.text.UntrustedText;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the crew roster and every booking file under a directory, checks each file's rules and the rules across files
 * (unique ids and slugs), and returns all of it at once.
 */
public final class BookingLoader {

    /** A booking file's path under the bookings directory: plain names, so a path is safe in a log line or plan. */
    private static final Pattern SAFE_NAME =
            Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*/)*[A-Za-z0-9][A-Za-z0-9._-]*\\.ya?ml");

    private final Path displayRoot;

    /** @param displayRoot paths in messages are relative to this (the repository root) */
    public BookingLoader(Path displayRoot) {
        this.displayRoot = displayRoot.toAbsolutePath().normalize();
    }

    public Bookings load(Path bookingsDirectory, Path crewFile) {
        return load(bookingsDirectory, crewFile, Map::of);
    }

    /**
     * As {@link #load(Path, Path)}, taking a file whose bytes hash to its digest's (and whose crew are all still in the
     * roster) as known from the digest, without parsing it.
     *
     * @param digests by file as shown in messages; asked for once the files are listed, so they may still be on their
     *                way when loading starts
     */
    public Bookings load(Path bookingsDirectory, Path crewFile, Supplier<Map<String, BookingDigest>> digests) {
        List<Problem> problems = new ArrayList<>();
        Problems rosterProblems = new Problems(display(crewFile));
        Roster roster = RosterLoader.load(crewFile, rosterProblems);
        problems.addAll(rosterProblems.list());

        if (!Files.isDirectory(bookingsDirectory)) {
            problems.add(Problem.at(
                    display(bookingsDirectory),
                    Position.START,
                    "the bookings directory does not exist; create it or set charter.bookingsDirectory"));
            return new Bookings(roster, List.of(), problems, List.of(), 0);
        }
        List<Path> files = bookingFiles(bookingsDirectory);
        BookingParser parser = new BookingParser(roster);
        String shownDirectory = display(bookingsDirectory);
        Map<String, BookingDigest> known = digests.get();
        // In file order whatever order the files are parsed in: problems and bookings come out the same every run.
        List<FileResult> results = files.parallelStream()
                .map(file -> read(parser, roster, known, bookingsDirectory, shownDirectory, file))
                .toList();

        List<Booking> bookings = new ArrayList<>();
        List<KnownBooking> unchanged = new ArrayList<>();
        for (FileResult result : results) {
            problems.addAll(result.problems());
            result.parsed().booking().ifPresent(bookings::add);
            result.known().ifPresent(unchanged::add);
        }
        problems.addAll(crossFileProblems(results));
        problems.sort(null);
        return new Bookings(
                roster,
                bookings,
                unchanged,
                problems.stream().filter(Problem::isError).toList(),
                problems.stream().filter(p -> !p.isError()).toList(),
                files.size());
    }

    /** The file as its digest knows it when its bytes are the digest's and its crew are all in the roster; else parsed. */
    private static FileResult read(
            BookingParser parser,
            Roster roster,
            Map<String, BookingDigest> digests,
            Path bookingsDirectory,
            String shownDirectory,
            Path file) {
        String name = bookingsDirectory.relativize(file).toString().replace('\\', '/');
        String shownName = UntrustedText.oneLine(name);
        String shown = shownDirectory.isEmpty() ? shownName : shownDirectory + "/" + shownName;
        BookingDigest digest = digests.get(shown);
        if (digest != null
                && SAFE_NAME.matcher(name).matches()
                && roster.members().keySet().containsAll(digest.crew())
                && digest.sha256().equals(sha256(file))) {
            KnownBooking known = new KnownBooking(
                    digest,
                    () -> parser.parse(file, new Problems(shown))
                            .booking()
                            .orElseThrow(() -> new IllegalStateException(
                                    shown + " changed while charter ran: it no longer reads as a booking; run again")));
            return new FileResult(
                    shown,
                    new BookingParser.Parsed(
                            Optional.empty(),
                            Optional.of(new BookingParser.Identity(
                                    digest.id(), digest.idAt(), Optional.of(digest.slug()), digest.slugAt()))),
                    Optional.of(known),
                    List.of());
        }
        return parse(parser, name, shown, file);
    }

    /** The SHA-256 of the file's bytes, hex; empty when it cannot be read or is too large (parsing then says why). */
    public static String sha256(Path file) {
        try {
            if (Files.size(file) > YamlSource.MAX_BYTES) {
                return "";
            }
            return DigestUtils.sha256Hex(Files.readAllBytes(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static FileResult parse(BookingParser parser, String name, String shown, Path file) {
        Problems problems = new Problems(shown);
        if (!SAFE_NAME.matcher(name).matches()) {
            problems.at(
                    Position.START,
                    "rename the file: booking files and their folders are named with letters a-z and A-Z,"
                            + " digits, '.', '_' and '-' only, starting with a letter or digit, and end .yaml or .yml"
                            + " (their names go into logs and plans, where other characters could change what readers see)");
        }
        BookingParser.Parsed parsed = parser.parse(file, problems);
        return new FileResult(problems.file(), parsed, Optional.empty(), problems.list());
    }

    /** Ids and slugs must be unique across files: the message names both files. A clashing id says enough. */
    private static List<Problem> crossFileProblems(List<FileResult> results) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Place> byId = new HashMap<>();
        Map<String, Place> bySlug = new HashMap<>();
        for (FileResult result : results) {
            if (result.parsed().identity().isEmpty()) {
                continue;
            }
            BookingParser.Identity identity = result.parsed().identity().get();
            String here = result.file();
            Place sameId = byId.putIfAbsent(identity.id(), new Place(here, identity.idAt()));
            if (sameId != null) {
                problems.add(Problem.at(
                        here,
                        identity.idAt(),
                        "id '" + identity.id() + "' is already used by " + sameId
                                + "; every booking needs its own id"));
            }
            if (identity.slug().isEmpty()) {
                continue;
            }
            String slug = identity.slug().get();
            Place sameSlug = bySlug.putIfAbsent(slug, new Place(here, identity.slugAt()));
            if (sameSlug != null && sameId == null) {
                problems.add(Problem.at(
                        here,
                        identity.slugAt(),
                        "slug '" + slug + "' is already used by " + sameSlug + "; two guests would share one page"));
            }
        }
        return problems;
    }

    /** Where an id or slug was first seen; spelled out only when another file uses it too. */
    private record Place(String file, Position at) {
        @Override
        public String toString() {
            return file + ":" + at.line();
        }
    }

    private static List<Path> bookingFiles(Path directory) {
        // Files.find hands over the attributes the walk read anyway: a second look only for links, followed as before.
        try (Stream<Path> walk = Files.find(
                directory,
                Integer.MAX_VALUE,
                (file, attributes) ->
                        attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file))) {
            // by name as text: sorting Paths compares their bytes afresh every time, thousands of times
            return walk.filter(BookingLoader::isYaml)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(displayRoot) ? displayRoot.relativize(absolute) : absolute;
        return UntrustedText.oneLine(shown.toString().replace('\\', '/'));
    }

    private record FileResult(
            String file, BookingParser.Parsed parsed, Optional<KnownBooking> known, List<Problem> problems) {}
}
