#!/usr/bin/env bash
# Builds the docs site (docs-site/target/site/) from the specs and the conformance suite's last test reports.
# After ./mvnw -B verify; or build and test in one go with ./mvnw -B -Pdocs verify. Check it: docs-site/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d conformance-tests/target/surefire-reports ] || { echo "no conformance test reports: run ./mvnw -B verify first" >&2; exit 1; }
./mvnw -B -q -Pdocs -pl docs-site package
