#!/usr/bin/env bash
# Streams synthetic notes through `needlepoint batch` and prints notes/s and peak memory for
# several corpus sizes, to show that memory stays flat as the corpus grows. Not a test: it prints
# figures. Usage: Benchmarks/stream.sh [SIZES...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
[ $# -eq 0 ] && sizes=(10000 100000)
out=Benchmarks/out
mkdir -p "$out"
Benchmarks/build-release.sh --product needlepoint >/dev/null
binary=.build/release/needlepoint
printf '%-10s %-12s %-10s %-12s %-10s\n' notes MB seconds notes/s "peak RSS"
for n in "${sizes[@]}"; do
  corpus="$out/synthetic-$n.jsonl"
  [ -f "$corpus" ] || python3 ../shared/bench/make_synthetic_notes.py -n "$n" -o "$corpus" >/dev/null
  mb=$(python3 -c "import os; print(f'{os.path.getsize(\"$corpus\")/1e6:.1f}')")
  /usr/bin/time -f '%e %M' -o "$out/time.txt" "$binary" batch "$corpus" --out "$out/results-$n.jsonl" 2>/dev/null || true
  read -r seconds kb < "$out/time.txt"
  rate=$(python3 -c "print(f'{$n/max($seconds,0.001):.0f}')")
  printf '%-10s %-12s %-10s %-12s %-10s\n' "$n" "$mb" "$seconds" "$rate" "$((kb / 1024)) MB"
done
