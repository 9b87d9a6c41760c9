package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BookingLoaderTest {

    @TempDir
    Path root;

    @Test
    void readsYamlFilesRecursivelyAndIgnoresOthers() {
        Bookings bookings = new BookingFiles(root)
                .booking("2024/a.yaml", BookingFiles.VALID)
                .booking(
                        "2025/06/b.yml",
                        BookingFiles.VALID.replace("BS-48213", "BS-2").replace("xhqgmdh4ka", "k7pq2xv9md"))
                .booking("booking.schema.json", "{}")
                .booking("README.md", "# not a booking")
                .load();

        assertThat(bookings.problems()).isEmpty();
        assertThat(bookings.bookings()).extracting(Booking::id).containsExactly("BS-48213", "BS-2");
        assertThat(bookings.bookings().get(1).origin().displayPath()).isEqualTo("bookings/2025/06/b.yml");
    }

    @Test
    void aLinkToABookingFileIsReadAsTheFileAndOtherLinksAreNot() throws IOException {
        BookingFiles files = new BookingFiles(root).booking("a.yaml", BookingFiles.VALID);
        Path elsewhere = Files.writeString(
                root.resolve("b.yaml"),
                BookingFiles.VALID.replace("BS-48213", "BS-2").replace("xhqgmdh4ka", "k7pq2xv9md"));
        Path bookings = root.resolve("bookings");
        Files.createSymbolicLink(bookings.resolve("b.yaml"), elsewhere);
        Files.createSymbolicLink(bookings.resolve("gone.yaml"), root.resolve("missing.yaml"));
        Files.createDirectories(root.resolve("folder.yaml"));
        Files.createSymbolicLink(bookings.resolve("folder-link.yaml"), root.resolve("folder.yaml"));

        Bookings loaded = files.load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.bookings()).extracting(Booking::id).containsExactly("BS-48213", "BS-2");
    }

    @Test
    void idsMustBeUniqueAcrossFilesAndTheMessageNamesBoth() {
        Bookings bookings = new BookingFiles(root)
                .booking("a.yaml", BookingFiles.VALID)
                .booking("b.yaml", BookingFiles.VALID.replace("end: 13:00", "end: 25:00"))
                .load();

        assertThat(bookings.problems())
                .extracting(Problem::toString)
                .contains(
                        "bookings/b.yaml:1:5: id 'BS-48213' is already used by bookings/a.yaml:1; every booking needs its own id");
    }

    @Test
    void slugsMustBeUniqueAcrossFiles() {
        Bookings bookings = new BookingFiles(root)
                .booking("a.yaml", BookingFiles.VALID.replace("xhqgmdh4ka", "sunset-trip"))
                .booking(
                        "b.yaml", BookingFiles.VALID.replace("BS-48213", "BS-2").replace("xhqgmdh4ka", "sunset-trip"))
                .load();

        assertThat(bookings.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "bookings/b.yaml:9:7: slug 'sunset-trip' is already used by bookings/a.yaml:9; two guests would share one page");
    }

    @Test
    void reportsProblemsOfEveryFileSortedByFileAndLine() {
        Bookings bookings = new BookingFiles(root)
                .booking("b.yaml", BookingFiles.VALID.replace("10:00", "noon"))
                .booking(
                        "a.yaml",
                        BookingFiles.VALID
                                .replace("BS-48213", "BS-2")
                                .replace("xhqgmdh4ka", "k7pq2xv9md")
                                .replace("crew: [maria_lopez, dana_kim]", "crew: [x]"))
                .load();

        assertThat(bookings.problems())
                .extracting(Problem::file, Problem::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bookings/a.yaml", 8),
                        org.assertj.core.groups.Tuple.tuple("bookings/b.yaml", 3));
        assertThat(bookings.summary()).isEqualTo("2 problems in 2 files");
    }

    @Test
    void rosterProblemsAreReportedWithTheRosterFile() {
        Bookings bookings = new BookingFiles(root)
                .write("site-content/crew.yaml", "maria:\n  name: Maria\n  roel: Captain\ntom: Tom\n")
                .load();

        assertThat(bookings.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "site-content/crew.yaml:3:3: unknown key 'maria.roel' (did you mean 'role'?)",
                        "site-content/crew.yaml:4:6: crew 'tom' must hold indented lines 'name: ...' and 'role: ...'");
    }

    @Test
    void aMissingBookingsDirectoryIsAProblemNotACrash() {
        Bookings bookings = new BookingLoader(root).load(root.resolve("nowhere"), root.resolve("crew.yaml"));

        assertThat(bookings.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "nowhere:1:1: the bookings directory does not exist; create it or set charter.bookingsDirectory");
    }

    @Test
    void filesOutsideTheRootAreShownWithTheirFullPath(@TempDir Path elsewhere) {
        new BookingFiles(elsewhere).booking("x.yaml", "id: [");

        Bookings bookings = new BookingLoader(root).load(elsewhere.resolve("bookings"), root.resolve("crew.yaml"));

        assertThat(bookings.problems())
                .singleElement()
                .extracting(Problem::file)
                .isEqualTo(elsewhere.resolve("bookings/x.yaml").toAbsolutePath().toString());
    }

    @Test
    void filesAreShownByTheirNameAloneWhenTheBookingsDirectoryIsTheRoot() {
        new BookingFiles(root).booking("2024/x.yaml", "id: [");

        Bookings bookings =
                new BookingLoader(root.resolve("bookings")).load(root.resolve("bookings"), root.resolve("crew.yaml"));

        assertThat(bookings.problems())
                .singleElement()
                .extracting(Problem::file)
                .isEqualTo("2024/x.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my booking.yaml", "a`b.yaml", "x:y.yaml", "café.yaml", "-a.yaml", "2024 june/a.yaml"})
    void bookingFilesWithNamesOutsidePlainCharactersAreProblems(String name) {
        Bookings bookings =
                new BookingFiles(root).booking(name, BookingFiles.VALID).load();

        assertThat(bookings.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "bookings/" + name
                                + ":1:1: rename the file: booking files and their folders are named with letters a-z and A-Z, digits, '.', '_'"
                                + " and '-' only, starting with a letter or digit, and end .yaml or .yml"
                                + " (their names go into logs and plans, where other characters could change what readers see)");
    }

    @Test
    void aFileNameWithALineBreakIsShownEscaped() {
        Bookings bookings = new BookingFiles(root)
                .booking("a\n::error::forged.yaml", BookingFiles.VALID)
                .load();

        assertThat(bookings.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("bookings/a\\n::error::forged.yaml");
            assertThat(problem.toString())
                    .startsWith("bookings/a\\n::error::forged.yaml:1:1: rename the file")
                    .doesNotContain("\n");
        });
    }

    @Test
    void crewNamesAndRolesRefuseControlCharacters() {
        Bookings bookings = new BookingFiles(root)
                .write("site-content/crew.yaml", "maria:\n  name: \"Maria\\rLopez\"\n  role: \"Captain\\u202e\"\n")
                .load();

        assertThat(bookings.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "site-content/crew.yaml:2:9: 'maria.name' holds U+000D (carriage return); it must be one line of text,"
                                + " without line breaks, tabs or other control characters",
                        "site-content/crew.yaml:3:9: 'maria.role' holds U+202E (right-to-left override); it must be one line of text,"
                                + " without line breaks, tabs or other control characters");
    }

    /** Many files, some broken in several ways and some clashing, parsed in parallel: every run reports the same, in order. */
    @Test
    void loadingInParallelReportsEveryProblemTheSameEveryRun() {
        BookingFiles files = new BookingFiles(root);
        for (int i = 0; i < 300; i++) {
            String text = BookingFiles.VALID
                    .replace("BS-48213", "BS-" + (i % 7 == 0 ? 1 : i))
                    .replace("xhqgmdh4ka", "slug-" + i + "-xhqgmdh4ka");
            if (i % 3 == 0) {
                text = text.replace("end: 13:00", "end: 25:00").replace("party_size: 6", "party_size: 600");
            }
            if (i % 5 == 0) {
                text = text.replace("crew: [maria_lopez, dana_kim]", "crew: [maria_lopez, nobody]");
            }
            if (i % 11 == 0) {
                text = text + "start: [\n";
            }
            if (i % 13 == 0) {
                text = text.replace("slug: slug-" + i + "-xhqgmdh4ka", "slug: bs-" + i + "-2024-05-30");
            }
            files.booking("b" + String.format("%03d", 299 - i) + ".yaml", text);
        }
        Bookings one = new BookingLoader(root).load(root.resolve("bookings"), root.resolve("site-content/crew.yaml"));

        assertThat(one.problems()).hasSizeGreaterThan(300).allSatisfy(problem -> {
            assertThat(problem.file()).matches("bookings/b\\d{3}\\.yaml");
            assertThat(problem.line()).isPositive();
            assertThat(problem.column()).isPositive();
        });
        assertThat(one.problems()).isSorted();
        assertThat(one.problems())
                .extracting(Problem::message)
                .anyMatch(m -> m.startsWith("not valid YAML"))
                .anyMatch(m -> m.contains("is already used by"))
                .anyMatch(m -> m.contains("not in the crew roster"));
        assertThat(one.warnings()).isNotEmpty();
        for (int run = 0; run < 4; run++) {
            Bookings many =
                    new BookingLoader(root).load(root.resolve("bookings"), root.resolve("site-content/crew.yaml"));
            assertThat(many.problems())
                    .extracting(BookingLoaderTest::withoutRandomSlug)
                    .containsExactlyElementsOf(one.problems().stream()
                            .map(BookingLoaderTest::withoutRandomSlug)
                            .toList());
            assertThat(many.warnings())
                    .extracting(BookingLoaderTest::withoutRandomSlug)
                    .containsExactlyElementsOf(one.warnings().stream()
                            .map(BookingLoaderTest::withoutRandomSlug)
                            .toList());
            assertThat(many.bookings())
                    .extracting(b -> b.origin().displayPath())
                    .containsExactlyElementsOf(one.bookings().stream()
                            .map(b -> b.origin().displayPath())
                            .toList());
            assertThat(many.filesRead()).isEqualTo(300);
        }
    }

    /** A problem as shown, without the random slug a warning offers (a new one each time). */
    private static String withoutRandomSlug(Problem problem) {
        return problem.toString().replaceAll("'slug: [a-z0-9-]+'", "'slug: ...'");
    }
}
