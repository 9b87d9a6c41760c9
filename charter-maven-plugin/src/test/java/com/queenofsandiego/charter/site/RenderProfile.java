package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.booking.BookingLoader;
import com.queenofsandiego.charter.booking.Bookings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Times loading and a cold render of a bench project (made by bench/generate-bench.sh) without Maven, phase by phase,
 * a few rounds in one JVM so the first (cold) round can be told from warmed-up ones. Run it with JFR to see where the
 * time goes: {@code java -XX:StartFlightRecording=filename=render.jfr -cp ... RenderProfile target/bench/n10000 3}.
 */
public final class RenderProfile {

    private RenderProfile() {}

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path output = Files.createTempDirectory("render-profile");
        SiteSettings settings = new SiteSettings(
                project,
                project.resolve("site-content"),
                project.resolve("theme"),
                output,
                "https://queenofsandiego.com",
                ZoneId.of("America/Los_Angeles"),
                Optional.of("https://scc.example.com"),
                Optional.of("https://guest-photos.s3.us-west-2.amazonaws.com"),
                SiteSettings.DEFAULT_MAX_PHOTO_BYTES);
        for (int round = 1; round <= rounds; round++) {
            delete(output);
            long started = System.nanoTime();
            Bookings bookings = new BookingLoader(project)
                    .load(project.resolve("bookings"), project.resolve("site-content/crew.yaml"));
            long loaded = System.nanoTime();
            GenerationReport report = new SiteGenerator(settings).generate(bookings);
            long rendered = System.nanoTime();
            System.out.printf(
                    "round %d: load %d ms (%d bookings), render %d ms (%s)%n",
                    round,
                    (loaded - started) / 1_000_000,
                    bookings.bookings().size(),
                    (rendered - loaded) / 1_000_000,
                    report);
        }
        delete(output);
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }
}
