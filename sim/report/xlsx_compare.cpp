// The Vergelijking sheet: each scenario against the baseline, paired per replication: the
// difference in cost per period with its interval and P(saving), the cumulative net effect
// including the investment with a fan chart, the payback period, and every other difference
// compare.csv reports for the total row (clients, and income, saldo or backlog when present).
#include <string>
#include <vector>

#include "report/xlsx_sheets.h"

namespace sdsim {

void ComparisonSheet(const SheetContext& c) {
  const RunResults& R = c.results;
  const Labels& L = c.L;
  XlsxBook& b = c.book;
  lxw_worksheet* ws = b.AddSheet(L("Vergelijking", "Comparison"));
  if (R.compared().empty()) {
    b.Title(ws, 0, L("Vergelijking met de basislijn", "Comparison with the baseline"),
            L("Deze run had één scenario: geef sdsim run twee of meer scenariobestanden om ze "
              "te vergelijken.",
              "This run had one scenario: give sdsim run two or more scenario files to compare "
              "them."));
    return;
  }
  const int row = b.Title(
      ws, 0, L("Vergelijking met de basislijn: ", "Comparison with the baseline: ") + R.baseline(),
      L("Scenario min basislijn, per replicatie op dezelfde toevalsgetallen; gemiddelde en "
        "p5–p95 van het verschil. Negatief is een besparing. Cumulatief: opgeteld vanaf de "
        "eerste periode, inclusief de investering.",
        "Scenario minus baseline, per replication on common random numbers; mean and p5–p95 of "
        "the difference. Negative is a saving. Cumulative: summed from the first period, "
        "including the investment."));
  std::vector<std::string> extra;
  for (const std::string& m : R.compare_metrics())
    if (m != "cost" && m != "cost_cumulative" && m != "investment") extra.push_back(m);
  std::vector<std::string> header = {L("Scenario", "Scenario"),
                                     L("Periode", "Period"),
                                     L("Δ kosten gemiddeld", "Δ cost mean"),
                                     L("Δ kosten p5", "Δ cost p5"),
                                     L("Δ kosten p95", "Δ cost p95"),
                                     L("P(besparing)", "P(saving)"),
                                     L("Cumulatief gemiddeld", "Cumulative mean"),
                                     L("Cumulatief p5", "Cumulative p5"),
                                     L("Cumulatief p50", "Cumulative p50"),
                                     L("Cumulatief p95", "Cumulative p95"),
                                     L("Δ investering", "Δ investment"),
                                     L("Terugverdienperiode", "Payback period")};
  for (const std::string& m : extra)
    for (const char* st : {" gemiddeld", " p5", " p95"})
      header.push_back("Δ " + L.Metric(m) +
                       (std::string(st) == " gemiddeld" ? L(st, " mean") : st));
  const int help = static_cast<int>(header.size());
  header.push_back(L("cumulatief p50 − p5 (grafiek)", "cumulative p50 − p5 (chart)"));
  header.push_back(L("cumulatief p95 − p50 (grafiek)", "cumulative p95 − p50 (chart)"));

  std::vector<std::vector<XCell>> rows;
  std::vector<std::pair<std::string, int>> starts;
  const int n = static_cast<int>(R.periods().size());
  for (const std::string& s : R.compared()) {
    const std::vector<Diff> cost = R.Differences(s, "cost");
    const std::vector<Diff> cum = R.Differences(s, "cost_cumulative");
    const std::vector<Diff> inv = R.Differences(s, "investment");
    std::vector<std::vector<Diff>> others;
    for (const std::string& m : extra) others.push_back(R.Differences(s, m));
    starts.push_back({s, row + 1 + static_cast<int>(rows.size())});
    for (int p = 0; p < n; ++p) {
      std::vector<XCell> r = {XCell::Text(s),
                              PeriodCell(R.periods()[p]),
                              XCell::Number(cost[p].mean, b.euro),
                              XCell::Number(cost[p].p5, b.euro),
                              XCell::Number(cost[p].p95, b.euro),
                              XCell::Number(cost[p].p_lower, b.percent),
                              XCell::Number(cum[p].mean, b.euro),
                              XCell::Number(cum[p].p5, b.euro),
                              XCell::Number(cum[p].p50, b.euro),
                              XCell::Number(cum[p].p95, b.euro),
                              XCell::Number(inv[p].mean, b.euro)};
      const std::string& pb = cum[p].payback;
      r.push_back(pb == "none"
                      ? XCell::Text(L("geen, binnen de horizon", "none within the horizon"))
                      : PeriodCell(pb));
      for (size_t e = 0; e < extra.size(); ++e) {
        lxw_format* f = MetricFormat(b, extra[e]);
        r.push_back(XCell::Number(others[e][p].mean, f));
        r.push_back(XCell::Number(others[e][p].p5, f));
        r.push_back(XCell::Number(others[e][p].p95, f));
      }
      r.push_back(XCell::Number(cum[p].p50 - cum[p].p5, b.euro));
      r.push_back(XCell::Number(cum[p].p95 - cum[p].p50, b.euro));
      rows.push_back(r);
    }
  }
  // Charts below the wide table, two per row.
  const int chart_top = b.Table(ws, row, 0, header, rows, true, 2) + 1;
  for (size_t i = 0; i < starts.size(); ++i) {
    const auto& [s, first] = starts[i];
    FanChart fan;
    fan.title = s + L(": cumulatief verschil met de basislijn, p5–p95",
                      ": cumulative difference from the baseline, p5–p95");
    fan.y_format = XlsxBook::kEuroMlnFormat;
    fan.first_row = first;
    fan.last_row = first + n - 1;
    fan.category_col = 1;
    fan.base_col = 7;
    fan.band_cols = {help, help + 1};
    fan.band_names = {"p5–p50", "p50–p95"};
    fan.color = 0xC55A11;
    b.Insert(ws, chart_top + static_cast<int>(i / 2) * 16, (i % 2) * 7, fan);
  }
}

}  // namespace sdsim
