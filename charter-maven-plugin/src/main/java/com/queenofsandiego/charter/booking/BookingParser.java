package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.DidYouMean;
import com.queenofsandiego.charter.source.Fields;
import com.queenofsandiego.charter.source.Origin;
import com.queenofsandiego.charter.source.Position;
import com.queenofsandiego.charter.source.Problems;
import com.queenofsandiego.charter.source.YamlSource;
import org.snakeyaml.engine.v2.nodes.MappingNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one booking file into a {@link Booking}, reporting every rule it breaks. */
public final class BookingParser {

    /** The keys a booking file may hold. */
    public static final Set<String> KEYS = Set.of(
            "id",
            "source",
            "status",
            "slug",
            "title",
            "date",
            "start",
            "end",
            "guest",
            "crew",
            "notes",
            "guest_notes",
            "photos");

    public static final Set<String> GUEST_KEYS = Set.of("name", "party_size", "email", "phone");
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MAX_PARTY_SIZE = 149;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Roster roster;

    public BookingParser(Roster roster) {
        this.roster = roster;
    }

    /**
     * The booking, or none when the file breaks a rule; every broken rule is added to {@code problems}.
     * The id and slug are read even from a file with other problems, so clashes between files show in the same run.
     */
    public Parsed parse(Path file, Problems problems) {
        return YamlSource.readMapping(file, problems, "a booking (id, date, start, end, guest, ...)")
                .map(root -> parse(file, root, problems))
                .orElse(new Parsed(Optional.empty(), Optional.empty()));
    }

    private Parsed parse(Path file, MappingNode root, Problems problems) {
        int before = problems.errors();
        Fields fields = new Fields(root, "", KEYS, problems);

        Optional<String> id = fields.requiredText("id", "BS-48213").filter(value -> {
            if (ID.matcher(value).matches()) {
                return true;
            }
            problems.at(
                    fields.positionOf("id"),
                    "id '" + value + "' may only use letters, digits, '.', '_' and '-' (at most 64)");
            return false;
        });
        Booking.Source source =
                enumValue(fields, "source", Booking.Source.values(), Booking.Source.BOATSETTER, problems);
        Booking.Status status =
                enumValue(fields, "status", Booking.Status.values(), Booking.Status.CONFIRMED, problems);
        Optional<String> slug = fields.text("slug").filter(value -> {
            if (Slugs.PATTERN.matcher(value).matches()) {
                return true;
            }
            problems.at(
                    fields.positionOf("slug"),
                    "slug '" + value + "' must be 3 to 64 lowercase letters, digits and '-',"
                            + " starting with a letter or digit (it becomes the page address /g/<slug>)");
            return false;
        });
        if (!fields.has("slug")) {
            // Never made up from the id: ids are sequential, so a derived slug lets anyone list every guest page.
            problems.at(
                    fields.positionOf(id.isPresent() ? "id" : "slug"),
                    "'slug' is required; add a line like 'slug: " + Slugs.random()
                            + "' (a random one, made for this booking: guest pages must not be guessable)");
        }
        Optional<String> title = fields.text("title").map(String::trim).filter(t -> !t.isEmpty());
        Optional<LocalDate> date = fields.requiredDate("date");
        Optional<LocalTime> start = fields.requiredTime("start");
        Optional<LocalTime> end = fields.requiredTime("end");
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            problems.at(
                    fields.positionOf("end"),
                    "end " + end.get() + " is not after start " + start.get()
                            + "; a charter ends later on the same day");
        }
        Optional<Booking.Guest> guest = guest(fields, problems);
        List<String> crew = crew(fields, problems);
        Optional<String> notes = fields.multilineText("notes").filter(n -> !n.isBlank());
        Optional<String> guestNotes = fields.multilineText("guest_notes").filter(n -> !n.isBlank());
        boolean photos = fields.bool("photos").orElse(true);
        slug.ifPresent(value -> Slugs.whyGuessable(value, id, date, guest.map(Booking.Guest::name))
                .ifPresent(why -> problems.warning(
                        fields.positionOf("slug"),
                        "slug '" + value + "' can be guessed (" + why
                                + "), and so can the guest's page; add random characters, e.g. 'slug: "
                                + Slugs.strengthened(value, id, date, guest.map(Booking.Guest::name)) + "'")));

        Optional<Identity> identity =
                id.map(value -> new Identity(value, fields.positionOf("id"), slug, fields.positionOf("slug")));
        if (problems.errors() > before
                || id.isEmpty()
                || slug.isEmpty()
                || date.isEmpty()
                || start.isEmpty()
                || end.isEmpty()
                || guest.isEmpty()) {
            return new Parsed(Optional.empty(), identity);
        }
        Map<String, Position> positions = new HashMap<>();
        for (String key : KEYS) {
            positions.put(key, fields.positionOf(key));
        }
        return new Parsed(
                Optional.of(new Booking(
                        id.get(),
                        source,
                        status,
                        slug.get(),
                        title.orElseGet(
                                () -> Booking.defaultTitle(java.time.Duration.between(start.get(), end.get()), source)),
                        date.get(),
                        start.get(),
                        end.get(),
                        guest.get(),
                        crew,
                        notes,
                        guestNotes,
                        photos,
                        new Origin(problems.file(), file, positions))),
                identity);
    }

    private Optional<Booking.Guest> guest(Fields fields, Problems problems) {
        if (!fields.has("guest")) {
            fields.missing("guest", "{name: Jane Smith, party_size: 6}");
            return Optional.empty();
        }
        return fields.mapping("guest").flatMap(node -> {
            Fields guest = new Fields(node, "guest.", GUEST_KEYS, problems);
            Optional<String> name = guest.requiredText("name", "Jane Smith").map(String::trim);
            Optional<Integer> partySize = guest.integer("party_size").filter(size -> {
                if (size >= 1 && size <= MAX_PARTY_SIZE) {
                    return true;
                }
                problems.at(
                        guest.positionOf("party_size"),
                        "guest.party_size " + size + " must be between 1 and " + MAX_PARTY_SIZE);
                return false;
            });
            Optional<String> email = guest.text("email").map(String::trim).filter(value -> {
                if (EMAIL.matcher(value).matches()) {
                    return true;
                }
                problems.at(guest.positionOf("email"), "guest.email '" + value + "' is not an e-mail address");
                return false;
            });
            Optional<String> phone = guest.text("phone").map(String::trim);
            return name.map(n -> new Booking.Guest(n, partySize, email, phone));
        });
    }

    private List<String> crew(Fields fields, Problems problems) {
        List<String> crew = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Fields.Located<String> member : fields.textList("crew")) {
            if (!seen.add(member.value())) {
                problems.at(member.position(), "crew '" + member.value() + "' is listed twice");
            } else if (roster.find(member.value()).isEmpty()) {
                problems.at(
                        member.position(),
                        "crew '" + member.value() + "' is not in the crew roster"
                                + DidYouMean.hint(member.value(), roster.ids()));
            } else {
                crew.add(member.value());
            }
        }
        return crew;
    }

    private static <E extends Enum<E>> E enumValue(
            Fields fields, String key, E[] values, E fallback, Problems problems) {
        Optional<String> text = fields.text(key);
        if (text.isEmpty()) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (E value : values) {
            String name = value.name().toLowerCase(Locale.ROOT);
            if (name.equals(text.get().trim().toLowerCase(Locale.ROOT))) {
                return value;
            }
            names.add(name);
        }
        problems.at(
                fields.positionOf(key),
                key + " '" + text.get() + "' must be one of " + String.join(", ", names)
                        + DidYouMean.hint(text.get(), names));
        return fallback;
    }

    /** What one file gave: a booking when it broke no rule, and its id and slug whenever they could be read. */
    public record Parsed(Optional<Booking> booking, Optional<Identity> identity) {}

    /** A booking's id and slug (when it has a valid one) with their positions, for the rules across files. */
    public record Identity(String id, Position idAt, Optional<String> slug, Position slugAt) {}
}
