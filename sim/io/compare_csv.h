// compare.csv: every scenario against the baseline, paired per replication (common random
// numbers): per output row, period and metric the mean difference with its p5/p50/p95, P(lower)
// (for cost: the probability of a saving), the baseline and scenario means, the sd of the paired
// difference next to the sd an unpaired comparison would have, and the payback period.
#pragma once

#include <string>
#include <vector>

#include "io/csv.h"
#include "runner/compare.h"
#include "runner/stats.h"

namespace sdsim {

struct ScenarioComparison {
  std::string scenario, baseline;
  const Comparison* comparison = nullptr;
  const Aggregator* scenario_stats = nullptr;  // summary aggregators, for the levels
  const Aggregator* baseline_stats = nullptr;
};

std::string CompareCsv(const std::vector<ScenarioComparison>& comparisons, CsvDialect dialect);
// A short terminal table: the difference in the cost the gemeente pays (the total when no cost is
// paid by it) per period with its 90% interval, P(saving), the cumulative difference and payback.
std::string CompareTable(const std::vector<ScenarioComparison>& comparisons);

}  // namespace sdsim
