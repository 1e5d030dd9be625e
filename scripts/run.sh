#!/usr/bin/env bash
# The main job: install what is missing, build (Release) and run Dronten's scenario set with
# 10,000 replications each, on common random numbers (compare.csv against the baseline), then the
# back-cast from 2018 (scenarios/dronten/history.json) against Dronten's history.
# Results go to results/<date>_<time>_baseline/ (summary.csv, compare.csv, targets.csv,
# manifest.json). Extra arguments are passed to `sdsim run`, e.g.:
#   bash scripts/run.sh --replications 2000 --csv nl
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
./build/sdsim validate scenarios/dronten/*.json
replications=(--replications 10000)
for arg in "$@"; do
  case "$arg" in -r|--replications|--replications=*|-r*) replications=() ;; esac
done
# The baseline first, then every other scenario of the set; history.json is the back-cast from 2018
# (other years, so its own run below) and begroting.json is the budget, not a scenario.
./build/sdsim run scenarios/dronten/baseline.json \
  $(ls scenarios/dronten/*.json | grep -v -E '/(baseline|history|begroting)\.json$') \
  "${replications[@]}" "$@"
# The back-cast 2018 - 1 October 2024 against Dronten's history (its targets are the known figures).
./build/sdsim run scenarios/dronten/history.json --replications 1000 --quiet
