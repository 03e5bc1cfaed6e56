#!/usr/bin/env bash
# Issue 6: time from handing Vigil a hostile MIR XML file to its refusal (src/bench/java/org/vigil/mir/bench/
# HostileXmlBenchmark.java; score = ms per refusal, average time) through the import (MirForm.read) and validation
# (MirValidation.validate, stream and file), for external entity, external DTD, parameter entity, billion laughs,
# 10,000-deep nesting and a 21 MB file; then MIR PDFs rendered per second (MirPdfBenchmark; score = ops/s).
#   bench/run-mir-hostile.sh                 1 fork x (3 x 1 s warm-up + 5 x 1 s measurement) each, -t 1
#   bench/run-mir-hostile.sh [JMH options]   other JMH options, e.g. 'org.vigil.mir.bench.MirPdfBenchmark -f 2'
# Needs JDK 25: JAVA_HOME defaults to the Temurin 25 used on Vigil's build machines.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
args="${*:-org.vigil.mir.bench -f 1 -wi 3 -w 1s -i 5 -r 1s -t 1}"
exec ./mvnw -B -q -Pbench compile exec:exec -Djmh.args="$args"
