#!/usr/bin/env bash
# Reviews the results of synthetic batches of growing size with `needlepoint review` (HTML, both
# CSV tables, excerpts from the notes) and prints seconds and peak memory per size, to show that
# a review streams: memory stays flat as the number of results grows. Not a test: it prints
# figures. Reuses Benchmarks/stream.sh's results when present. Usage: Benchmarks/review-stream.sh [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(10000 100000)
out=Benchmarks/out
mkdir -p "$out"
Benchmarks/build-release.sh --product needlepoint >/dev/null
binary=.build/release/needlepoint
printf '%-10s %-14s %-10s %-12s %-10s\n' results "results MB" seconds results/s "peak RSS"
for n in "${sizes[@]}"; do
  corpus="$out/synthetic-$n.jsonl"
  results="$out/results-$n.jsonl"
  [ -f "$corpus" ] || python3 ../shared/bench/make_synthetic_notes.py -n "$n" -o "$corpus" >/dev/null
  [ -f "$results" ] || "$binary" batch "$corpus" --out "$results" 2>/dev/null
  mb=$(python3 -c "import os; print(f'{os.path.getsize(\"$results\")/1e6:.1f}')")
  /usr/bin/time -f '%e %M' -o "$out/time.txt" "$binary" review "$results" --notes "$corpus" \
    --html "$out/review-$n.html" --csv "$out/review-$n.csv" 2>/dev/null
  read -r seconds kb < "$out/time.txt"
  rate=$(python3 -c "print(f'{$n/max($seconds,0.001):.0f}')")
  printf '%-10s %-14s %-10s %-12s %-10s\n' "$n" "$mb" "$seconds" "$rate" "$((kb / 1024)) MB"
done
