#!/usr/bin/env bash
# The whole performance suite in one command: build, quick correctness check, every JMH
# benchmark with -prof gc, then regenerate the tables in docs/performance.md.
#
#  * DbBench (19 operations) runs in one JVM per database x variant (18 JVMs), the operations of
#    that variant one after the other inside it (-f 0): no variant's JIT profile leaks into
#    another's, and the 342 benchmarks do not each pay a JVM start plus a Hibernate boot, which
#    on this 2-core machine would take most of the time budget.
#    Warm-up is BULK_INDI: every operation of the JVM is first warmed once, then each is warmed
#    again just before it is measured. With per-operation warm-up only, the first operations of
#    a JVM were measured while C2 was still compiling the shared query path (on 2 cores the JIT
#    needs 10-20 s to settle for the library variants), which penalised the heavier variants.
#  * MicroBench, CodecBenchmark and RenderBench run forked (-f 1) as usual.
#
# About 25 minutes on 2 cores. Usage (from anywhere):
#   oxyde-bench/run.sh
#   DBS="postgres" VARIANTS="raw_async oxyde" oxyde-bench/run.sh      # a subset
#   DB_OPTS="-wm BULK_INDI -wi 3 -w 1s -i 5 -r 1s" oxyde-bench/run.sh  # longer iterations
set -euo pipefail
cd "$(dirname "$0")/.."
DBS=${DBS:-"sqlite postgres mariadb"}
VARIANTS=${VARIANTS:-"raw raw_async jooq hibernate oxyde_driver oxyde"}
DB_OPTS=${DB_OPTS:-"-wm BULK_INDI -wi 2 -w 500ms -i 3 -r 500ms"}
MICRO_OPTS=${MICRO_OPTS:-"-f 1 -wi 2 -w 500ms -i 3 -r 500ms"}
MICRO=${MICRO:-"MicroBench|CodecBenchmark|RenderBench"}
OUT=oxyde-bench/target/jmh
INFO=$OUT/run-info.txt
JAR=oxyde-bench/target/benchmarks.jar

./mvnw -q -B -pl oxyde-bench -am package -DskipTests
java -jar "$JAR" --quick
rm -rf "$OUT" && mkdir -p "$OUT"
{
  echo "started: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; memory $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "jdk: $(java -version 2>&1 | sed -n 2p)"
  echo "DbBench: one JVM per database x variant, -f 0 $DB_OPTS -prof gc; others: $MICRO_OPTS -prof gc"
} > "$INFO"
for db in $DBS; do
  for v in $VARIANTS; do
    echo "=== DbBench db=$db variant=$v ($(date -u +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))"
    # shellcheck disable=SC2086
    java -jar "$JAR" 'DbBench' -p db="$db" -p variant="$v" -f 0 $DB_OPTS -prof gc \
      -rf json -rff "$OUT/db-$db-$v.json" > "$OUT/db-$db-$v.log" 2>&1 \
      || echo "DbBench db=$db variant=$v failed, see $OUT/db-$db-$v.log"
  done
  echo "after $db: load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$INFO"
done
if [ -n "$MICRO" ]; then
  echo "=== $MICRO ($(date -u +%H:%M:%S))"
  # shellcheck disable=SC2086
  java -jar "$JAR" "$MICRO" $MICRO_OPTS -prof gc -rf json -rff "$OUT/micro.json" > "$OUT/micro.log" 2>&1 \
    || echo "micro benchmarks failed, see $OUT/micro.log"
fi
echo "finished: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$INFO"
java -jar "$JAR" --report docs/performance.md "$INFO" "$OUT"/*.json
