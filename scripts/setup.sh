#!/usr/bin/env bash
# Installs the Debian packages sdsim needs, if any are missing. Idempotent: a second run
# installs nothing. Runs apt-get as root, or through sudo.
set -euo pipefail

PACKAGES=(
  g++ cmake make                      # compiler and build (g++ 12, CMake 3.25)
  libboost-random-dev                 # Boost.Random (random streams), brings Boost headers (Math)
  libboost-program-options-dev        # command-line options
  libtbb-dev                          # oneTBB (sdsim expect runs its classes in parallel)
  libeigen3-dev                       # Eigen (linear algebra)
  nlohmann-json3-dev                  # JSON scenario files
  catch2                              # tests
  libopenmpi-dev openmpi-bin          # distributed runs (mpirun / Slurm) and their tests
  libreoffice-calc-nogui              # tests: opens the CSV output and results.xlsx in a real spreadsheet
  libxlsxwriter-dev zlib1g-dev        # writes results.xlsx (zlib: the tests read PNG screenshots)
  poppler-utils                       # tests: pdftoppm renders the workbook's pages (charts drawn?)
  chromium                            # tests: opens report.html in a real headless browser
  liblbfgspp-dev                      # sdsim fit: L-BFGS-B for the maximum-likelihood fits (MIT)
  r-base-core r-cran-survival         # tests: R's survival package cross-checks the fit estimators
  strace                              # tests: injects write/rename faults into output folders
  clang-14 libclang-rt-14-dev         # the ASan/UBSan test build and the libFuzzer targets in fuzz/
  python3                             # tests: scripts/gen_records.py writes synthetic records
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  # The package lists may be stale on a fresh machine: refresh once and retry.
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
