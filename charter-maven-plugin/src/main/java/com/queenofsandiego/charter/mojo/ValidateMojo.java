package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.booking.Bookings;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Reads every booking file and the crew roster and reports all problems at once, each as
 * {@code file:line:col: message} (and as a GitHub annotation when {@code GITHUB_ACTIONS=true}, and in a table in the
 * job summary when {@code GITHUB_STEP_SUMMARY} is set); fails if there is any.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractCharterMojo {

    @Override
    void run() throws MojoFailureException {
        Bookings bookings = loadBookings();
        // Only validate lists warnings alone: generate and plan run after it in the same job and would repeat them.
        appendToJobSummary(bookings.warnings());
        getLog().info("charter: " + bookings.filesRead() + " booking files and "
                + bookings.roster().members().size() + " crew members are valid");
    }
}
