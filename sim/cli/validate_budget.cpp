// Checking begroting files against their scenarios.
#include "cli/validate_budget.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "cli/load.h"
#include "scenario/budget_file.h"
#include "scenario/build_model.h"

namespace sdsim {

bool ValidateBudgetFiles(const std::vector<std::string>& budgets,
                         const std::vector<std::string>& against) {
  bool all_ok = true;
  for (const std::string& budget : budgets) {
    Problems problems;
    std::vector<std::string> scenarios = against;
    if (scenarios.empty()) {
      const std::string own = BudgetScenario(budget, &problems);
      if (!own.empty()) scenarios.push_back(own);
      if (own.empty() && problems.empty()) {
        Problem p;
        p.file = budget;
        p.message =
            "a begroting file; its lines can only be checked against the scenario they are for: "
            "add \"scenario\": \"baseline.json\" (the scenario file, relative to this file) or "
            "check it with sdsim validate --budget " +
            budget + " SCENARIO.json";
        problems.push_back(p);
      }
    }
    std::string summary;
    for (const std::string& scenario : scenarios) {
      if (!problems.empty()) break;
      ResolvedScenario resolved;
      Model model;
      if (!LoadScenario(scenario, BuildOptions{}, &resolved, &model, &problems)) break;
      if (!ApplyBudgetFile(budget, &model, &problems)) break;
      std::set<std::string> lines;
      int first = 1 << 30, last = -1;
      for (const BudgetLine& l : model.budget) {
        lines.insert(l.name);
        first = std::min(first, l.period);
        last = std::max(last, l.period);
      }
      summary += (summary.empty() ? "" : "; ") + std::string("scenario \"") + resolved.name +
                 "\": " + std::to_string(lines.size()) +
                 (lines.size() == 1 ? " line, " : " lines, ") +
                 std::to_string(model.budget.size()) + " amounts";
      if (last >= 0)
        summary += ", " + model.calendar.periods()[first].label + " .. " +
                   model.calendar.periods()[last].label;
    }
    PrintDistinctProblems(problems);  // found against several scenarios: shown once
    if (problems.empty())
      std::printf("%s: ok (begroting for %s)\n", budget.c_str(), summary.c_str());
    all_ok &= problems.empty();
  }
  if (!all_ok)
    std::fputs("sdsim: problems in a budget file; nothing was run or written.\n", stderr);
  return all_ok;
}

}  // namespace sdsim
