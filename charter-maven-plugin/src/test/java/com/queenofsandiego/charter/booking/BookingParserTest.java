package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.Problem;
import com.queenofsandiego.charter.source.YamlSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BookingParserTest {

    @TempDir
    Path root;

    BookingFiles files;

    @BeforeEach
    void setUp() {
        files = new BookingFiles(root);
    }

    private List<String> problemsOf(String yaml) {
        return files.booking("b.yaml", yaml).load().problems().stream()
                .map(Problem::toString)
                .toList();
    }

    @Test
    void readsUnquotedDatesAndTimesAsPeopleMeanThem() {
        Booking booking = files.booking("b.yaml", BookingFiles.VALID).only();

        assertThat(booking.date()).isEqualTo(LocalDate.of(2024, 5, 30));
        assertThat(booking.start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(booking.end()).isEqualTo(LocalTime.of(13, 0));
        assertThat(booking.guest().name()).isEqualTo("Jane Smith");
        assertThat(booking.guest().partySize()).contains(6);
        assertThat(booking.crew()).containsExactly("maria_lopez", "dana_kim");
    }

    @Test
    void appliesDefaults() {
        Booking booking = files.booking("b.yaml", BookingFiles.VALID).only();

        assertThat(booking.source()).isEqualTo(Booking.Source.BOATSETTER);
        assertThat(booking.status()).isEqualTo(Booking.Status.CONFIRMED);
        assertThat(booking.title()).isEqualTo("3hr Charter - Boatsetter");
        assertThat(booking.photos()).isTrue();
        assertThat(booking.slug()).isEqualTo("xhqgmdh4ka");
        assertThat(booking.notes()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"9:30,09:30", "09:30,09:30", "'\"14:00\"',14:00", "2:30 pm,14:30", "12 am,00:00", "12:15 PM,12:15"})
    void acceptsTimesAsTyped(String typed, String expected) {
        Booking booking = files.booking(
                        "b.yaml",
                        BookingFiles.VALID
                                .replace("start: 10:00", "start: " + typed)
                                .replace("end: 13:00", "end: 23:00"))
                .only();

        assertThat(booking.start()).isEqualTo(LocalTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yes,true", "no,false", "true,true", "False,false", "on,true", "off,false"})
    void readsYesNoFlags(String typed, boolean expected) {
        assertThat(files.booking("b.yaml", BookingFiles.VALID + "photos: " + typed + "\n")
                        .only()
                        .photos())
                .isEqualTo(expected);
    }

    @Test
    void keepsNoAndYesAsTextInTextFields() {
        Booking booking = files.booking(
                        "b.yaml",
                        BookingFiles.VALID.replace("name: Jane Smith", "name: No") + "title: Yes\nnotes: off\n")
                .only();

        assertThat(booking.guest().name()).isEqualTo("No");
        assertThat(booking.title()).isEqualTo("Yes");
        assertThat(booking.notes()).contains("off");
    }

    @Test
    void titleDefaultsFollowDurationAndSource() {
        assertThat(Booking.defaultTitle(java.time.Duration.ofHours(4), Booking.Source.DIRECT))
                .isEqualTo("4hr Charter - Direct");
        assertThat(Booking.defaultTitle(java.time.Duration.ofMinutes(150), Booking.Source.OTHER))
                .isEqualTo("2.5hr Charter");
    }

    @Test
    void reportsEachMissingRequiredField() {
        assertThat(problemsOf("source: direct\n"))
                .map(p -> p.replaceAll("slug: [a-z2-9]{10}'", "slug: <random>'"))
                .containsExactly(
                        "bookings/b.yaml:1:1: 'date' is required; add a line like 'date: 2024-05-30'",
                        "bookings/b.yaml:1:1: 'end' is required; add a line like 'end: 10:00'",
                        "bookings/b.yaml:1:1: 'guest' is required; add a line like 'guest: {name: Jane Smith, party_size: 6}'",
                        "bookings/b.yaml:1:1: 'id' is required; add a line like 'id: BS-48213'",
                        "bookings/b.yaml:1:1: 'slug' is required; add a line like 'slug: <random>'"
                                + " (a random one, made for this booking: guest pages must not be guessable)",
                        "bookings/b.yaml:1:1: 'start' is required; add a line like 'start: 10:00'");
    }

    @Test
    void unknownKeySuggestsTheClosestKnownOne() {
        assertThat(problemsOf(BookingFiles.VALID.replace("start: 10:00", "strat: 10:00")))
                .contains("bookings/b.yaml:3:1: unknown key 'strat' (did you mean 'start'?)");
    }

    @Test
    void unknownGuestKeyIsReportedWithItsPath() {
        assertThat(problemsOf(BookingFiles.VALID.replace("  party_size: 6", "  party_size: 6\n  emial: j@example.com")))
                .contains("bookings/b.yaml:8:3: unknown key 'guest.emial' (did you mean 'email'?)");
    }

    @Test
    void endMustBeAfterStart() {
        assertThat(problemsOf(BookingFiles.VALID.replace("end: 13:00", "end: 09:00")))
                .containsExactly(
                        "bookings/b.yaml:4:6: end 09:00 is not after start 10:00; a charter ends later on the same day");
        assertThat(problemsOf(BookingFiles.VALID.replace("end: 13:00", "end: 10:00")))
                .hasSize(1);
    }

    @Test
    void rejectsImpossibleDatesAndTimes() {
        assertThat(problemsOf(BookingFiles.VALID.replace("2024-05-30", "2024-02-30")))
                .containsExactly("bookings/b.yaml:2:7: date '2024-02-30' is not a day of the calendar");
        assertThat(problemsOf(BookingFiles.VALID.replace("2024-05-30", "30/05/2024")))
                .containsExactly(
                        "bookings/b.yaml:2:7: date '30/05/2024' is not a date; write it as YYYY-MM-DD, e.g. 2024-05-30");
        assertThat(problemsOf(BookingFiles.VALID.replace("start: 10:00", "start: 25:00")))
                .containsExactly(
                        "bookings/b.yaml:3:8: start '25:00' is not a time of day; write it as HH:MM on a 24-hour clock, e.g. 14:30");
        assertThat(problemsOf(BookingFiles.VALID.replace("start: 10:00", "start: 10")))
                .hasSize(1);
    }

    @Test
    void partySizeMustBeInRange() {
        assertThat(problemsOf(BookingFiles.VALID.replace("party_size: 6", "party_size: 150")))
                .containsExactly("bookings/b.yaml:7:15: guest.party_size 150 must be between 1 and 149");
        assertThat(problemsOf(BookingFiles.VALID.replace("party_size: 6", "party_size: 0")))
                .hasSize(1);
        assertThat(problemsOf(BookingFiles.VALID.replace("party_size: 6", "party_size: six")))
                .containsExactly("bookings/b.yaml:7:15: guest.party_size 'six' is not a whole number");
    }

    @Test
    void crewMustBeInTheRoster() {
        assertThat(problemsOf(BookingFiles.VALID.replace("[maria_lopez, dana_kim]", "[maria_lopez, dana_kmi]")))
                .containsExactly(
                        "bookings/b.yaml:8:21: crew 'dana_kmi' is not in the crew roster (did you mean 'dana_kim'?)");
        assertThat(problemsOf(BookingFiles.VALID.replace("[maria_lopez, dana_kim]", "maria_lopez")))
                .containsExactly("bookings/b.yaml:8:7: 'crew' must be a list such as [maria, tom], not 'maria_lopez'");
    }

    @Test
    void statusAndSourceMustBeKnownValues() {
        assertThat(problemsOf(BookingFiles.VALID + "status: canceled\nsource: airbnb\n"))
                .containsExactly(
                        "bookings/b.yaml:10:9: status 'canceled' must be one of confirmed, cancelled (did you mean 'cancelled'?)",
                        "bookings/b.yaml:11:9: source 'airbnb' must be one of boatsetter, direct, other");
        assertThat(files.booking("b.yaml", BookingFiles.VALID + "status: cancelled\n")
                        .only()
                        .cancelled())
                .isTrue();
    }

    @Test
    void idAndSlugMustFitTheirPatterns() {
        assertThat(problemsOf(BookingFiles.VALID.replace("id: BS-48213", "id: BS 48213")))
                .containsExactly(
                        "bookings/b.yaml:1:5: id 'BS 48213' may only use letters, digits, '.', '_' and '-' (at most 64)");
        assertThat(problemsOf(BookingFiles.VALID.replace("slug: xhqgmdh4ka", "slug: ../etc")))
                .singleElement()
                .asString()
                .startsWith("bookings/b.yaml:9:7: slug '../etc' must be 3 to 64 lowercase letters");
        assertThat(problemsOf(BookingFiles.VALID.replace("slug: xhqgmdh4ka", "slug: A/b")))
                .hasSize(1);
    }

    @Test
    void duplicateKeysAreReported() {
        assertThat(problemsOf(BookingFiles.VALID + "date: 2024-06-01\n"))
                .containsExactly("bookings/b.yaml:10:1: 'date' appears twice (first on line 2); keep one");
    }

    @Test
    void wrongShapesAreReportedNotCrashedOn() {
        assertThat(problemsOf(""))
                .containsExactly(
                        "bookings/b.yaml:1:1: the file is empty; it should hold a booking (id, date, start, end, guest, ...)");
        assertThat(problemsOf("- id: x\n- id: y\n"))
                .containsExactly(
                        "bookings/b.yaml:1:1: expected a booking (id, date, start, end, guest, ...) as 'key: value' lines, found a list");
        assertThat(problemsOf("id: [unclosed\n"))
                .singleElement()
                .asString()
                .startsWith("bookings/b.yaml:2:1: not valid YAML: ");
        assertThat(problemsOf(BookingFiles.VALID + "---\nid: second\n"))
                .singleElement()
                .asString()
                .contains("a second YAML document");
        assertThat(problemsOf(
                        BookingFiles.VALID.replace("guest:\n  name: Jane Smith\n  party_size: 6", "guest: Jane Smith")))
                .containsExactly(
                        "bookings/b.yaml:5:8: 'guest' must hold indented 'key: value' lines, not 'Jane Smith'");
    }

    @Test
    void aFileOverOneMebibyteIsReportedUnread() {
        String huge = BookingFiles.VALID + "notes: " + "x".repeat((int) YamlSource.MAX_BYTES) + "\n";

        assertThat(problemsOf(huge))
                .singleElement()
                .asString()
                .startsWith("bookings/b.yaml:1:1: the file is ")
                .endsWith("it must be under 1048576 bytes");
    }

    @Test
    void aliasBombsAreRefusedBeforeTheyGrow() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";

        assertThat(problemsOf(bomb))
                .singleElement()
                .asString()
                .contains("not valid YAML")
                .contains("aliases");
    }

    @Test
    void reportsEveryProblemOfAFileInOneRun() {
        assertThat(problemsOf("""
                id: BS-1
                slug: xhqgmdh4ka
                date: 2024-13-01
                start: 10:00
                end: noon
                guest:
                  name: Jane
                  party_size: 500
                crew: [nobody]
                photos: maybe
                """)).hasSize(5);
    }

    @Test
    void internalNotesAndGuestContactAreKept() {
        Booking booking = files.booking(
                        "b.yaml",
                        BookingFiles.VALID.replace(
                                        "  party_size: 6",
                                        "  party_size: 6\n  email: jane@example.com\n  phone: +1 619 555 0100")
                                + "notes: Bare minimum crew\n")
                .only();

        assertThat(booking.notes()).isEqualTo(Optional.of("Bare minimum crew"));
        assertThat(booking.guest().email()).contains("jane@example.com");
        assertThat(booking.guest().phone()).contains("+1 619 555 0100");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "title: \"Sunset Cruise\\rATTENDEE:mailto:x@example.com\" | 10:8  | 'title' holds U+000D (carriage return); it must be one line",
                "title: \"Sunset\\nCruise\"                               | 10:8  | 'title' holds U+000A (line feed); it must be one line",
                "title: \"Sunset\\tCruise\"                               | 10:8  | 'title' holds U+0009 (character tabulation); it must be one line",
                "title: Sunset\u202ECruise                                | 10:14 | 'title' holds U+202E (right-to-left override); it must be one line",
                "title: Sunset\u2028Cruise                                | 10:14 | 'title' holds U+2028 (line separator); it must be one line",
                "notes: \"Bring ice\\x07\"                                | 10:8  | 'notes' holds U+0007 (bel); it may hold line breaks and tabs but no other control characters",
                "guest_notes: \"Meet early\\r::error::forged\"            | 10:14 | 'guest_notes' holds U+000D (carriage return); it may hold line breaks",
            })
    void textFieldsRefuseControlCharactersAndNameThemWithoutShowingThem(String line, String at, String message) {
        List<String> problems = problemsOf(BookingFiles.VALID + line + "\n");

        assertThat(problems).singleElement().asString().startsWith("bookings/b.yaml:" + at + ": " + message);
        assertThat(problems.get(0)).doesNotContain("\r", "\n", "\t", "\u0007", "\u202E", "\u2028");
    }

    @Test
    void singleLineFieldsOfTheGuestAndCrewRefuseControlCharactersToo() {
        assertThat(problemsOf(BookingFiles.VALID.replace("name: Jane Smith", "name: \"Jane\\rSmith\"")))
                .containsExactly(
                        "bookings/b.yaml:6:9: 'guest.name' holds U+000D (carriage return); it must be one line of text,"
                                + " without line breaks, tabs or other control characters");
        assertThat(problemsOf(
                        BookingFiles.VALID.replace("  party_size: 6", "  party_size: 6\n  phone: \"+1 619\\e[2J\"")))
                .singleElement()
                .asString()
                .startsWith("bookings/b.yaml:8:10: 'guest.phone' holds U+001B (escape)");
        assertThat(problemsOf(BookingFiles.VALID.replace("[maria_lopez, dana_kim]", "[maria_lopez, \"dana_kim\\n\"]")))
                .singleElement()
                .asString()
                .startsWith("bookings/b.yaml:8:21: 'crew' holds U+000A (line feed)");
    }

    @Test
    void notesKeepTheirLineBreaksAndTabsButNoOtherControlCharacter() {
        String notes = "notes: |\n  Bare minimum crew\n  \"Ice\"\there\nguest_notes: \"a\\tb\\nc\"\n";
        Booking booking = files.booking("b.yaml", BookingFiles.VALID + notes).only();

        assertThat(booking.notes()).contains("Bare minimum crew\n\"Ice\"\there\n");
        assertThat(booking.guestNotes()).contains("a\tb\nc");
        assertThat(problemsOf(BookingFiles.VALID + notes.replace("\\nc", "\\nc\\f")))
                .singleElement()
                .asString()
                .startsWith("bookings/b.yaml:13:14: 'guest_notes' holds U+000C (form feed)");
    }

    @Test
    void aControlCharacterYamlForbidsIsNamedNotPrinted() {
        assertThat(problemsOf(BookingFiles.VALID.replace("name: Jane Smith", "name: Jane\u0007Smith")))
                .containsExactly(
                        "bookings/b.yaml:6:13: the file holds U+0007 (bel), which YAML does not allow; remove it");
    }
}
