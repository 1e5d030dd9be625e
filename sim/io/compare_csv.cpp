// compare.csv and its terminal table.
#include "io/compare_csv.h"

#include <cmath>
#include <cstdio>

#include "io/cost_table.h"
#include "io/summary.h"

namespace sdsim {
namespace {

// Only the rows summary.csv has (in either scenario): no backlog, income or saldo where there is
// none, and no client counts for the payer rows (cost only).
bool Reported(const Comparison& cmp, const Comparison::Row& r) {
  int metric = CompareLevelMetric(r.metric);
  if (r.metric == kCmpCostWithBacklogCumulative) metric = kCostWithBacklog;
  if (metric < 0) metric = kCost;  // cumulative cost, investment
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
       {"scenario",    "baseline",      "level",     "domain",        "form",
        "pillar",      "taakveld",      "payer",     "year",          "period",
        "metric",      "replications",  "mean_diff", "sd_diff",       "p5_diff",
        "p50_diff",    "p95_diff",      "p_lower",   "baseline_mean", "scenario_mean",
        "sd_unpaired", "payback_period"})
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
          .Text(GroupLevel(g))
          .Text(g.domain)
          .Text(g.form)
          .Text(g.pillar)
          .Text(g.taakveld)
          .Text(g.payer);
      w.Integer(per.year).Text(per.label).Text(CompareMetricName(r.metric)).Integer(r.diff.n);
      // Euros to cents, clients to hundredths; the probability to 4 decimals.
      w.Number(r.diff.mean, 2)
          .Number(r.diff.sd, 2)
          .Number(r.diff.p5, 2)
          .Number(r.diff.p50, 2)
          .Number(r.diff.p95, 2);
      w.Number(r.p_lower, 4).Number(bm, 2).Number(am, 2).Number(unpaired, 2).Text(r.payback);
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
    // The municipality's own money (the payer row "gemeente"), else the total. The backlog is not
    // split by payer: its difference comes from the total row.
    const std::vector<Comparison::Row> rows = c.comparison->Rows();
    auto own_row = [](const Comparison::Row& r) {
      return r.group->kind == GroupKind::kPayer && std::string(GroupLevel(*r.group)) == "payer" &&
             r.group->payer == kOwnPayer;
    };
    bool own = false;
    for (const Comparison::Row& r : rows) own |= own_row(r);
    std::vector<Stats> total_cum(n);
    for (const Comparison::Row& r : rows) {
      if (r.group->kind == GroupKind::kTotal) {
        if (r.metric == kCmpCostCumulative) total_cum[r.period] = r.diff;
        if (r.metric == kCmpCostWithBacklogCumulative) {
          cum_backlog[r.period] = r.diff;
          backlog = true;
        }
      }
      if (own ? !own_row(r) : r.group->kind != GroupKind::kTotal) continue;
      if (r.metric == kCmpCost) {
        diff[r.period] = r.diff;
        p_saving[r.period] = r.p_lower;
      } else if (r.metric == kCmpCostCumulative) {
        cum[r.period] = r.diff;
        payback = r.payback;
      }
    }
    // Counting the backlog: the own cumulative difference plus the difference in what is still
    // owed to waiting clients at the period end.
    for (int p = 0; p < n; ++p) cum_backlog[p].mean += cum[p].mean - total_cum[p].mean;
    out += "  " + c.scenario + " vs " + c.baseline + " (paired): difference in the cost " +
           (own ? std::string("paid by the ") + kOwnPayer : std::string("in total")) +
           " x EUR 1,000, mean [p5 .. p95]\n";
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
