// Loading the scenario files named on the command line, printing every problem to stderr.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "core/model.h"
#include "scenario/build_model.h"

namespace sdsim {

struct LoadedScenarios {
  std::deque<ResolvedScenario> resolved;  // deque: stable addresses
  std::deque<Model> models;
  std::vector<Problems> warnings;  // per file: plausibility warnings (scenario/plausibility.h)
};

// Loads all files; returns false after printing all problems (of all files) and a summary line.
// Also rejects two files with the same scenario name (their rows could not be told apart).
// Then prints the plausibility warnings (each once, however many files share it); with `strict`
// they are errors and it returns false.
bool LoadScenarioFiles(const std::vector<std::string>& files, const BuildOptions& options,
                       LoadedScenarios* out, bool strict = false);

// Prints warnings (each distinct line once) and a summary line, on rank 0 only. Returns false if
// `strict` and there are any (then the summary says nothing was run or written).
bool ReportWarnings(const std::vector<Problems>& warnings, bool strict);

// Prints each distinct problem once to stderr (e.g. one budget file read against every scenario).
void PrintDistinctProblems(const Problems& problems);

}  // namespace sdsim
