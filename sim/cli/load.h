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
};

// Loads all files; returns false after printing all problems (of all files) and a summary line.
// Also rejects two files with the same scenario name (their rows could not be told apart).
bool LoadScenarioFiles(const std::vector<std::string>& files, const BuildOptions& options,
                       LoadedScenarios* out);

// Prints each distinct problem once to stderr (e.g. one budget file read against every scenario).
void PrintDistinctProblems(const Problems& problems);

}  // namespace sdsim
