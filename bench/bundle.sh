#!/usr/bin/env bash
# Offline bundle benchmark: sizes per safety region (all 25) with the real content and 150 points per
# safety region in MariaDB, the first build of each, and wrk for full bundles (gzip) and 304s.
# Usage: bench/bundle.sh   (PARAAT_BENCH_SECONDS=30 for longer wrk runs)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1 \
  || start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
mvn -B -q -DskipTests test-compile
mvn -B -q -pl backend dependency:build-classpath -Dmdep.outputFile="$PWD/backend/target/bench-classpath.txt" -Dmdep.includeScope=test
cd backend
java -Xmx1g -Dlogback.configurationFile=logback-cli.xml \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" nl.paraat.bundle.BundleBenchmark
