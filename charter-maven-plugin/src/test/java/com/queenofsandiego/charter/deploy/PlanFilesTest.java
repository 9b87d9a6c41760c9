package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.publish.Manifest;
import com.queenofsandiego.charter.publish.PublishPlan;
import com.queenofsandiego.charter.reconcile.ReconcilePlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** plan.md in the job summary stays under GitHub's 1 MiB per step, which would otherwise drop the step's whole summary. */
class PlanFilesTest {

    @TempDir
    Path work;

    @Test
    void aPlanOverTheBudgetIsCutAtALineInTheSummaryAndKeptWholeInPlanMd() throws IOException {
        // 40,000 deletions of about 40 bytes each: some 1.5 MiB of markdown.
        List<String> deletes = IntStream.range(0, 40_000)
                .mapToObj(i -> "g/removed-booking-" + i + ".html")
                .toList();
        Manifest none = new Manifest(Map.of(), List.of());
        PublishPlan publish = new PublishPlan(
                "local directory",
                false,
                List.of(),
                deletes,
                List.of(),
                PublishPlan.FunctionChange.NONE,
                "",
                0,
                none,
                Manifest.Version.NONE,
                none,
                Optional.empty(),
                false);
        Path summary = work.resolve("summary.md");
        Files.writeString(summary, "earlier output of the step\n");

        PlanFiles.write(
                work,
                new DeployPlan(publish, ReconcilePlanner.plan(List.of(), Map.of(), Map.of()), null),
                Optional.of(summary));

        String planMd = Files.readString(work.resolve("plan.md"));
        assertThat(planMd)
                .contains("- **delete `g/removed-booking-39999.html`**")
                .hasSizeGreaterThan(PlanFiles.JOB_SUMMARY_BUDGET);
        String appended = Files.readString(summary).substring("earlier output of the step\n".length());
        assertThat(appended.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(PlanFiles.JOB_SUMMARY_BUDGET);
        assertThat(appended)
                .endsWith("\n\n**The plan was cut here to fit GitHub's job summary:** the whole plan is `plan.md`"
                        + " in this run's `charter-preview` artifact.\n");
        String kept = appended.substring(0, appended.length() - PlanFiles.CUT_NOTICE.length() - 1);
        assertThat(planMd).startsWith(kept);
        assertThat(kept).endsWith(".html`**\n");
    }
}
