#!/usr/bin/env bash
# Prints the reconcile figures against the sandbox over HTTP: the first import of 200 bookings from a sandbox answering
# in 25 ms, one change at a time and 8 at once; then for N bookings (default 1000): first deploy, unchanged
# re-deploy (0 writes), and one changed booking (one PUT to each of JADA and SCC), with the bytes the ledger wrote.
set -euo pipefail
cd "$(dirname "$0")/../charter-maven-plugin"
../mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -Dsun.net.httpserver.nodelay=true -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.queenofsandiego.charter.reconcile.ReconcileBenchmark "${1:-1000}" 2>&1 | grep -v "^SLF4J"
