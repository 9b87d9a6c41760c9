package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.CharterException;
import com.queenofsandiego.charter.ConfigurationException;
import com.queenofsandiego.charter.booking.BookingDigest;
import com.queenofsandiego.charter.booking.BookingLoader;
import com.queenofsandiego.charter.booking.Bookings;
import com.queenofsandiego.charter.site.ContentLoader;
import com.queenofsandiego.charter.site.SiteException;
import com.queenofsandiego.charter.site.SiteSettings;
import com.queenofsandiego.charter.source.Problem;
import com.queenofsandiego.charter.source.ProblemTable;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The parameters every goal shares, the two things every goal does first (skip when asked or when this is not the
 * project the build was started in; read the bookings), and the one place charter's failures become Maven's.
 */
abstract class AbstractCharterMojo extends AbstractMojo {

    /** Where booking YAML files are; searched recursively for {@code *.yaml} and {@code *.yml}. */
    @Parameter(property = "charter.bookingsDirectory", defaultValue = "${basedir}/bookings")
    File bookingsDirectory;

    /** Markdown pages of the public site and the crew roster {@code crew.yaml}. */
    @Parameter(property = "charter.contentDirectory", defaultValue = "${basedir}/site-content")
    File contentDirectory;

    /** Thymeleaf templates and static assets. */
    @Parameter(property = "charter.themeDirectory", defaultValue = "${basedir}/theme")
    File themeDirectory;

    /** Where the rendered site, the plan and the local target go. */
    @Parameter(property = "charter.outputDirectory", defaultValue = "${project.build.directory}/charter")
    File outputDirectory;

    /** Base of absolute URLs: sitemap, canonical links, calendar files. */
    @Parameter(property = "charter.siteUrl", defaultValue = "https://queenofsandiego.com")
    String siteUrl;

    /** Time zone of booking dates and times. */
    @Parameter(property = "charter.timezone", defaultValue = "America/Los_Angeles")
    String timezone;

    /** SCC's base URL: reconcile sends events there, and guest pages ask it for photo upload links. */
    @Parameter(property = "charter.scc.endpoint")
    String sccEndpoint;

    /**
     * Where guest pages PUT photos: the origin of the URLs SCC presigns, e.g. https://guest-photos.s3.us-west-2.amazonaws.com.
     * Pages may connect to SCC and this origin only; without it they offer no upload.
     */
    @Parameter(property = "charter.uploadOrigin")
    String uploadOrigin;

    /** The largest photo a guest may upload, in bytes (default 25 MiB). */
    @Parameter(property = "charter.maxPhotoBytes", defaultValue = "26214400")
    long maxPhotoBytes;

    /** Skip this goal. */
    @Parameter(property = "charter.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("charter: skipped (charter.skip=true)");
            return;
        }
        if (!project.isExecutionRoot()) {
            // One site per build: `mvn charter:x` from the root also visits the plugin's own module.
            getLog().debug("charter: not the project the build started in; nothing to do here");
            return;
        }
        try {
            run();
        } catch (SiteException e) {
            throw failure(e.problems());
        } catch (CharterException e) {
            e.file()
                    .filter(file -> "true".equals(environment().get("GITHUB_ACTIONS")))
                    .ifPresent(file -> System.out.println(new Problem(file, 0, 0, e.reason()).githubAnnotation()));
            String message = "charter: " + e.getMessage() + afterFailure(e);
            if (e.usersFault()) {
                throw new MojoFailureException(message, e);
            }
            throw new MojoExecutionException(message, e);
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("charter: interrupted", e);
        } catch (Exception e) {
            throw new MojoExecutionException("charter: " + e.getMessage() + afterFailure(e), e);
        }
    }

    /**
     * The goal's work. Throws {@link CharterException}s (their {@link CharterException#usersFault} decides between
     * {@link MojoFailureException} and {@link MojoExecutionException}); anything else is reported as charter's error.
     */
    abstract void run() throws Exception;

    /** What a failure left behind, appended to its message: nothing, for goals that only read and write local files. */
    String afterFailure(Exception failure) {
        return "";
    }

    /**
     * Reads every booking, the crew roster and the site content; prints every warning and problem as
     * {@code file:line:col: message} and fails if there is any problem.
     */
    Bookings loadBookings() throws MojoFailureException {
        return loadBookings(Map::of);
    }

    /** As {@link #loadBookings()}, taking files unchanged from their digests from them ({@link BookingLoader}). */
    Bookings loadBookings(Supplier<Map<String, BookingDigest>> digests) throws MojoFailureException {
        Bookings bookings = new BookingLoader(project.getBasedir().toPath())
                .load(bookingsDirectory.toPath(), contentDirectory.toPath().resolve("crew.yaml"), digests);
        print(bookings.warnings());
        List<Problem> problems = new ArrayList<>(bookings.problems());
        problems.addAll(new ContentLoader(siteSettings()).load().problems());
        if (!problems.isEmpty()) {
            throw failure(problems, bookings.warnings());
        }
        return bookings;
    }

    SiteSettings siteSettings() {
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new ConfigurationException(
                    "charter.timezone '" + timezone + "' is not a time zone; use a name such as America/Los_Angeles");
        }
        Path basedir = project.getBasedir().toPath();
        Path content = contentDirectory.toPath();
        Path theme = themeDirectory.toPath();
        Path output = outputDirectory.toPath();
        try {
            return new SiteSettings(
                    basedir,
                    content,
                    theme,
                    output,
                    siteUrl,
                    zone,
                    Optional.ofNullable(sccEndpoint).filter(s -> !s.isBlank()),
                    Optional.ofNullable(uploadOrigin).filter(s -> !s.isBlank()),
                    maxPhotoBytes);
        } catch (IllegalArgumentException notAnOrigin) {
            throw new ConfigurationException("charter.uploadOrigin '" + uploadOrigin + "' is not an origin;"
                    + " use one such as https://guest-photos.s3.us-west-2.amazonaws.com");
        }
    }

    /**
     * charter.local.directory when set, else local/ under charter.outputDirectory, so that one property moves all of
     * charter's output (Maven cannot default one parameter to another).
     */
    Path localDirectory(File configured) {
        return configured != null
                ? configured.toPath()
                : outputDirectory.toPath().resolve("local");
    }

    /**
     * Prints each problem (and a GitHub annotation on Actions), puts them and the warnings already printed in the job
     * summary, and returns the exception that fails the build.
     */
    MojoFailureException failure(List<Problem> problems, List<Problem> warnings) {
        List<Problem> sorted = problems.stream().sorted().toList();
        print(sorted);
        List<Problem> all = new ArrayList<>(warnings);
        all.addAll(sorted);
        appendToJobSummary(all);
        long files = sorted.stream().map(Problem::file).distinct().count();
        return new MojoFailureException(
                "charter: " + sorted.size() + (sorted.size() == 1 ? " problem" : " problems") + " in "
                        + files + (files == 1 ? " file" : " files")
                        + ". Fix each line listed above and run again; the format is in the README under 'Booking files'.");
    }

    MojoFailureException failure(List<Problem> problems) {
        return failure(problems, List.of());
    }

    /** With GITHUB_STEP_SUMMARY set, every problem as a table in the job summary, past GitHub's 10 annotations per step. */
    void appendToJobSummary(List<Problem> problems) {
        String summary = environment().get("GITHUB_STEP_SUMMARY");
        if (problems.isEmpty() || summary == null || summary.isBlank()) {
            return;
        }
        try {
            Files.writeString(
                    Path.of(summary),
                    ProblemTable.markdown(problems),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            getLog().warn("charter: cannot append the problems to the job summary " + summary + ": " + e.getMessage());
        }
    }

    /** Each problem at its level, {@code [ERROR]} or {@code [WARNING]}, and on GitHub Actions as an annotation too. */
    void print(List<Problem> problems) {
        boolean github = "true".equals(environment().get("GITHUB_ACTIONS"));
        PrintStream out = System.out;
        for (Problem problem : problems) {
            if (problem.isError()) {
                getLog().error(problem.toString());
            } else {
                getLog().warn(problem.toString());
            }
            if (github) {
                out.println(problem.githubAnnotation());
            }
        }
    }

    /** Every line this goal logs shows values from bookings on that one line (see {@link OneLineLog}). */
    @Override
    public Log getLog() {
        return new OneLineLog(super.getLog());
    }

    Map<String, String> environment() {
        return System.getenv();
    }
}
