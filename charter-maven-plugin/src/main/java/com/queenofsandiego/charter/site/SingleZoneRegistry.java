package com.queenofsandiego.charter.site;

import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Map;

/**
 * The one zone a site's calendar files use. Without a registry that knows the zone, ical4j resolves a date's TZID
 * through {@code ZoneId.getAvailableZoneIds()}, a copy of some 600 zone names for every date it writes: about half
 * the time of rendering 10,000 calendar files.
 */
final class SingleZoneRegistry implements TimeZoneRegistry {

    private final ZoneId zone;

    SingleZoneRegistry(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Map<String, ZoneRules> getZoneRules() {
        return Map.of(zone.getId(), zone.getRules());
    }

    @Override
    public ZoneId getZoneId(String tzId) {
        if (!zone.getId().equals(tzId)) {
            throw new java.time.DateTimeException("only " + zone.getId() + " is known here, not " + tzId);
        }
        return zone;
    }

    @Override
    public String getTzId(String zoneId) {
        return zone.getId();
    }

    @Override
    public TimeZone getTimeZone(String id) {
        return null;
    }

    @Override
    public void register(TimeZone timezone) {
        throw new UnsupportedOperationException("a single-zone registry takes no registrations");
    }

    @Override
    public void register(TimeZone timezone, boolean update) {
        throw new UnsupportedOperationException("a single-zone registry takes no registrations");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("a single-zone registry cannot be cleared");
    }
}
