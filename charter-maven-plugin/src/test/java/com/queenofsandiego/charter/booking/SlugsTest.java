package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Slugs must be random: a missing one is an error, a guessable hand-chosen one a warning. */
class SlugsTest {

    private static final Pattern OFFERED = Pattern.compile("e\\.g\\. 'slug: ([a-z0-9-]+)'");

    @TempDir
    Path root;

    private Bookings load(String slug) {
        return new BookingFiles(root)
                .booking("b.yaml", BookingFiles.VALID.replace("slug: xhqgmdh4ka", "slug: " + slug))
                .load();
    }

    @Test
    void aBookingWithoutASlugIsAnErrorThatOffersARandomOne() {
        Bookings bookings = new BookingFiles(root)
                .booking("b.yaml", BookingFiles.VALID.replace("slug: xhqgmdh4ka\n", ""))
                .load();

        assertThat(bookings.bookings()).isEmpty();
        Problem problem = bookings.problems().get(0);
        assertThat(bookings.problems()).hasSize(1);
        assertThat(problem.toString())
                .matches("bookings/b\\.yaml:1:5: 'slug' is required; add a line like 'slug: [a-z2-9]{10}'"
                        + " \\(a random one, made for this booking: guest pages must not be guessable\\)");
        assertThat(problem.githubAnnotation())
                .startsWith("::error file=bookings/b.yaml,line=1,col=5::'slug' is required");
        String offered = problem.message().replaceFirst(".*slug: ([a-z0-9]+)'.*", "$1");
        assertThat(load(offered).warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sunset-cruise      | it is made of dictionary words",
                "sunsetcruisetrip   | it is made of dictionary words",
                "birthday-party-2024| it is made of dictionary words",
                "bs-48213-guest     | it is made of the booking id and dictionary words",
                "trip-48213-pqx     | it is made of the booking id and dictionary words",
                "2024-05-30-charter | it is made of the date and dictionary words",
                "may30-boat-trip    | it is made of the date and dictionary words",
                "boat-0530-cruise   | it is made of the date and dictionary words",
                "jane-smith-party   | it is made of the guest's name and dictionary words",
                "smith-trip         | it is made of the guest's name and dictionary words",
                "k3m9x2pq           | it has only 8 characters",
                "janemay30          | it has only 9 characters; it is made of the date and the guest's name",
            })
    void aGuessableSlugIsAWarningThatSaysWhyAndOffersAStrongerOne(String slug, String why) {
        Bookings bookings = load(slug);

        assertThat(bookings.problems()).isEmpty();
        assertThat(bookings.bookings()).hasSize(1);
        assertThat(bookings.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(warning.toString())
                    .startsWith("bookings/b.yaml:9:7: slug '" + slug + "' can be guessed (" + why + ")");
            assertThat(warning.githubAnnotation())
                    .startsWith("::warning file=bookings/b.yaml,line=9,col=7::slug '" + slug + "'");
            Matcher offered = OFFERED.matcher(warning.message());
            assertThat(offered.find()).isTrue();
            assertThat(load(offered.group(1)).warnings()).as(offered.group(1)).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"xhqgmdh4ka", "smith-trip-x7kq2m", "k3m9x2pq7a-sunset", "b7wq-z9rt-k2mp"})
    void aSlugWithEnoughRandomCharactersIsFine(String slug) {
        assertThat(load(slug).warnings()).isEmpty();
    }

    @Test
    void randomSlugsAreNeverTakenForGuessable() {
        for (int i = 0; i < 2000; i++) {
            String slug = Slugs.random();
            assertThat(Slugs.whyGuessable(
                            slug,
                            java.util.Optional.of("BS-48213"),
                            java.util.Optional.of(java.time.LocalDate.of(2024, 5, 30)),
                            java.util.Optional.of("Jane Smith")))
                    .as(slug)
                    .isEmpty();
        }
    }

    @Test
    void anOfferedSlugIsNeverTakenForGuessableWithTheBookingItIsOfferedFor() {
        // Drawn without the booking's name and date, "janemay30-89aa92" passed, then was warned about as "jane",
        // "may30" and the word-and-number "89aa92" once the booking was read again.
        Optional<String> id = Optional.of("BS-48213");
        Optional<LocalDate> date = Optional.of(LocalDate.of(2024, 5, 30));
        Optional<String> guest = Optional.of("Jane Smith");
        for (String slug : List.of("janemay30", "sunset")) {
            for (int i = 0; i < 2000; i++) {
                String offered = Slugs.strengthened(slug, id, date, guest);
                assertThat(Slugs.whyGuessable(offered, id, date, guest))
                        .as(offered)
                        .isEmpty();
            }
        }
    }

    /** The date forms are built by hand for speed; they are the ones String.format and the English month names give. */
    @Test
    void dateFormsAreTheFormattedOnes() {
        for (LocalDate date = LocalDate.of(2023, 12, 1);
                date.isBefore(LocalDate.of(2025, 3, 1));
                date = date.plusDays(1)) {
            assertThat(Slugs.dateForms(date)).isEqualTo(formatted(date));
        }
        for (LocalDate date : List.of(
                LocalDate.of(7, 1, 2), LocalDate.of(999, 9, 9), LocalDate.of(12345, 10, 31), LocalDate.of(-5, 5, 5))) {
            assertThat(Slugs.dateForms(date)).isEqualTo(formatted(date));
        }
    }

    private static List<String> formatted(LocalDate date) {
        String yyyy = String.format(Locale.ROOT, "%04d", date.getYear());
        String yy = yyyy.substring(2);
        String mm = String.format(Locale.ROOT, "%02d", date.getMonthValue());
        String dd = String.format(Locale.ROOT, "%02d", date.getDayOfMonth());
        String d = Integer.toString(date.getDayOfMonth());
        List<String> forms = new ArrayList<>(List.of(
                yyyy + mm + dd,
                mm + dd + yyyy,
                dd + mm + yyyy,
                yy + mm + dd,
                mm + dd + yy,
                dd + mm + yy,
                mm + dd,
                dd + mm));
        for (TextStyle style : List.of(TextStyle.FULL, TextStyle.SHORT)) {
            String month = date.getMonth().getDisplayName(style, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            forms.addAll(List.of(month + dd, month + d, dd + month, d + month));
        }
        return forms;
    }
}
