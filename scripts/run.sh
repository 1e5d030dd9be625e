#!/usr/bin/env bash
# The main job: install what is missing, build (Release) and run Dronten's scenario set with
# 10,000 replications each, on common random numbers (compare.csv against the baseline).
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
./build/sdsim run scenarios/dronten/baseline.json $(ls scenarios/dronten/*.json | grep -v '/baseline.json$') \
  "${replications[@]}" "$@"
