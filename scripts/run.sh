#!/usr/bin/env bash
# The main job: install what is missing, build (Release) and run Dronten's scenario set.
# Results go to results/<date>_<time>_<scenario>/ (summary.csv, manifest.json).
# Extra arguments are passed to `sdsim run`, e.g.: scripts/run.sh --replications 2000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
./build/sdsim validate scenarios/dronten/*.json
./build/sdsim run scenarios/dronten/*.json --replications 10000 "$@"
