package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BookingScaffoldTest {

    @TempDir
    Path root;

    BookingFiles files;
    BookingScaffold scaffold;

    @BeforeEach
    void setUp() {
        files = new BookingFiles(root);
        scaffold = new BookingScaffold(
                root, root.resolve("bookings"), root.resolve("site-content/crew.yaml"), "America/Los_Angeles");
    }

    private static NewBooking request(String id, String start, String guest) {
        return new NewBooking(
                id, "2025-06-01", start, "13:00", guest, Optional.of(6), List.of("maria_lopez"), Optional.empty());
    }

    @Test
    void writesAValidCommentedBookingUnderItsYear() throws IOException {
        BookingScaffold.Result result = scaffold.create(request("BS-1234", "10:00", "Jane Smith"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.file()).isEqualTo(root.resolve("bookings/2025/2025-06-01-BS-1234.yaml"));
        String text = Files.readString(result.file());
        assertThat(text).contains("start: 10:00\n", "name: Jane Smith\n", "# INTERNAL notes");
        Booking booking = files.only();
        assertThat(booking.id()).isEqualTo("BS-1234");
        assertThat(booking.start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(booking.crew()).containsExactly("maria_lopez");
        assertThat(booking.slug()).matches(Slugs.PATTERN).hasSize(10);
        assertThat(files.load().warnings()).isEmpty();
    }

    @Test
    void namesThatLookLikeYamlStayText() {
        for (String name : List.of("No", "O'Brien: party #1", "\"quoted\" & <b>bold</b>")) {
            String id = "BS-" + Math.abs(name.hashCode());
            assertThat(scaffold.create(request(id, "10:00", name)).problems()).isEmpty();
        }
        assertThat(files.load().bookings())
                .extracting(b -> b.guest().name())
                .containsExactlyInAnyOrder("No", "O'Brien: party #1", "\"quoted\" & <b>bold</b>");
    }

    @Test
    void neverOverwritesAnExistingBooking() throws IOException {
        scaffold.create(request("BS-1234", "10:00", "Jane Smith"));
        Path file = root.resolve("bookings/2025/2025-06-01-BS-1234.yaml");
        String before = Files.readString(file);

        BookingScaffold.Result again = scaffold.create(request("BS-1234", "11:00", "Someone Else"));

        assertThat(again.created()).isFalse();
        assertThat(again.problems())
                .singleElement()
                .asString()
                .contains("already exists")
                .contains("never overwrites");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void anInvalidBookingIsReportedAndNotLeftBehind() {
        BookingScaffold.Result result = scaffold.create(request("BS-9", "25:00", "Jane"));

        assertThat(result.problems())
                .extracting(Problem::message)
                .singleElement()
                .asString()
                .startsWith("start '25:00' is not a time");
        assertThat(result.file()).doesNotExist();
    }

    @Test
    void anIdUsedByAnotherFileIsRefused() {
        files.booking("old.yaml", BookingFiles.VALID);

        BookingScaffold.Result result = scaffold.create(request("BS-48213", "10:00", "Jane"));

        assertThat(result.problems())
                .singleElement()
                .hasToString(
                        "-Dcharter.id: 'BS-48213' is already used by bookings/old.yaml; every booking needs its own id");
        assertThat(root.resolve("bookings/2025")).doesNotExist();
    }

    @Test
    void missingArgumentsAreAllReportedBeforeAnythingIsWritten() {
        BookingScaffold.Result result = scaffold.create(
                new NewBooking(null, "June 1", null, null, " ", Optional.empty(), List.of(), Optional.empty()));

        assertThat(result.problems())
                .extracting(Problem::file)
                .containsExactly(
                        "-Dcharter.id", "-Dcharter.date", "-Dcharter.start", "-Dcharter.end", "-Dcharter.guest");
        assertThat(result.problems().get(1))
                .hasToString("-Dcharter.date: 'June 1' is not a date; write it as YYYY-MM-DD");
        assertThat(root.resolve("bookings")).isEmptyDirectory();
    }
}
