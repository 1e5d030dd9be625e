// Paired differences per replication.
#include "runner/compare.h"

#include <cmath>

namespace sdsim {
namespace {

std::string Identity(const GroupModel& g) {
  return g.domain + "|" + g.form + "|" + g.pillar + "|" + g.taakveld + "|" + g.payer + "|" +
         g.age_band;
}

std::vector<int> InvestmentRows(const Model& m, const GroupModel& g) {
  std::vector<int> out;
  for (int k : g.nodes)
    if (m.nodes[k].kind == NodeKind::kCostLine && m.nodes[k].investment)
      out.push_back(m.node_group[k]);
  return out;
}

}  // namespace

const char* CompareMetricName(int m) {
  static const char* const kNames[kNumCmp] = {"cost",
                                              "cost_cumulative",
                                              "clients_end",
                                              "mean_clients",
                                              "unique_clients",
                                              "inflow",
                                              "investment",
                                              "backlog_cost",
                                              "cost_with_backlog",
                                              "cost_with_backlog_cumulative",
                                              "income",
                                              "saldo"};
  return m >= 0 && m < kNumCmp ? kNames[m] : "?";
}

int CompareLevelMetric(int cmp) {
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
    case kCmpBacklog:
      return kBacklogCost;
    case kCmpCostWithBacklog:
      return kCostWithBacklog;
    case kCmpIncome:
      return kIncome;
    case kCmpSaldo:
      return kSaldo;
    default:
      return -1;
  }
}

Comparison::Comparison(const Model& base, const Model& alt)
    : base_(base), alt_(alt), periods_(alt.calendar.num_periods()) {
  // Rows of the scenario in its order, then rows only the baseline has.
  std::vector<bool> matched(base.groups.size(), false);
  for (int g = 0; g < alt.num_groups(); ++g) {
    if (alt.groups[g].kind == GroupKind::kBand) continue;
    Pair p;
    p.alt = g;
    p.group = &alt.groups[g];
    for (int b = 0; b < base.num_groups(); ++b)
      if (!matched[b] && Identity(base.groups[b]) == Identity(alt.groups[g])) {
        p.base = b;
        matched[b] = true;
        break;
      }
    p.investment_alt = InvestmentRows(alt, alt.groups[g]);
    if (p.base >= 0) p.investment_base = InvestmentRows(base, base.groups[p.base]);
    pairs_.push_back(std::move(p));
  }
  for (int b = 0; b < base.num_groups(); ++b) {
    if (matched[b] || base.groups[b].kind == GroupKind::kBand) continue;
    Pair p;
    p.base = b;
    p.group = &base.groups[b];
    p.investment_base = InvestmentRows(base, base.groups[b]);
    pairs_.push_back(std::move(p));
  }
  cells_.resize(pairs_.size() * periods_ * kNumCmp);
  below_.assign(cells_.size(), 0);
}

void Comparison::Add(const RepResult& base, const RepResult& alt) {
  const ResultLayout lb{base_.calendar.num_periods(), base_.num_groups(), kNumMetrics};
  const ResultLayout la{alt_.calendar.num_periods(), alt_.num_groups(), kNumMetrics};
  auto value = [](const RepResult& r, const ResultLayout& l, int group, int period, int metric) {
    if (group < 0) return 0.0;
    const double v = r.values[l.Index(period, group, metric)];
    return std::isnan(v) ? 0.0 : v;
  };
  for (size_t i = 0; i < pairs_.size(); ++i) {
    const Pair& p = pairs_[i];
    double cumulative = 0, cumulative_with_backlog = 0;
    for (int t = 0; t < periods_; ++t) {
      double d[kNumCmp];
      d[kCmpCost] = value(alt, la, p.alt, t, kCost) - value(base, lb, p.base, t, kCost);
      cumulative += d[kCmpCost];
      d[kCmpCostCumulative] = cumulative;
      d[kCmpClientsEnd] =
          value(alt, la, p.alt, t, kClientsEnd) - value(base, lb, p.base, t, kClientsEnd);
      d[kCmpMeanClients] =
          value(alt, la, p.alt, t, kMeanClients) - value(base, lb, p.base, t, kMeanClients);
      d[kCmpUnique] =
          value(alt, la, p.alt, t, kUniqueClients) - value(base, lb, p.base, t, kUniqueClients);
      d[kCmpInflow] = value(alt, la, p.alt, t, kInflow) - value(base, lb, p.base, t, kInflow);
      d[kCmpBacklog] =
          value(alt, la, p.alt, t, kBacklogCost) - value(base, lb, p.base, t, kBacklogCost);
      d[kCmpCostWithBacklog] =
          value(alt, la, p.alt, t, kCostWithBacklog) - value(base, lb, p.base, t, kCostWithBacklog);
      cumulative_with_backlog += d[kCmpCostWithBacklog];
      d[kCmpCostWithBacklogCumulative] = cumulative_with_backlog;
      d[kCmpIncome] = value(alt, la, p.alt, t, kIncome) - value(base, lb, p.base, t, kIncome);
      d[kCmpSaldo] = value(alt, la, p.alt, t, kSaldo) - value(base, lb, p.base, t, kSaldo);
      d[kCmpInvestment] = 0;
      for (int g : p.investment_alt) d[kCmpInvestment] += value(alt, la, g, t, kCost);
      for (int g : p.investment_base) d[kCmpInvestment] -= value(base, lb, g, t, kCost);
      for (int m = 0; m < kNumCmp; ++m) {
        cells_[Cell(i, t, m)].Add(d[m]);
        below_[Cell(i, t, m)] += d[m] < 0;
      }
    }
  }
}

std::vector<Comparison::Row> Comparison::Rows() const {
  std::vector<Row> rows;
  for (size_t i = 0; i < pairs_.size(); ++i) {
    // Payback: the first period from which the mean cumulative difference in cost (investment
    // included) is a saving and stays one to the end of the horizon.
    std::string payback = "none";
    for (int t = periods_ - 1; t >= 0; --t) {
      if (cells_[Cell(i, t, kCmpCostCumulative)].Get().mean >= 0) break;
      payback = alt_.calendar.periods()[t].label;
    }
    for (int m = 0; m < kNumCmp; ++m) {
      for (int t = 0; t < periods_; ++t) {
        Row r;
        r.group = pairs_[i].group;
        r.base_group = pairs_[i].base;
        r.alt_group = pairs_[i].alt;
        r.period = t;
        r.metric = m;
        r.diff = cells_[Cell(i, t, m)].Get();
        r.p_lower =
            r.diff.n > 0 ? static_cast<double>(below_[Cell(i, t, m)]) / r.diff.n : std::nan("");
        if (m == kCmpCostCumulative) r.payback = payback;
        rows.push_back(r);
      }
    }
  }
  return rows;
}

}  // namespace sdsim
