#!/usr/bin/env bash
# The main job: install what is missing, build (Release) and run Dronten's scenario set on
# common random numbers (compare.csv against the baseline), with as many replications as it takes
# to know every key mean (each scenario's cost per year, in total and per domain, and its
# difference from the baseline) to within 0.4% (one Monte Carlo standard error; at most 20,000
# replications), checked against Dronten's begroting (scenarios/dronten/begroting.json ->
# budget.csv), then the back-cast from 2018 (scenarios/dronten/history.json) against Dronten's
# history. Results go to results/<date>_<time>_baseline/ (summary.csv, compare.csv, targets.csv,
# budget.csv, results.xlsx, report.html, manifest.json with the standard errors). Extra arguments
# are passed to `sdsim run`, e.g.:
#   bash scripts/run.sh --replications 2000 --csv nl     (a fixed count instead)
#   bash scripts/run.sh --precision 0.1%                 (a tighter target)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
./build/sdsim validate scenarios/dronten/*.json
# Defaults that a user's own arguments replace.
# 0.4%: met at 1,000 replications on the Dronten set, so the main job stays under a minute on a
# 2-core workstation (README, Benchmarks); every key figure's standard error is in manifest.json.
replications=(--precision 0.4%)
budget=(--budget scenarios/dronten/begroting.json)
xlsx=(--xlsx)
for arg in "$@"; do
  case "$arg" in
    -r|--replications|--replications=*|-r*|--precision|--precision=*) replications=() ;;
    --budget|--budget=*) budget=() ;;
    --xlsx) xlsx=() ;;
  esac
done
# The baseline first, then every other scenario of the set; history.json is the back-cast from 2018
# (other years, so its own run below) and begroting.json is the budget, not a scenario.
./build/sdsim run scenarios/dronten/baseline.json \
  $(ls scenarios/dronten/*.json | grep -v -E '/(baseline|history|begroting)\.json$') \
  "${replications[@]}" "${budget[@]}" "${xlsx[@]}" "$@"
# The back-cast 2018 - 1 October 2024 against Dronten's history (its targets are the known figures).
./build/sdsim run scenarios/dronten/history.json --replications 1000 --quiet
