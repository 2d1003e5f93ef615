#!/usr/bin/env bash
# Kit calculator benchmark: POST /api/v1/kit/calculate under load with wrk (households of several
# shapes, languages and regions), reporting requests/s and latency percentiles.
# Usage: bench/kit.sh [seconds per wrk run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
port=18081
jar=backend/target/paraat.jar

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f "$jar" ] || mvn -B -q -DskipTests package

data=$(mktemp -d)
PARAAT_PORT=$port PARAAT_CONTENT_PATH="$PWD/content" PARAAT_DB_URL="jdbc:h2:file:$data/paraat;MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE" \
  java -Xmx512m -jar "$jar" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.5
done
url="http://127.0.0.1:$port"
echo "-- one answer:"
curl -s -X POST -H 'Content-Type: application/json' -d '{"adults":2,"infants":1,"pets":{"dog":1}}' "$url/api/v1/kit/calculate" \
  | head -c 300; echo " ..."
echo "-- warm-up (30 s: the JIT takes a while on this code)"
wrk -t2 -c32 -d30s -s bench/kit-requests.lua "$url" >/dev/null
echo "-- measured: 2 threads, 32 connections, ${seconds}s"
wrk -t2 -c32 -d"${seconds}s" --latency -s bench/kit-requests.lua "$url" | grep -E "Requests/sec|50%|90%|99%|requests in|Non-2xx"
echo "-- measured: 2 threads, 64 connections, ${seconds}s"
wrk -t2 -c64 -d"${seconds}s" --latency -s bench/kit-requests.lua "$url" | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
