#!/usr/bin/env bash
# Benchmark: sdsim on the reference model (scenarios/bench/reference.json) against the
# hand-written loop ../shared/bench/floor.cpp, side by side in one invocation on this machine.
#
#   scripts/bench.sh [REPLICATIONS] [ROUNDS]     (defaults 2000 and 5)
#
# Builds sdsim (Release) and floor.cpp (g++ -O2, as its README says), then runs ROUNDS rounds of
# {floor, sdsim --threads 1, sdsim --threads all}, interleaved so that machine noise hits all three
# alike, and prints the median replications per second of each and the ratios. Then the main job's
# speed (the Dronten scenario set on all threads, DRONTEN_REPS replications each, default 1000,
# with the time 10,000 each would take, and the time it would take at floor.cpp's speed per event)
# and the national scale test (scenarios/bench/national.json:
# seconds per replication and peak memory, 2 replications on 1 thread). Set FLOOR_CPP to point at
# floor.cpp if ../shared is elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-2000}"
rounds="${2:-5}"
floor_cpp="${FLOOR_CPP:-../shared/bench/floor.cpp}"
threads="$(nproc 2>/dev/null || echo 2)"
[ -f "$floor_cpp" ] || { echo "bench: floor.cpp not found at $floor_cpp (set FLOOR_CPP)" >&2; exit 2; }

bash scripts/build.sh release > /dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
g++ -O2 -std=c++20 "$floor_cpp" -o "$work/floor"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
sdsim_rate() {  # replications/s of the simulation itself (from the manifest)
  rm -rf "$work/out"  # sdsim refuses to write into an existing results folder
  ./build/sdsim run scenarios/bench/reference.json --replications "$reps" --seed 1 \
    --threads "$1" --out "$work/out" --quiet > /dev/null
  awk -v n="$reps" -F'[:,]' '/"seconds"/ {gsub(/ /, "", $2); printf "%.1f\n", n / $2}' "$work/out/manifest.json"
}
floor_rate() {  # replications/s; keeps floor's events per second in $work/floor_eps.txt
  "$work/floor" "$reps" | awk -v n="$reps" -v eps="$work/floor_eps.txt" '/seconds=/ {
    for (i = 1; i <= NF; i++) {
      split($i, kv, "=")
      if (kv[1] == "seconds") printf "%.1f\n", n / kv[2]
      if (kv[1] == "events_per_s") print kv[2] >> eps
    }}'
}

: > "$work/floor.txt"; : > "$work/one.txt"; : > "$work/all.txt"
for ((r = 1; r <= rounds; r++)); do
  floor_rate >> "$work/floor.txt"
  sdsim_rate 1 >> "$work/one.txt"
  sdsim_rate "$threads" >> "$work/all.txt"
  echo "round $r/$rounds: floor $(tail -1 "$work/floor.txt"), sdsim 1 thread $(tail -1 "$work/one.txt"), sdsim $threads threads $(tail -1 "$work/all.txt") replications/s" >&2
done
f="$(median < "$work/floor.txt")"; o="$(median < "$work/one.txt")"; a="$(median < "$work/all.txt")"
echo
echo "reference model, $reps replications, median of $rounds rounds ($(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
printf '%-28s %14s %10s\n' "run" "replications/s" "vs floor"
printf '%-28s %14.1f %10.2f\n' "floor.cpp (1 thread)" "$f" 1
printf '%-28s %14.1f %10.2f\n' "sdsim --threads 1" "$o" "$(awk -v x="$o" -v y="$f" 'BEGIN {print x / y}')"
printf '%-28s %14.1f %10.2f\n' "sdsim --threads $threads" "$a" "$(awk -v x="$a" -v y="$f" 'BEGIN {print x / y}')"

manifest() { awk -v k="\"$2\"" -F'[:,]' '$1 ~ k {gsub(/ /, "", $2); print $2; exit}' "$1"; }
dronten_reps="${DRONTEN_REPS:-1000}"
# The scenarios of the main job as scripts/run.sh selects them (history.json is its own run, over
# other years; begroting.json is a budget, not a scenario).
dronten=(scenarios/dronten/baseline.json
  $(ls scenarios/dronten/*.json | grep -v -E '/(baseline|history|begroting)\.json$'))
./build/sdsim run "${dronten[@]}" --replications "$dronten_reps" --seed 1 --threads "$threads" \
  --out "$work/dronten" --quiet > /dev/null
ds="$(manifest "$work/dronten/manifest.json" seconds)"
de="$(manifest "$work/dronten/manifest.json" events)"
feps="$(median < "$work/floor_eps.txt")"
n_scen="${#dronten[@]}"
./build/sdsim run scenarios/bench/national.json --replications 2 --seed 1 --threads 1 --out "$work/national" --quiet > /dev/null
ns="$(manifest "$work/national/manifest.json" seconds)"
nm="$(manifest "$work/national/manifest.json" peak_memory_mb)"
echo
printf '%-44s %s\n' "main job: Dronten set ($n_scen scenarios)" \
  "$(awk -v r="$dronten_reps" -v n="$n_scen" -v s="$ds" 'BEGIN {printf "%.0f scenario-replications/s on %d threads; 10,000 each: %.0f s", r * n / s, '"$threads"', 10000 * n / (r * n / s)}')"
# What the main job would take if every one of its events cost what an event costs floor.cpp on
# the (much simpler) reference model, with perfect scaling over the threads: a yardstick for the
# one-minute target, not a measurement of sdsim.
printf '%-44s %s\n' "main job at floor.cpp's speed per event" \
  "$(awk -v e="$de" -v r="$dronten_reps" -v f="$feps" -v t="$threads" 'BEGIN {n = e / r * 10000; printf "%.2f billion events (10,000 each) / (%.3g events/s x %d threads): %.0f s", n / 1e9, f, t, n / (f * t)}')"
printf '%-44s %s\n' "national scale (national.json, 1 thread)" \
  "$(awk -v s="$ns" -v m="$nm" 'BEGIN {printf "%.1f s per replication, peak memory %.0f MB", s / 2, m}')"
