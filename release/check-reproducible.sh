#!/usr/bin/env bash
# Reproducible builds: rebuilds every published module from clean and compares each jar it makes (main,
# sources, javadoc) with the one already in target/ from the build before (run ./mvnw -B verify first, from a
# clean tree). Any difference fails, naming the entries that differ. With "install", the second build also
# installs the published modules and the BOM (as .ci/run does for the consumer example).
# Usage: release/check-reproducible.sh [install]   Maven options (e.g. -Dmaven.repo.local) come from MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
goal="${1:-package}"
# The published modules: those whose build made a javadoc jar (publish.skip=false).
mapfile -t modules < <(ls -d */target/*-javadoc.jar */*/target/*-javadoc.jar 2>/dev/null | sed 's#/target/.*##' | sort -u)
[ "${#modules[@]}" -gt 0 ] || { echo "reproducible: no published jar in target/: run ./mvnw -B verify first" >&2; exit 1; }

first="$(mktemp -d)"
trap 'rm -rf "$first"' EXIT
for m in "${modules[@]}"; do
  mkdir -p "$first/$m" && cp "$m"/target/*.jar "$first/$m/"
done
./mvnw -B -q clean "$goal" -DskipTests -am -pl "bom,$(IFS=,; echo "${modules[*]}")"

jars=0; differ=0
for m in "${modules[@]}"; do
  for jar in "$first/$m"/*.jar; do
    name="$(basename "$jar")"; jars=$((jars + 1))
    if ! cmp -s "$jar" "$m/target/$name"; then
      differ=$((differ + 1))
      echo "reproducible: $m/target/$name differs between two builds; entries (CRC, name) that differ:" >&2
      diff <(unzip -v "$jar" | awk 'NR>3 {print $7, $8}') <(unzip -v "$m/target/$name" | awk 'NR>3 {print $7, $8}') >&2 || true
    fi
  done
done
[ "$differ" -eq 0 ] || { echo "reproducible: $differ of $jars jars differ (a tree built from stale target/ can differ: ./mvnw clean first)" >&2; exit 1; }
echo "reproducible: ${jars} jars of ${#modules[@]} published modules are byte-identical across two builds"
