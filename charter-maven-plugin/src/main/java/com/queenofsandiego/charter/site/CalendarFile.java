package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.booking.Booking;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The guest's add-to-calendar file, {@code g/<slug>.ics} (RFC 5545): the event in the site's time zone with its
 * VTIMEZONE, a UID stable per booking, and a DTSTAMP taken from the booking rather than the clock so the same booking
 * always gives the same bytes. Written line by line: a calendar library's object model cost more than the rest of a
 * calendar file's rendering together.
 */
final class CalendarFile {

    static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    private final ZoneId zone;
    private final String timeZone;
    private final String uidDomain;
    private final String siteUrl;
    private final String location;

    CalendarFile(SiteSettings settings, String location) {
        this.zone = settings.zone();
        this.timeZone = TimeZoneDefinition.of(zone);
        this.siteUrl = settings.siteUrl();
        this.uidDomain = URI.create(settings.siteUrl()).getHost();
        this.location = location;
    }

    byte[] render(Booking booking) {
        LocalDateTime start = booking.date().atTime(booking.start());
        String page = siteUrl + "/g/" + booking.slug();
        String inZone = ";TZID=" + zone.getId();
        IcsWriter ics = new IcsWriter()
                .property("BEGIN", "VCALENDAR")
                .property("PRODID", "-//Queen of San Diego//charter//EN")
                .property("CALSCALE", "GREGORIAN")
                .property("VERSION", "2.0")
                .lines(timeZone)
                .property("BEGIN", "VEVENT")
                .property("DTSTART" + inZone, LOCAL_DATE_TIME.format(start))
                .property(
                        "DTEND" + inZone, LOCAL_DATE_TIME.format(booking.date().atTime(booking.end())))
                .text("SUMMARY", booking.cancelled() ? "Cancelled: " + booking.title() : booking.title())
                .text("UID", booking.id() + "@" + uidDomain)
                .property("DTSTAMP", UTC_DATE_TIME.format(start.atZone(zone).withZoneSameInstant(ZoneOffset.UTC)))
                .property("STATUS", booking.cancelled() ? "CANCELLED" : "CONFIRMED")
                .property("URL", URI.create(page).toASCIIString())
                .text("DESCRIPTION", "Your trip page: " + page);
        if (!location.isEmpty()) {
            ics.text("LOCATION", location);
        }
        return ics.property("END", "VEVENT").property("END", "VCALENDAR").toBytes();
    }
}
