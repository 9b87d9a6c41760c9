package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.booking.BookingScaffold;
import com.queenofsandiego.charter.booking.NewBooking;
import com.queenofsandiego.charter.source.Problem;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Scaffolds a booking file, {@code bookings/<yyyy>/<date>-<id>.yaml}, with a fresh random slug and a comment on every
 * field, then validates it with the other bookings. Never overwrites a file; a booking that does not validate is not
 * kept. Example: {@code mvn charter:new -Dcharter.id=BS-1234 -Dcharter.date=2025-06-01 -Dcharter.start=10:00
 * -Dcharter.end=13:00 -Dcharter.guest="Jane Smith"}.
 */
@Mojo(name = "new", requiresProject = true, threadSafe = true)
public class NewMojo extends AbstractCharterMojo {

    /** The booking id (for Boatsetter bookings, the Boatsetter id). */
    @Parameter(property = "charter.id")
    String id;

    /** The day of the charter, YYYY-MM-DD. */
    @Parameter(property = "charter.date")
    String date;

    /** Start time, e.g. 10:00. */
    @Parameter(property = "charter.start")
    String start;

    /** End time, e.g. 13:00. */
    @Parameter(property = "charter.end")
    String end;

    /** The guest's name. */
    @Parameter(property = "charter.guest")
    String guest;

    /** Optional: the number of people, 1 to 149. */
    @Parameter(property = "charter.partySize")
    Integer partySize;

    /** Optional: crew ids from {@code crew.yaml}, separated by commas. */
    @Parameter(property = "charter.crew")
    String crew;

    /** Optional: boatsetter (default), direct or other. */
    @Parameter(property = "charter.source")
    String source;

    @Override
    void run() throws MojoFailureException {
        List<String> crewIds = crew == null || crew.isBlank()
                ? List.of()
                : Arrays.stream(crew.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        BookingScaffold.Result result = new BookingScaffold(
                        project.getBasedir().toPath(),
                        bookingsDirectory.toPath(),
                        contentDirectory.toPath().resolve("crew.yaml"),
                        timezone)
                .create(new NewBooking(
                        id,
                        date,
                        start,
                        end,
                        guest,
                        Optional.ofNullable(partySize),
                        crewIds,
                        Optional.ofNullable(source)));
        if (!result.created()) {
            for (Problem problem : result.problems()) {
                getLog().error(problem.toString());
            }
            throw new MojoFailureException("charter: no booking written. Fix the values above and run again, e.g. "
                    + "mvn charter:new -Dcharter.id=BS-1234 -Dcharter.date=2025-06-01 -Dcharter.start=10:00 "
                    + "-Dcharter.end=13:00 -Dcharter.guest=\"Jane Smith\"");
        }
        getLog().info("charter: wrote "
                + project.getBasedir().toPath().relativize(result.file().toAbsolutePath())
                + "; review it, add crew and notes, and open a pull request");
    }
}
