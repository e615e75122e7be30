#!/usr/bin/env bash
# Builds the benchmark jar and runs every pair, writing BENCHMARKS.md at the repository root.
#
#   benchmarks/run.sh [--label NAME] [--note TEXT] [--rounds N]   # full run, < 10 min on 2 cores
#   benchmarks/run.sh --quick                                       # ~2 min plumbing check, figures meaningless
#   benchmarks/run.sh --smoke                                       # seconds: every benchmark method once, checked
#
# --label names the section of BENCHMARKS.md (default: the commit's short hash); a run with an existing label
# replaces that section, any other label adds one, and the side-by-side table shows every section's ratios.
# Set SKIP_BUILD=1 to reuse benchmarks/target/benchmarks.jar. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# What is measured is the work tree as it is when the build starts: name its commit now.
commit="unknown"
if git rev-parse --git-dir >/dev/null 2>&1; then
  commit="$(git log -1 --format='%h %cs %s')"
  # Uncommitted changes (other than BENCHMARKS.md itself) make the figures those of no commit: say so.
  if [ -n "$(git status --porcelain --untracked-files=no -- . ':!BENCHMARKS.md')" ]; then
    commit="$(git log -1 --format=%h)-dirty $(git log -1 --format='%cs %s') (with uncommitted changes)"
  fi
fi

if [ "${SKIP_BUILD:-}" != "1" ] || [ ! -f benchmarks/target/benchmarks.jar ]; then
  echo "building the benchmark jar (./mvnw -B -q -Pbench -pl benchmarks -am -DskipTests package)..."
  ./mvnw -B -q -Pbench -pl benchmarks -am -DskipTests package
fi

exec java -Xmx256m -jar benchmarks/target/benchmarks.jar --root "$root" --commit "$commit" "$@"
