package com.queenofsandiego.charter.site;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;

/**
 * A VTIMEZONE with the zone's current rules only, built from the JDK's time-zone data. A calendar library's bundled
 * definitions carry a zone's whole history (about 3 KB for America/Los_Angeles, in every guest's calendar file); a
 * charter is in the present, so the recurring rules since the last change are all a calendar needs.
 */
final class TimeZoneDefinition {

    private TimeZoneDefinition() {}

    /** The VTIMEZONE component as content lines, each ending in CRLF. */
    static String of(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> history = rules.getTransitions();
        int since = history.isEmpty()
                ? 1970
                : history.get(history.size() - 1).getDateTimeAfter().getYear() + 1;
        IcsWriter ics = new IcsWriter().property("BEGIN", "VTIMEZONE").property("TZID", zone.getId());
        for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
            boolean daylight = rule.getOffsetAfter().getTotalSeconds()
                    > rule.getStandardOffset().getTotalSeconds();
            observance(
                            ics,
                            zone,
                            daylight,
                            rule.getOffsetBefore(),
                            rule.getOffsetAfter(),
                            rule.createTransition(since).getDateTimeBefore())
                    .property("RRULE", "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";" + days(rule))
                    .property("END", daylight ? "DAYLIGHT" : "STANDARD");
        }
        if (rules.getTransitionRules().isEmpty()) {
            ZoneOffset offset = history.isEmpty()
                    ? rules.getOffset(Instant.EPOCH)
                    : history.get(history.size() - 1).getOffsetAfter();
            observance(ics, zone, false, offset, offset, LocalDateTime.of(since, 1, 1, 0, 0))
                    .property("END", "STANDARD");
        }
        return ics.property("END", "VTIMEZONE").toString();
    }

    private static IcsWriter observance(
            IcsWriter ics, ZoneId zone, boolean daylight, ZoneOffset from, ZoneOffset to, LocalDateTime start) {
        return ics.property("BEGIN", daylight ? "DAYLIGHT" : "STANDARD")
                .text(
                        "TZNAME",
                        java.util.TimeZone.getTimeZone(zone)
                                .getDisplayName(daylight, java.util.TimeZone.SHORT, Locale.US))
                .property("TZOFFSETFROM", offset(from))
                .property("TZOFFSETTO", offset(to))
                .property("DTSTART", CalendarFile.LOCAL_DATE_TIME.format(start));
    }

    /** RFC 5545 UTC-OFFSET: "-0800", with seconds only when there are any. */
    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int absolute = Math.abs(total);
        String hoursMinutes =
                String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", absolute / 3600, absolute / 60 % 60);
        return absolute % 60 == 0 ? hoursMinutes : hoursMinutes + String.format(Locale.ROOT, "%02d", absolute % 60);
    }

    /** "BYDAY=2SU" for the second Sunday, "BYDAY=-1SU" for the last, "BYMONTHDAY=15" for a fixed day. */
    private static String days(ZoneOffsetTransitionRule rule) {
        DayOfWeek day = rule.getDayOfWeek();
        int indicator = rule.getDayOfMonthIndicator();
        if (day == null) {
            return "BYMONTHDAY=" + indicator;
        }
        String weekday =
                day.getDisplayName(TextStyle.SHORT, Locale.ROOT).substring(0, 2).toUpperCase(Locale.ROOT);
        return "BYDAY=" + (indicator < 0 ? "-1" : Integer.toString((indicator - 1) / 7 + 1)) + weekday;
    }
}
