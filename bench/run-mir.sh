#!/usr/bin/env bash
# Runs the MIR document benchmarks (src/bench/java/org/vigil/mir/bench), single-threaded: MIR form XML written and
# structurally checked, EUDAMED DTX 3.0.25 XML written and schema-validated (issue 6: at least 2,000 per second).
#   bench/run-mir.sh                 JMH: 2 forks x (5 x 2 s warm-up + 3 x 2 s measurement), -t 1
#   bench/run-mir.sh [JMH options]   JMH with other options, e.g. 'org.vigil.mir.bench -f 1 -i 1'
#   bench/run-mir.sh --cpu-time      documents per second of thread CPU time, split by step (for shared machines)
# Needs JDK 25: JAVA_HOME defaults to the Temurin 25 used on Vigil's build machines.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ "${1:-}" == "--cpu-time" ]]; then
  exec ./mvnw -B -q -Pbench compile exec:exec -Dbench.main=org.vigil.mir.bench.MirCpuTimeProbe -Djmh.args=
fi
args="${*:-org.vigil.mir.bench.MirDocumentBenchmark -f 2 -wi 5 -w 2s -i 3 -r 2s -t 1}"
exec ./mvnw -B -q -Pbench compile exec:exec -Djmh.args="$args"
