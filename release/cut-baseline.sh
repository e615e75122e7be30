#!/usr/bin/env bash
# Makes release VERSION the API baseline: rebuilds the tagged release (git tag vVERSION) from a clean export,
# copies its published jars and its specs to release/baseline/VERSION/ with their SHA-256 (SHA256SUMS), and
# points the build at it (api.baseline.version in the root pom). The builds are reproducible, so anyone can
# check the committed baseline against the tag:   release/cut-baseline.sh --verify VERSION
#
# Usage: release/cut-baseline.sh VERSION | --verify VERSION
# Maven options (e.g. -Dmaven.repo.local=...) come from MAVEN_ARGS, as for ./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
verify=false
if [ "${1:-}" = "--verify" ]; then verify=true; shift; fi
version="${1:?usage: release/cut-baseline.sh [--verify] VERSION}"
tag="v${version}"
git rev-parse -q --verify "refs/tags/${tag}" >/dev/null || { echo "no tag ${tag}" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git archive --format=tar "$tag" | tar -x -C "$work"
echo "building ${tag} in ${work} (no tests: the tag was verified when it was released)"
# The published modules are the ones whose build makes a javadoc jar (publish.skip=false).
(cd "$work" && ./mvnw -B -q -DskipTests -Dexec.skip package) >"$work/build.log" 2>&1 || { tail -50 "$work/build.log" >&2; exit 1; }

out="$work/baseline"
mkdir -p "$out/specs"
for javadoc in "$work"/*/target/*-"${version}"-javadoc.jar "$work"/*/*/target/*-"${version}"-javadoc.jar; do
  [ -e "$javadoc" ] || continue
  cp "${javadoc%-javadoc.jar}.jar" "$out/"
done
cp "$work"/specs/*.yaml "$out/specs/"
ls "$out"/*.jar >/dev/null 2>&1 || { echo "no published jar found in the ${tag} build" >&2; exit 1; }
(cd "$out" && find . -type f ! -name SHA256SUMS | sed 's#^\./##' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)

dest="release/baseline/${version}"
if $verify; then
  diff -u "$dest/SHA256SUMS" "$out/SHA256SUMS" && echo "release/baseline/${version} is exactly what ${tag} builds"
  exit $?
fi
rm -rf "$dest" && mkdir -p "$(dirname "$dest")" && cp -r "$out" "$dest"
sed -i.bak -E "s#<api.baseline.version>[^<]*</api.baseline.version>#<api.baseline.version>${version}</api.baseline.version>#" pom.xml
rm -f pom.xml.bak
accepted=$(find . -name ACCEPTED-BREAKS.md -not -path '*/node_modules/*' -not -path '*/target/*')
[ -z "$accepted" ] || { echo "removing acceptances for the previous baseline:"; echo "$accepted"; echo "$accepted" | xargs rm -f; }
echo "baseline ${version}: $(ls "$dest"/*.jar | wc -l) jars, $(ls "$dest"/specs | wc -l) specs; api.baseline.version=${version}"
