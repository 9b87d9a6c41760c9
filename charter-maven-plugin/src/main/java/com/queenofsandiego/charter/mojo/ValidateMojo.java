package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.booking.Bookings;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Reads every booking file and the crew roster and reports all problems at once, each as
 * {@code file:line:col: message} (and as a GitHub annotation when {@code GITHUB_ACTIONS=true}); fails if there is any.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractCharterMojo {

    @Override
    void run() throws MojoFailureException {
        Bookings bookings = loadBookings();
        getLog().info("charter: " + bookings.filesRead() + " booking files and " + bookings.roster().members().size()
                + " crew members are valid");
    }
}
