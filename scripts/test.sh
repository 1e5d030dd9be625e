#!/usr/bin/env bash
# Install what is missing, build, and run the whole test suite through CTest: once on the
# Release build and once under AddressSanitizer + UndefinedBehaviorSanitizer.
# Set SDSIM_SKIP_ASAN=1 to skip the sanitizer pass (quicker local runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs="$(nproc 2>/dev/null || echo 2)"
bash scripts/build.sh release
(cd build && ctest --output-on-failure -j "$jobs")
if [ "${SDSIM_SKIP_ASAN:-0}" != "1" ]; then
  bash scripts/build.sh asan
  # The long statistical tests (Catch tag [slow]) are not registered in this build.
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j "$jobs")
fi
echo "test: all passed"
