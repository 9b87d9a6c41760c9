package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.booking.Booking;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * The guest's add-to-calendar file, {@code g/<slug>.ics} (RFC 5545, written by ical4j): the event in the site's time
 * zone with its VTIMEZONE, a UID stable per booking, and a DTSTAMP taken from the booking rather than the clock so the
 * same booking always gives the same bytes.
 */
final class CalendarFile {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\n\t]]");

    private final VTimeZone timeZone;
    private final ZoneId zone;
    private final SingleZoneRegistry registry;
    private final String uidDomain;
    private final String siteUrl;
    private final String location;

    CalendarFile(SiteSettings settings, String location) {
        this.zone = settings.zone();
        this.timeZone = TimeZoneDefinition.of(zone);
        this.registry = new SingleZoneRegistry(zone);
        this.siteUrl = settings.siteUrl();
        this.uidDomain = URI.create(settings.siteUrl()).getHost();
        this.location = location;
    }

    byte[] render(Booking booking) {
        LocalDateTime start = booking.date().atTime(booking.start());
        String page = siteUrl + "/g/" + booking.slug();
        VEvent event = new VEvent(false);
        event.add(inZone(new DtStart<>(start)));
        event.add(inZone(new DtEnd<>(booking.date().atTime(booking.end()))));
        event.add(new Summary(text(booking.cancelled() ? "Cancelled: " + booking.title() : booking.title())));
        event.add(new Uid(booking.id() + "@" + uidDomain));
        event.add(new DtStamp(start.atZone(zone).toInstant()));
        event.add(booking.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Url(URI.create(page)));
        event.add(new Description("Your trip page: " + page));
        if (!location.isEmpty()) {
            event.add(new Location(text(location)));
        }
        Calendar calendar = new Calendar()
                .withProdId("-//Queen of San Diego//charter//EN")
                .withDefaults()
                .withComponent(timeZone)
                .withComponent(event)
                .getFluentTarget();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Text as RFC 5545 TEXT: ical4j escapes a line feed but writes a lone carriage return as it is, which readers take
     * for the end of the line, so the rest would become a property of its own. Other control characters are not TEXT.
     */
    private static String text(String value) {
        return CONTROL.matcher(value.replaceAll("\r\n?", "\n")).replaceAll("");
    }

    /** A local date-time property in the site's zone: TZID and the registry that resolves it without a zone scan. */
    private <P extends DateProperty<LocalDateTime>> P inZone(P property) {
        property.add(new TzId(zone.getId()));
        property.setTimeZoneRegistry(registry);
        return property;
    }
}
