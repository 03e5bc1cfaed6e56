#!/usr/bin/env bash
# Time from Vigil's start command to a served sign-in page, on a fresh and on an existing data folder.
# Usage: bench/startup.sh [runs]   (needs JDK 25 in JAVA_HOME; builds target/vigil.jar when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
[ -f target/vigil.jar ] || ./mvnw -B -q -DskipTests package
port=18080
data=$(mktemp -d)
trap 'pkill -f "vigil.embedded-db.dir=$data" || true; rm -rf "$data"' EXIT

wait_for_login() {
  local started=$1
  until curl -fs -o /dev/null "http://localhost:$port/login"; do sleep 0.05; done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
}

measure() {
  local label=$1 dir=$2
  local started
  started=$(date +%s%N)
  "$java" -jar target/vigil.jar --demo --server.port=$port --vigil.embedded-db.dir="$dir" >"$data/last.log" 2>&1 &
  local pid=$!
  local ms
  ms=$(wait_for_login "$started")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$label $ms"
}

echo "# java -jar target/vigil.jar --demo: milliseconds until GET /login answers 200"
for i in $(seq 1 "$runs"); do
  measure "fresh-data-folder" "$data/fresh-$i"
done
for i in $(seq 1 "$runs"); do
  measure "existing-data-folder" "$data/fresh-1"
done
