#!/usr/bin/env bash
# Ratio mode on all three databases in one command: build, then one JVM per database running
# every variant, interleaved in short blocks over many rounds (io.oxyde.bench.ratio.RatioMain).
# The tables (median and quartiles of the per-round ratios to raw_async and raw, wall and process
# CPU time, plus absolute µs/op and the load at start and end) go to oxyde-bench/target/ratio/<db>.md.
#
# With the defaults (15 rounds after 3 warm-up rounds, 200 ms blocks, 19 operations x 6 variants)
# 7–8 minutes per database, under half an hour in all. Usage (from anywhere):
#   oxyde-bench/ratio.sh
#   DBS="postgres" RATIO_OPTS="--ops selectById,filter100 --variants raw,raw_async,oxyde" oxyde-bench/ratio.sh
#   RATIO_OPTS="--rounds 25 --block-ms 300" oxyde-bench/ratio.sh
#   JAVA_OPTS="-Xms2g -Xmx2g" oxyde-bench/ratio.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DBS=${DBS:-"sqlite postgres mariadb"}
RATIO_OPTS=${RATIO_OPTS:-""}
JAVA_OPTS=${JAVA_OPTS:-""}
OUT=oxyde-bench/target/ratio
JAR=oxyde-bench/target/benchmarks.jar

./mvnw -q -B -pl oxyde-bench -am package -DskipTests
mkdir -p "$OUT"
for db in $DBS; do
  echo "=== ratio mode db=$db ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$JAR" io.oxyde.bench.ratio.RatioMain --db "$db" --out "$OUT/$db.md" $RATIO_OPTS \
    > "$OUT/$db.log" 2>&1 || echo "ratio mode db=$db failed, see $OUT/$db.log"
done
echo "tables: $(ls "$OUT"/*.md 2>/dev/null | tr '\n' ' ')"
