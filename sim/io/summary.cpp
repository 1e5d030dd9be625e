// summary.csv rows: scenario x group (forms, domain totals, scenario total) x period x metric.
#include "io/summary.h"

#include "engine/metrics.h"

namespace sdsim {

const char* const kSummaryColumns[] = {"scenario", "domain", "form", "year", "period", "metric",
                                       "replications", "mean", "sd", "p5", "p25", "p50", "p75", "p95"};
const int kNumSummaryColumns = sizeof(kSummaryColumns) / sizeof(kSummaryColumns[0]);

std::string SummaryCsv(const std::vector<ScenarioSummary>& scenarios, CsvDialect dialect) {
  CsvWriter w(dialect);
  for (int c = 0; c < kNumSummaryColumns; ++c) w.Text(kSummaryColumns[c]);
  w.EndRow();
  for (const ScenarioSummary& s : scenarios) {
    const Model& m = *s.model;
    const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
    for (int g = 0; g < L.groups; ++g) {
      for (int p = 0; p < L.periods; ++p) {
        const Period& period = m.calendar.periods()[p];
        for (int k = 0; k < L.metrics; ++k) {
          const Stats st = s.stats->Get(L.Index(p, g, k));
          w.Text(s.name).Text(m.groups[g].domain).Text(m.groups[g].form);
          w.Integer(period.year).Text(period.label).Text(MetricName(k)).Integer(st.n);
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
