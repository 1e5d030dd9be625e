#!/usr/bin/env bash
# Configures and builds sdsim. Usage: scripts/build.sh [release|asan|tsan]  (default release)
#   release -> build/        optimised (-O3 -DNDEBUG, CMake's Release flags), what users run
#   asan    -> build-asan/   AddressSanitizer + UndefinedBehaviorSanitizer, for the test suite
#   tsan    -> build-tsan/   ThreadSanitizer; its ctest runs only the tests tagged [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-release}"
jobs="$(nproc 2>/dev/null || echo 2)"
case "$kind" in
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  asan) dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DSDSIM_SANITIZE=ON) ;;
  # No MPI under TSan: Open MPI's own threads are not instrumented and would only give noise.
  tsan) dir=build-tsan; flags=(-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DSDSIM_TSAN=ON -DSDSIM_MPI=OFF) ;;
  *) echo "usage: $0 [release|asan|tsan]" >&2; exit 2 ;;
esac
cmake -S . -B "$dir" "${flags[@]}" > /dev/null
cmake --build "$dir" -j "$jobs"
