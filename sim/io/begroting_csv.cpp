// begroting.csv: cost per taakveld, payer and domain, one column per period and statistic.
#include "io/begroting_csv.h"

#include <cstring>

#include "engine/metrics.h"

namespace sdsim {

const char* TaakveldName(const std::string& t) {
  // BBV taakvelden of programma 6 (sociaal domein) and 7.1, as named since the 2020 amendment
  // (ASCII, so an intl CSV without byte-order mark reads the same in any spreadsheet).
  static const std::pair<const char*, const char*> kNames[] = {
      {"6.1", "Samenkracht en burgerparticipatie"},
      {"6.2", "Toegang en eerstelijnsvoorzieningen"},
      {"6.3", "Inkomensregelingen"},
      {"6.4", "Begeleide participatie"},
      {"6.5", "Arbeidsparticipatie"},
      {"6.6", "Maatwerkvoorzieningen (Wmo)"},
      {"6.71", "Maatwerkdienstverlening 18+"},
      {"6.72", "Maatwerkdienstverlening 18-"},
      {"6.81", "Geescaleerde zorg 18+"},
      {"6.82", "Geescaleerde zorg 18-"},
      {"7.1", "Volksgezondheid"}};
  for (const auto& [id, name] : kNames)
    if (t == id) return name;
  return "";
}

std::string BegrotingCsv(const std::vector<ScenarioSummary>& scenarios, CsvDialect dialect) {
  CsvWriter w(dialect);
  for (const char* c : {"scenario", "level", "taakveld", "taakveld_name", "payer", "domain"})
    w.Text(c);
  // Every scenario of a run has the same periods.
  const Calendar& cal = scenarios.front().model->calendar;
  for (const Period& p : cal.periods())
    for (const char* stat : {"mean", "p5", "p95"}) w.Text(p.label + " " + stat);
  w.EndRow();
  for (const ScenarioSummary& s : scenarios) {
    const Model& m = *s.model;
    const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
    auto row = [&](int g) {
      const GroupModel& grp = m.groups[g];
      w.Text(s.name).Text(GroupLevel(grp)).Text(grp.taakveld).Text(TaakveldName(grp.taakveld));
      w.Text(grp.payer).Text(grp.domain);
      for (int p = 0; p < L.periods; ++p) {
        const Stats st = s.stats->Get(L.Index(p, g, kCost));
        w.Number(st.mean, 2).Number(st.p5, 2).Number(st.p95, 2);
      }
      w.EndRow();
    };
    // Rows of `level` (in the model's order, which is BBV order for taakvelden), each group of
    // payer rows followed by the row they split.
    auto block = [&](const char* split, const char* whole, bool by_domain) {
      for (int g = 0; g < m.num_groups(); ++g) {
        if (std::strcmp(GroupLevel(m.groups[g]), whole) != 0) continue;
        bool costs = false;  // a taakveld of income lines only (e.g. 0.7) has no cost row
        for (int k : m.groups[g].nodes) costs |= !m.nodes[k].is_income;
        if (!costs) continue;
        for (int h = 0; h < m.num_groups(); ++h)
          if (std::strcmp(GroupLevel(m.groups[h]), split) == 0 &&
              (by_domain ? m.groups[h].domain == m.groups[g].domain
                         : m.groups[h].taakveld == m.groups[g].taakveld))
            row(h);
        row(g);
      }
    };
    block("taakveld_payer", "taakveld", false);
    block("domain_payer", "domain", true);
    for (int g = 0; g < m.num_groups(); ++g)
      if (std::strcmp(GroupLevel(m.groups[g]), "payer") == 0) row(g);
    for (int g = 0; g < m.num_groups(); ++g)
      if (m.groups[g].kind == GroupKind::kTotal) row(g);
  }
  return w.str();
}

}  // namespace sdsim
