#!/usr/bin/env bash
# Prints the size of the plugin's runtime classpath: "N artifacts, X MB" (the jars Maven loads for the plugin's goals).
# Usage: bench/runtime-classpath.sh [-v]   (-v also lists the artifacts, largest first)
# Offline (-o): maven-dependency-plugin 3.9.0 must be in ~/.m2 (run once without -o to fetch it).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
./mvnw -o -q -B -ntp -pl charter-maven-plugin \
  org.apache.maven.plugins:maven-dependency-plugin:3.9.0:list \
  -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true -DoutputFile="$out"
# Lines look like "   group:artifact:type:version:scope:/path/to/file.jar" (with -- module info on newer plugins).
grep -oE '[^: ]+:[^: ]+:[^: ]+(:[^: ]+)?:[^: ]+:(compile|runtime):/[^ ]+' "$out" | sed -E 's/:(compile|runtime):/ /' > "$out.files"
trap 'rm -f "$out" "$out.files"' EXIT
awk '{ print $2 }' "$out.files" | xargs stat -c '%s %n' | sort -rn > "$out.sizes"
trap 'rm -f "$out" "$out.files" "$out.sizes"' EXIT
if [[ "${1:-}" == "-v" ]]; then
  awk '{ printf "%8.2f MB  %s\n", $1 / 1048576, $2 }' "$out.sizes"
fi
awk '{ n++; total += $1 } END { printf "%d artifacts, %.1f MB\n", n, total / 1048576 }' "$out.sizes"
