// Begroting files: a JSON file with the budget lines at its top level ({"budget": {...}}), given
// to `sdsim run --budget FILE`. A begroting file may name the scenario it is written for
// ("scenario": "baseline.json", relative to the begroting file), so that `sdsim validate` can
// check its lines (rows and periods exist) on their own, without a run.
#pragma once

#include <string>

#include "scenario/problems.h"

namespace sdsim {

// True if the file parses and is a begroting file: a top-level "budget" without "domains" or
// "extends" (which would make it a scenario). False for anything else, including broken JSON
// (the scenario loader then reports the problem).
bool IsBudgetFile(const std::string& path);

// The scenario file the begroting file names, as a path usable from the current folder ("" if it
// names none). Problems (unreadable file, a "scenario" that is not a string) go to *problems.
std::string BudgetScenario(const std::string& path, Problems* problems);

}  // namespace sdsim
