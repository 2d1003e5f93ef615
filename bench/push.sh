#!/usr/bin/env bash
# Push benchmark: 200,000 devices in MariaDB, one alert for the whole country, sent through the real
# Firebase Admin SDK to a fake FCM on loopback; and the bare SDK's rate to the same fake for comparison.
# Usage: bench/push.sh   (PARAAT_BENCH_DEVICES=50000 for a shorter run; PARAAT_BENCH_JAVA_OPTS for JVM options)
set -euo pipefail
cd "$(dirname "$0")/.."
mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1 \
  || start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
mvn -B -q -DskipTests test-compile
mvn -B -q -pl backend dependency:build-classpath -Dmdep.outputFile="$PWD/backend/target/bench-classpath.txt" -Dmdep.includeScope=test
cd backend
java -Xmx2g ${PARAAT_BENCH_JAVA_OPTS:-} -Dlogback.configurationFile=logback-cli.xml \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" nl.paraat.push.PushBenchmark
