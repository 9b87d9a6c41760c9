package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.booking.BookingLoader;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.site.SiteGenerator;
import com.queenofsandiego.charter.site.SiteSettings;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Prints the fingerprint of every file of the site in a repository copy: run in a JVM of its own by a test. */
public final class FingerprintPrinter {

    private FingerprintPrinter() {}

    public static void main(String[] args) {
        fingerprints(Path.of(args[0])).forEach((key, fingerprint) -> System.out.println(key + " " + fingerprint));
    }

    static Map<String, String> fingerprints(Path root) {
        return new SiteGenerator(settings(root), "renderer-1")
                .outputs(bookings(root))
                .fingerprints();
    }

    /** The site settings of a repository copy: its own content and theme, output under its target/charter. */
    static SiteSettings settings(Path root) {
        return new SiteSettings(
                root,
                root.resolve("site-content"),
                root.resolve("theme"),
                root.resolve("target/charter"),
                "https://queenofsandiego.com",
                ZoneId.of("America/Los_Angeles"),
                Optional.empty(),
                Optional.empty(),
                SiteSettings.DEFAULT_MAX_PHOTO_BYTES);
    }

    /** The bookings of a repository copy, as charter reads them. */
    static Bookings bookings(Path root) {
        return new BookingLoader(root).load(root.resolve("bookings"), root.resolve("site-content/crew.yaml"));
    }
}
