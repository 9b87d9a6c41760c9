package com.queenofsandiego.charter.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("charter-slug:" + bookingId).getBytes(StandardCharsets.UTF_8));
            StringBuilder slug = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                slug.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
            }
            return slug.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
