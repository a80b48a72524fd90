#!/bin/sh
# The tour: builds what it needs (tests skipped) and runs it on a fresh embedded SQLite file,
# oxyde-examples/target/tour/chinook.db. Needs only a JDK 17+.
#   ./tour.sh                                                           # SQLite
#   ./tour.sh --url 'postgresql://postgres@127.0.0.1:5432/test?currentSchema=tour'
#   ./tour.sh --url 'mariadb://root@127.0.0.1:3306/test'
# Exits non-zero when the build fails or any showcase result is wrong.
set -e
cd "$(dirname "$0")"
./mvnw -q -B -pl oxyde-examples -am package -DskipTests
exec java -jar oxyde-examples/target/oxyde-tour.jar --dir oxyde-examples/target/tour "$@"
