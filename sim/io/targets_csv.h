// targets.csv: one row per scenario and declared target, with the simulated mean, p5, p95, the
// probability of meeting the target and whether the mean lies in the accepted range.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "io/csv.h"
#include "runner/targets.h"

namespace sdsim {

struct ScenarioTargets {
  std::string scenario;
  const Model* model = nullptr;
  std::vector<TargetResult> results;
};

std::string TargetsCsv(const std::vector<ScenarioTargets>& scenarios, CsvDialect dialect);
// A short text table for the terminal: how many targets are met, and only those that are off.
std::string TargetsTable(const std::vector<ScenarioTargets>& scenarios);

}  // namespace sdsim
