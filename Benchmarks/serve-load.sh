#!/usr/bin/env bash
# Load check for the coder's page: starts `needlepoint serve` (release) on a free loopback port and
# drives POST /v1/code with wrk (Debian's wrk) over 32 connections for SECONDS (default 25, which is
# over 10,000 requests on 2 cores), each request carrying the bundled example note. Prints
# requests/s, the request count, non-2xx answers and socket errors. Loopback only; not a test.
# Usage: Benchmarks/serve-load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-25}
connections=${2:-32}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
Benchmarks/build-release.sh --product needlepoint >/dev/null 2>&1
log=$(mktemp)
.build/release/needlepoint serve --port 0 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "http://" "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$log" | head -1)
[ -n "$url" ] || { echo "the server did not start" >&2; exit 2; }
echo "server: $url  connections: $connections  seconds: $seconds  cores: $(nproc)"
NOTE=Corpora/examples/lumbar-tfesi.txt wrk -t2 -c"$connections" -d"${seconds}s" -s Benchmarks/post-note.lua "${url}v1/code" \
  | grep -E "Requests/sec|requests:|latency:"
