package com.queenofsandiego.charter.booking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Slugs are the last part of a guest page's URL, {@code /g/<slug>}. Only the slug keeps a guest's page from everyone
 * else, so it must be random: anything that can be worked out from a booking (its sequential id, the date, the
 * guest's name, a few words) lets a stranger find pages.
 */
public final class Slugs {

    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    // Compiled once: every booking file is checked with them.
    private static final Pattern HYPHENS = Pattern.compile("-+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]");
    private static final Pattern LEADING_LETTERS = Pattern.compile("^[a-z]+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]+");

    /** Letters and digits that cannot be mistaken for one another when read aloud or typed from a text message. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private static final int LENGTH = 10;
    /** Random characters that make a chosen slug unguessable: 32^6, about a billion tries per booking. */
    private static final int RANDOM_PART = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Slugs() {}

    /**
     * A fresh, unguessable slug for a new booking; drawn again when the draw happens to read as words and numbers, so
     * that no slug charter offers is ever warned about.
     */
    public static String random() {
        String slug;
        do {
            slug = random(LENGTH);
        } while (whyGuessable(slug, Optional.empty(), Optional.empty(), Optional.empty())
                .isPresent());
        return slug;
    }

    private static String random(int length) {
        StringBuilder slug = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            slug.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return slug.toString();
    }

    /**
     * Why a hand-chosen slug could be guessed, or empty when it could not. A slug is guessable when it is short, or
     * when what is left after taking out the booking id, the date, the guest's names, dictionary words and numbers is
     * fewer than {@value #RANDOM_PART} characters.
     */
    public static Optional<String> whyGuessable(
            String slug, Optional<String> bookingId, Optional<LocalDate> date, Optional<String> guestName) {
        List<String> reasons = new ArrayList<>();
        if (slug.length() < LENGTH) {
            reasons.add("it has only " + slug.length() + " characters");
        }
        String rest = slug;
        List<String> found = new ArrayList<>();
        for (String id : bookingId.map(Slugs::idForms).orElse(List.of())) {
            if (squeeze(rest).contains(id)) {
                rest = squeeze(rest).replace(id, "-");
                found.add("the booking id");
                break;
            }
        }
        for (String form : date.map(Slugs::dateForms).orElse(List.of())) {
            if (rest.replace("-", "").contains(form)) {
                rest = squeeze(rest).replace(form, "-");
                found.add("the date");
                break;
            }
        }
        for (String name : guestName.map(Slugs::nameParts).orElse(Set.of())) {
            if (rest.contains(name)) {
                rest = rest.replace(name, "-");
                if (!found.contains("the guest's name")) {
                    found.add("the guest's name");
                }
            }
        }
        int random = 0;
        boolean words = false;
        for (String part : HYPHENS.split(rest)) {
            if (part.isEmpty()) {
                continue;
            }
            if (Words.splits(part)) {
                words = true;
            } else {
                random += part.length();
            }
        }
        if (words) {
            found.add("dictionary words");
        }
        if (random < RANDOM_PART && !found.isEmpty()) {
            reasons.add("it is made of " + String.join(", ", found).replaceFirst(", ([^,]*)$", " and $1"));
        } else if (random < RANDOM_PART && reasons.isEmpty()) {
            reasons.add("it has too few random characters");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /**
     * The slug with random characters added, or a random slug where that would be too short or too long; drawn again
     * until it is not guessable for the booking it is offered for ({@link #whyGuessable} with the same id, date and
     * name), so that the offer is never warned about in turn.
     */
    public static String strengthened(
            String slug, Optional<String> bookingId, Optional<LocalDate> date, Optional<String> guestName) {
        int length = slug.length() + 1 + RANDOM_PART;
        boolean appended = length >= LENGTH && length <= 64;
        String offered;
        do {
            offered = appended ? slug + "-" + random(RANDOM_PART) : random(LENGTH);
        } while (whyGuessable(offered, bookingId, date, guestName).isPresent());
        return offered;
    }

    /** Lowercase letters and digits only: {@code BS-48213} and {@code bs48213} are the same to a guesser. */
    private static String letters(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(lower).replaceAll("");
    }

    /** The id as letters and digits, and its number alone when that is long enough to search for: bs48213, 48213. */
    private static List<String> idForms(String id) {
        String whole = letters(id);
        String number = LEADING_LETTERS.matcher(whole).replaceAll("");
        return number.length() >= 4 && !number.equals(whole)
                ? List.of(whole, number)
                : whole.isEmpty() ? List.of() : List.of(whole);
    }

    private static String squeeze(String slug) {
        return slug.replace("-", "");
    }

    /** English month names, full and short, as {@code Month.getDisplayName(style, Locale.ENGLISH)} lowercased. */
    private static final String[] MONTHS = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december"
    };

    private static final String[] SHORT_MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };

    /**
     * The ways people write a date into a name: 20240530, 0530, 3005, 053024, may30, 30may, may-30 ...
     * Built by hand rather than with {@code String.format} and the locale's month names: it runs for every booking
     * file, and those load and run far more code than the strings need.
     */
    static List<String> dateForms(LocalDate date) {
        String yyyy = zeroPadded(date.getYear(), 4);
        String yy = yyyy.substring(2);
        String mm = zeroPadded(date.getMonthValue(), 2);
        String dd = zeroPadded(date.getDayOfMonth(), 2);
        String d = Integer.toString(date.getDayOfMonth());
        List<String> forms = new ArrayList<>(List.of(
                yyyy + mm + dd,
                mm + dd + yyyy,
                dd + mm + yyyy,
                yy + mm + dd,
                mm + dd + yy,
                dd + mm + yy,
                mm + dd,
                dd + mm));
        for (String month : List.of(MONTHS[date.getMonthValue() - 1], SHORT_MONTHS[date.getMonthValue() - 1])) {
            forms.addAll(List.of(month + dd, month + d, dd + month, d + month));
        }
        return forms;
    }

    /** As {@code String.format("%0<width>d", value)} for the years, months and days of a booking date. */
    private static String zeroPadded(int value, int width) {
        String digits = Integer.toString(Math.abs(value));
        StringBuilder padded = new StringBuilder(width + 1);
        if (value < 0) {
            padded.append('-');
            width--;
        }
        for (int i = digits.length(); i < width; i++) {
            padded.append('0');
        }
        return padded.append(digits).toString();
    }

    /** The guest's names of three letters or more, as they would be written in a slug. */
    private static Set<String> nameParts(String name) {
        return NOT_LETTER
                .splitAsStream(name)
                .map(Slugs::letters)
                .filter(part -> part.length() >= 3)
                .collect(Collectors.toSet());
    }

    /** Common English and charter words, from {@code words.txt}. */
    private static final class Words {

        private static final Set<String> WORDS = load();
        private static final int LONGEST =
                WORDS.stream().mapToInt(String::length).max().orElse(0);

        /** Whether the text is nothing but words and numbers run together: {@code sunsetcruise}, {@code party2024}. */
        static boolean splits(String text) {
            boolean[] splitsBefore = new boolean[text.length() + 1];
            splitsBefore[0] = true;
            for (int end = 1; end <= text.length(); end++) {
                boolean digits = true;
                // Right to left, so that a piece longer than any word and not all digits ends the search.
                for (int start = end - 1; start >= 0 && !splitsBefore[end]; start--) {
                    digits &= Character.isDigit(text.charAt(start));
                    if (!digits && end - start > LONGEST) {
                        break;
                    }
                    splitsBefore[end] = splitsBefore[start] && (digits || WORDS.contains(text.substring(start, end)));
                }
            }
            return splitsBefore[text.length()];
        }

        private static Set<String> load() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(Slugs.class.getResourceAsStream("words.txt"), StandardCharsets.UTF_8))) {
                return in.lines()
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the word list", e);
            }
        }
    }
}
