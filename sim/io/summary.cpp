// summary.csv rows: scenario x group x period x metric, for the metrics each group reports.
#include "io/summary.h"

#include <algorithm>

#include "engine/metrics.h"

namespace sdsim {

bool MetricDefined(const Model& m, const GroupModel& grp, int metric) {
  if (!MetricApplies(grp.kind, metric)) return false;
  switch (metric) {
    case kLifetimeRisk18:
      return m.domains[grp.domain_index].limit_age > 0;
    case kGkClientShare:
    case kGkInflowShare:
    case kGkCostShare:
      return m.domains[grp.domain_index].has_gk;
    case kClientsPer1000:
      return !m.bands.empty();
    case kIncome:
    case kSaldo:
      return m.HasIncome();
    case kBacklogCost:
    case kCostWithBacklog:
      // A form without a cap never has a waiting list.
      return grp.kind != GroupKind::kForm || m.nodes[grp.nodes[0]].capped() ||
             m.nodes[grp.nodes[0]].initial_waiting > 0;
    case kOverflowed:
      return (grp.kind != GroupKind::kForm && grp.kind != GroupKind::kToegang) ||
             m.nodes[grp.nodes[0]].overflow_to >= 0;
    case kReassessed:
      return std::any_of(m.levers.begin(), m.levers.end(), [&](const LeverModel& l) {
        return l.kind == LeverKind::kReassessment &&
               (grp.kind != GroupKind::kForm ||
                std::find(l.nodes.begin(), l.nodes.end(), grp.nodes[0]) != l.nodes.end());
      });
    default:
      return true;
  }
}

std::vector<bool> ActiveCells(const Model& m) {
  const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
  std::vector<bool> active(L.size(), false);
  for (int p = 0; p < L.periods; ++p)
    for (int g = 0; g < L.groups; ++g)
      for (int k = 0; k < L.metrics; ++k)
        active[L.Index(p, g, k)] = MetricDefined(m, m.groups[g], k);
  return active;
}

const char* const kSummaryColumns[] = {"scenario", "domain",       "form",   "pillar", "taakveld",
                                       "payer",    "age_band",     "cohort", "year",   "period",
                                       "metric",   "replications", "mean",   "sd",     "p5",
                                       "p25",      "p50",          "p75",    "p95"};
const int kNumSummaryColumns = sizeof(kSummaryColumns) / sizeof(kSummaryColumns[0]);

std::string SummaryCsv(const std::vector<ScenarioSummary>& scenarios, CsvDialect dialect,
                       const std::vector<std::string>& lead_columns,
                       const std::vector<CsvCell>& lead_values, bool header) {
  CsvWriter w(dialect, header);
  if (header) {
    for (const std::string& c : lead_columns) w.Text(c);
    for (int c = 0; c < kNumSummaryColumns; ++c) w.Text(kSummaryColumns[c]);
    w.EndRow();
  }
  for (const ScenarioSummary& s : scenarios) {
    const Model& m = *s.model;
    const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
    for (int g = 0; g < L.groups; ++g) {
      const GroupModel& grp = m.groups[g];
      for (int p = 0; p < L.periods; ++p) {
        const Period& period = m.calendar.periods()[p];
        for (int k = 0; k < L.metrics; ++k) {
          if (!MetricDefined(m, grp, k)) continue;
          const Stats st = s.stats->Get(L.Index(p, g, k));
          for (const CsvCell& v : lead_values) w.Cell(v);
          w.Text(s.name).Text(grp.domain).Text(grp.form).Text(grp.pillar).Text(grp.taakveld);
          w.Text(grp.payer).Text(grp.age_band).Text(MetricCohort(k));
          w.Integer(period.year).Text(period.label);
          w.Text(MetricName(MetricBase(k))).Integer(st.n);
          w.Number(st.mean).Number(st.sd).Number(st.p5).Number(st.p25).Number(st.p50);
          w.Number(st.p75).Number(st.p95);
          w.EndRow();
        }
      }
    }
  }
  return w.str();
}

}  // namespace sdsim
