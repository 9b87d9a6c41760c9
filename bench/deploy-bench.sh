#!/usr/bin/env bash
# Merge-to-live: one changed booking on an N-booking site (default 10000), deployed from a fresh clone with a whole
# `mvn charter:deploy` to the local target (JADA and SCC: the sandbox), next to Hugo's whole build of the same number
# of pages, measured in the same run, each the fastest of three. First runs bench/generate-bench.sh N for the
# synthetic site and Hugo's figure.
# Needs the plugin installed, as generate-bench.sh does (CHARTER_BENCH_REPO works the same way).
# Usage: bench/deploy-bench.sh [N]
set -euo pipefail
n=${1:-10000}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
mvn=(mvn -B -o ${CHARTER_BENCH_REPO:+-Dmaven.repo.local=$CHARTER_BENCH_REPO})
export MAVEN_OPTS="-Xmx512m"
cd "$(dirname "$0")/.."
repo=$(pwd)

bench/generate-bench.sh "$n" | tee "$tmp/generate"
work="$repo/target/bench/n$n"
live="$repo/target/bench/live-n$n"
rm -rf "$live"

wall() { # log command... -> prints "seconds cpu_seconds"
  local log=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$tmp/time"
}

# What is live: the whole site deployed once, JADA and SCC imported.
(cd "$work" && wall "$tmp/first.log" "${mvn[@]}" charter:deploy -Dcharter.local.directory="$live") > "$tmp/first"
read -r first_s first_cpu < "$tmp/first"

# Three one-change deploys, each from a fresh clone (no target/, new file times) in which one booking's start time
# differs from what is live, the fastest counted as Hugo's is: the first runs while the file system still writes back
# the first deploy's 20,000 files. Timestamps on each line of the fastest show where its time went.
clone="$repo/target/bench/clone-n$n"
one_runs=() one_s=999 one_cpu=0
for minutes in 30 15 45; do
  rm -rf "$clone" && mkdir -p "$clone"
  cp -r "$work/bookings" "$work/theme" "$work/site-content" "$work/pom.xml" "$work/.mvn" "$clone/"
  sed -i "s/^start: \([0-9]*\):00\$/start: \1:$minutes/" "$clone/bookings/b$(( n / 2 )).yaml"
  read -r s cpu < <(cd "$clone" && wall "$tmp/one-$minutes.log" "${mvn[@]}" charter:deploy -Dcharter.local.directory="$live" \
    -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)
  one_runs+=("$s")
  if [[ $(awk "BEGIN{print ($s < $one_s)}") == 1 ]]; then one_s=$s; one_cpu=$cpu; cp "$tmp/one-$minutes.log" "$tmp/one.log"; fi
done

# Hugo's whole build of the same number of pages, right after, so both see the machine as it is now; each into a new
# directory, as generate-bench.sh measures it (removing 20,000 files just before slows the next writes down). Three
# builds, the fastest counted: the file system is still writing back what the deploys wrote, and Hugo's time varies
# with it from 1.4 s to over 3 s.
hugo_runs=() hugo_s=999 hugo_cpu=0
for run in 1 2 3; do
  read -r s cpu < <(cd "$work/hugo" && wall "$tmp/hugo.log" hugo --quiet --destination "$tmp/hugo-public-$run")
  hugo_runs+=("$s")
  if [[ $(awk "BEGIN{print ($s < $hugo_s)}") == 1 ]]; then hugo_s=$s; hugo_cpu=$cpu; fi
done
echo "N=$n: first deploy (whole site, JADA/SCC import) ${first_s}s wall, ${first_cpu}s CPU"
echo "N=$n: one changed booking from a fresh clone: mvn charter:deploy ${one_s}s wall, ${one_cpu}s CPU, the fastest of" \
     "${one_runs[*]}; hugo ${hugo_s}s whole build (${hugo_cpu}s CPU), the fastest of ${hugo_runs[*]} just after;" \
     "ratio $(awk "BEGIN{printf \"%.2f\", $one_s/$hugo_s}")"
grep -E -- "--- charter|took the deploy lock|rendered [0-9]+ of|charter plan:|deployed to|invalidating|requests:|Total time" "$tmp/one.log" \
  | sed 's/ \[INFO\] / /' | cut -c1-220
