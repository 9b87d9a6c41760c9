package com.queenofsandiego.charter.booking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes booking and roster files into a test's temporary directory and loads them. */
final class BookingFiles {

    static final String ROSTER = """
            maria_lopez:
              name: Maria Lopez
              role: Captain
            dana_kim:
              name: Dana Kim
              role: First Mate
            """;

    static final String VALID = """
            id: BS-48213
            date: 2024-05-30
            start: 10:00
            end: 13:00
            guest:
              name: Jane Smith
              party_size: 6
            crew: [maria_lopez, dana_kim]
            slug: xhqgmdh4ka
            """;

    private final Path root;

    BookingFiles(Path root) {
        this.root = root;
        write("site-content/crew.yaml", ROSTER);
        try {
            Files.createDirectories(root.resolve("bookings"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BookingFiles write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BookingFiles booking(String name, String text) {
        return write("bookings/" + name, text);
    }

    Bookings load() {
        return new BookingLoader(root).load(root.resolve("bookings"), root.resolve("site-content/crew.yaml"));
    }

    /** The single booking of a valid set. */
    Booking only() {
        Bookings bookings = load();
        if (!bookings.valid() || bookings.bookings().size() != 1) {
            throw new AssertionError(
                    "expected one valid booking, got " + bookings.bookings() + " and " + bookings.problems());
        }
        return bookings.bookings().get(0);
    }
}
