#!/usr/bin/env bash
# Issue 4's load goal: incident report submissions over REST, sustained, durable, audited, with notifications queued
# (src/bench/java/org/vigil/bench/SubmissionLoad.java). Starts Vigil from target/vigil.jar on a fresh data folder with
# its demo data, offers RATE submissions per second for SECONDS after a warm-up, checks nothing was lost, stops Vigil.
#   bench/run-submissions.sh [RATE] [SECONDS] [WARMUP_SECONDS] [one-call|draft]   defaults: 1000 60 20 one-call
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
rate=${1:-1000}; seconds=${2:-60}; warmup=${3:-20}; mode=${4:-one-call}
[ -f target/vigil.jar ] || ./mvnw -B -q -DskipTests package
./mvnw -B -q -Pbench compile >/dev/null
port=18081
data=$(mktemp -d)
"$JAVA_HOME/bin/java" ${VIGIL_JAVA_OPTS:-} -jar target/vigil.jar --demo --server.port=$port \
  --vigil.embedded-db.dir="$data" >"$data/vigil.log" 2>&1 &
vigil=$!
trap 'kill $vigil 2>/dev/null; wait $vigil 2>/dev/null || true; cp "$data/vigil.log" /tmp/vigil-submissions.log; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "http://localhost:$port/login"; do sleep 0.2; done
./mvnw -B -q -Pbench exec:exec -Dbench.main=org.vigil.bench.SubmissionLoad \
  -Djmh.args="http://localhost:$port $data $rate $seconds $warmup $mode"
grep -c " ERROR " "$data/vigil.log" | sed 's/^/errors in the Vigil log: /' || true
