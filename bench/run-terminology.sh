#!/usr/bin/env bash
# Type-ahead latency of the IMDRF terminology search (src/bench/java/org/vigil/bench/TerminologySearchBenchmark.java):
# JMH sample mode, one thread; read p0.50, p0.95 and p0.99 (milliseconds) in the output.
#   bench/run-terminology.sh                 1 fork x (3 x 2 s warm-up + 5 x 3 s measurement)
#   bench/run-terminology.sh [JMH options]   e.g. 'org.vigil.bench.TerminologySearchBenchmark -t 4'
# Needs JDK 25: JAVA_HOME defaults to the Temurin 25 used on Vigil's build machines.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
args="${*:-org.vigil.bench.TerminologySearchBenchmark -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1}"
exec ./mvnw -B -q -Pbench compile exec:exec -Djmh.args="$args"
