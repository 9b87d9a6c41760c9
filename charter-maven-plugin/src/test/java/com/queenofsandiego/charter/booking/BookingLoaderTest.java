package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"my booking.yaml", "a`b.yaml", "x:y.yaml", "café.yaml", "-a.yaml", "2024 june/a.yaml"})
    void bookingFilesWithNamesOutsidePlainCharactersAreProblems(String name) {
        Bookings bookings = new BookingFiles(root).booking(name, BookingFiles.VALID).load();

        assertThat(bookings.problems()).extracting(Problem::toString).containsExactly("bookings/" + name
                + ":1:1: rename the file: booking files and their folders are named with letters a-z and A-Z, digits, '.', '_'"
                + " and '-' only, starting with a letter or digit, and end .yaml or .yml"
                + " (their names go into logs and plans, where other characters could change what readers see)");
    }

    @Test
    void aFileNameWithALineBreakIsShownEscaped() {
        Bookings bookings = new BookingFiles(root).booking("a\n::error::forged.yaml", BookingFiles.VALID).load();

        assertThat(bookings.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("bookings/a\\n::error::forged.yaml");
            assertThat(problem.toString()).startsWith("bookings/a\\n::error::forged.yaml:1:1: rename the file").doesNotContain("\n");
        });
    }

    @Test
    void crewNamesAndRolesRefuseControlCharacters() {
        Bookings bookings = new BookingFiles(root)
                .write("site-content/crew.yaml", "maria:\n  name: \"Maria\\rLopez\"\n  role: \"Captain\\u202e\"\n")
                .load();

        assertThat(bookings.problems()).extracting(Problem::toString).containsExactly(
                "site-content/crew.yaml:2:9: 'maria.name' holds U+000D (carriage return); it must be one line of text,"
                        + " without line breaks, tabs or other control characters",
                "site-content/crew.yaml:3:9: 'maria.role' holds U+202E (right-to-left override); it must be one line of text,"
                        + " without line breaks, tabs or other control characters");
    }
}
