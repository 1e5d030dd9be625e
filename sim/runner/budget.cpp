// Budget lines against the simulated cost.
#include "runner/budget.h"

#include <algorithm>

namespace sdsim {

BudgetTracker::BudgetTracker(const Model& model)
    : model_(model),
      layout_{model.calendar.num_periods(), model.num_groups(), kNumMetrics},
      cost_(model.budget.size()),
      over_(model.budget.size(), 0),
      overrun_sum_(model.budget.size(), 0.0) {}

void BudgetTracker::Add(const RepResult& result) {
  for (size_t i = 0; i < model_.budget.size(); ++i) {
    const BudgetLine& b = model_.budget[i];
    const double cost = result.values[layout_.Index(b.period, b.group, kCost)];
    cost_[i].Add(cost);
    over_[i] += cost > b.amount;
    overrun_sum_[i] += std::max(cost - b.amount, 0.0);
  }
}

std::vector<BudgetResult> BudgetTracker::Results() const {
  std::vector<BudgetResult> out;
  for (size_t i = 0; i < model_.budget.size(); ++i) {
    BudgetResult r;
    r.line = &model_.budget[i];
    r.cost = cost_[i].Get();
    const double n = std::max(r.cost.n, 1);
    r.p_overrun = over_[i] / n;
    r.expected_overrun = overrun_sum_[i] / n;
    r.reserve_90 = std::max(r.cost.p90 - r.line->amount, 0.0);
    r.reserve_95 = std::max(r.cost.p95 - r.line->amount, 0.0);
    out.push_back(r);
  }
  return out;
}

}  // namespace sdsim
