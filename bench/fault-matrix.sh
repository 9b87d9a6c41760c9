#!/usr/bin/env bash
# Prints the fault matrix: for each remote call of two deploys over 20 bookings (20 new; then changes, cancellations,
# removals and additions; then those changes again with charter.refresh, so faults land on its reads too; then those
# changes again over a ledger journal the deploy before left, so faults land on a carried journal too), each fault
# (500, 429, timeout, commit-then-drop, process killed) injected at that call, the runs needed until the deploy
# succeeds, duplicates created and bookings left out of step. Optional argument: a stride (test every Nth call;
# default 1, every call).
set -euo pipefail
cd "$(dirname "$0")/../charter-maven-plugin"
../mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -Dsun.net.httpserver.nodelay=true -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.queenofsandiego.charter.reconcile.FaultMatrixBenchmark "${1:-1}" 2>&1 | grep -v '^SLF4J\|sendResponseHeaders'
