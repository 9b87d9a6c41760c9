#!/usr/bin/env bash
# Takes the README's picture of a guest page again: renders the site from this repository's bookings/, opens one
# guest page in headless Chromium at a phone's viewport (390x844 CSS pixels, scale 2) and writes
# docs/guest-page-phone.png and docs/guest-page-phone.source (what it was taken from; a test compares it with what
# the code renders). Needs Debian's chromium and chromium-driver (bash .ci/run installs them).
# Extra arguments go to Maven, e.g. tools/guest-page-screenshot.sh -o
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -pl charter-maven-plugin test -Dtest=GuestPagePictureTest -DupdateGuestPagePicture=true \
  -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip "$@"
git status --short docs/
