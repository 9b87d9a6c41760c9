package com.queenofsandiego.charter.booking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BookingLoaderTest {

    @TempDir
    Path root;

    @Test
    void readsYamlFilesRecursivelyAndIgnoresOthers() {
        Bookings bookings = new BookingFiles(root)
                .booking("2024/a.yaml", BookingFiles.VALID)
                .booking("2025/06/b.yml", BookingFiles.VALID.replace("BS-48213", "BS-2").replace("xhqgmdh4ka", "k7pq2xv9md"))
                .booking("booking.schema.json", "{}")
                .booking("README.md", "# not a booking")
                .load();

        assertThat(bookings.problems()).isEmpty();
        assertThat(bookings.bookings()).extracting(Booking::id).containsExactly("BS-48213", "BS-2");
        assertThat(bookings.bookings().get(1).origin().displayPath()).isEqualTo("bookings/2025/06/b.yml");
    }

    @Test
    void idsMustBeUniqueAcrossFilesAndTheMessageNamesBoth() {
        Bookings bookings = new BookingFiles(root)
                .booking("a.yaml", BookingFiles.VALID)
                .booking("b.yaml", BookingFiles.VALID.replace("end: 13:00", "end: 25:00"))
                .load();

        assertThat(bookings.problems()).extracting(Problem::toString).contains(
                "bookings/b.yaml:1:5: id 'BS-48213' is already used by bookings/a.yaml:1; every booking needs its own id");
    }

    @Test
    void slugsMustBeUniqueAcrossFiles() {
        Bookings bookings = new BookingFiles(root)
                .booking("a.yaml", BookingFiles.VALID.replace("xhqgmdh4ka", "sunset-trip"))
                .booking("b.yaml", BookingFiles.VALID.replace("BS-48213", "BS-2").replace("xhqgmdh4ka", "sunset-trip"))
                .load();

        assertThat(bookings.problems()).extracting(Problem::toString).containsExactly(
                "bookings/b.yaml:9:7: slug 'sunset-trip' is already used by bookings/a.yaml:9; two guests would share one page");
    }

    @Test
    void reportsProblemsOfEveryFileSortedByFileAndLine() {
        Bookings bookings = new BookingFiles(root)
                .booking("b.yaml", BookingFiles.VALID.replace("10:00", "noon"))
                .booking("a.yaml", BookingFiles.VALID.replace("BS-48213", "BS-2").replace("xhqgmdh4ka", "k7pq2xv9md")
                        .replace("crew: [maria_lopez, dana_kim]", "crew: [x]"))
                .load();

        assertThat(bookings.problems()).extracting(Problem::file, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bookings/a.yaml", 8), org.assertj.core.groups.Tuple.tuple("bookings/b.yaml", 3));
        assertThat(bookings.summary()).isEqualTo("2 problems in 2 files");
    }

    @Test
    void rosterProblemsAreReportedWithTheRosterFile() {
        Bookings bookings = new BookingFiles(root)
                .write("site-content/crew.yaml", "maria:\n  name: Maria\n  roel: Captain\ntom: Tom\n")
                .load();

        assertThat(bookings.problems()).extracting(Problem::toString).containsExactly(
                "site-content/crew.yaml:3:3: unknown key 'maria.roel' (did you mean 'role'?)",
                "site-content/crew.yaml:4:6: crew 'tom' must hold indented lines 'name: ...' and 'role: ...'");
    }

    @Test
    void aMissingBookingsDirectoryIsAProblemNotACrash() {
        Bookings bookings = new BookingLoader(root).load(root.resolve("nowhere"), root.resolve("crew.yaml"));

        assertThat(bookings.problems()).extracting(Problem::toString).containsExactly(
                "nowhere:1:1: the bookings directory does not exist; create it or set charter.bookingsDirectory");
    }

    @Test
    void filesOutsideTheRootAreShownWithTheirFullPath(@TempDir Path elsewhere) {
        new BookingFiles(elsewhere).booking("x.yaml", "id: [");

        Bookings bookings = new BookingLoader(root).load(elsewhere.resolve("bookings"), root.resolve("crew.yaml"));

        assertThat(bookings.problems()).singleElement().extracting(Problem::file)
                .isEqualTo(elsewhere.resolve("bookings/x.yaml").toAbsolutePath().toString());
    }
}
