package com.queenofsandiego.charter.booking;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The crew roster by id. */
public record Roster(Map<String, CrewMember> members) {

    public static final Roster EMPTY = new Roster(Map.of());

    public Roster {
        members = Map.copyOf(members);
    }

    public Optional<CrewMember> find(String id) {
        return Optional.ofNullable(members.get(id));
    }

    public Set<String> ids() {
        return new TreeMap<>(members).keySet();
    }
}
