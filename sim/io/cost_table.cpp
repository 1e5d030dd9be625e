// The printed cost per domain for the municipality's own money.
#include "io/cost_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/metrics.h"
#include "runner/compare.h"

namespace sdsim {

const char* const kOwnPayer = "gemeente";

int OwnCostGroup(const Model& m) {
  int total = -1;
  for (int g = 0; g < m.num_groups(); ++g) {
    const GroupModel& grp = m.groups[g];
    if (std::string(GroupLevel(grp)) == "payer" && grp.payer == kOwnPayer) return g;
    if (grp.kind == GroupKind::kTotal) total = g;
  }
  return total;
}

std::string Thousands(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
  std::string digits = buf, out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v <= -0.5 ? "-" : "") + out;
}

std::string CostTable(const std::vector<ScenarioSummary>& scenarios, size_t baseline) {
  std::string out;
  char cell[96];
  {
    const ScenarioSummary& s = scenarios[baseline];
    const Model& m = *s.model;
    const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
    auto cost = [&](int g, int p) { return s.stats->Get(L.Index(p, g, kCost)); };
    // The gemeente's rows: per domain (domain x payer) and its total (payer); without a gemeente
    // payer (every cost paid by others), the domains and the total as they are.
    std::vector<int> domains, others;
    const int total = OwnCostGroup(m);
    const bool own = m.groups[total].kind == GroupKind::kPayer;
    for (int g = 0; g < m.num_groups(); ++g) {
      const GroupModel& grp = m.groups[g];
      const std::string level = GroupLevel(grp);
      if (own ? level == "domain_payer" && grp.payer == kOwnPayer : level == "domain")
        domains.push_back(g);
      if (own && level == "payer" && grp.payer != kOwnPayer) others.push_back(g);
    }
    out += "  " + s.name + ": cost " +
           (own ? std::string("paid by the ") + kOwnPayer : std::string("in total")) +
           " x EUR 1,000, mean per domain; the total with [p5 - p95]\n";
    std::vector<int> width;
    out += "    period  ";
    for (int g : domains) {
      width.push_back(std::max<int>(9, static_cast<int>(m.groups[g].domain.size()) + 2));
      std::snprintf(cell, sizeof cell, "%*s", width.back(), m.groups[g].domain.c_str());
      out += cell;
    }
    out += "      total\n";
    for (int p = 0; p < L.periods; ++p) {
      std::snprintf(cell, sizeof cell, "    %-8s", m.calendar.periods()[p].label.c_str());
      out += cell;
      for (size_t i = 0; i < domains.size(); ++i) {
        std::snprintf(cell, sizeof cell, "%*s", width[i],
                      Thousands(cost(domains[i], p).mean / 1e3).c_str());
        out += cell;
      }
      const Stats t = cost(total, p);
      std::snprintf(cell, sizeof cell, "%11s  [%s - %s]\n", Thousands(t.mean / 1e3).c_str(),
                    Thousands(t.p5 / 1e3).c_str(), Thousands(t.p95 / 1e3).c_str());
      out += cell;
    }
    for (int g : others) {
      out += "    besides, paid by " + m.groups[g].payer + " (not in this total):";
      for (int p = 0; p < L.periods; ++p)
        out += std::string(p ? ";" : "") + " " + m.calendar.periods()[p].label + " " +
               Thousands(cost(g, p).mean / 1e3);
      out += "\n";
    }
  }
  if (scenarios.size() < 2) return out;
  // The others: their totals (the gemeente's money, else the total) per period.
  const Model& bm = *scenarios[baseline].model;
  size_t name_width = 8;
  for (const ScenarioSummary& s : scenarios) name_width = std::max(name_width, s.name.size());
  const bool own = bm.groups[OwnCostGroup(bm)].kind == GroupKind::kPayer;
  out += std::string("  the other scenarios: cost ") +
         (own ? std::string("paid by the ") + kOwnPayer : std::string("in total")) +
         " x EUR 1,000, mean (their differences from " + scenarios[baseline].name +
         ", paired, below)\n    " + std::string(name_width, ' ');
  for (const Period& p : bm.calendar.periods()) {
    std::snprintf(cell, sizeof cell, "%10s", p.label.c_str());
    out += cell;
  }
  out += "\n";
  std::string other_years;
  for (size_t i = 0; i < scenarios.size(); ++i) {
    if (i == baseline) continue;
    const Model& m = *scenarios[i].model;
    if (!SameHorizon(bm, m)) {
      other_years += "    " + scenarios[i].name + " covers " + FormatDate(m.calendar.start()) +
                     " to " + FormatDate(m.calendar.last()) + ": not compared with " +
                     scenarios[baseline].name + " (" + FormatDate(bm.calendar.start()) + " to " +
                     FormatDate(bm.calendar.last()) + "); its figures are in summary.csv\n";
      continue;
    }
    const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
    const int g = OwnCostGroup(m);
    out += "    " + scenarios[i].name + std::string(name_width - scenarios[i].name.size(), ' ');
    for (int p = 0; p < L.periods; ++p) {
      std::snprintf(cell, sizeof cell, "%10s",
                    Thousands(scenarios[i].stats->Get(L.Index(p, g, kCost)).mean / 1e3).c_str());
      out += cell;
    }
    out += "\n";
  }
  return out + other_years;
}

}  // namespace sdsim
