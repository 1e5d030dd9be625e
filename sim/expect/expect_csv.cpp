// summary.csv rows of expected values: the rows `sdsim run` writes (MetricDefined) that have an
// expected value, mean only, rounded as in summary.csv.
#include "expect/expect_csv.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "io/summary.h"

namespace sdsim {

std::string ExpectedSummaryCsv(const std::vector<ExpectedScenario>& scenarios, CsvDialect dialect) {
  CsvWriter w(dialect);
  int mean_col = -1;
  for (int c = 0; c < kNumSummaryColumns; ++c) {
    w.Text(kSummaryColumns[c]);
    if (std::strcmp(kSummaryColumns[c], "mean") == 0) mean_col = c;
  }
  w.EndRow();
  for (const ExpectedScenario& s : scenarios) {
    const Model& m = *s.model;
    const ResultLayout& L = s.values->layout;
    for (int g = 0; g < L.groups; ++g) {
      const GroupModel& grp = m.groups[g];
      for (int p = 0; p < L.periods; ++p) {
        const Period& period = m.calendar.periods()[p];
        for (int k = 0; k < L.metrics; ++k) {
          if (!MetricDefined(m, grp, k)) continue;
          const double v = s.values->values[L.Index(p, g, k)];
          if (std::isnan(v)) continue;  // not computed in expectation: no empty rows
          w.Text(s.name).Text(GroupLevel(grp)).Text(grp.domain).Text(grp.form).Text(grp.pillar);
          w.Text(grp.taakveld).Text(grp.payer).Text(grp.age_band).Integer(period.year);
          w.Text(period.label).Text(MetricName(k)).Integer(0);
          for (int c = mean_col; c < kNumSummaryColumns; ++c)
            w.Number(c == mean_col ? v : std::numeric_limits<double>::quiet_NaN(),
                     MetricDecimals(k));
          w.EndRow();
        }
      }
    }
  }
  return w.str();
}

}  // namespace sdsim
