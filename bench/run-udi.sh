#!/usr/bin/env bash
# Runs the UDI parser benchmarks (src/bench/java/org/vigil/udi/bench), single-threaded.
#   bench/run-udi.sh                 JMH: 2 forks x (5 x 2 s warm-up + 3 x 2 s measurement), -t 1
#   bench/run-udi.sh [JMH options]   JMH with other options, e.g. 'org.vigil.udi.bench -f 1 -i 1'
#   bench/run-udi.sh --cpu-time      parses per second of thread CPU time (for shared/noisy machines)
# Needs JDK 25: JAVA_HOME defaults to the Temurin 25 used on Vigil's build machines.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ "${1:-}" == "--cpu-time" ]]; then
  exec ./mvnw -B -q -Pbench compile exec:exec -Dbench.main=org.vigil.udi.bench.CpuTimeProbe -Djmh.args=
fi
args="${*:-org.vigil.udi.bench -f 2 -wi 5 -w 2s -i 3 -r 2s -t 1}"
exec ./mvnw -B -q -Pbench compile exec:exec -Djmh.args="$args"
