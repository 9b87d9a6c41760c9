package com.queenofsandiego.charter.reconcile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample of the fault matrix (every 15th call of the first deploy (so creates as well as lookups), every 7th of the second, every
 * 13th of the second again with charter.refresh, so faults land on its reads too, every 9th of the second over a
 * ledger journal carried from the deploy before, each fault); the whole
 * matrix is {@code bench/fault-matrix.sh}.
 */
class FaultMatrixTest {

    @TempDir
    Path work;

    @Test
    void everyFaultAtEverySampledCallEndsInStepWithoutDuplicates() throws Exception {
        List<FaultMatrix.Scenario> scenarios = FaultMatrix.scenarios(20);
        List<FaultMatrix.Outcome> outcomes =
                new ArrayList<>(FaultMatrix.run(work.resolve("first"), scenarios.get(0), 15, line -> {}));
        outcomes.addAll(FaultMatrix.run(work.resolve("second"), scenarios.get(1), 7, line -> {}));
        outcomes.addAll(FaultMatrix.run(work.resolve("refreshing"), scenarios.get(2), 13, line -> {}));
        outcomes.addAll(FaultMatrix.run(work.resolve("carried"), scenarios.get(3), 9, line -> {}));

        assertThat(outcomes)
                .extracting(FaultMatrix.Outcome::fault)
                .containsOnly(FaultMatrix.Fault.values())
                .hasSizeGreaterThan(30);
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.runs()).as("runs for %s", outcome).isPositive();
            assertThat(outcome.duplicates()).as("duplicates for %s", outcome).isZero();
            assertThat(outcome.outOfStep()).as("out of step for %s", outcome).isZero();
        });
        assertThat(outcomes)
                .filteredOn(o -> o.fault() == FaultMatrix.Fault.PROCESS_KILLED)
                .allSatisfy(o -> assertThat(o.runs()).isEqualTo(3));
        assertThat(outcomes)
                .filteredOn(o -> o.fault() == FaultMatrix.Fault.HTTP_500)
                .allSatisfy(o -> assertThat(o.runs()).isEqualTo(1));
    }
}
