#!/usr/bin/env bash
# Readiness-statistics benchmark: 100,000 devices' checklist progress (with 16 weeks of kit/plan
# history) in a MariaDB database of its own, spread over the municipalities of four safety regions;
# then the k-anonymous statistics of each region, warm, in the service and over HTTP (p50 and max).
# Target: at most 1 s for one safety region. Runs again safely: the database is dropped and recreated.
# Usage: bench/readiness.sh [--devices=100000] [--regions=VR04,VR05,VR06,VR13] [--runs=30] [--warmup=10]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1; then
  echo "-- starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
echo "-- MariaDB $(mysql --protocol=tcp -h127.0.0.1 -uroot -N -e 'SELECT VERSION()'), $(nproc) cores"

mvn -B -q -DskipTests test-compile
mvn -B -q -pl backend dependency:build-classpath -Dmdep.outputFile="$PWD/backend/target/bench-classpath.txt" -Dmdep.includeScope=test
cp=backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)
# from the repository root, so that the server serves ./content
java -Xmx2g -Dlogback.configurationFile=logback-cli.xml -cp "$cp" nl.paraat.checklist.ReadinessBenchmark \
  --url=jdbc:mysql://127.0.0.1:3306/paraat_readiness_bench "$@"
