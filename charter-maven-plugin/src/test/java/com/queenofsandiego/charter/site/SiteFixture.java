package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.booking.BookingLoader;
import com.queenofsandiego.charter.booking.Bookings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/** A site to render in a test: this repository's theme and content, bookings written by the test, a fresh output. */
public final class SiteFixture {

    static final String UPLOAD_ORIGIN = "https://guest-photos.s3.us-west-2.amazonaws.com";
    static final Path REPOSITORY = Path.of(System.getProperty("charter.repository", ".."))
            .toAbsolutePath()
            .normalize();

    final Path root;
    public final SiteSettings settings;

    public SiteFixture(Path root, Optional<String> scc) {
        this.root = root;
        this.settings = new SiteSettings(
                root,
                REPOSITORY.resolve("site-content"),
                REPOSITORY.resolve("theme"),
                root.resolve("target/charter"),
                "https://queenofsandiego.com",
                ZoneId.of("America/Los_Angeles"),
                scc,
                Optional.of(UPLOAD_ORIGIN),
                SiteSettings.DEFAULT_MAX_PHOTO_BYTES);
    }

    public SiteFixture booking(String name, String yaml) {
        try {
            Path file = root.resolve("bookings").resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String name) throws IOException {
        Files.delete(root.resolve("bookings").resolve(name));
    }

    public Bookings bookings() {
        Bookings bookings =
                new BookingLoader(root).load(root.resolve("bookings"), REPOSITORY.resolve("site-content/crew.yaml"));
        if (!bookings.valid()) {
            throw new AssertionError(bookings.problems().toString());
        }
        return bookings;
    }

    public GenerationReport generate() {
        return new SiteGenerator(settings).generate(bookings());
    }

    Path site(String path) {
        return settings.siteDirectory().resolve(path);
    }

    public static String booking(String id, String slug, String extra) {
        return "id: " + id + "\nslug: " + slug + "\ndate: 2024-05-30\nstart: 10:00\nend: 13:00\n"
                + "guest:\n  name: Jane Smith\n  party_size: 6\n  email: jane.secret@example.com\n  phone: +1 619 555 0199\n"
                + "crew: [maria_lopez, dana_kim]\nnotes: INTERNAL-NOTE do not show\n" + extra;
    }
}
