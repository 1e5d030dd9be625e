// compare.csv and its terminal table.
#include "io/compare_csv.h"

#include <cmath>
#include <cstdio>

#include "io/summary.h"

namespace sdsim {
namespace {

// The backlog, income and saldo rows only where summary.csv has them (in either scenario).
bool Reported(const Comparison& cmp, const Comparison::Row& r) {
  int metric = CompareLevelMetric(r.metric);
  if (r.metric == kCmpCostWithBacklogCumulative) metric = kCostWithBacklog;
  if (metric != kBacklogCost && metric != kCostWithBacklog && metric != kIncome && metric != kSaldo)
    return true;
  return (r.alt_group >= 0 && MetricDefined(cmp.alt(), cmp.alt().groups[r.alt_group], metric)) ||
         (r.base_group >= 0 && MetricDefined(cmp.base(), cmp.base().groups[r.base_group], metric));
}

Stats Level(const Aggregator* agg, const Model& m, int group, int period, int metric) {
  if (!agg || group < 0 || metric < 0) return CellStats().Get();
  const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
  return agg->Get(L.Index(period, group, metric));
}

}  // namespace

std::string CompareCsv(const std::vector<ScenarioComparison>& comparisons, CsvDialect dialect) {
  CsvWriter w(dialect);
  for (const char* c :
       {"scenario",      "baseline",  "domain",        "form",          "pillar",
        "taakveld",      "payer",     "year",          "period",        "metric",
        "replications",  "mean_diff", "sd_diff",       "p5_diff",       "p50_diff",
        "p95_diff",      "p_lower",   "baseline_mean", "scenario_mean", "sd_unpaired",
        "payback_period"})
    w.Text(c);
  w.EndRow();
  const double nan = std::nan("");
  for (const ScenarioComparison& c : comparisons) {
    const Comparison& cmp = *c.comparison;
    for (const Comparison::Row& r : cmp.Rows()) {
      const GroupModel& g = *r.group;
      const Period& per = cmp.alt().calendar.periods()[r.period];
      if (!Reported(cmp, r)) continue;
      const int level = CompareLevelMetric(r.metric);
      const Stats b = Level(c.baseline_stats, cmp.base(), r.base_group, r.period, level);
      const Stats a = Level(c.scenario_stats, cmp.alt(), r.alt_group, r.period, level);
      const bool levels = level >= 0;
      const double bm = levels ? (r.base_group < 0 ? 0.0 : b.mean) : nan;
      const double am = levels ? (r.alt_group < 0 ? 0.0 : a.mean) : nan;
      const double unpaired = levels ? std::sqrt((r.base_group < 0 ? 0 : b.sd * b.sd) +
                                                 (r.alt_group < 0 ? 0 : a.sd * a.sd))
                                     : nan;
      w.Text(c.scenario)
          .Text(c.baseline)
          .Text(g.domain)
          .Text(g.form)
          .Text(g.pillar)
          .Text(g.taakveld)
          .Text(g.payer);
      w.Integer(per.year).Text(per.label).Text(CompareMetricName(r.metric)).Integer(r.diff.n);
      w.Number(r.diff.mean)
          .Number(r.diff.sd)
          .Number(r.diff.p5)
          .Number(r.diff.p50)
          .Number(r.diff.p95);
      w.Number(r.p_lower).Number(bm).Number(am).Number(unpaired).Text(r.payback);
      w.EndRow();
    }
  }
  return w.str();
}

std::string CompareTable(const std::vector<ScenarioComparison>& comparisons) {
  std::string out;
  char line[320];
  for (const ScenarioComparison& c : comparisons) {
    const Calendar& cal = c.comparison->alt().calendar;
    const int n = cal.num_periods();
    std::vector<Stats> diff(n), cum(n), cum_backlog(n);
    std::vector<double> p_saving(n);
    std::string payback;
    bool backlog = false;
    for (const Comparison::Row& r : c.comparison->Rows()) {
      if (r.group->kind != GroupKind::kTotal) continue;
      if (r.metric == kCmpCost) {
        diff[r.period] = r.diff;
        p_saving[r.period] = r.p_lower;
      } else if (r.metric == kCmpCostCumulative) {
        cum[r.period] = r.diff;
        payback = r.payback;
      } else if (r.metric == kCmpCostWithBacklogCumulative) {
        cum_backlog[r.period] = r.diff;
        backlog = true;
      }
    }
    out +=
        "  " + c.scenario + " vs " + c.baseline + " (paired): total cost difference x EUR 1,000\n";
    for (int p = 0; p < n; ++p) {
      std::snprintf(line, sizeof line,
                    "    %-8s %+8.0f [%+.0f .. %+.0f]  P(saving) %3.0f%%  cumulative %+.0f",
                    cal.periods()[p].label.c_str(), diff[p].mean / 1e3, diff[p].p5 / 1e3,
                    diff[p].p95 / 1e3, 100 * p_saving[p], cum[p].mean / 1e3);
      out += line;
      if (backlog) {
        std::snprintf(line, sizeof line, "  incl. backlog %+.0f", cum_backlog[p].mean / 1e3);
        out += line;
      }
      out += "\n";
    }
    out += "    payback: " + payback + "\n";
    // A saving that is mostly care still owed to waiting clients is deferral, not a saving.
    const double saved = -cum[n - 1].mean, left = cum_backlog[n - 1].mean - cum[n - 1].mean;
    if (backlog && saved > 0 && left > saved / 2) {
      std::snprintf(line, sizeof line,
                    "    mostly deferral: of the cumulative saving of EUR %.0fk, EUR %.0fk is care "
                    "still owed to clients waiting at the end (backlog_cost); counting it, the "
                    "scenario %s EUR %.0fk\n",
                    saved / 1e3, left / 1e3, left > saved ? "costs" : "saves",
                    std::fabs(saved - left) / 1e3);
      out += line;
    }
  }
  return out;
}

}  // namespace sdsim
