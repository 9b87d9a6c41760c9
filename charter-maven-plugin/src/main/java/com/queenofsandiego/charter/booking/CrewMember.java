package com.queenofsandiego.charter.booking;

/** A person in the crew roster ({@code site-content/crew.yaml}). Only the first name and role reach guest pages. */
public record CrewMember(String id, String name, String role) {

    public String firstName() {
        return FirstNames.of(name);
    }
}
