// budget.csv: per scenario, budget line and period: the budget, the mean cost, P(overrun), the
// expected overrun and the reserve needed to cover the cost with 90% and 95% certainty.
#pragma once

#include <string>
#include <vector>

#include "io/csv.h"
#include "runner/budget.h"

namespace sdsim {

struct ScenarioBudget {
  std::string scenario;
  const Model* model = nullptr;
  std::vector<BudgetResult> results;
};

std::string BudgetCsv(const std::vector<ScenarioBudget>& scenarios, CsvDialect dialect);
// A terminal table per scenario with a begroting: per line and period the budget, the mean cost
// with p5-p95, P(overrun) and the reserve for 90% and 95% certainty, x EUR 1,000.
std::string BudgetTable(const std::vector<ScenarioBudget>& scenarios);

}  // namespace sdsim
