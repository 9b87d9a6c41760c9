package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.BookingChanges;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the hand-written calendar files say, as ical4j's parser reads it. */
class IcsWriterTest {

    @TempDir
    Path root;

    private static final String TRICKY = "Sunset, wine; and a back\\slash\nsecond line\r\nthird line\rfourth";

    /** Over 200 characters, many of them two, three or four octets in UTF-8. */
    private static final String LONG_TITLE =
            "Évasion au coucher du soleil 🚤 — 夕日のクルーズ ".repeat(5).strip();

    @Test
    void ical4jReadsBackWhatWasWritten() throws Exception {
        SiteFixture site =
                new SiteFixture(root, Optional.empty()).booking("a.yaml", SiteFixture.booking("BS-7", "ics-trip", ""));
        Booking booking = BookingChanges.withTitle(site.bookings().bookings().get(0), TRICKY);

        String text = new String(
                new CalendarFile(site.settings, "Dock A, Slip 12; ring \\ twice").render(booking),
                StandardCharsets.UTF_8);
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();

        assertThat(event.getSummary().getValue())
                .isEqualTo("Sunset, wine; and a back\\slash\nsecond line\nthird line\nfourth");
        assertThat(event.getLocation().getValue()).isEqualTo("Dock A, Slip 12; ring \\ twice");
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("BS-7@queenofsandiego.com");
        assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/Los_Angeles");
        assertThat(event.getDateTimeEnd().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/Los_Angeles");
        assertThat(ZonedDateTime.from(event.getDateTimeStart().getDate())
                        .withZoneSameInstant(ZoneId.of("America/Los_Angeles"))
                        .toLocalDateTime())
                .hasToString("2024-05-30T10:00");
        assertThat(ZonedDateTime.from(event.getDateTimeEnd().getDate())
                        .withZoneSameInstant(ZoneId.of("America/Los_Angeles"))
                        .toLocalDateTime())
                .hasToString("2024-05-30T13:00");
        assertThat(event.getDateTimeStamp().getDate()).hasToString("2024-05-30T17:00:00Z");
        assertThat(event.getUrl().getValue()).isEqualTo("https://queenofsandiego.com/g/ics-trip");
        assertThat(event.getDescription().getValue())
                .isEqualTo("Your trip page: https://queenofsandiego.com/g/ics-trip");
        assertThat(event.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(calendar.<VTimeZone>getComponent("VTIMEZONE")
                        .orElseThrow()
                        .getTimeZoneId()
                        .getValue())
                .isEqualTo("America/Los_Angeles");
        assertThat(calendar.getProductId().getValue()).isEqualTo("-//Queen of San Diego//charter//EN");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r", "\n");
    }

    @Test
    void aLongTitleIsFoldedAt75OctetsWithoutSplittingACharacter() throws Exception {
        SiteFixture site =
                new SiteFixture(root, Optional.empty()).booking("a.yaml", SiteFixture.booking("BS-8", "ics-long", ""));
        Booking booking = BookingChanges.withTitle(site.bookings().bookings().get(0), LONG_TITLE);

        byte[] bytes = new CalendarFile(site.settings, "").render(booking);
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).endsWith("\r\n");
        assertThat(text.split("\r\n", -1)).hasSizeGreaterThan(5);
        for (byte[] line : lines(bytes)) {
            assertThat(line.length).isLessThanOrEqualTo(75);
            // Each physical line on its own is whole UTF-8: a fold never falls inside a character.
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line));
        }
        VEvent event = new CalendarBuilder()
                .build(new StringReader(text))
                .<VEvent>getComponent("VEVENT")
                .orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo(LONG_TITLE);
        assertThat(event.getProperties("LOCATION")).isEmpty();
    }

    @Test
    void textEscapesAndDropsControlCharacters() {
        assertThat(IcsWriter.escape("a,b;c\\d\ne\r\nf\rg\th\u0007i")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf\\ng\thi");
        assertThat(new IcsWriter().property("X", "a".repeat(80)).toString())
                .isEqualTo("X:" + "a".repeat(73) + "\r\n " + "a".repeat(7) + "\r\n");
    }

    private static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, from, i));
                from = i + 2;
            }
        }
        return lines;
    }
}
