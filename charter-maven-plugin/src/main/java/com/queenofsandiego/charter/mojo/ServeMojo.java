package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.sandbox.PresignRoute;
import com.queenofsandiego.charter.serve.PhotoReceiver;
import com.queenofsandiego.charter.serve.PreviewServer;
import com.queenofsandiego.charter.serve.SourceWatcher;
import com.queenofsandiego.charter.site.SiteException;
import com.queenofsandiego.charter.site.SiteGenerator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A local preview on http://127.0.0.1:8080 with production routing ({@code /g/<slug>} serves the guest page),
 * re-rendering when a booking, content or theme file changes and reloading the open page. Photo upload works as in
 * production: the page asks the preview's presign route for a link and PUTs the photo, across origins, to the preview's
 * photo receiver on another port of 127.0.0.1, which keeps it under {@code ${charter.local.directory}/uploads/<booking id>/}
 * (links signed by this process only, for one type and size, for 15 minutes). Stop it with Ctrl-C.
 */
@Mojo(name = "serve", threadSafe = true)
public class ServeMojo extends AbstractCharterMojo {

    /** The port on 127.0.0.1. */
    @Parameter(property = "charter.port", defaultValue = "8080")
    int port;

    /** Where guests' photos go in the preview, under uploads/; default: local/ under charter.outputDirectory. */
    @Parameter(property = "charter.local.directory")
    File localDirectory;

    @Override
    void run() throws Exception {
        try (PreviewServer server = PreviewServer.start(siteSettings().siteDirectory(), port);
                PhotoReceiver uploads =
                        PhotoReceiver.start(uploadsDirectory(), server.baseUri().toString(), maxPhotoBytes);
                SourceWatcher watcher = new SourceWatcher(
                        List.of(bookingsDirectory.toPath(), contentDirectory.toPath(), themeDirectory.toPath()))) {
            // Pages of the preview ask the preview itself for upload links, as production pages ask SCC.
            sccEndpoint = server.baseUri().toString();
            uploadOrigin = uploads.origin();
            Bookings bookings = render();
            server.route(PresignRoute.PATH, presignRoute(bookings, uploads));
            getLog().info("charter: serving " + siteSettings().siteDirectory() + " on " + server.baseUri()
                    + "/ (Ctrl-C stops);" + " uploaded photos go to " + uploads.directory());
            for (Booking booking : bookings.bookings()) {
                getLog().info("  " + server.baseUri() + "/g/" + booking.slug() + "  " + booking.id() + ", "
                        + booking.date() + (booking.cancelled() ? " (cancelled)" : ""));
            }
            watcher.run(() -> {
                try {
                    server.route(PresignRoute.PATH, presignRoute(render(), uploads));
                    server.reload();
                } catch (MojoFailureException e) {
                    getLog().warn("charter: not re-rendered: " + e.getMessage()
                            + " The preview keeps the last good site.");
                } catch (SiteException e) {
                    print(e.problems());
                    getLog().warn("charter: not re-rendered: " + e.getMessage()
                            + ". The preview keeps the last good site.");
                }
            });
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "charter: cannot serve on 127.0.0.1:" + port + " (" + e.getMessage()
                            + "); is another preview running? Choose another port with -Dcharter.port=8081",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            getLog().info("charter: preview stopped");
        }
    }

    Path uploadsDirectory() {
        return localDirectory(localDirectory).resolve("uploads");
    }

    /** Links for the bookings that take photos, around each charter's date in the site's time zone. */
    private PresignRoute presignRoute(Bookings bookings, PhotoReceiver uploads) throws MojoFailureException {
        Map<String, LocalDate> charterDates = bookings.bookings().stream()
                .filter(b -> b.photos() && !b.cancelled())
                .collect(Collectors.toMap(Booking::id, Booking::date));
        return new PresignRoute(
                id -> Optional.ofNullable(charterDates.get(id)),
                uploads.links(),
                maxPhotoBytes,
                Clock.system(siteSettings().zone()));
    }

    private Bookings render() throws MojoFailureException {
        Bookings bookings = loadBookings();
        getLog().info("charter: " + new SiteGenerator(siteSettings()).generate(bookings));
        return bookings;
    }
}
