#!/usr/bin/env bash
# Content benchmark: load + validate a generated folder of 5,000 pages (time and heap), then serve
# GET /api/v1/content/{id} under load with wrk and report requests/s and latency percentiles.
# Usage: bench/content.sh [seconds per wrk run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
port=18080
folder=$(mktemp -d)/content
jar=backend/target/paraat.jar

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f "$jar" ] || mvn -B -q -DskipTests package

bench/generate-content.sh "$folder"

echo "== load and validate (3 runs, fresh JVM each)"
for run in 1 2 3; do
  java -Xmx512m -jar "$jar" content validate --stats "$folder" | tail -1
done

echo "== serve GET /api/v1/content/{id} on port $port"
data=$(mktemp -d)
PARAAT_PORT=$port PARAAT_CONTENT_PATH="$folder" PARAAT_DB_URL="jdbc:h2:file:$data/paraat;MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE" \
  java -Xmx512m -jar "$jar" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.5
done
grep -m1 "Startup completed" "$data/server.log" || true

url="http://127.0.0.1:$port"
echo "-- warm-up"
wrk -t2 -c32 -d10s -s bench/content-requests.lua "$url" >/dev/null
echo "-- measured: 2 threads, 64 connections, ${seconds}s, pages x languages x regions"
wrk -t2 -c64 -d"${seconds}s" --latency -s bench/content-requests.lua "$url" | grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx"
echo "-- measured: 2 threads, 32 connections, ${seconds}s, pages x languages x regions"
wrk -t2 -c32 -d"${seconds}s" --latency -s bench/content-requests.lua "$url" | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
echo "-- measured: one page, 64 connections, ${seconds}s"
wrk -t2 -c64 -d"${seconds}s" --latency "$url/api/v1/content/p0001?locale=en" | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
