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

}  // namespace sdsim
