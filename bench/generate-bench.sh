#!/usr/bin/env bash
# Times `mvn charter:generate` on N synthetic bookings (default 1000 and 10000) with -Xmx512m, and Hugo on a
# comparable N-page site (front matter, a short Markdown body, one template) in the same run.
# Needs the plugin installed (./mvnw install -DskipTests); installs Debian's hugo if it is missing.
# CHARTER_BENCH_REPO=<dir> runs Maven with that local repository (one the plugin was installed into with
# -Dmaven.repo.local=<dir>), so a branch can be measured without installing it into ~/.m2.
# Usage: bench/generate-bench.sh [N ...]
set -euo pipefail
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
mvn=(mvn ${CHARTER_BENCH_REPO:+-Dmaven.repo.local=$CHARTER_BENCH_REPO})
cd "$(dirname "$0")/.."
repo=$(pwd)
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' charter-maven-plugin/pom.xml | head -1)
command -v hugo >/dev/null || { apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

wall() { # command... -> prints "seconds peak_kib cpu_seconds"; CPU time shows the cost when other work shares the cores
  /usr/bin/time -f '%e %M %U %S' -o $tmp/time "$@" >$tmp/out 2>&1 || { cat $tmp/out; exit 1; }
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' $tmp/time
}

for n in ${@:-1000 10000}; do
  work="$repo/target/bench/n$n"
  rm -rf "$work" && mkdir -p "$work/bookings" "$work/hugo/content/posts" "$work/hugo/layouts/_default"
  cp -r theme site-content "$work/"
  # The bench directory is a project root of its own, with the repository's JVM options for Maven.
  mkdir -p "$work/.mvn" && { [ ! -f .mvn/jvm.config ] || cp .mvn/jvm.config "$work/.mvn/"; }
  cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin><groupId>com.queenofsandiego.charter</groupId><artifactId>charter-maven-plugin</artifactId>
  <version>$version</version></plugin></plugins></build></project>
POM
  crew=(maria_lopez tom_reyes dana_kim luis_ortega sam_whitfield priya_nair)
  for ((i = 0; i < n; i++)); do
    day=$(( i % 28 + 1 )); month=$(( (i / 28) % 12 + 1 )); year=$(( 2027 + i / 336 ))
    printf 'id: BS-%06d\nslug: bench-%06d-kqxmzt\ndate: %04d-%02d-%02d\nstart: %d:00\nend: %d:00\nguest:\n  name: Guest %d\n  party_size: %d\ncrew: [%s, %s]\nnotes: internal %d\nguest_notes: |\n  Meet at the dock **15 minutes early**. Booking %d.\n' \
      "$i" "$i" "$year" "$month" "$day" $(( 9 + i % 5 )) $(( 12 + i % 5 )) "$i" $(( i % 20 + 1 )) \
      "${crew[i % 6]}" "${crew[(i + 1) % 6]}" "$i" "$i" > "$work/bookings/b$i.yaml"
    printf -- '---\ntitle: "Page %d"\ndate: 2027-01-01\n---\nMeet at the dock **15 minutes early**. Page %d.\n' "$i" "$i" \
      > "$work/hugo/content/posts/p$i.md"
  done
  printf 'baseURL = "https://example.com/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS"]\nbuildFuture = true\n' \
    > "$work/hugo/hugo.toml" # the pages are dated 2027: without buildFuture, Hugo would skip them
  printf '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n' \
    > "$work/hugo/layouts/_default/single.html"
  cp "$work/hugo/layouts/_default/single.html" "$work/hugo/layouts/_default/list.html"

  cd "$work"
  export MAVEN_OPTS="-Xmx512m"
  # Online once, so Maven has every artifact the plugin needs (plexus-utils 1.1 on Maven 3.8) before the timed offline runs.
  "${mvn[@]}" -q -B charter:help >/dev/null
  read -r first_s first_kib first_cpu < <(wall "${mvn[@]}" -q -B -o charter:generate -Dcharter.skip=false)
  first_goal=$("${mvn[@]}" -B -o charter:generate | sed -n 's/.* in \([0-9]*\) ms$/\1/p')
  read -r again_s again_kib again_cpu < <(wall "${mvn[@]}" -q -B -o charter:generate)
  rm -rf target/charter
  "${mvn[@]}" -B -o charter:generate > $tmp/goal
  cold_goal=$(sed -n 's/.* in \([0-9]*\) ms$/\1/p' $tmp/goal)
  read -r hugo_s hugo_kib hugo_cpu < <(cd hugo && wall hugo --quiet)
  cd "$repo"
  pages=$(( 2 * n ))
  echo "N=$n: mvn charter:generate whole process ${first_s}s (${first_cpu}s CPU, peak ${first_kib} KiB RSS, -Xmx512m);" \
       "inside the goal ${cold_goal} ms cold ($(( pages * 1000 / (cold_goal > 0 ? cold_goal : 1) )) files/s);" \
       "no-change re-run inside the goal ${first_goal} ms, whole process ${again_s}s (${again_cpu}s CPU);" \
       "hugo ${hugo_s}s whole process (${hugo_cpu}s CPU, peak ${hugo_kib} KiB RSS); ratio mvn/hugo $(awk "BEGIN{printf \"%.2f\", $first_s/$hugo_s}")"
done
