#!/usr/bin/env python3
"""Compare two needlepoint binaries' wall clock and CPU time by taking turns.

This host drifts by a third between runs, so two builds are timed alternately (A B, B A, ...),
never one after the other. Each turn runs `batch CORPUS --jobs J` and reads its elapsed time and,
through `perf stat -e task-clock`, its CPU time (without the scheduler's waits; perf must be
installed). Prints medians and bests.

    python3 Benchmarks/alternate.py OLD_BINARY NEW_BINARY [--rounds 20] [--jobs 1] [--corpus FILE]
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def turn(binary, corpus, jobs, out):
    command = ["perf", "stat", "-x,", "-e", "task-clock", binary, "batch", corpus, "--out", out, "--jobs", str(jobs)]
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    elapsed = time.perf_counter() - start
    cpu = next(float(line.split(",")[0]) for line in result.stderr.splitlines() if "task-clock" in line)
    return elapsed * 1000, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--corpus", default=os.path.join(ROOT, "Benchmarks/out/synthetic-2000.jsonl"))
    args = parser.parse_args()
    if not os.path.exists(args.corpus):
        parser.error(f"{args.corpus} does not exist: run Benchmarks/compare-peer.py once to generate it")
    times = {args.old: [], args.new: []}
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "out.jsonl")
        for round in range(args.rounds):
            order = (args.old, args.new) if round % 2 == 0 else (args.new, args.old)
            for binary in order:
                times[binary].append(turn(binary, args.corpus, args.jobs, out))
    for label, binary in (("old", args.old), ("new", args.new)):
        elapsed = [t[0] for t in times[binary]]
        cpu = [t[1] for t in times[binary]]
        print(f"{label} {binary}: elapsed median {statistics.median(elapsed):.1f} ms (best {min(elapsed):.1f}), "
              f"CPU median {statistics.median(cpu):.1f} ms (best {min(cpu):.1f}), {args.rounds} rounds")


if __name__ == "__main__":
    main()
