// Budget: the begroting against the simulated cost. Per budget line and period: the budget, the
// mean cost, P(cost > budget), the expected overrun E[max(cost - budget, 0)], and the reserve
// needed on top of the budget to cover the cost with 90% and 95% certainty; the same cost with the
// backlog counted (cost_with_backlog: what the year deferred to waiting clients is a cost too),
// and the line's income and saldo where the scenario has income. Fed in replication order;
// memory does not grow with the replication count.
#pragma once

#include <vector>

#include "core/model.h"
#include "engine/metrics.h"
#include "runner/stats.h"

namespace sdsim {

struct BudgetResult {
  const BudgetLine* line = nullptr;
  Stats cost;
  double p_overrun = 0;
  double expected_overrun = 0;
  double reserve_90 = 0, reserve_95 = 0;            // max(0, percentile of cost - budget)
  Stats backlog, cost_with_backlog, income, saldo;  // n = 0 where the row has no such value
  double p_overrun_with_backlog = 0;
};

class BudgetTracker {
 public:
  explicit BudgetTracker(const Model& model);
  void Add(const RepResult& result);
  std::vector<BudgetResult> Results() const;

 private:
  const Model& model_;
  ResultLayout layout_;
  std::vector<CellStats> cost_, backlog_, cost_with_backlog_, income_, saldo_;
  std::vector<uint32_t> over_, over_with_backlog_;
  std::vector<double> overrun_sum_;
};

}  // namespace sdsim
