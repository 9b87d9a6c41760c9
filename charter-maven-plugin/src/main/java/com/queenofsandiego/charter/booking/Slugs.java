package com.queenofsandiego.charter.booking;

import org.apache.commons.codec.digest.DigestUtils;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Slugs are the last part of a guest page's URL, {@code /g/<slug>}. */
public final class Slugs {

    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    /** Letters and digits that cannot be mistaken for one another when read aloud or typed from a text message. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Slugs() {
    }

    /** The default slug for a booking id: the same on every run and machine, and not the id itself. */
    public static String derive(String bookingId) {
        byte[] hash = DigestUtils.sha256("charter-slug:" + bookingId);
        StringBuilder slug = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            slug.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
        }
        return slug.toString();
    }

    /** A fresh, unguessable slug for a new booking. */
    public static String random() {
        StringBuilder slug = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            slug.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return slug.toString();
    }
}
