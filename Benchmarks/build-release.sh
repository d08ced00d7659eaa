#!/usr/bin/env bash
# The deployment build, the one binary every figure in the README is measured on:
#   --static-swift-stdlib         the Swift runtime linked in (no shared Swift libraries to bind at start)
#   --experimental-lto-mode=full  link-time optimization across the package's modules (inlining
#                                 across module boundaries: ~5% fewer instructions a note, same output)
#   -disable-concrete-type-metadata-mangled-name-accessors
#                                 (a compiler frontend option) type metadata reached through accessor
#                                 functions instead of mangled names that the runtime resolves on first
#                                 use, each conformance in them by a scan of every conformance record
#                                 of the binary (~0.37 M instructions a scan): one pasted note
#                                 49.7 M -> 42.6 M instructions, ~1 ms; same output, 0.5% more code
#   --no-export-dynamic           (a linker option) the binary's own symbols stay out of its dynamic
#                                 symbol table (23,087 -> 420 entries): nothing links against them, the
#                                 runtime's one dladdr() at start no longer walks them (0.58 M
#                                 instructions), 2.5 MB less is mapped (`--version` 6.6 -> 6.0 ms);
#                                 crash backtraces, when enabled, read the binary's full symbol table
#                                 (kept unless the binary is stripped). It works because it comes
#                                 after SwiftPM's own --export-dynamic (the last one wins): check
#                                 `readelf --dyn-syms` after a toolchain update
# → .build/release/needlepoint. Extra arguments go to `swift build` (e.g. --product needlepoint).
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift build -c release --static-swift-stdlib --experimental-lto-mode=full \
  -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
  -Xlinker --no-export-dynamic "$@"
