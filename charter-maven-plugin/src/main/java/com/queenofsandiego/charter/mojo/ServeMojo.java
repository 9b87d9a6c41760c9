package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.serve.PreviewServer;
import com.queenofsandiego.charter.serve.SourceWatcher;
import com.queenofsandiego.charter.site.SiteException;
import com.queenofsandiego.charter.site.SiteGenerator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.List;

/**
 * A local preview on http://127.0.0.1:8080 with production routing ({@code /g/<slug>} serves the guest page),
 * re-rendering when a booking, content or theme file changes and reloading the open page. Stop it with Ctrl-C.
 */
@Mojo(name = "serve", threadSafe = true)
public class ServeMojo extends AbstractCharterMojo {

    /** The port on 127.0.0.1. */
    @Parameter(property = "charter.port", defaultValue = "8080")
    int port;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Bookings bookings = render();
        try (PreviewServer server = PreviewServer.start(siteSettings().siteDirectory(), port);
             SourceWatcher watcher = new SourceWatcher(List.of(bookingsDirectory.toPath(), contentDirectory.toPath(), themeDirectory.toPath()))) {
            getLog().info("charter: serving " + siteSettings().siteDirectory() + " on " + server.baseUri() + "/ (Ctrl-C stops)");
            for (Booking booking : bookings.bookings()) {
                getLog().info("  " + server.baseUri() + "/g/" + booking.slug() + "  " + booking.id() + ", " + booking.date()
                        + (booking.cancelled() ? " (cancelled)" : ""));
            }
            watcher.run(() -> {
                try {
                    render();
                    server.reload();
                } catch (MojoFailureException e) {
                    getLog().warn("charter: not re-rendered: " + e.getMessage() + " The preview keeps the last good site.");
                }
            });
        } catch (IOException e) {
            throw new MojoExecutionException("charter: cannot serve on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is another preview running? Choose another port with -Dcharter.port=8081", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            getLog().info("charter: preview stopped");
        }
    }

    private Bookings render() throws MojoFailureException {
        Bookings bookings = loadBookings();
        try {
            getLog().info("charter: " + new SiteGenerator(siteSettings()).generate(bookings));
        } catch (SiteException e) {
            throw failure(e.problems());
        }
        return bookings;
    }
}
