package com.queenofsandiego.charter.site;

import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A VTIMEZONE with the zone's current rules only, built from the JDK's time-zone data. ical4j's bundled definitions
 * carry a zone's whole history (about 3 KB for America/Los_Angeles, in every guest's calendar file); a charter is
 * in the present, so the recurring rules since the last change are all a calendar needs.
 */
final class TimeZoneDefinition {

    private TimeZoneDefinition() {
    }

    static VTimeZone of(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> history = rules.getTransitions();
        int since = history.isEmpty() ? 1970 : history.get(history.size() - 1).getDateTimeAfter().getYear() + 1;
        List<Observance> observances = new ArrayList<>();
        for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
            ZoneOffsetTransition first = rule.createTransition(since);
            Observance observance = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds()
                    ? new Daylight() : new Standard();
            observance.add(new TzName(name(zone, observance instanceof Daylight)));
            observance.add(new TzOffsetFrom(rule.getOffsetBefore()));
            observance.add(new TzOffsetTo(rule.getOffsetAfter()));
            observance.add(new DtStart<>(first.getDateTimeBefore()));
            observance.add(new RRule<>("FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";" + days(rule)));
            observances.add(observance);
        }
        if (observances.isEmpty()) {
            ZoneOffset offset = history.isEmpty() ? rules.getOffset(Instant.EPOCH) : history.get(history.size() - 1).getOffsetAfter();
            Standard standard = new Standard();
            standard.add(new TzName(name(zone, false)));
            standard.add(new TzOffsetFrom(offset));
            standard.add(new TzOffsetTo(offset));
            standard.add(new DtStart<>(LocalDateTime.of(since, 1, 1, 0, 0)));
            observances.add(standard);
        }
        PropertyList properties = new PropertyList(List.of(new TzId(zone.getId())));
        return new VTimeZone(properties, new ComponentList<>(observances));
    }

    /** "BYDAY=2SU" for the second Sunday, "BYDAY=-1SU" for the last, "BYMONTHDAY=15" for a fixed day. */
    private static String days(ZoneOffsetTransitionRule rule) {
        DayOfWeek day = rule.getDayOfWeek();
        int indicator = rule.getDayOfMonthIndicator();
        if (day == null) {
            return "BYMONTHDAY=" + indicator;
        }
        String weekday = day.getDisplayName(TextStyle.SHORT, Locale.ROOT).substring(0, 2).toUpperCase(Locale.ROOT);
        return "BYDAY=" + (indicator < 0 ? "-1" : Integer.toString((indicator - 1) / 7 + 1)) + weekday;
    }

    private static String name(ZoneId zone, boolean daylight) {
        return java.util.TimeZone.getTimeZone(zone).getDisplayName(daylight, java.util.TimeZone.SHORT, Locale.US);
    }
}
