package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.booking.Booking;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarFileTest {

    @TempDir
    Path root;

    private Calendar parse(SiteFixture site, String slug) throws Exception {
        String text = Files.readString(site.site("g/" + slug + ".ics"));
        assertThat(text).contains("\r\n");
        assertThat(text.split("\r\n"))
                .allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(75));
        return new CalendarBuilder().build(new StringReader(text));
    }

    @Test
    void anEventInTheSiteTimeZoneWithAStableUid() throws Exception {
        SiteFixture site = new SiteFixture(root, Optional.empty())
                .booking(
                        "a.yaml",
                        SiteFixture.booking(
                                "BS-48213",
                                "cal-trip",
                                "title: \"Sunset; cruise, with a very long title that has to be folded over lines\"\n"));
        site.generate();

        Calendar calendar = parse(site, "cal-trip");
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();

        assertThat(calendar.<VTimeZone>getComponent("VTIMEZONE")).isPresent();
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("BS-48213@queenofsandiego.com");
        assertThat(event.getSummary().getValue())
                .isEqualTo("Sunset; cruise, with a very long title that has to be folded over lines");
        Temporal start = event.getDateTimeStart().getDate();
        assertThat(ZonedDateTime.from(start)
                        .withZoneSameInstant(ZoneId.of("America/Los_Angeles"))
                        .toLocalDateTime())
                .hasToString("2024-05-30T10:00");
        assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/Los_Angeles");
        assertThat(ZonedDateTime.from(event.getDateTimeEnd().getDate()).getHour())
                .isEqualTo(13);
        assertThat(event.getLocation().getValue()).startsWith("Harbor Island West Marina, Dock A");
        assertThat(event.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(Files.readString(site.site("g/cal-trip.ics"))).doesNotContain("INTERNAL-NOTE", "jane.secret");
    }

    @Test
    void theTimeZoneCarriesTheCurrentRulesOnly() {
        String losAngeles = TimeZoneDefinition.of(ZoneId.of("America/Los_Angeles"));
        String utc = TimeZoneDefinition.of(ZoneId.of("UTC"));

        assertThat(losAngeles)
                .contains(
                        "TZID:America/Los_Angeles",
                        "BEGIN:DAYLIGHT",
                        "TZOFFSETTO:-0700",
                        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                        "BEGIN:STANDARD",
                        "TZOFFSETTO:-0800",
                        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
        assertThat(losAngeles.length()).isLessThan(600);
        assertThat(utc).contains("BEGIN:STANDARD", "TZOFFSETTO:+0000").doesNotContain("DAYLIGHT", "RRULE");
    }

    @Test
    void aCancelledBookingsEventIsMarkedCancelled() throws Exception {
        SiteFixture site = new SiteFixture(root, Optional.empty())
                .booking("a.yaml", SiteFixture.booking("BS-2", "cancelled-trip", "status: cancelled\n"));
        site.generate();

        VEvent event =
                parse(site, "cancelled-trip").<VEvent>getComponent("VEVENT").orElseThrow();

        assertThat(event.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getSummary().getValue()).startsWith("Cancelled: ");
    }

    @Test
    void aLineBreakInATitleCannotAddProperties() throws Exception {
        SiteFixture site =
                new SiteFixture(root, Optional.empty()).booking("a.yaml", SiteFixture.booking("BS-3", "cal-trip", ""));
        Booking valid = site.bookings().bookings().get(0);
        for (String title : List.of(
                "Sunset Cruise\rATTENDEE:mailto:x@example.com",
                "Sunset Cruise\nATTENDEE:mailto:x@example.com",
                "Sunset Cruise\r\nATTENDEE:mailto:x@example.com")) {
            Booking forged = new Booking(
                    valid.id(),
                    valid.source(),
                    valid.status(),
                    valid.slug(),
                    title,
                    valid.date(),
                    valid.start(),
                    valid.end(),
                    valid.guest(),
                    valid.crew(),
                    valid.notes(),
                    valid.guestNotes(),
                    valid.photos(),
                    valid.origin());
            String text = new String(
                    new CalendarFile(site.settings, "Dock A\rX-EVIL:1").render(forged), StandardCharsets.UTF_8);

            VEvent event = new CalendarBuilder()
                    .build(new StringReader(text))
                    .<VEvent>getComponent("VEVENT")
                    .orElseThrow();

            assertThat(event.getProperties("SUMMARY")).as(title).hasSize(1);
            assertThat(event.getProperties("ATTENDEE")).as(title).isEmpty();
            assertThat(event.getProperties("X-EVIL")).as(title).isEmpty();
            assertThat(text.replace("\r\n", "")).as(title).doesNotContain("\r", "\n");
        }
    }
}
