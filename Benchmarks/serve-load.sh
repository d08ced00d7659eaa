#!/usr/bin/env bash
# Load check for the coder's page: starts `needlepoint serve` (release) on a free loopback port and
# sends REQUESTS (default 10,000) POST /v1/code requests over 32 connections with ApacheBench (`ab`,
# Debian's apache2-utils), each carrying the bundled example note. Prints requests/s, failures and
# non-2xx answers. Loopback only; not a test: it prints figures.
# Usage: Benchmarks/serve-load.sh [REQUESTS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-10000}
connections=${2:-32}
command -v ab >/dev/null || { echo "ab is missing: apt-get install -y apache2-utils" >&2; exit 2; }
swift build -c release --product needlepoint >/dev/null
log=$(mktemp)
.build/release/needlepoint serve --port 0 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "http://" "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$log" | head -1)
[ -n "$url" ] || { echo "the server did not start" >&2; exit 2; }
echo "server: $url  requests: $requests  connections: $connections  cores: $(nproc)"
ab -q -n "$requests" -c "$connections" -p Corpora/examples/lumbar-tfesi.txt -T text/plain "${url}v1/code" \
  | grep -E "Complete requests|Failed requests|Non-2xx|Requests per second|Time per request.*mean\)|99%"
echo "server log lines: $(wc -l < "$log") (method, path and status only)"
