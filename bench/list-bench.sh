#!/usr/bin/env bash
# Prints how long listing a bucket of N objects (default 20000) takes, one page after another and in key ranges at once,
# on an S3-compatible server on 127.0.0.1, then with a 100 ms round trip added to every request.
set -euo pipefail
cd "$(dirname "$0")/../charter-maven-plugin"
../mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.queenofsandiego.charter.store.S3ListBenchmark "${1:-20000}" 2>&1 | grep -v '^SLF4J'
