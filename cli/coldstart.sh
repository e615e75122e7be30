#!/usr/bin/env bash
# Cold start of the jobs tool against curl: the wall time from process start to exit, for the same request
# (GET one SLNG job) to the same local Prism mock, each process started fresh, the two interleaved, N runs each.
# Prints both medians and their ratio. Not part of the default build (it measures time):
#
#   ./mvnw -B -DskipTests package        # builds cli/target/jobs.jar and installs Prism (testkit)
#   cli/coldstart.sh [RUNS]              # default 15 runs each, after one warm-up run each
#   JOBS_JAVA_OPTS="-XX:TieredStopAtLevel=1" cli/coldstart.sh    # the same with JVM options for jobs
#   JOBS_CDS=1 cli/coldstart.sh          # ...with an AppCDS archive of the classes a request loads, made in the warm-up
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-15}
jar=cli/target/jobs.jar
prism=testkit/node_modules/.bin/prism
[ -f "$jar" ] || { echo "coldstart: no $jar: run ./mvnw -B -DskipTests package first" >&2; exit 2; }
[ -x "$prism" ] || { echo "coldstart: no $prism: run ./mvnw -B -DskipTests package first" >&2; exit 2; }
command -v curl >/dev/null || { echo "coldstart: curl is needed" >&2; exit 2; }

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
log=$(mktemp)
"$prism" mock specs/slng.yaml -h 127.0.0.1 -p "$port" >"$log" 2>&1 &
prism_pid=$!
trap 'kill "$prism_pid" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 300); do
  grep -q "Prism is listening" "$log" && break
  sleep 0.2
done
grep -q "Prism is listening" "$log" || { echo "coldstart: Prism did not start:" >&2; cat "$log" >&2; exit 1; }

url="http://127.0.0.1:$port"
# shellcheck disable=SC2206
java_opts=(${JOBS_JAVA_OPTS:-})
run_curl() { curl -sf -H "Authorization: Bearer coldstart-key" "$url/v1/batch/jobs/myjob123" >/dev/null; }
run_jobs() { SLNG_API_KEY=coldstart-key java "${java_opts[@]}" -jar "$jar" slng get myjob123 --base-url "$url" >/dev/null; }
millis() { local t0 t1; t0=$(date +%s%N); "$@"; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

run_curl; run_jobs   # warm-up: the page cache, Prism's first answer
if [ -n "${JOBS_CDS:-}" ]; then  # the archive of the classes one request loads, then every run maps it
  archive=cli/target/jobs-coldstart.jsa
  rm -f "$archive"
  java_opts+=("-XX:ArchiveClassesAtExit=$archive"); run_jobs; unset 'java_opts[${#java_opts[@]}-1]'
  java_opts+=("-XX:SharedArchiveFile=$archive")
fi
curl_ms=(); jobs_ms=()
for i in $(seq 1 "$runs"); do
  curl_ms+=("$(millis run_curl)")
  jobs_ms+=("$(millis run_jobs)")
done
c=$(printf '%s\n' "${curl_ms[@]}" | median)
j=$(printf '%s\n' "${jobs_ms[@]}" | median)
echo "runs: $runs each, interleaved; JVM options: ${java_opts[*]:-none}; $(java -version 2>&1 | head -1)"
echo "curl  ms: ${curl_ms[*]}"
echo "jobs  ms: ${jobs_ms[*]}"
awk -v c="$c" -v j="$j" 'BEGIN { printf "median: curl %.1f ms, jobs %.1f ms, ratio jobs/curl %.1f\n", c, j, j / (c > 0 ? c : 1) }'
