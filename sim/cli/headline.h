// Headline: the few numbers of one scenario of a run that a sweep prints per point — the cost the
// municipality pays itself in the last period, the paired difference from a baseline, and the
// probability of overrunning a begroting line — carried between MPI ranks as JSON.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "runner/budget.h"
#include "runner/compare.h"
#include "runner/stats.h"
#include "scenario/json_file.h"

namespace sdsim {

struct Headline {
  std::string period;                // the last period
  bool own = false;                  // the cost below is the gemeente's (else the total)
  double cost = 0, p5 = 0, p95 = 0;  // cost paid by the gemeente (else the total) in `period`
  bool compared = false;             // with a baseline (paired, the same rows):
  double diff = 0, p_saving = 0;     //   the difference in `period` and P(saving)
  double cumulative = 0;             //   the mean cumulative difference to the end
  std::string payback;
  bool budgeted = false;  // with a begroting: its first line, in the last period it budgets
  std::string budget_line, budget_period;
  double p_overrun = 0;
};

// `comparison` (the scenario against a baseline) may be null; `budget` may be empty.
Headline HeadlineOf(const Model& m, const Aggregator& stats, const Comparison* comparison,
                    const std::vector<BudgetResult>& budget);

Json HeadlineJson(const Headline& h);
Headline HeadlineFromJson(const Json& j);

}  // namespace sdsim
