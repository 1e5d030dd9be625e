// budget.csv.
#include "io/budget_csv.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/cost_table.h"
#include "io/utf8.h"

namespace sdsim {

std::string BudgetCsv(const std::vector<ScenarioBudget>& scenarios, CsvDialect dialect) {
  CsvWriter w(dialect);
  for (const char* c : {"scenario",
                        "line",
                        "selection",
                        "year",
                        "period",
                        "budget",
                        "replications",
                        "mean_cost",
                        "p5_cost",
                        "p50_cost",
                        "p90_cost",
                        "p95_cost",
                        "p_overrun",
                        "expected_overrun",
                        "reserve_90",
                        "reserve_95",
                        "mean_backlog_cost",
                        "mean_cost_with_backlog",
                        "p_overrun_with_backlog",
                        "mean_income",
                        "mean_saldo"})
    w.Text(c);
  w.EndRow();
  for (const ScenarioBudget& s : scenarios) {
    for (const BudgetResult& r : s.results) {
      const Period& per = s.model->calendar.periods()[r.line->period];
      w.Text(s.scenario)
          .Text(r.line->name)
          .Text(r.line->selection)
          .Integer(per.year)
          .Text(per.label);
      // Euros to cents, the probability to 4 decimals.
      w.Number(r.line->amount, 2)
          .Integer(r.cost.n)
          .Number(r.cost.mean, 2)
          .Number(r.cost.p5, 2)
          .Number(r.cost.p50, 2);
      w.Number(r.cost.p90, 2).Number(r.cost.p95, 2).Number(r.p_overrun, 4);
      w.Number(r.expected_overrun, 2).Number(r.reserve_90, 2).Number(r.reserve_95, 2);
      // Empty where the row has no backlog (a payer row) or the scenario no income.
      const double nan = std::nan("");
      const bool b = r.cost_with_backlog.n > 0, in = r.income.n > 0 && s.model->HasIncome();
      w.Number(b ? r.backlog.mean : nan, 2)
          .Number(b ? r.cost_with_backlog.mean : nan, 2)
          .Number(b ? r.p_overrun_with_backlog : nan, 4);
      w.Number(in ? r.income.mean : nan, 2).Number(in && r.saldo.n > 0 ? r.saldo.mean : nan, 2);
      w.EndRow();
    }
  }
  return w.str();
}

std::string BudgetTable(const std::vector<ScenarioBudget>& scenarios) {
  // The line names are as wide as the longest (begroting line names such as "sociaal domein
  // (eigen middelen)" are read whole), up to 40 characters.
  constexpr size_t kMaxName = 40;
  std::string out;
  char line[256];
  for (const ScenarioBudget& s : scenarios) {
    if (s.results.empty()) continue;
    out += "  begroting of " + s.scenario +
           " x EUR 1,000 (budget.csv): cost mean [p5 - p95], P(cost > budget), reserve on top of "
           "the budget for 90% / 95% certainty\n";
    size_t width = 0;
    for (const BudgetResult& r : s.results) width = std::max(width, Utf8Chars(r.line->name));
    width = std::min(width, kMaxName);
    for (const BudgetResult& r : s.results) {
      const std::string range =
          "[" + Thousands(r.cost.p5 / 1e3) + " - " + Thousands(r.cost.p95 / 1e3) + "]";
      std::snprintf(line, sizeof line,
                    " %-8s budget %9s  cost %9s %-21s P %3.0f%%  reserve %s / %s\n",
                    s.model->calendar.periods()[r.line->period].label.c_str(),
                    Thousands(r.line->amount / 1e3).c_str(), Thousands(r.cost.mean / 1e3).c_str(),
                    range.c_str(), 100 * r.p_overrun, Thousands(r.reserve_90 / 1e3).c_str(),
                    Thousands(r.reserve_95 / 1e3).c_str());
      out += "    " + FitToWidth(r.line->name, width) + line;
    }
  }
  return out;
}

}  // namespace sdsim
