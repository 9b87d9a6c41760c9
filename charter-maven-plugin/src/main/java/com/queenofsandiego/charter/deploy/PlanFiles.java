package com.queenofsandiego.charter.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Writes the plan for machines ({@code plan.json}) and for reviewers ({@code plan.md}, also the GitHub job summary). */
public final class PlanFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * GitHub shows at most 1 MiB of job summary per step and drops the step's whole summary beyond it; the plan leaves
     * room for the rest of the step's output (the problems table, other tools).
     */
    static final int JOB_SUMMARY_BUDGET = 900 * 1024;

    static final String CUT_NOTICE =
            "**The plan was cut here to fit GitHub's job summary:** the whole plan is `plan.md`"
                    + " in this run's `charter-preview` artifact.\n";

    private PlanFiles() {}

    public static void write(Path outputDirectory, DeployPlan plan, Optional<Path> stepSummary) {
        String markdown = "## charter plan\n\n"
                + (plan.isEmpty()
                        ? "Nothing to do: the site, JADA and SCC are up to date.\n"
                        : String.join("\n", PlanReport.markdown(plan)) + "\n");
        try {
            Files.createDirectories(outputDirectory);
            JSON.writeValue(outputDirectory.resolve("plan.json").toFile(), PlanReport.json(plan));
            Files.writeString(outputDirectory.resolve("plan.md"), markdown);
            if (stepSummary.isPresent()) {
                Files.writeString(
                        stepSummary.get(),
                        forJobSummary(markdown),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan to " + outputDirectory, e);
        }
    }

    /** The markdown whole when it fits the budget, else its first lines that fit with the notice saying where the rest is. */
    static String forJobSummary(String markdown) {
        if (markdown.getBytes(StandardCharsets.UTF_8).length <= JOB_SUMMARY_BUDGET) {
            return markdown;
        }
        int room = JOB_SUMMARY_BUDGET - ("\n" + CUT_NOTICE).getBytes(StandardCharsets.UTF_8).length;
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (String line : markdown.split("\n", -1)) {
            int lineBytes = (line + "\n").getBytes(StandardCharsets.UTF_8).length;
            if (bytes + lineBytes > room) {
                break;
            }
            cut.append(line).append('\n');
            bytes += lineBytes;
        }
        // A blank line first, so the notice is a paragraph of its own even after a list item.
        return cut.append('\n').append(CUT_NOTICE).toString();
    }
}
