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

    public List<String> markdown() {
        List<String> lines = new ArrayList<>(publish.markdown());
        lines.addAll(reconcile.markdown());
        return lines;
    }
}
