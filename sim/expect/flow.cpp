// The expected flow, shared part: the tags, what every birth class shares (Prepare), the class
// totals, and RunClass, which runs one class's ClassRun (class_run.h: its day steps, moves and
// pipes are in class_run_*.cpp).
#include "expect/flow.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <deque>
#include <set>

#include "expect/class_run.h"

namespace sdsim::expect {

using namespace detail;

Tags BuildTags(const Model& m) {
  Tags t;
  const int nodes = m.num_nodes();
  t.of_source.assign(m.sources.size(), kDirectTag);
  t.source_of_tag = {-1, -1, -1};
  for (size_t s = 0; s < m.sources.size(); ++s)
    if (m.sources[s].toegang >= 0) {
      t.of_source[s] = t.count++;
      t.source_of_tag.push_back(static_cast<int>(s));
    }
  // Clients in care on the start date have no stream; at a re-entry they take their domain's
  // toegang stream. If every domain where that matters has the same stream, they are that stream.
  std::set<int> streams;
  bool any = false;
  for (const NodeModel& n : m.nodes)
    if (ViaToegang(m, n)) {
      any = true;
      streams.insert(m.domains[n.domain].toegang_source);
    }
  if (!any)
    t.none = kDirectTag;
  else if (streams.size() == 1 && *streams.begin() >= 0)
    t.none = t.of_source[*streams.begin()];
  else
    t.none = 2;
  // Where can the tag still matter? Forms with re-entry via the toegang, and every form from which
  // one can be reached.
  std::vector<int> toegang_targets;
  for (const SourceModel& s : m.sources)
    if (s.toegang >= 0)
      for (int32_t x : s.routing.target)
        if (x >= 0) toegang_targets.push_back(x);
  std::vector<std::vector<int>> succ(nodes);
  for (int k = 0; k < nodes; ++k) {
    const NodeModel& n = m.nodes[k];
    if (!n.is_care()) continue;
    const DomainModel& dm = m.domains[n.domain];
    ForEach(n.end, [&](int32_t x, double) {
      if (x >= 0) succ[k].push_back(x);
      if (x == ExitTarget(ExitType::kOvergedragen) && dm.handover >= 0 && dm.handover != k)
        succ[k].push_back(dm.handover);
    });
    if (dm.limit_age > 0) {
      for (int32_t x : dm.at_limit.target)
        if (x >= 0) succ[k].push_back(x);
      for (int32_t x : dm.at_until.target)
        if (x >= 0) succ[k].push_back(x);
    }
    if (ViaToegang(m, n))
      succ[k].insert(succ[k].end(), toegang_targets.begin(), toegang_targets.end());
  }
  t.sensitive.assign(nodes, false);
  for (int k = 0; k < nodes; ++k)
    t.sensitive[k] = !m.nodes[k].is_care() || ViaToegang(m, m.nodes[k]);
  for (bool changed = true; changed;) {
    changed = false;
    for (int k = 0; k < nodes; ++k) {
      if (t.sensitive[k] || !m.nodes[k].is_care()) continue;
      for (int x : succ[k])
        if (t.sensitive[x] && m.nodes[x].is_care()) {
          t.sensitive[k] = changed = true;
          break;
        }
    }
  }
  return t;
}

Shared Prepare(const Model& m, int max_class_days) {
  Shared sh;
  sh.model = &m;
  sh.days = static_cast<int>(m.calendar.horizon());
  const int days = sh.days, nodes = m.num_nodes();
  sh.period_of_day.resize(days);
  for (int n = 0; n < days; ++n) sh.period_of_day[n] = m.calendar.PeriodOf(n);
  sh.care_table.resize(nodes);
  sh.variant_of_day.resize(nodes);
  sh.delay_table.assign(nodes, -1);
  sh.initial.resize(nodes);
  sh.fresh.resize(nodes);
  sh.delay.resize(nodes);
  sh.tariff_factor.resize(nodes);
  sh.reentry_factor.resize(nodes);
  sh.diversions.resize(nodes);
  sh.shifts.resize(nodes);
  auto table = [&](const std::vector<const std::vector<double>*>& cols, int support, bool blocks) {
    KernelTable t;
    const int nc = static_cast<int>(cols.size());
    t.support = support;
    t.rev.resize(days + 1, nc);
    for (int c = 0; c < nc; ++c)
      for (int i = 0; i <= days; ++i) t.rev(days - i, c) = (*cols[c])[i];
    if (blocks && support > kExactDays + kBlockDays) {
      t.blocks = days / kBlockDays + 1;
      t.block0 = Eigen::MatrixXd::Zero(t.blocks + 1, kBlockDays * nc);
      t.block1 = t.block0;
      const double mid = (kBlockDays - 1) / 2.0;
      for (int c = 0; c < nc; ++c)
        for (int m = 0; m <= days; ++m) {
          const int row = t.blocks - m / kBlockDays, col = (m % kBlockDays) * nc + c;
          for (int i = 0; i < kBlockDays && i <= m; ++i) {
            t.block0(row, col) += (*cols[c])[m - i];
            t.block1(row, col) += (i - mid) * (*cols[c])[m - i];
          }
        }
    }
    sh.tables.push_back(std::move(t));
    return static_cast<int>(sh.tables.size()) - 1;
  };
  // Levers with a fixed size: the multiplier 1 + size x ramp(t) of each kind per node and source
  // (Simulation::ApplyLevers).
  const RateCurve one = RateCurve::Constant(1, days);
  std::vector<RateCurve> duration_factor(nodes), inflow_factor(m.sources.size());
  auto times = [](RateCurve* acc, const RateCurve& f) {
    *acc = acc->starts().empty() ? f : acc->Times(f);
  };
  for (const LeverModel& lever : m.levers) {
    // A fixed size, or the mean of an uncertain one where values are linear in it (see
    // Unrepresentable in expect.cpp).
    const double size = m.effects[lever.effect].size.Mean();
    const RateCurve factor = lever.ramp.Scaled(size).Plus(one);
    switch (lever.kind) {
      case LeverKind::kInflow:
        for (int s : lever.sources) times(&inflow_factor[s], factor);
        break;
      case LeverKind::kDuration:
        for (int k : lever.nodes) times(&duration_factor[k], factor);
        break;
      case LeverKind::kReentry:
        for (int k : lever.nodes) times(&sh.reentry_factor[k], factor);
        break;
      case LeverKind::kTariff:
        for (int k : lever.nodes) times(&sh.tariff_factor[k], factor);
        break;
      case LeverKind::kEscalation:
      case LeverKind::kCapacity:
        break;  // nobody waits without caps (the caps themselves are reported)
      case LeverKind::kReassessment:
        break;  // refused (see Unrepresentable)
      case LeverKind::kDiversion:
      case LeverKind::kRoutingShift: {
        Shared::Redirect r;
        r.share = lever.ramp.Scaled(size);
        ForEach(lever.to, [&](int32_t x, double share) { r.to.push_back({x, share}); });
        for (int k : lever.nodes)
          (lever.kind == LeverKind::kDiversion ? sh.diversions : sh.shifts)[k].push_back(r);
        break;
      }
    }
  }
  for (int k = 0; k < nodes; ++k) {
    const NodeModel& node = m.nodes[k];
    if (node.kind == NodeKind::kCostLine) continue;
    const double wlz = node.is_care() ? node.wlz_per_day : 0.0;
    // Duration variants: Start draws duration x factor(now); one kernel per factor value.
    std::vector<double> factors{1.0};
    if (!duration_factor[k].starts().empty()) {
      sh.variant_of_day[k].resize(days);
      for (int n = 0; n < days; ++n) {
        const double f = duration_factor[k].RateAt(n);
        auto it = std::find(factors.begin(), factors.end(), f);
        if (it == factors.end()) it = factors.insert(factors.end(), f);
        sh.variant_of_day[k][n] = static_cast<uint8_t>(it - factors.begin());
      }
    }
    for (double f : factors) {
      CareKernel ck = MakeCareKernel(f == 1.0 ? node.duration : node.duration.Scaled(f), wlz, days);
      // Blocks for smooth kernels (not for a fixed duration, whose ends fall on two days).
      const int id =
          table({&ck.E, &ck.M, &ck.C}, ck.support, node.duration.kind() != DistKind::kFixed);
      sh.care.resize(id + 1);
      sh.care[id] = std::move(ck);
      sh.care_table[k].push_back(id);
    }
    if (!node.is_care()) continue;
    if (node.initial_clients > 0) sh.initial[k] = MakeInitialKernel(node, days);
    if (node.initial_waiting > 0) {
      // They start at time 0, with the duration factor of day 0.
      const double f = factors[sh.variant_of_day[k].empty() ? 0 : sh.variant_of_day[k][0]];
      sh.fresh[k] = MakeFreshPointKernel(f == 1.0 ? node.duration : node.duration.Scaled(f),
                                         node.wlz_per_day, days);
    }
    if (node.reentry_probability > 0) {
      sh.delay[k] = MakeDelayKernel(node.reentry_delay, days);
      sh.delay_table[k] =
          table({&sh.delay[k]}, days + 1, node.reentry_delay.kind() != DistKind::kFixed);
    }
  }
  sh.arrivals.resize(m.sources.size());
  for (size_t s = 0; s < m.sources.size(); ++s) {
    sh.arrivals[s].resize(days);
    // The yearly volatility factor has mean 1: the expected intensity is the base intensity, times
    // an inflow lever's factor (thinning or a second stream: Poisson at that rate either way).
    const RateCurve intensity = inflow_factor[s].starts().empty()
                                    ? m.sources[s].intensity
                                    : m.sources[s].intensity.Times(inflow_factor[s]);
    for (int n = 0; n < days; ++n) sh.arrivals[s][n] = intensity.Integral(n, n + 1.0);
  }
  sh.verlengd.assign(m.domains.size(), 0.0);
  for (size_t d = 0; d < m.domains.size(); ++d) {
    const Choice& c = m.domains[d].at_limit;
    for (size_t i = 0; i < c.cum.size(); ++i)
      if (c.target[i] == kChoiceVerlengd) sh.verlengd[d] += Share(c, i);
  }
  sh.tags = BuildTags(m);
  sh.ages = BuildAgeModel(m, max_class_days);
  return sh;
}

void ClassTotals::Init(const Model& m) {
  periods = m.calendar.num_periods();
  nodes = m.num_nodes();
  domains = static_cast<int>(m.domains.size());
  bands = static_cast<int>(m.bands.size());
  days = static_cast<int>(m.calendar.horizon());
  starts.assign(static_cast<size_t>(periods) * nodes, 0.0);
  ends = reentries = diverted = starts;
  by_type.assign(static_cast<size_t>(periods) * nodes * kTypes, 0.0);
  cost.assign(static_cast<size_t>(periods) * nodes * 2, 0.0);
  cost_pgb.assign(static_cast<size_t>(periods) * nodes, 0.0);
  client_days = cost_pgb;
  no_help.assign(static_cast<size_t>(periods) * domains, 0.0);
  av = no_help;
  band_in_care.assign(static_cast<size_t>(periods) * domains * std::max(bands, 1), 0.0);
}

void ClassTotals::Add(const ClassTotals& o) {
  auto add = [](std::vector<double>& a, const std::vector<double>& b) {
    for (size_t i = 0; i < a.size(); ++i) a[i] += b[i];
  };
  add(starts, o.starts);
  add(ends, o.ends);
  add(reentries, o.reentries);
  add(diverted, o.diverted);
  add(by_type, o.by_type);
  add(cost, o.cost);
  add(cost_pgb, o.cost_pgb);
  add(client_days, o.client_days);
  add(no_help, o.no_help);
  add(av, o.av);
  add(band_in_care, o.band_in_care);
  unconverged += o.unconverged;
}

void RunClass(const Shared& sh, int class_index, ClassTotals* out) {
  out->Init(*sh.model);
  ClassRun run(sh, class_index, out);
  run.Run();
}

}  // namespace sdsim::expect
