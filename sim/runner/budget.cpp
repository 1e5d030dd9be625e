// Budget lines against the simulated cost.
#include "runner/budget.h"

#include <algorithm>

namespace sdsim {

BudgetTracker::BudgetTracker(const Model& model)
    : model_(model),
      layout_{model.calendar.num_periods(), model.num_groups(), kNumMetrics},
      cost_(model.budget.size()),
      backlog_(model.budget.size()),
      cost_with_backlog_(model.budget.size()),
      income_(model.budget.size()),
      saldo_(model.budget.size()),
      over_(model.budget.size(), 0),
      over_with_backlog_(model.budget.size(), 0),
      overrun_sum_(model.budget.size(), 0.0) {}

void BudgetTracker::Add(const RepResult& result) {
  for (size_t i = 0; i < model_.budget.size(); ++i) {
    const BudgetLine& b = model_.budget[i];
    const double cost = result.values[layout_.Index(b.period, b.group, kCost)];
    cost_[i].Add(cost);
    over_[i] += cost > b.amount;
    // NaN where the row has no such value (CellStats skips it).
    backlog_[i].Add(result.values[layout_.Index(b.period, b.group, kBacklogCost)]);
    const double with = result.values[layout_.Index(b.period, b.group, kCostWithBacklog)];
    cost_with_backlog_[i].Add(with);
    over_with_backlog_[i] += with > b.amount;
    income_[i].Add(result.values[layout_.Index(b.period, b.group, kIncome)]);
    saldo_[i].Add(result.values[layout_.Index(b.period, b.group, kSaldo)]);
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
    r.backlog = backlog_[i].Get();
    r.cost_with_backlog = cost_with_backlog_[i].Get();
    r.p_overrun_with_backlog = over_with_backlog_[i] / std::max(r.cost_with_backlog.n, 1);
    r.income = income_[i].Get();
    r.saldo = saldo_[i].Get();
    out.push_back(r);
  }
  return out;
}

}  // namespace sdsim
