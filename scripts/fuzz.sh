#!/usr/bin/env bash
# Fuzzing with libFuzzer (Debian's clang-14 and libclang-rt-14-dev; scripts/setup.sh installs
# them): builds every target in fuzz/ (fuzz/<target>.cpp) into build-fuzz/ with
# -fsanitize=fuzzer,address,undefined and runs each for SECONDS (default 60), or only the
# TARGETs named (scenario, budget, records).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Each target starts from its seed corpus fuzz/corpus/<target>/ (and the inputs it found before,
# kept in build-fuzz/corpus/<target>/) with the dictionary fuzz/<target>.dict if there is one.
# A crash, sanitizer report, leak, hang (> 30 s per input; the slowest valid input, a Dronten
# scenario, takes under 2 s here, more on a busy machine) or excess memory (> 2 GB) stops the
# script with exit code 1 and leaves the input in fuzz/crashes/<target>/: fix the bug and commit
# that file, and the test suite replays it from then on (fuzz_replay_<target> in the normal
# build). Adding a target is one fuzz/<target>.cpp and one fuzz/corpus/<target>/ folder.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in fuzz/*.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi
jobs="$(nproc 2>/dev/null || echo 2)"
cxx="$(command -v clang++-14 || command -v clang++ || true)"
[ -n "$cxx" ] || { echo "fuzz: clang++ not found (bash scripts/setup.sh installs clang-14)" >&2; exit 2; }
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DCMAKE_CXX_COMPILER="$cxx" -DSDSIM_FUZZ=ON -DSDSIM_TESTS=OFF -DSDSIM_MPI=OFF > /dev/null
cmake --build build-fuzz -j "$jobs"
status=0
for target in "${targets[@]}"; do
  [ -f "fuzz/$target.cpp" ] || { echo "fuzz: no target fuzz/$target.cpp" >&2; exit 2; }
  work="build-fuzz/corpus/$target"
  mkdir -p "$work" "fuzz/crashes/$target"
  dict=()
  [ -f "fuzz/$target.dict" ] && dict=(-dict="fuzz/$target.dict")
  echo "fuzz: $target for $seconds s"
  if ! "build-fuzz/fuzz_$target" "$work" "fuzz/corpus/$target" "${dict[@]}" \
      -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="fuzz/crashes/$target/" -print_final_stats=1 2> "build-fuzz/$target.log"; then
    tail -n 60 "build-fuzz/$target.log" >&2
    echo "fuzz: $target FOUND A PROBLEM; the input is in fuzz/crashes/$target/" >&2
    status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added|^#[0-9]+ +DONE" \
      "build-fuzz/$target.log" || true
  fi
done
exit "$status"
