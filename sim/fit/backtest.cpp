// Back-test comparison (see backtest.h).
#include "fit/backtest.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/numbers.h"
#include "engine/metrics.h"

namespace sdsim {
namespace {

const int kCompared[] = {kClientsEnd, kInflow, kMeanClients, kCost};

bool HasPrices(const Model& m) {
  for (const NodeModel& n : m.nodes) {
    for (const RateCurve* c : {&n.tariff, &n.per_start, &n.one_off, &n.fixed})
      for (double r : c->rates())
        if (r != 0) return true;
  }
  return false;
}

}  // namespace

std::vector<double> RealisedValues(const RecordSet& r, const Model& model, int64_t origin,
                                   int64_t extract) {
  const ResultLayout layout{model.calendar.num_periods(), model.num_groups(), kNumMetrics};
  std::vector<double> v(layout.size(), kNaN);
  const auto& periods = model.calendar.periods();
  const bool priced = HasPrices(model);
  // Record forms -> model nodes.
  std::vector<int> node_of(r.forms.size(), -1);
  for (size_t f = 0; f < r.forms.size(); ++f)
    for (int k = 0; k < model.num_nodes(); ++k)
      if (model.nodes[k].is_care() && model.nodes[k].id == r.forms[f].id &&
          model.nodes[k].domain_id == r.domains[r.forms[f].domain])
        node_of[f] = k;
  // Per period and node: in care at the start and end, starts, care days, cost.
  const size_t np = periods.size(), nn = model.nodes.size();
  std::vector<double> start(np * nn, 0), end(np * nn, 0), inflow(np * nn, 0), days(np * nn, 0),
      cost(np * nn, 0);
  const double horizon = model.calendar.horizon();
  for (const Episode& e : r.episodes) {
    const int k = node_of[e.form];
    if (k < 0) continue;
    const NodeModel& node = model.nodes[k];
    // Care covers the days [s, t) in model time (t: the day after the last day in care).
    const double s = static_cast<double>(e.start - origin);
    const double t = e.end == kOpenEnd ? INFINITY : static_cast<double>(e.end + 1 - origin);
    for (size_t p = 0; p < np; ++p) {
      const double a = periods[p].begin, b = periods[p].end;
      const size_t i = p * nn + k;
      if (s < a && t > a) start[i] += 1;
      if (s < b && t > b) end[i] += 1;
      if (s >= a && s < b) inflow[i] += 1;
      const double lo = std::max(s, a), hi = std::min(t, b);
      if (hi > lo) {
        days[i] += hi - lo;
        if (priced) {
          const RateCurve& tariff =
              e.pgb == 1 && node.pgb_share > 0 ? node.pgb_tariff : node.tariff;
          cost[i] += tariff.Integral(std::clamp(lo, 0.0, horizon), std::clamp(hi, 0.0, horizon));
        }
      }
      if (priced && s >= a && s < b && s >= 0)
        cost[i] += (node.per_start.starts().empty() ? 0.0 : node.per_start.RateAt(s)) +
                   (node.one_off.starts().empty() ? 0.0 : node.one_off.RateAt(s));
    }
  }
  if (priced)
    for (size_t p = 0; p < np; ++p)
      for (size_t k = 0; k < nn; ++k)
        if (!model.nodes[k].fixed.starts().empty())
          cost[p * nn + k] += model.nodes[k].fixed.Integral(periods[p].begin, periods[p].end);
  for (int g = 0; g < model.num_groups(); ++g) {
    const GroupModel& gm = model.groups[g];
    if (gm.kind != GroupKind::kForm && gm.kind != GroupKind::kDomain) continue;
    for (size_t p = 0; p < np; ++p) {
      // Only periods the records cover to their end.
      if (origin + static_cast<int64_t>(periods[p].end) - 1 > extract) continue;
      double vs = 0, ve = 0, vi = 0, vd = 0, vc = 0;
      for (int k : gm.nodes) {
        const size_t i = p * nn + k;
        vs += start[i], ve += end[i], vi += inflow[i], vd += days[i], vc += cost[i];
      }
      const int pi = static_cast<int>(p);
      v[layout.Index(pi, g, kClientsStart)] = vs;
      v[layout.Index(pi, g, kClientsEnd)] = ve;
      v[layout.Index(pi, g, kInflow)] = vi;
      v[layout.Index(pi, g, kMeanClients)] = vd / (periods[p].end - periods[p].begin);
      v[layout.Index(pi, g, kCost)] = priced ? vc : kNaN;
    }
  }
  return v;
}

std::vector<bool> BacktestCells(const Model& model) {
  const ResultLayout layout{model.calendar.num_periods(), model.num_groups(), kNumMetrics};
  std::vector<bool> active(layout.size(), false);
  for (int g = 0; g < model.num_groups(); ++g) {
    if (model.groups[g].kind != GroupKind::kForm && model.groups[g].kind != GroupKind::kDomain)
      continue;
    for (int p = 0; p < layout.periods; ++p)
      for (int m : {kClientsStart, kClientsEnd, kInflow, kMeanClients, kCost})
        active[layout.Index(p, g, m)] = true;
  }
  return active;
}

std::vector<BacktestRow> CompareBacktest(const std::string& origin, const Model& model,
                                         const std::vector<double>& realised,
                                         const std::function<Stats(size_t)>& stat) {
  const ResultLayout layout{model.calendar.num_periods(), model.num_groups(), kNumMetrics};
  std::vector<BacktestRow> rows;
  for (int p = 0; p < layout.periods; ++p) {
    const Period& period = model.calendar.periods()[p];
    const double length = period.end - period.begin;
    for (int g = 0; g < model.num_groups(); ++g) {
      const GroupModel& gm = model.groups[g];
      if (gm.kind != GroupKind::kForm && gm.kind != GroupKind::kDomain) continue;
      auto row = [&](const char* metric, double re, double mean, double p5, double p95, bool band) {
        BacktestRow b{origin, period.label, gm.domain, gm.form, metric, re, mean, p5, p95, band};
        rows.push_back(b);
      };
      for (int m : kCompared) {
        const double re = realised[layout.Index(p, g, m)];
        if (std::isnan(re)) continue;
        const Stats s = stat(layout.Index(p, g, m));
        row(MetricName(m), re, s.mean, s.p5, s.p95, true);
      }
      // Cost error = volume (clients at the start + inflow) x duration (care days per client)
      // x price (cost per care day), each part with the others at the side it has reached.
      const double cr = realised[layout.Index(p, g, kCost)];
      if (std::isnan(cr)) continue;
      const double nr =
          realised[layout.Index(p, g, kClientsStart)] + realised[layout.Index(p, g, kInflow)];
      const double qr = realised[layout.Index(p, g, kMeanClients)] * length;
      const double ns =
          stat(layout.Index(p, g, kClientsStart)).mean + stat(layout.Index(p, g, kInflow)).mean;
      const double qs = stat(layout.Index(p, g, kMeanClients)).mean * length;
      const double cs = stat(layout.Index(p, g, kCost)).mean;
      if (nr <= 0 || qr <= 0 || ns <= 0 || qs <= 0) continue;
      auto cents = [](double x) { return std::round(x * 100) / 100; };
      const double volume = cents((ns - nr) * cr / nr);
      const double duration = cents(ns * (qs / ns - qr / nr) * cr / qr);
      const double price = cents(qs * (cs / qs - cr / qr));
      row("cost_error_volume", 0, volume, kNaN, kNaN, false);
      row("cost_error_duration", 0, duration, kNaN, kNaN, false);
      row("cost_error_price", 0, price, kNaN, kNaN, false);
    }
  }
  return rows;
}

std::string BacktestCsv(const std::vector<BacktestRow>& rows, CsvDialect dialect) {
  CsvWriter w(dialect);
  for (const char* c : {"origin", "year", "domain", "form", "metric", "realised", "mean", "p5",
                        "p95", "error", "within_band"})
    w.Text(c);
  w.EndRow();
  for (const BacktestRow& r : rows) {
    w.Raw(r.origin).Raw(r.period).Text(r.domain).Text(r.form).Text(r.metric);
    if (r.band) {
      w.Number(r.realised).Number(r.mean).Number(r.p5).Number(r.p95).Number(r.error());
      w.Integer(r.within() ? 1 : 0);
    } else {
      // A part of the cost error: its size in euros in `mean` and `error`.
      w.Number(kNaN).Number(r.mean).Number(kNaN).Number(kNaN).Number(r.mean).Text("");
    }
    w.EndRow();
  }
  return w.str();
}

std::string BacktestSummary(const std::vector<BacktestRow>& rows) {
  struct Acc {
    double ape = 0, bias = 0;
    int n = 0, within = 0, banded = 0;
  };
  // Key: metric, then form ("domain.form", or "domain" for domain rows); "" = overall.
  std::map<std::string, std::map<std::string, Acc>> acc;
  for (const BacktestRow& r : rows) {
    if (!r.band) continue;
    const std::string key = r.form == "all" ? r.domain : r.domain + "." + r.form;
    for (const std::string& k : {std::string(""), key}) {
      Acc& a = acc[r.metric][k];
      if (r.realised > 0) {
        a.ape += std::fabs(r.error()) / r.realised;
        a.bias += r.error() / r.realised;
        ++a.n;
      }
      a.within += r.within();
      ++a.banded;
    }
  }
  std::string s;
  char buf[300];
  std::snprintf(buf, sizeof buf, "%-14s %-28s %6s %8s %8s %9s\n", "metric", "form", "rows", "MAPE",
                "bias", "in p5-p95");
  s += buf;
  for (const char* metric : kBacktestMetrics) {
    const auto it = acc.find(metric);
    if (it == acc.end()) continue;
    for (const auto& [key, a] : it->second) {
      std::snprintf(buf, sizeof buf, "%-14s %-28s %6d %7.1f%% %+7.1f%% %8.0f%%\n", metric,
                    key.empty() ? "(all rows)" : key.c_str(), a.banded,
                    a.n ? 100 * a.ape / a.n : 0.0, a.n ? 100 * a.bias / a.n : 0.0,
                    a.banded ? 100.0 * a.within / a.banded : 0.0);
      s += buf;
    }
  }
  return s;
}

}  // namespace sdsim
