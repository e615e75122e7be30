#!/usr/bin/env bash
# Sets the project version everywhere it is written: the root pom's ${revision} (every module inherits it),
# the parentless BOM, README's BOM snippet and the consumer example's default. Usage: release/set-version.sh 0.2.0-SNAPSHOT
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: release/set-version.sh VERSION}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-SNAPSHOT)?$ ]] || { echo "not MAJOR.MINOR.PATCH[-SNAPSHOT]: $version" >&2; exit 2; }
sed -i.bak -E "0,/<revision>[^<]*<\/revision>/s//<revision>${version}<\/revision>/" pom.xml
# The BOM's own <version> is the first one after its artifactId.
sed -i.bak -E "/<artifactId>stt-bom<\/artifactId>/{n;s/<version>[^<]*<\/version>/<version>${version}<\/version>/}" bom/pom.xml
# README's BOM snippet (the <version> after <artifactId>stt-bom</artifactId>).
sed -i.bak -E "/<artifactId>stt-bom<\/artifactId>/{n;s/<version>[^<]*<\/version>/<version>${version}<\/version>/}" README.md
# The consumer example's default STT clients version.
sed -i.bak -E "s#<stt.version>[^<]*</stt.version>#<stt.version>${version}</stt.version>#" examples/gladia-consumer/pom.xml
rm -f pom.xml.bak bom/pom.xml.bak README.md.bak examples/gladia-consumer/pom.xml.bak
grep -q "<revision>${version}</revision>" pom.xml && grep -q "<version>${version}</version>" bom/pom.xml \
  || { echo "could not set the version" >&2; exit 1; }
echo "version ${version}: pom.xml (revision), bom/pom.xml, README.md (BOM snippet), examples/gladia-consumer/pom.xml (stt.version)"
