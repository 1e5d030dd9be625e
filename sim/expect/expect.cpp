// Expected values: runs the flow of every birth class (in parallel), adds them up, books the cost
// and lays the totals out as the simulator's Finalize does (engine/simulation.cpp).
#include "expect/expect.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>

#include "core/numbers.h"
#include "expect/flow.h"

namespace sdsim {
namespace {

std::string Days(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", d);
  return buf;
}

std::string Places(int p) {
  return p == kUnlimited ? "no cap" : std::to_string(p) + (p == 1 ? " place" : " places");
}

// Forms a client can never come back to (so each start is a new client of the form), and toegangs
// no client passes twice.
std::vector<bool> RevisitFree(const Model& m) {
  const int nodes = m.num_nodes();
  std::vector<std::vector<int>> succ(nodes);
  std::vector<int> toegang_targets;
  for (const SourceModel& s : m.sources)
    if (s.toegang >= 0)
      for (int32_t x : s.routing.target)
        if (x >= 0) toegang_targets.push_back(x);
  std::vector<bool> via_domain(m.domains.size(), false);
  for (int k = 0; k < nodes; ++k) {
    const NodeModel& n = m.nodes[k];
    if (!n.is_care()) continue;
    const DomainModel& dm = m.domains[n.domain];
    for (size_t i = 0; i < n.end.target.size(); ++i)
      if (n.end.target[i] >= 0) succ[k].push_back(n.end.target[i]);
    if (dm.handover >= 0 && dm.handover != k) succ[k].push_back(dm.handover);
    if (dm.limit_age > 0) {
      for (int32_t x : dm.at_limit.target)
        if (x >= 0) succ[k].push_back(x);
      for (int32_t x : dm.at_until.target)
        if (x >= 0) succ[k].push_back(x);
    }
    if (n.reentry_probability > 0) {
      succ[k].push_back(k);
      if (n.reentry_via_toegang && dm.toegang >= 0) {
        via_domain[n.domain] = true;
        succ[k].insert(succ[k].end(), toegang_targets.begin(), toegang_targets.end());
      }
    }
  }
  std::vector<bool> free(nodes, true);
  for (int k = 0; k < nodes; ++k) {
    if (!m.nodes[k].is_care()) {
      free[k] = m.nodes[k].kind == NodeKind::kToegang && !via_domain[m.nodes[k].domain];
      continue;
    }
    std::vector<bool> seen(nodes, false);
    std::vector<int> stack(succ[k].begin(), succ[k].end());
    while (!stack.empty()) {
      const int x = stack.back();
      stack.pop_back();
      if (x == k) {
        free[k] = false;
        break;
      }
      if (seen[x]) continue;
      seen[x] = true;
      stack.insert(stack.end(), succ[x].begin(), succ[x].end());
    }
  }
  return free;
}

}  // namespace

std::vector<ExpectIssue> Unrepresentable(const Model& m) {
  std::vector<ExpectIssue> out;
  for (const NodeModel& n : m.nodes) {
    if (n.kind == NodeKind::kCostLine || !n.capped()) continue;
    ExpectIssue is;
    is.capacity = true;
    if (n.kind == NodeKind::kToegang) {
      is.where = "domains." + n.domain_id + ".toegang";
      is.what =
          std::to_string(n.capacity[0].places) + " assessment slots (fte x assessments per fte)";
    } else {
      is.where = "domains." + n.domain_id + ".forms." + n.id;
      if (n.capacity.size() == 1) {
        is.what = "capacity " + Places(n.capacity[0].places);
      } else {
        is.what = "capacity " + Places(n.capacity[0].places);
        for (size_t i = 1; i < n.capacity.size(); ++i)
          is.what += (i == 1 ? ", then " : ", ") + Places(n.capacity[i].places) + " from " +
                     FormatDate(m.calendar.DateOf(n.capacity[i].day));
      }
      if (n.escalation_per_day > 0) is.what += " (with escalation while waiting)";
      if (n.overflow_to >= 0)
        is.what +=
            " (open end: to " + m.nodes[n.overflow_to].key() +
            (n.max_wait > 0 ? " after " + Days(n.max_wait) + " days" : std::string(" when full")) +
            ")";
      if (n.initial_waiting > 0)
        is.what += " (" + std::to_string(n.initial_waiting) + " waiting on the start date)";
    }
    out.push_back(is);
  }
  // Levers: a fixed size is computed exactly. An uncertain size (drawn per replication) is
  // computed at its mean only where every value is linear in it: inflow levers (arrivals, and
  // all that follows from them, scale with 1 + size x ramp) and tariff levers (cost scales with
  // it), as long as no two uncertain sizes multiply (two on one stream or one form, or a tariff
  // size correlated with an inflow size). Capacity and escalation levers change nothing without
  // caps. Durations, re-entry and routing levers act again on clients who come back: not linear.
  const size_t ne = m.effects.size();
  auto correlated = [&](int a, int b) {
    if (a == b) return true;
    if (m.effect_cholesky.empty()) return false;
    double c = 0;
    for (size_t k = 0; k < ne; ++k)
      c += m.effect_cholesky[a * ne + k] * m.effect_cholesky[b * ne + k];
    return std::fabs(c) > 1e-12;
  };
  std::vector<int> per_source(m.sources.size(), 0), per_node(m.nodes.size(), 0);
  std::vector<int> inflow_effects, tariff_effects;
  for (const LeverModel& l : m.levers) {
    if (m.effects[l.effect].size.is_fixed()) continue;
    if (l.kind == LeverKind::kInflow) {
      for (int s : l.sources) ++per_source[s];
      inflow_effects.push_back(l.effect);
    } else if (l.kind == LeverKind::kTariff) {
      for (int k : l.nodes) ++per_node[k];
      tariff_effects.push_back(l.effect);
    }
  }
  for (const LeverModel& l : m.levers) {
    if (l.kind == LeverKind::kReassessment) {
      ExpectIssue is;
      is.where = "levers." + l.name;
      is.what =
          "reassessment of clients in care: who moves depends on who is in care on each review "
          "date and renewal, which needs sdsim run";
      out.push_back(is);
      continue;
    }
    const EffectSize& size = m.effects[l.effect].size;
    if (size.is_fixed() || l.kind == LeverKind::kCapacity || l.kind == LeverKind::kEscalation)
      continue;
    std::string why;
    if (l.kind == LeverKind::kInflow) {
      for (int s : l.sources)
        if (per_source[s] > 1) why = "another uncertain inflow lever acts on the same stream";
    } else if (l.kind == LeverKind::kTariff) {
      for (int k : l.nodes)
        if (per_node[k] > 1) why = "another uncertain tariff lever acts on the same form";
      for (int e2 : inflow_effects)
        if (correlated(l.effect, e2)) why = "its size is correlated with an uncertain inflow lever";
    } else {
      why = "the outcome is not linear in the size";
    }
    if (why.empty()) continue;
    ExpectIssue is;
    is.where = "levers." + l.name;
    is.what = "effect size " + size.Describe() + " drawn per replication and " + why +
              ": the mean over the draws needs sdsim run (a fixed size gives an exact what-if)";
    out.push_back(is);
  }
  return out;
}

std::vector<int> NotComputedMetrics() {
  return {kUniqueClients, kCostPerClient, kClientsPer1000, kShareOver5y, kGkClientShare,
          kGkInflowShare, kGkCostShare,   kLifetimeRisk18, kBacklogCost, kCostWithBacklog};
}

std::vector<std::string> ExpectNotes() {
  return {
      "unique_clients and clients_per_1000 only for care forms a client cannot return to (each "
      "start "
      "is then a new client) and for age-band rows; empty elsewhere",
      "cost_per_client, share_over_5y, gk_client_share, gk_inflow_share, gk_cost_share and "
      "lifetime_risk_18 are ratios whose mean is not the ratio of means: empty",
      "backlog_cost and cost_with_backlog (the expected cost owed to waiting clients) need the "
      "queue at each period end: empty; overflowed is 0 (no form is ever full without caps)",
      "waiting_end, mean_waiting, mean_wait_days, waited_share and escalated are 0: without "
      "capacity limits "
      "nobody "
      "waits",
      "days: starts are spread evenly over their day, which keeps the mean timing of chains of "
      "forms "
      "exactly; history older than 96 days is summed in 32-day blocks (below 2e-5 relative)",
      "clients in care on the start date with time_in_care steady_state: the exact equilibrium of "
      "the duration (the simulator draws it exactly for fixed, exponential, lognormal and gamma "
      "durations, from a 1024-point table for Weibull and empirical ones)",
      "verlengde jeugdhulp after a move to another form: birth dates taken as uniform within a "
      "birth "
      "class of at most a quarter year (below 0.1% of the age-outs of such forms)",
      "levers with an uncertain size (inflow, tariff): computed at the mean size, which is exact "
      "because the values are linear in it",
  };
}

ExpectedValues Expect(const Model& m, const ExpectOptions& options) {
  const expect::Shared sh = expect::Prepare(m, options.max_class_days);
  const int classes = static_cast<int>(sh.ages.classes.size());
  std::vector<expect::ClassTotals> parts(classes);
  {
    std::unique_ptr<tbb::global_control> limit;
    if (options.threads > 0)
      limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                    options.threads);
    tbb::parallel_for(0, classes, [&](int c) { expect::RunClass(sh, c, &parts[c]); });
  }
  expect::ClassTotals t;
  t.Init(m);
  for (const expect::ClassTotals& p : parts)
    t.Add(p);  // in class order: same bits for any thread count

  const int P = m.calendar.num_periods(), N = m.num_nodes(), D = static_cast<int>(m.domains.size()),
            B = static_cast<int>(m.bands.size()), days = sh.days;
  constexpr int kTypes = static_cast<int>(ExitType::kCount);
  auto pn = [&](int p, int k) { return static_cast<size_t>(p) * N + k; };

  // Cost: of care and starts (booked per class, see BookCost in flow.cpp) and fixed amounts.
  std::vector<double> cost(static_cast<size_t>(P) * N * 2, 0.0),
      cost_pgb(static_cast<size_t>(P) * N, 0.0);
  for (int k = 0; k < N; ++k) {
    const NodeModel& node = m.nodes[k];
    if (node.is_care())
      for (int p = 0; p < P; ++p) {
        cost[pn(p, k) * 2] += t.cost[pn(p, k) * 2];
        cost[pn(p, k) * 2 + 1] += t.cost[pn(p, k) * 2 + 1];
        cost_pgb[pn(p, k)] += t.cost_pgb[pn(p, k)];
      }
    if (node.fixed.starts().empty()) continue;
    double from = 0;
    for (int p = 0; p < P; ++p) {
      const double to = m.calendar.periods()[p].end;
      const double sw = std::clamp(node.payer_switch_day, from, to);
      cost[pn(p, k) * 2] += node.fixed.Integral(from, sw);
      cost[pn(p, k) * 2 + 1] += node.fixed.Integral(sw, to);
      from = to;
    }
  }

  // Requests per domain and per age band (exact over each day's birth window).
  std::vector<double> requests(static_cast<size_t>(P) * D, 0.0),
      band_requests(static_cast<size_t>(P) * D * std::max(B, 1), 0.0);
  const expect::AgeCalc ages(m.calendar);
  std::vector<std::vector<int64_t>> edge_lo(B), edge_hi(B);  // first birth with age < lo, < hi + 1
  for (size_t s = 0; s < m.sources.size(); ++s) {
    const SourceModel& src = m.sources[s];
    for (int n = 0; n < days; ++n)
      requests[static_cast<size_t>(sh.period_of_day[n]) * D + src.domain] += sh.arrivals[s][n];
    if (src.age_hi <= 0 || B == 0) continue;
    for (int b = 0; b < B; ++b)
      if (edge_lo[b].empty()) {
        edge_lo[b].resize(days);
        edge_hi[b].resize(days);
        for (int n = 0; n < days; ++n) {
          edge_lo[b][n] = ages.Boundary(m.bands[b].lo, n);
          edge_hi[b][n] =
              m.bands[b].hi >= 200 ? expect::kFarPast : ages.Boundary(m.bands[b].hi + 1, n);
        }
      }
    for (int n = 0; n < days; ++n) {
      const expect::ArrivalBirths& w = sh.ages.source_window[s][n];
      for (int b = 0; b < B; ++b)
        band_requests[(static_cast<size_t>(sh.period_of_day[n]) * D + src.domain) * B + b] +=
            sh.arrivals[s][n] * w.Mass(edge_hi[b][n], edge_lo[b][n] - 1);
    }
  }

  const std::vector<bool> revisit_free = RevisitFree(m);
  ExpectedValues ev;
  ev.birth_classes = classes;
  ev.unconverged = t.unconverged;
  ev.layout = ResultLayout{P, m.num_groups(), kNumMetrics};
  const ResultLayout& L = ev.layout;
  ev.values.assign(L.size(), kNaN);
  const int own_payer = m.OwnPayer();
  for (int g = 0; g < L.groups; ++g) {
    const GroupModel& grp = m.groups[g];
    auto set = [&](int p, int metric, double v) {
      if (MetricApplies(grp.kind, metric)) ev.values[L.Index(p, g, metric)] = v;
    };
    if (grp.kind == GroupKind::kBand) {
      for (int p = 0; p < P; ++p) {
        const size_t i = (static_cast<size_t>(p) * D + grp.domain_index) * B + grp.band_index;
        const double pop = m.Population(grp.band_index, m.calendar.periods()[p].year);
        set(p, kClientsEnd, t.band_in_care[i]);
        set(p, kRequests, band_requests[i]);
        set(p, kClientsPer1000, pop > 0 ? t.band_in_care[i] / (pop / 1000) : kNaN);
      }
      continue;
    }
    double stock = 0, waiting = 0;
    for (int k : grp.nodes) {
      if (!m.nodes[k].is_care() && grp.kind != GroupKind::kToegang) continue;
      stock += m.nodes[k].is_care() ? m.nodes[k].initial_clients : 0;
      waiting += m.nodes[k].is_care() ? m.nodes[k].initial_waiting : 0;
    }
    const bool unique_known = (grp.kind == GroupKind::kForm || grp.kind == GroupKind::kToegang) &&
                              grp.nodes.size() == 1 && revisit_free[grp.nodes[0]];
    for (int p = 0; p < P; ++p) {
      double c = 0, c_pgb = 0, client_days = 0, starts = 0, ends = 0, reentries = 0, leaves = 0,
             diverted = 0, income = 0, own = 0;
      double by_type[kTypes] = {};
      for (int k : grp.nodes) {
        const NodeModel& node = m.nodes[k];
        for (int slot = 0; slot < 2; ++slot) {
          const int payer = slot == 0 ? node.payer : node.payer_after;
          if (payer == own_payer) own += cost[pn(p, k) * 2 + slot];
          if (grp.kind == GroupKind::kPayer && payer != grp.payer_index) continue;
          c += cost[pn(p, k) * 2 + slot];
        }
        if (node.is_income)  // linear in its uncertain change: the mean is exact
          income +=
              node.income.Integral(m.calendar.periods()[p].begin, m.calendar.periods()[p].end) *
              (1 + (node.income_effect >= 0 ? m.effects[node.income_effect].size.Mean() : 0));
        c_pgb += cost_pgb[pn(p, k)];
        if (!node.is_care() && grp.kind != GroupKind::kToegang) continue;
        client_days += t.client_days[pn(p, k)];
        starts += t.starts[pn(p, k)];
        ends += t.ends[pn(p, k)];
        reentries += t.reentries[pn(p, k)];
        diverted += t.diverted[pn(p, k)];
        if (p == 0 && node.is_care()) leaves += node.initial_waiting;  // they start at once
        for (int x = 0; x < kTypes; ++x) by_type[x] += t.by_type[pn(p, k) * kTypes + x];
      }
      const double unique = unique_known ? stock + starts : kNaN;
      set(p, kClientsStart, stock);
      const double days = m.calendar.periods()[p].end - m.calendar.periods()[p].begin;
      set(p, kMeanClients, client_days / days);
      set(p, kMeanWaiting, 0.0);
      set(p, kInflow, starts);
      set(p, kOutflow, ends);
      for (int x = 0; x < kTypes; ++x) set(p, kOutAfgerond + x, by_type[x]);
      set(p, kUniqueClients, unique);
      stock += starts - ends;
      set(p, kClientsEnd, stock);
      waiting -= leaves;
      set(p, kWaitingEnd, waiting);
      set(p, kMeanWaitDays, starts > 0 ? 0.0 : kNaN);
      set(p, kWaitedShare, starts > 0 ? 0.0 : kNaN);
      set(p, kEscalated, 0.0);
      set(p, kReentries, reentries);
      set(p, kDiverted, diverted);
      set(p, kOverflowed, 0.0);
      set(p, kCost, c);
      set(p, kCostPgb, c_pgb);
      set(p, kIncome, income);
      set(p, kSaldo, income - own);
      if (unique_known && !m.bands.empty()) {
        double pop = 0;
        const int year = m.calendar.periods()[p].year;
        if (grp.band_index >= 0)
          pop = m.Population(grp.band_index, year);
        else
          for (int b = 0; b < B; ++b) pop += m.Population(b, year);
        set(p, kClientsPer1000, pop > 0 ? unique / (pop / 1000) : kNaN);
      }
      if (grp.kind != GroupKind::kDomain) continue;
      const size_t pd = static_cast<size_t>(p) * D + grp.domain_index;
      set(p, kRequests, requests[pd]);
      set(p, kNoHelp, t.no_help[pd]);
      set(p, kAlgemeneVoorziening, t.av[pd]);
    }
  }
  return ev;
}

}  // namespace sdsim
