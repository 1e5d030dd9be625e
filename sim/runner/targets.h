// Targets: a scenario's declared figures (e.g. "pleegzorg + verblijf about 63 at the start"),
// checked against every replication. For each target: the simulated mean and percentiles, the
// probability of meeting it (share of replications within the accepted range) and whether the
// mean lies in the range. Fed in replication order, like the Aggregator.
#pragma once

#include <vector>

#include "core/model.h"
#include "engine/metrics.h"
#include "runner/stats.h"

namespace sdsim {

struct TargetResult {
  const TargetModel* target = nullptr;
  Stats stats;
  double probability_met = 0;  // share of replications with the value within [lower, upper]
  bool mean_in_range = false;
};

class TargetTracker {
 public:
  explicit TargetTracker(const Model& model);
  void Add(const RepResult& result);
  std::vector<TargetResult> Results() const;

 private:
  const Model& model_;
  ResultLayout layout_;
  std::vector<std::vector<double>> values_;  // per target, per replication
};

}  // namespace sdsim
