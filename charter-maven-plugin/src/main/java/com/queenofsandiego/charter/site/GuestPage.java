package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.Roster;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a guest page shows, as template variables. Built only from what a guest may see: never the internal notes or
 * the guest's contact details. Every value is ready to show (text, flags, lists of maps), so the template only reads
 * variables: no method calls or string building in expressions, which cost more per page than the rest of rendering.
 */
final class GuestPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private GuestPage() {}

    static Map<String, Object> variables(
            Booking booking, Roster roster, SiteContent content, SiteSettings settings, MarkdownRenderer markdown) {
        String time = TIME.format(booking.start()) + " – " + TIME.format(booking.end());
        String canonical = settings.siteUrl() + "/g/" + booking.slug();
        boolean photos = booking.photos() && !booking.cancelled();
        Optional<String> presignUrl = settings.uploads()
                ? settings.sccEndpoint().map(scc -> stripSlash(scc) + "/g/" + booking.id() + "/presign")
                : Optional.empty();
        boolean shown = !booking.cancelled();
        Map<String, Object> page = new HashMap<>(64);
        page.put("title", booking.title());
        page.put("slug", booking.slug());
        page.put("bookingId", booking.id());
        page.put("cancelled", booking.cancelled());
        page.put("day", DAY.format(booking.date()));
        page.put("time", time);
        page.put("when", DAY.format(booking.date()) + " · " + time);
        page.put(
                "isoStart",
                booking.date()
                        .atTime(booking.start())
                        .atZone(settings.zone())
                        .toOffsetDateTime()
                        .toString());
        page.put("duration", duration(booking.duration()));
        // A cancelled charter's page stays online at its address, so it names nobody and shows nothing of the trip.
        page.put("welcome", shown ? "Welcome aboard, " + booking.guest().firstName() : null);
        page.put(
                "party",
                booking.guest()
                        .partySize()
                        .map(size -> size + (size == 1 ? " guest" : " guests"))
                        .orElse(null));
        List<Map<String, String>> crew = shown ? crew(booking, roster) : List.of();
        page.put("crew", crew);
        page.put("hasCrew", !crew.isEmpty());
        page.put(
                "guestNotes", shown ? booking.guestNotes().map(markdown::toHtml).orElse(null) : null);
        page.put(
                "meetingPoint",
                shown
                        ? content.partial("meeting-point")
                                .map(SiteContent.Partial::html)
                                .orElse(null)
                        : null);
        page.put(
                "bring",
                shown
                        ? content.partial("what-to-bring")
                                .map(SiteContent.Partial::html)
                                .orElse(null)
                        : null);
        page.put("canonical", canonical);
        page.put("calendar", "/g/" + booking.slug() + ".ics");
        page.put(
                "description",
                booking.cancelled()
                        ? "This charter on " + SHORT_DAY.format(booking.date()) + " was cancelled."
                        : "Your charter on " + SHORT_DAY.format(booking.date()) + " at " + TIME.format(booking.start())
                                + ": meeting point, crew, and a place for your photos.");
        page.put("photos", photos);
        page.put("photoUpload", photos && presignUrl.isPresent());
        page.put("presignUrl", presignUrl.orElse(null));
        page.put("maxPhotoBytes", settings.maxPhotoBytes());
        page.put(
                "contentSecurityPolicy",
                photos && presignUrl.isPresent()
                        ? ContentSecurityPolicy.connectingTo(List.of(
                                presignUrl.get(), settings.uploadOrigin().orElseThrow()))
                        : ContentSecurityPolicy.SELF_ONLY);
        return page;
    }

    private static List<Map<String, String>> crew(Booking booking, Roster roster) {
        return booking.crew().stream()
                .flatMap(id -> roster.find(id).stream())
                .map(member -> Map.of("firstName", member.firstName(), "role", member.role()))
                .toList();
    }

    static String duration(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        String h = hours == 1 ? "1 hour" : hours + " hours";
        if (minutes == 0) {
            return h;
        }
        return hours == 0 ? minutes + " minutes" : h + " " + minutes + " minutes";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
