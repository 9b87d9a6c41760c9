#!/usr/bin/env bash
# Prints the publishing figures for N objects (default 10000): plan time against the local target and against an
# S3-compatible server on 127.0.0.1, and the requests of an unchanged redeploy and of a one-page change.
set -euo pipefail
cd "$(dirname "$0")/../charter-maven-plugin"
../mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.queenofsandiego.charter.publish.PublishBenchmark "${1:-10000}" 2>&1 | grep -v '^SLF4J'
