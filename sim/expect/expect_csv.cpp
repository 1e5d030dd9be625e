// summary.csv rows of expected values: the rows `sdsim run` writes (MetricDefined), mean only.
#include "expect/expect_csv.h"

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
          w.Text(s.name).Text(grp.domain).Text(grp.form).Text(grp.pillar).Text(grp.taakveld);
          w.Text(grp.payer).Text(grp.age_band).Integer(period.year).Text(period.label);
          w.Text(MetricName(k)).Integer(0);
          for (int c = mean_col; c < kNumSummaryColumns; ++c)
            w.Number(c == mean_col ? s.values->values[L.Index(p, g, k)]
                                   : std::numeric_limits<double>::quiet_NaN());
          w.EndRow();
        }
      }
    }
  }
  return w.str();
}

}  // namespace sdsim
