#!/usr/bin/env bash
# Configures and builds sdsim. Usage: scripts/build.sh [release|asan|tsan]  (default release)
#   release -> build/        optimised (-O3 -DNDEBUG, CMake's Release flags), what users run
#   asan    -> build-asan/   AddressSanitizer + UndefinedBehaviorSanitizer (clang), for the tests
#   tsan    -> build-tsan/   ThreadSanitizer; its ctest runs only the tests tagged [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-release}"
jobs="$(nproc 2>/dev/null || echo 2)"
case "$kind" in
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  # clang, not GCC, under ASan/UBSan: it builds everything in 3.6 instead of 6.0 minutes on 2
  # cores and the tests run in 2.5 instead of 3.1 (2026-12-05), and it is a second compiler's
  # view of the code (the fuzz targets need clang anyway, so scripts/setup.sh installs it).
  asan)
    dir=build-asan
    cxx="$(command -v clang++-14 || command -v clang++ || true)"
    [ -n "$cxx" ] || { echo "build: clang++ not found (bash scripts/setup.sh installs clang-14)" >&2; exit 2; }
    flags=(-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DSDSIM_SANITIZE=ON
      -DCMAKE_CXX_COMPILER="$cxx") ;;
  # No MPI under TSan: Open MPI's own threads are not instrumented and would only give noise.
  tsan) dir=build-tsan; flags=(-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DSDSIM_TSAN=ON -DSDSIM_MPI=OFF) ;;
  *) echo "usage: $0 [release|asan|tsan]" >&2; exit 2 ;;
esac
# A folder configured with another compiler (build-asan/ was GCC's before) starts afresh: CMake
# cannot switch the compiler of an existing build.
if [ -n "${cxx:-}" ] && [ -f "$dir/CMakeCache.txt" ] &&
  ! grep -q "^CMAKE_CXX_COMPILER:[A-Z]*=$cxx\$" "$dir/CMakeCache.txt"; then
  rm -rf "$dir"
fi
cmake -S . -B "$dir" "${flags[@]}" > /dev/null
cmake --build "$dir" -j "$jobs"
