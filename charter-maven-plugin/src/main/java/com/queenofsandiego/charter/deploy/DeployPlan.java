package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.publish.PublishPlan;
import com.queenofsandiego.charter.reconcile.Ledger;
import com.queenofsandiego.charter.reconcile.ReconcilePlan;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a deploy would do: publishing (S3, CloudFront) and reconciling (JADA, SCC).
 *
 * @param ledger the ledger the reconcile plan was made from; applying writes on from exactly this version
 */
public record DeployPlan(PublishPlan publish, ReconcilePlan reconcile, Ledger ledger) {

    public boolean isEmpty() {
        return publish.isEmpty() && reconcile.isEmpty();
    }

    public String summary() {
        return publish.summary() + "; " + reconcile.summary();
    }

    /** Both plans for reviewers, with the blank lines Markdown needs between headings, lists and paragraphs. */
    public List<String> markdown() {
        List<String> parts = new ArrayList<>(publish.markdown());
        parts.addAll(reconcile.markdown());
        List<String> lines = new ArrayList<>();
        String previous = "";
        for (String line : parts) {
            boolean listItem = line.startsWith("- ") || line.startsWith("  - ");
            boolean previousListItem = previous.startsWith("- ") || previous.startsWith("  - ");
            if (!lines.isEmpty() && (line.startsWith("#") || previous.startsWith("#") || listItem != previousListItem)) {
                lines.add("");
            }
            lines.add(line);
            previous = line;
        }
        return lines;
    }
}
