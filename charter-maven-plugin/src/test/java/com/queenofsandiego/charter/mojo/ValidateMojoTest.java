package com.queenofsandiego.charter.mojo;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What charter:validate prints on GitHub Actions: warnings that do not fail, and no line a booking value could forge. */
class ValidateMojoTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("charter.repository", ".."))
            .toAbsolutePath()
            .normalize();
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
    private final Map<String, String> environment = new HashMap<>(Map.of("GITHUB_ACTIONS", "true"));
    private final ValidateMojo mojo = new ValidateMojo() {
        @Override
        Map<String, String> environment() {
            return environment;
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
        Files.writeString(
                root.resolve("bookings/b.yaml"), BOOKING.replace("DATE", date).replace("SLUG", slug));
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

        assertThat(log)
                .anySatisfy(
                        line -> assertThat(line)
                                .startsWith(
                                        "[WARNING] bookings/b.yaml:8:7: slug 'sunset-cruise' can be guessed (it is made of dictionary words)"));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("::warning file=bookings/b.yaml,line=8,col=7::slug 'sunset-cruise' can be guessed");
        assertThat(log).last().asString().startsWith("[INFO] charter: 1 booking files");
    }

    @Test
    void aValueWithALineBreakCannotStartALineOfTheLog() throws Exception {
        booking("\"2024-05-30\\r::error file=x::forged\\n::warning::forged\"", "xhqgmdh4ka");

        assertThatThrownBy(this::validate).isInstanceOf(MojoFailureException.class);

        assertThat(log)
                .singleElement()
                .asString()
                .startsWith(
                        "[ERROR] bookings/b.yaml:2:7: date '2024-05-30\\r::error file=x::forged\\n::warning::forged' is not a date")
                .doesNotContain("\r", "\n");
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .asString()
                .startsWith(
                        "::error file=bookings/b.yaml,line=2,col=7::date '2024-05-30%0D::error file=x::forged%0A::warning::forged'");
    }

    @Test
    void everyProblemIsInTheJobSummaryPastGitHubsTenAnnotations() throws Exception {
        Path summary = root.resolve("summary.md");
        environment.put("GITHUB_STEP_SUMMARY", summary.toString());
        Files.createDirectories(root.resolve("bookings"));
        for (int i = 1; i <= 11; i++) {
            Files.writeString(
                    root.resolve("bookings/late-" + i + ".yaml"),
                    BOOKING.replace("BS-48213", "BS-" + i)
                            .replace("DATE", "2024-05-30")
                            .replace("SLUG", "xhqgmdh4ka" + (char) ('a' + i))
                            .replace("end: 13:00", "end: 09:00"));
        }
        Files.writeString(
                root.resolve("bookings/short-1.yaml"),
                BOOKING.replace("BS-48213", "BS-21")
                        .replace("DATE", "2024-05-30")
                        .replace("SLUG", "abc1234"));
        Files.writeString(
                root.resolve("bookings/short-2.yaml"),
                BOOKING.replace("BS-48213", "BS-22")
                        .replace("DATE", "2024-05-30")
                        .replace("SLUG", "abd1234"));
        Files.writeString(
                root.resolve("bookings/forged.yaml"),
                BOOKING.replace("BS-48213", "BS-23")
                        .replace("DATE", "\"2024|05`30\\n| x | 1 | error | forged |\"")
                        .replace("SLUG", "xhqgmdh4kz"));

        assertThatThrownBy(this::validate).hasMessageStartingWith("charter: 12 problems in 12 files");

        String markdown = Files.readString(summary);
        assertThat(markdown).startsWith("### charter: 14 problems in 14 files (12 errors, 2 warnings)\n");
        List<List<String>> rows = tableRows(markdown);
        assertThat(rows).hasSize(15).allSatisfy(row -> assertThat(row).hasSize(4));
        assertThat(rows.get(0)).containsExactly("file", "line", "severity", "message");
        assertThat(rows.subList(1, 15))
                .filteredOn(row -> row.get(2).equals("error"))
                .hasSize(12);
        assertThat(rows.subList(1, 15))
                .filteredOn(row -> row.get(2).equals("warning"))
                .extracting(row -> row.get(0))
                .containsExactly("bookings/short-1.yaml", "bookings/short-2.yaml");
        assertThat(rows.get(1))
                .containsExactly(
                        "bookings/forged.yaml",
                        "2:7",
                        "error",
                        "date '2024|05`30\\n| x | 1 | error | forged |' is not a date; write it as YYYY-MM-DD, e.g. 2024-05-30");
        assertThat(rows)
                .filteredOn(row -> row.get(0).equals("bookings/late-7.yaml"))
                .singleElement()
                .asList()
                .containsExactly(
                        "bookings/late-7.yaml",
                        "4:6",
                        "error",
                        "end 09:00 is not after start 10:00; a charter ends later on the same day");
    }

    /** Each row of the Markdown's table, as the text GitHub shows in each cell. */
    private static List<List<String>> tableRows(String markdown) {
        List<List<String>> rows = new ArrayList<>();
        Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .build()
                .parse(markdown)
                .accept(new AbstractVisitor() {
                    @Override
                    public void visit(CustomNode node) {
                        if (node instanceof TableRow) {
                            List<String> cells = new ArrayList<>();
                            for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
                                StringBuilder text = new StringBuilder();
                                cell.accept(new AbstractVisitor() {
                                    @Override
                                    public void visit(Text literal) {
                                        text.append(literal.getLiteral());
                                    }

                                    @Override
                                    public void visit(Code code) {
                                        text.append(code.getLiteral());
                                    }
                                });
                                cells.add(text.toString());
                            }
                            rows.add(cells);
                        } else {
                            visitChildren(node);
                        }
                    }
                });
        return rows;
    }
}
