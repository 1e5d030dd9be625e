// The headline numbers of a scenario.
#include "cli/headline.h"

#include "io/cost_table.h"

namespace sdsim {

Headline HeadlineOf(const Model& m, const Aggregator& stats, const Comparison* comparison,
                    const std::vector<BudgetResult>& budget) {
  Headline h;
  const int last = m.calendar.num_periods() - 1;
  h.period = m.calendar.periods()[last].label;
  const int own = OwnCostGroup(m);
  h.own = m.groups[own].kind == GroupKind::kPayer;
  const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
  const Stats st = stats.Get(L.Index(last, own, kCost));
  h.cost = st.mean;
  h.p5 = st.p5;
  h.p95 = st.p95;
  if (comparison) {
    const GroupModel& g = m.groups[own];
    for (const Comparison::Row& r : comparison->Rows()) {
      if (r.period != last || r.group->kind != g.kind || r.group->payer != g.payer ||
          std::string(GroupLevel(*r.group)) != GroupLevel(g))
        continue;
      if (r.metric == kCmpCost) {
        h.compared = true;
        h.diff = r.diff.mean;
        h.p_saving = r.p_lower;
      } else if (r.metric == kCmpCostCumulative) {
        h.cumulative = r.diff.mean;
        h.payback = r.payback;
      }
    }
  }
  if (!budget.empty()) {
    // The first line of the begroting, in the last period it has an amount for.
    const BudgetResult* pick = nullptr;
    for (const BudgetResult& b : budget)
      if (b.line->name == budget.front().line->name &&
          (!pick || b.line->period > pick->line->period))
        pick = &b;
    h.budgeted = true;
    h.budget_line = pick->line->name;
    h.budget_period = m.calendar.periods()[pick->line->period].label;
    h.p_overrun = pick->p_overrun;
  }
  return h;
}

Json HeadlineJson(const Headline& h) {
  return Json{{"period", h.period},
              {"own", h.own},
              {"cost", h.cost},
              {"p5", h.p5},
              {"p95", h.p95},
              {"compared", h.compared},
              {"diff", h.diff},
              {"p_saving", h.p_saving},
              {"cumulative", h.cumulative},
              {"payback", h.payback},
              {"budgeted", h.budgeted},
              {"budget_line", h.budget_line},
              {"budget_period", h.budget_period},
              {"p_overrun", h.p_overrun}};
}

Headline HeadlineFromJson(const Json& j) {
  Headline h;
  h.period = j.value("period", "");
  h.own = j.value("own", false);
  h.cost = j.value("cost", 0.0);
  h.p5 = j.value("p5", 0.0);
  h.p95 = j.value("p95", 0.0);
  h.compared = j.value("compared", false);
  h.diff = j.value("diff", 0.0);
  h.p_saving = j.value("p_saving", 0.0);
  h.cumulative = j.value("cumulative", 0.0);
  h.payback = j.value("payback", "");
  h.budgeted = j.value("budgeted", false);
  h.budget_line = j.value("budget_line", "");
  h.budget_period = j.value("budget_period", "");
  h.p_overrun = j.value("p_overrun", 0.0);
  return h;
}

}  // namespace sdsim
