package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.ConfigurationException;
import com.queenofsandiego.charter.reconcile.ReconcilePlan;
import com.queenofsandiego.charter.reconcile.RemoteSystem;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule on deletions: no deploy deletes more than {@code max} objects from the bucket, nor more than {@code max}
 * entries from JADA or from SCC, unless a person raises {@code charter.maxDeletes} for that run.
 */
public record DeleteLimit(int max) {

    public DeleteLimit {
        if (max < 0) {
            throw new ConfigurationException("charter.maxDeletes must be 0 or more, not " + max);
        }
    }

    /** Each part of the plan over the limit, as a sentence ending with the setting that allows it; empty when none is. */
    public List<String> exceeded(DeployPlan plan) {
        List<String> over = new ArrayList<>();
        int objects = plan.publish().deletes().size();
        if (objects > max) {
            over.add("the plan deletes " + objects + " objects from the bucket, more than charter.maxDeletes=" + max
                    + "; allow it with -Dcharter.maxDeletes=" + objects);
        }
        for (RemoteSystem system : RemoteSystem.values()) {
            long entries = plan.reconcile().count(system, ReconcilePlan.Action.DELETE);
            if (entries > max) {
                over.add(
                        "the plan deletes " + entries + " " + system.label() + " entries, more than charter.maxDeletes="
                                + max + "; allow it with -Dcharter.maxDeletes=" + entries);
            }
        }
        return over;
    }

    /** Refuses a plan over the limit, before anything is written. */
    public void check(DeployPlan plan) {
        List<String> over = exceeded(plan);
        if (!over.isEmpty()) {
            throw new DeleteLimitException(String.join("; and ", over) + ". Nothing was changed.");
        }
    }
}
