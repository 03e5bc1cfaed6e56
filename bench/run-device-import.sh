#!/usr/bin/env bash
# Parse throughput of the device import readers on 10,000 records (src/bench/java/org/vigil/bench/
# DeviceImportParseBenchmark.java): Vigil's device CSV and FDA GUDID XML. Score = ms per 10,000 records.
#   bench/run-device-import.sh                 2 forks x (3 x 2 s warm-up + 5 x 2 s measurement), -t 1
#   bench/run-device-import.sh [JMH options]   other JMH options
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
args="${*:-org.vigil.bench.DeviceImportParseBenchmark -f 2 -wi 3 -w 2s -i 5 -r 2s -t 1}"
exec ./mvnw -B -q -Pbench compile exec:exec -Djmh.args="$args"
