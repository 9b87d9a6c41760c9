package com.queenofsandiego.charter.mojo;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What charter:validate prints on GitHub Actions: warnings that do not fail, and no line a booking value could forge. */
class ValidateMojoTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("charter.repository", "..")).toAbsolutePath().normalize();
    private static final String BOOKING = """
            id: BS-48213
            date: DATE
            start: 10:00
            end: 13:00
            guest:
              name: Jane Smith
            crew: [maria_lopez]
            slug: SLUG
            """;

    @TempDir
    Path root;
    private final List<String> log = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ValidateMojo mojo = new ValidateMojo() {
        @Override
        Map<String, String> environment() {
            return Map.of("GITHUB_ACTIONS", "true");
        }
    };

    @BeforeEach
    void setUp() {
        mojo.project = new MavenProject();
        mojo.project.setFile(root.resolve("pom.xml").toFile());
        mojo.project.setExecutionRoot(true);
        mojo.bookingsDirectory = root.resolve("bookings").toFile();
        mojo.contentDirectory = REPOSITORY.resolve("site-content").toFile();
        mojo.themeDirectory = REPOSITORY.resolve("theme").toFile();
        mojo.outputDirectory = root.resolve("target/charter").toFile();
        mojo.siteUrl = "https://queenofsandiego.com";
        mojo.timezone = "America/Los_Angeles";
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("[INFO] " + content);
            }

            @Override
            public void warn(CharSequence content) {
                log.add("[WARNING] " + content);
            }

            @Override
            public void error(CharSequence content) {
                log.add("[ERROR] " + content);
            }
        });
    }

    private void booking(String date, String slug) throws IOException {
        Files.createDirectories(root.resolve("bookings"));
        Files.writeString(root.resolve("bookings/b.yaml"), BOOKING.replace("DATE", date).replace("SLUG", slug));
    }

    private void validate() throws Exception {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            mojo.execute();
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void aGuessableSlugIsAWarningWithAnAnnotationAndTheBuildGoesOn() throws Exception {
        booking("2024-05-30", "sunset-cruise");

        validate();

        assertThat(log).anySatisfy(line -> assertThat(line).startsWith(
                "[WARNING] bookings/b.yaml:8:7: slug 'sunset-cruise' can be guessed (it is made of dictionary words)"));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("::warning file=bookings/b.yaml,line=8,col=7::slug 'sunset-cruise' can be guessed");
        assertThat(log).last().asString().startsWith("[INFO] charter: 1 booking files");
    }

    @Test
    void aValueWithALineBreakCannotStartALineOfTheLog() throws Exception {
        booking("\"2024-05-30\\r::error file=x::forged\\n::warning::forged\"", "xhqgmdh4ka");

        assertThatThrownBy(this::validate).isInstanceOf(MojoFailureException.class);

        assertThat(log).singleElement().asString()
                .startsWith("[ERROR] bookings/b.yaml:2:7: date '2024-05-30\\r::error file=x::forged\\n::warning::forged' is not a date")
                .doesNotContain("\r", "\n");
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("::error file=bookings/b.yaml,line=2,col=7::date '2024-05-30%0D::error file=x::forged%0A::warning::forged'");
    }
}
