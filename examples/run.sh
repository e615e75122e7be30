#!/usr/bin/env bash
# Runs the consumer example (examples/gladia-consumer: imports the BOM, depends on gladia-client) from the
# INSTALLED jars, against a Prism mock of specs/gladia.yaml on a free loopback port (with the finished job's
# examples first). Install the jars first:
#   ./mvnw -B -DskipTests install        (.ci/run does; elsewhere use -Dmaven.repo.local=<a private copy>)
# Maven options (e.g. -Dmaven.repo.local=...) come from MAVEN_ARGS, as for ./mvnw.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's#.*<revision>\(.*\)</revision>.*#\1#p' pom.xml | head -1)"
prism=testkit/node_modules/.bin/prism
[ -x "$prism" ] || { echo "no Prism: build the testkit module first (./mvnw -B -pl testkit generate-resources)" >&2; exit 1; }

log="$(mktemp)"
spec="$(mktemp --suffix=.yaml)"
pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap 'stop; rm -f "$log" "$spec"' EXIT
# Prism answers with a response's first example. README's snippet waits for the job to be done, so the mock
# serves the spec with each response's example named "done" first: a job that has finished (a copy of the
# spec; js-yaml comes with the pinned Node tools).
node -e '
  const yaml = require(require.resolve("js-yaml", { paths: [process.argv[1]] }));
  const fs = require("fs");
  const doc = yaml.safeLoad(fs.readFileSync(process.argv[2], "utf8"));
  for (const item of Object.values(doc.paths || {}))
    for (const op of Object.values(item))
      for (const r of Object.values((op && op.responses) || {}))
        for (const m of Object.values((r && r.content) || {}))
          if (m.examples && m.examples.done) m.examples = { done: m.examples.done, ...m.examples };
  fs.writeFileSync(process.argv[3], yaml.safeDump(doc, { noRefs: true }));
' testkit specs/gladia.yaml "$spec"
for attempt in 1 2 3; do   # a port picked free can be taken before Prism binds it: try another
  port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  "$prism" mock -h 127.0.0.1 -p "$port" "$spec" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do   # up to 60 s
    grep -q "Prism is listening" "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  grep -q "Prism is listening" "$log" && break
  stop; pid=""
done
[ -n "$pid" ] || { echo "Prism did not start:"; cat "$log"; exit 1; } >&2

echo "example: gladia-consumer ${version} against Prism on 127.0.0.1:${port}"
out="$(GLADIA_API_KEY=example-key timeout 300 ./mvnw -B -q -f examples/gladia-consumer/pom.xml -Dstt.version="$version" \
  -Dgladia.baseUrl="http://127.0.0.1:${port}" clean compile exec:exec 2>&1)" || { echo "$out"; exit 1; }
echo "$out"
# The mock serves the spec's examples: the listed job, and the file's name.
grep -q '^45463597-20b7-4af7-b3b3-f5fb778203ab ' <<<"$out" || { echo "example: no job listed from the mock" >&2; exit 1; }
grep -q '^waited: done' <<<"$out" || { echo "example: waitUntilDone did not end with a done job" >&2; exit 1; }
[ -s examples/gladia-consumer/target/meeting.wav ] || { echo "example: meeting.wav was not written" >&2; exit 1; }
echo "example: passed"
