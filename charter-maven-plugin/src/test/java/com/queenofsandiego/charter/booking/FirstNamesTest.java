package com.queenofsandiego.charter.booking;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A guest page shows first names only, so a name must not leak past a space of any kind. */
class FirstNamesTest {

    @Test
    void aFirstNameEndsAtAnyWhitespaceOrUnicodeSpace() {
        for (String name : new String[] {
            "Jane Smith",
            "Jane\tSmith",
            "Jane\u00A0Smith",
            "Jane\u2003Smith",
            "Jane\u202FSmith",
            "Jane\u3000Smith",
            "\u00A0 Jane\nSmith",
            "Jane"
        }) {
            assertThat(new Booking.Guest(name, Optional.empty(), Optional.empty(), Optional.empty()).firstName())
                    .as(name)
                    .isEqualTo("Jane");
            assertThat(new CrewMember("jane", name, "Deckhand").firstName())
                    .as(name)
                    .isEqualTo("Jane");
        }
    }
}
