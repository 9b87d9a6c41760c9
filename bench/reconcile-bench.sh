#!/usr/bin/env bash
# Prints the reconcile figures for N bookings (default 1000) against the sandbox over HTTP: first deploy, unchanged
# re-deploy (0 writes), and one changed booking (one PUT to each of JADA and SCC).
set -euo pipefail
cd "$(dirname "$0")/../charter-maven-plugin"
../mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.queenofsandiego.charter.reconcile.ReconcileBenchmark "${1:-1000}" 2>&1 | grep -v "^SLF4J"
