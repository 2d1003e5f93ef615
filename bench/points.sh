#!/usr/bin/env bash
# Resilience-point benchmark: nearest 10 of 100,000 synthetic points clustered around Dutch towns,
# answered by Paraat's in-memory PointIndex, by MariaDB (B-tree box and SPATIAL index) and by PostGIS
# (geography KNN), every answer checked against a brute-force scan; then GET /api/v1/points/nearest
# on a Paraat server over the same points under load with wrk.
# Needs root for apt-get and starting the databases. Runs again safely: the bench tables are recreated
# and Paraat's resilience_point rows in the paraat_bench database replaced.
# Usage: bench/points.sh [seconds per wrk run, default 15]
# Environment: POINTS (100000), QUERIES (1800 near towns; 200 more on the country's edge), WARMUP
# (seconds of wrk load before measuring, default 40: on 2 cores shared with wrk the server's JIT needs
# about that long; after only 5 s the first measured run comes out at half the steady throughput).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
points=${POINTS:-100000}
queries=${QUERIES:-1800}
warmup=${WARMUP:-40}
port=18081
db=paraat_bench
jar=backend/target/paraat.jar
work=$(mktemp -d)
server=

mvn_() { mvn -B -q -o "$@" || mvn -B -q "$@"; }

echo "== prerequisites"
pg_version=$(ls /etc/postgresql | sort -V | tail -1)
need=()
command -v wrk >/dev/null || need+=(wrk)
[ -f "/usr/share/postgresql/$pg_version/extension/postgis.control" ] || need+=("postgresql-$pg_version-postgis-3")
if [ ${#need[@]} -gt 0 ]; then
  echo "-- installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; }
fi
if ! mysqladmin -uroot -h127.0.0.1 ping >/dev/null 2>&1; then
  echo "-- starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do mysqladmin -uroot -h127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
if ! pg_isready -q -h 127.0.0.1; then
  echo "-- starting PostgreSQL $pg_version"
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
fi
mysql -uroot -h127.0.0.1 -e "CREATE DATABASE IF NOT EXISTS $db"
echo "-- MariaDB $(mysql -uroot -h127.0.0.1 -N -e 'SELECT VERSION()'), PostgreSQL $(psql -U postgres -h 127.0.0.1 -tA -c 'SHOW server_version'), $(nproc) cores"

echo "== build"
mvn_ -DskipTests package
[ -f backend/target/test-classes/nl/paraat/point/PointBenchmark.class ] || mvn_ test-compile
mvn_ -pl backend dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mvn_ -pl backend dependency:copy -Dartifact=org.postgresql:postgresql:42.7.13 -DoutputDirectory=target/bench-lib
classpath="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt):backend/target/bench-lib/postgresql-42.7.13.jar"

start_server() { # $1 = log file
  PARAAT_PORT=$port PARAAT_DB_URL="jdbc:mysql://127.0.0.1:3306/$db" PARAAT_DB_USER=root PARAAT_DB_PASSWORD= \
    java -Xmx1g -jar "$jar" > "$1" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0
    kill -0 "$server" 2>/dev/null || { echo "Paraat did not start:"; tail -30 "$1"; exit 1; }
    sleep 0.5
  done
  echo "Paraat did not answer /health in 120 s:"; tail -30 "$1"; exit 1
}
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=
  fi
}
trap stop_server EXIT

echo "== schema: start Paraat once on $db so that Liquibase creates resilience_point"
start_server "$work/server-schema.log"
stop_server

echo "== PointBenchmark: load $points points, then nearest 10 by four methods"
java -Xmx2g -cp "$classpath" nl.paraat.point.PointBenchmark --points="$points" --queries="$queries"

echo
echo "== serve GET /api/v1/points/nearest on port $port from the same points"
start_server "$work/server.log"
url="http://127.0.0.1:$port"
probe="$url/api/v1/points/nearest?lat=52.3728&lon=4.8936"
for _ in $(seq 1 120); do
  grep -q "Points index version .* built: $points points" "$work/server.log" \
    && curl -sf "$probe" | grep -q '"source":"index"' && break
  sleep 0.5
done
grep -m1 "Startup completed" "$work/server.log" | sed 's/^.*Startup/-- Startup/' || true
grep -m1 "Points index version .* built: $points points" "$work/server.log" | sed 's/^.*Points index/-- Points index/' \
  || { echo "The server's index never held $points points:"; tail -30 "$work/server.log"; exit 1; }
curl -sf "$probe" | python3 -c '
import json, sys
body = json.load(sys.stdin)
first = body["points"][0]
print("-- probe Amsterdam: source %s, %d points, nearest %s at %.1f m" % (body["source"], len(body["points"]),
      first["point"]["name"], first["distanceMetres"]))'

echo "-- warm-up ${warmup}s"
wrk -t2 -c64 -d"${warmup}s" -s bench/points-requests.lua "$url" | grep "Requests/sec" | sed 's/^/   (warm-up) /'
printf '%-12s %12s %10s %10s %10s %10s %8s\n' connections requests/s p50 p90 p99 max errors > "$work/wrk-summary"
for connections in 32 64; do
  echo "-- measured: 2 threads, $connections connections, ${seconds}s, random places, 1 in 4 with facility=drinking-water"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/points-requests.lua "$url" > "$work/wrk-$connections"
  grep -E "Requests/sec|Latency +[0-9]|requests in|Non-2xx|Socket errors" "$work/wrk-$connections" || true
  awk -v c="$connections" '
    /Requests\/sec/ { rps = $2 }
    /^ +Latency +[0-9]/ { max = $4 }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { errors += $NF }
    /Socket errors/ { for (i = 3; i <= NF; i++) errors += $i + 0 }
    END { printf "%-12s %12s %10s %10s %10s %10s %8d\n", c, rps, p50, p90, p99, max, errors }' \
    "$work/wrk-$connections" >> "$work/wrk-summary"
done
echo
echo "GET /api/v1/points/nearest (limit 10), wrk and Paraat on the same $(nproc) cores:"
cat "$work/wrk-summary"
