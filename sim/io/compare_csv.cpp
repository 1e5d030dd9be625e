// compare.csv and its terminal table.
#include "io/compare_csv.h"

#include <cmath>
#include <cstdio>

namespace sdsim {
namespace {

int LevelMetric(int cmp) {
  switch (cmp) {
    case kCmpCost:
      return kCost;
    case kCmpClientsEnd:
      return kClientsEnd;
    case kCmpMeanClients:
      return kMeanClients;
    case kCmpUnique:
      return kUniqueClients;
    case kCmpInflow:
      return kInflow;
    default:
      return -1;
  }
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
      const int level = LevelMetric(r.metric);
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
  char line[256];
  for (const ScenarioComparison& c : comparisons) {
    const Calendar& cal = c.comparison->alt().calendar;
    std::vector<Stats> diff(cal.num_periods()), cum(cal.num_periods());
    std::vector<double> p_saving(cal.num_periods());
    std::string payback;
    for (const Comparison::Row& r : c.comparison->Rows()) {
      if (r.group->kind != GroupKind::kTotal) continue;
      if (r.metric == kCmpCost) {
        diff[r.period] = r.diff;
        p_saving[r.period] = r.p_lower;
      } else if (r.metric == kCmpCostCumulative) {
        cum[r.period] = r.diff;
        payback = r.payback;
      }
    }
    out +=
        "  " + c.scenario + " vs " + c.baseline + " (paired): total cost difference x EUR 1,000\n";
    for (int p = 0; p < cal.num_periods(); ++p) {
      std::snprintf(line, sizeof line,
                    "    %-8s %+8.0f [%+.0f .. %+.0f]  P(saving) %3.0f%%  cumulative %+.0f\n",
                    cal.periods()[p].label.c_str(), diff[p].mean / 1e3, diff[p].p5 / 1e3,
                    diff[p].p95 / 1e3, 100 * p_saving[p], cum[p].mean / 1e3);
      out += line;
    }
    out += "    payback: " + payback + "\n";
  }
  return out;
}

}  // namespace sdsim
