#!/usr/bin/env bash
# The deployment build, the one binary every figure in the README is measured on:
#   --static-swift-stdlib         the Swift runtime linked in (no shared Swift libraries to bind at start)
#   --experimental-lto-mode=full  link-time optimization across the package's modules (inlining
#                                 across module boundaries: ~5% fewer instructions a note, same output)
# → .build/release/needlepoint. Extra arguments go to `swift build` (e.g. --product needlepoint).
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift build -c release --static-swift-stdlib --experimental-lto-mode=full "$@"
