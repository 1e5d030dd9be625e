// Plausibility of the clients in care on the start date: above the places of their form, or far
// from what the form's own inflow and duration keep in care (a steady flow holds inflow x mean
// time in care, Little's law). A start far from it makes the caseload drift over the first years,
// which reads as a trend but comes from the start. See plausibility.h.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "scenario/plausibility.h"

namespace sdsim {
namespace {

using plausibility::Num;
using plausibility::Warn;

// Mean time in care (days) when a Wlz exit at hazard h can cut it short: the integral of
// S(x) exp(-h x).
double MeanTimeInCare(const NodeModel& n) {
  const Distribution& d = n.duration;
  const double h = n.wlz_per_day;
  if (h <= 0) return d.Mean();
  const double top = std::min(d.Quantile(1 - 1e-7), 200 * kDaysPerYear);
  const int steps = 4096;
  const double step = top / steps;
  double sum = 0, prev = d.Survival(0);
  for (int i = 1; i <= steps; ++i) {
    const double s = d.Survival(i * step) * std::exp(-h * i * step);
    sum += 0.5 * step * (prev + s);
    prev = s;
  }
  return sum;
}

// Expected care starts per year in each form in the first year, ignoring capacity and levers:
// new requests by their routing, then vervolghulp, hand-overs and re-entries (a fixed point of
// the flows between forms). Age limits are left out, so long youth durations are overstated a
// little; the check's factor of 2 allows for it.
std::vector<double> StartsPerYear(const Model& m, const std::vector<double>& time_in_care) {
  const int n = m.num_nodes();
  const std::vector<double> years = m.calendar.YearStarts();
  const double y1 = years.size() > 1 ? years[1] : m.calendar.horizon();
  std::vector<double> direct(n, 0.0);
  auto route = [&](const Choice& c, double mass, std::vector<double>* to) {
    double prev = 0;
    for (size_t i = 0; i < c.cum.size(); ++i) {
      if (c.target[i] >= 0) (*to)[c.target[i]] += mass * (c.cum[i] - prev);
      prev = c.cum[i];
    }
    if (c.rest >= 0) (*to)[c.rest] += mass * (1 - prev);
  };
  for (const SourceModel& s : m.sources)
    route(s.routing, s.intensity.Integral(0, y1) / y1 * kDaysPerYear, &direct);
  // flow[g][t]: starts in t per start in g.
  std::vector<std::vector<double>> flow(n, std::vector<double>(n, 0.0));
  for (int g = 0; g < n; ++g) {
    const NodeModel& node = m.nodes[g];
    if (!node.is_care()) continue;
    const double ends = 1 - node.wlz_per_day * time_in_care[g];  // not cut short by the Wlz
    const DomainModel& dm = m.domains[node.domain];
    double prev = 0, back = 0;
    auto exit = [&](int32_t target, double p) {
      if (target >= 0) {
        flow[g][target] += ends * p;
      } else if (target == ExitTarget(ExitType::kOvergedragen) && dm.handover >= 0) {
        flow[g][dm.handover] += ends * p;
      } else if (target == ExitTarget(ExitType::kAfgerond) ||
                 target == ExitTarget(ExitType::kVoortijdig)) {
        back += ends * p * node.reentry_probability;
      }
    };
    for (size_t i = 0; i < node.end.cum.size(); ++i) {
      exit(node.end.target[i], node.end.cum[i] - prev);
      prev = node.end.cum[i];
    }
    exit(node.end.rest, 1 - prev);
    if (back <= 0) continue;
    if (node.reentry_via_toegang && dm.toegang_source >= 0) {
      std::vector<double> to(n, 0.0);
      route(m.sources[dm.toegang_source].routing, back, &to);
      for (int t = 0; t < n; ++t) flow[g][t] += to[t];
    } else {
      flow[g][g] += back;
    }
  }
  std::vector<double> starts = direct, next(n);
  for (int it = 0; it < 1000; ++it) {
    next = direct;
    for (int g = 0; g < n; ++g)
      if (starts[g] > 0)
        for (int t = 0; t < n; ++t) next[t] += starts[g] * flow[g][t];
    double change = 0;
    for (int t = 0; t < n; ++t) change = std::max(change, std::fabs(next[t] - starts[t]));
    starts.swap(next);
    if (change < 1e-9) break;
  }
  return starts;
}

std::string FileName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

}  // namespace

namespace plausibility {

void CheckStocks(const ResolvedScenario& sc, const Model& m, Problems* out) {
  std::vector<double> time_in_care(m.num_nodes(), 0.0);
  for (int k = 0; k < m.num_nodes(); ++k)
    if (m.nodes[k].is_care()) time_in_care[k] = MeanTimeInCare(m.nodes[k]);
  const std::vector<double> starts = StartsPerYear(m, time_in_care);
  for (int k = 0; k < m.num_nodes(); ++k) {
    const NodeModel& n = m.nodes[k];
    if (!n.is_care()) continue;
    const std::string ptr = NodePointer(n) + "/initial/clients";
    if (!At(sc.doc, ptr)) continue;  // no stock given: the form starts empty by choice
    const double clients = n.initial_clients;
    const int places = n.capacity.empty() ? kUnlimited : n.capacity[0].places;
    // Above capacity: a few over is an overbooked contract; 10% and 3 clients is a slip.
    if (places != kUnlimited && clients > 1.1 * places && clients - places >= 3) {
      const std::string cap_file = sc.OriginOf(NodePointer(n) + "/capacity");
      const std::string from =
          At(sc.doc, NodePointer(n) + "/capacity") && cap_file != sc.OriginOf(ptr)
              ? " (the capacity comes from " + FileName(cap_file) + ")"
              : "";
      out->push_back(Warn(sc, ptr,
                          Num(clients, 9) +
                              " clients in care on the start date, but the form has " +
                              std::to_string(places) + " places" + from +
                              ": no one starts until fewer than " + std::to_string(places) +
                              " are in care, so new clients wait from the first day and the "
                              "waiting list grows",
                          "\"capacity\" of at least " + Num(clients, 9) +
                              " (the places you contract), or check the number of clients"));
      continue;
    }
    // Far from a steady flow: a factor 2 (and 5 clients) either way. A form nothing routes to is
    // being wound down on purpose (its clients leave as their care ends).
    if (starts[k] <= 1e-9) continue;
    const double flow = starts[k] * time_in_care[k] / kDaysPerYear;
    const double steady = std::min(flow, static_cast<double>(places));
    if (std::max(clients, steady) < 10) continue;
    if (clients <= 2 * steady + 5 && clients >= steady / 2 - 5) continue;
    out->push_back(Warn(
        sc, ptr,
        Num(clients, 9) + " clients in care on the start date, but about " + Num(starts[k], 3) +
            " start a year (the routing and transitions of this file) and stay " +
            Num(time_in_care[k] / kDaysPerYear, 2) +
            " years on average: a steady flow keeps about " + Num(steady, 2) + " in care" +
            (steady < flow ? " (the places)" : "") + ", so the caseload drifts toward " +
            Num(steady, 2) +
            " over the first years, which looks like a trend but comes from the start",
        "about " + Num(steady, 2) + " clients, or check this form's inflow shares and duration"));
  }
}

}  // namespace plausibility
}  // namespace sdsim
