// budget.csv.
#include "io/budget_csv.h"

#include <cmath>

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
      w.Number(r.line->amount)
          .Integer(r.cost.n)
          .Number(r.cost.mean)
          .Number(r.cost.p5)
          .Number(r.cost.p50);
      w.Number(r.cost.p90).Number(r.cost.p95).Number(r.p_overrun).Number(r.expected_overrun);
      w.Number(r.reserve_90).Number(r.reserve_95);
      // Empty where the row has no backlog (a payer row) or the scenario no income.
      const double nan = std::nan("");
      const bool b = r.cost_with_backlog.n > 0, in = r.income.n > 0 && s.model->HasIncome();
      w.Number(b ? r.backlog.mean : nan)
          .Number(b ? r.cost_with_backlog.mean : nan)
          .Number(b ? r.p_overrun_with_backlog : nan);
      w.Number(in ? r.income.mean : nan).Number(in && r.saldo.n > 0 ? r.saldo.mean : nan);
      w.EndRow();
    }
  }
  return w.str();
}

}  // namespace sdsim
