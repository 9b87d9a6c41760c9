package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.publish.PublishPlan;
import com.queenofsandiego.charter.reconcile.Ledger;
import com.queenofsandiego.charter.reconcile.ReconcilePlan;

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
}
