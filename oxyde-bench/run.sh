#!/usr/bin/env bash
# The whole performance suite in one command: build, quick correctness check, every JMH
# benchmark (DbBench on SQLite/PostgreSQL/MariaDB x raw/raw_async/jooq/hibernate/oxyde,
# MicroBench, CodecBenchmark, RenderBench) with -prof gc, then regenerate the tables in
# docs/performance.md. About 25 minutes on 2 cores. Usage (from anywhere):
#   oxyde-bench/run.sh                       # everything
#   oxyde-bench/run.sh -p db=postgres        # extra JMH options are passed on
#   JMH_OPTS="-f 1 -wi 3 -w 1s -i 5 -r 1s" oxyde-bench/run.sh   # longer iterations
set -euo pipefail
cd "$(dirname "$0")/.."
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 2 -w 500ms -i 3 -r 500ms"}
INCLUDE=${INCLUDE:-"DbBench|MicroBench|CodecBenchmark|RenderBench"}
OUT=oxyde-bench/target/jmh-results.json
INFO=oxyde-bench/target/run-info.txt
JAR=oxyde-bench/target/benchmarks.jar

./mvnw -q -B -pl oxyde-bench -am package -DskipTests
java -jar "$JAR" --quick
{
  echo "started: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs"
  echo "jdk: $(java -version 2>&1 | sed -n 2p)"
  echo "jmh options: $JMH_OPTS -prof gc $*"
} > "$INFO"
# shellcheck disable=SC2086
java -jar "$JAR" "$INCLUDE" $JMH_OPTS -prof gc -rf json -rff "$OUT" "$@"
echo "finished: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$INFO"
java -jar "$JAR" --report "$OUT" docs/performance.md "$INFO"
