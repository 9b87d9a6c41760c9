package com.queenofsandiego.charter.reconcile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints the whole fault matrix: {@code bench/fault-matrix.sh [stride]}. */
public final class FaultMatrixBenchmark {

    private FaultMatrixBenchmark() {}

    public static void main(String[] args) throws Exception {
        int stride = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Path work = Files.createTempDirectory("charter-fault-matrix");
        for (FaultMatrix.Scenario scenario : FaultMatrix.scenarios(20)) {
            long started = System.nanoTime();
            List<FaultMatrix.Outcome> outcomes = FaultMatrix.run(
                    work.resolve(scenario.name().replace(' ', '-')), scenario, stride, System.out::println);
            System.out.printf(
                    "%s: %d cases in %.1f s%n", scenario.name(), outcomes.size(), (System.nanoTime() - started) / 1e9);
            Map<FaultMatrix.Fault, List<FaultMatrix.Outcome>> byFault = outcomes.stream()
                    .collect(Collectors.groupingBy(FaultMatrix.Outcome::fault, TreeMap::new, Collectors.toList()));
            System.out.printf(
                    "  %-17s %6s %10s %10s %12s %12s%n",
                    "fault", "cases", "runs", "max runs", "duplicates", "out of step");
            byFault.forEach((fault, cases) -> System.out.printf(
                    "  %-17s %6d %10d %10d %12d %12d%n",
                    fault,
                    cases.size(),
                    cases.stream().mapToInt(FaultMatrix.Outcome::runs).sum(),
                    cases.stream().mapToInt(FaultMatrix.Outcome::runs).max().orElse(0),
                    cases.stream().mapToInt(FaultMatrix.Outcome::duplicates).sum(),
                    cases.stream().mapToInt(FaultMatrix.Outcome::outOfStep).sum()));
            outcomes.stream()
                    .filter(o -> o.runs() < 0 || o.duplicates() > 0 || o.outOfStep() > 0)
                    .forEach(o -> System.out.println("  FAILED: " + o));
        }
    }
}
