// The expected flow of one birth class, day by day: kills at the age limit, ends of earlier starts,
// re-entries, new requests, then the chains of same-day starts, then the day's client-days.
// Mirrors engine/simulation.cpp event for event (see the comments at each step).
#include "expect/flow.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <deque>
#include <set>

namespace sdsim::expect {
namespace {

constexpr int kAnyTag = 0, kDirectTag = 1;
constexpr int kTypes = static_cast<int>(ExitType::kCount);
// Same-day chains stop when what would still end today is below this many clients.
constexpr double kNegligible = 1e-10;

// What is known about the birth dates of mass moving between forms (see flow.h).
enum Phase : uint8_t {
  kPlain,  // no age limit applies (or the birth dates are unknown: taken uniform over the class)
  kPre,    // under the limit of its domain: uniform over the class's births under the limit
  kVerl,   // in verlengde care in its domain
  kPast,   // past the limit of its domain but not (yet) in verlengde care (after a toegang)
};

bool ViaToegang(const Model& m, const NodeModel& n) {
  return n.is_care() && n.reentry_probability > 0 && n.reentry_via_toegang &&
         m.domains[n.domain].toegang >= 0;
}

double Share(const Choice& c, size_t i) { return c.cum[i] - (i ? c.cum[i - 1] : 0.0); }

// Calls f(target, share) for every outcome of a choice with a positive share.
template <class F>
void ForEach(const Choice& c, F f) {
  for (size_t i = 0; i < c.cum.size(); ++i)
    if (Share(c, i) > 0) f(c.target[i], Share(c, i));
  const double rest = 1.0 - (c.cum.empty() ? 0.0 : c.cum.back());
  if (rest > 1e-15) f(c.rest, rest);
}

}  // namespace

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

namespace {

class ClassRun {
 public:
  ClassRun(const Shared& sh, int c, ClassTotals* out)
      : sh_(sh),
        m_(*sh.model),
        cls_(sh.ages.classes[c]),
        ages_(m_.calendar),
        out_(*out),
        days_(sh.days) {
    lim_.resize(m_.domains.size());
    for (size_t d = 0; d < m_.domains.size(); ++d)
      lim_[d] = MakeLimitCurves(m_, ages_, cls_, static_cast<int>(d));
    band_share_ = BandShares(m_, ages_, cls_);
    for (const auto& v : sh.care_table) variants_ = std::max(variants_, static_cast<int>(v.size()));
    pipe_of_.assign(static_cast<size_t>(m_.num_nodes()) * sh.tags.count * variants_, -1);
    w_of_ = pipe_of_;
    delay_of_.assign(static_cast<size_t>(m_.num_nodes()) * sh.tags.count, -1);
    day_initial_.assign(m_.num_nodes(), 0.0);
    day_started_ = day_starts_ = day_initial_;
  }

  void Run();

 private:
  enum Kind : uint8_t { kCarePlain, kCareP, kCareW, kToegangPlain, kToegangLimit };
  // Entries per day, with block sums of days long ago (see KernelTable).
  struct Series {
    Eigen::MatrixXd S;       // [day] x columns
    Eigen::MatrixXd B0, B1;  // [block] x columns: the linear fit of each completed block
    int first = INT_MAX;     // first and last day with an entry
    int last = -1;
    void Init(int days, int cols) {
      S = Eigen::MatrixXd::Zero(days, cols);
      B0 = B1 = Eigen::MatrixXd::Zero(days / kBlockDays + 1, cols);
    }
  };
  struct Pipe : Series {
    Kind kind;
    int node, tag, domain;
    int table;                             // the care kernel of the pipe's duration variant
    double pending = 0, pending_past = 0;  // entered today, same-day ends not yet followed
    bool queued = false;
    double entered = 0, ended = 0, removed = 0;  // today
    double in_care = 0;                          // at 00:00 today (before today's kills)
    double icn = 0;  // kCareP: sum_j S(j,1) C(n - j), the in-care divided by F at entry
    // Today's sums over earlier days (before the alive factors where noted).
    double e_pre = 0, m_pre = 0, e_verl = 0, m_verl = 0, nrm_e = 0;
  };
  enum PointKind : uint8_t { kPointPlain, kPointP, kPointW };
  struct Point {
    PointKind kind;
    int node, tag;
    double mass;
    bool fresh;  // started at time 0 (clients waiting on the start date): PGB, counted as starts
    const PointKernel* ker;
    double in_care = 0, removed = 0, ended = 0;
  };
  struct Delay : Series {  // S: exits per day (divided by F at exit if `limit`)
    int node, tag, domain;
    bool limit;
    double pending = 0;
    bool queued = false;
    int target, target_tag;
  };

  const LimitCurves& Lim(int node) const { return lim_[m_.nodes[node].domain]; }
  bool Active(int node) const { return Lim(node).active; }
  size_t PN(int p, int k) const { return static_cast<size_t>(p) * m_.num_nodes() + k; }
  void CountEnd(int k, int n, double x, ExitType type) {
    const int p = sh_.period_of_day[n];
    out_.ends[PN(p, k)] += x;
    if (m_.nodes[k].is_care()) out_.by_type[PN(p, k) * kTypes + static_cast<int>(type)] += x;
  }

  // The pipe of form k, tag and the duration variant of day n (P/plain or W).
  int GetPipe(int k, int tag, int n, bool w = false);
  int GetDelay(int k, int tag);
  void Queue(int pipe);
  // Entries into pipes.
  // `shifted`: already moved by a routing shift (Simulation::Enter shifts once).
  void Enter(int k, int tag, double m, Phase ph, int origin_domain, int n, bool reentry,
             bool shifted = false);
  void AddEntry(int pi, int n, double m, Phase ph);
  void EnterP(int k, int tag, double m, int n) { AddEntry(GetPipe(k, tag, n), n, m, kPre); }
  void EnterW(int k, int tag, double m, int n);
  // The at_limit choice for mass that reaches the limit (stays = the verlengd share stays in its
  // pipe), and for mass already past it on entry.
  void AtLimit(int k, int tag, double m, int n, bool verlengd_stays);
  void PastLimit(int k, int tag, double m, int n, bool beyond_until);
  void AtUntil(int k, int tag, double m, int n);
  // Ends.
  void EndCare(int k, int tag, double m, Phase ph, int n);
  void EndToegang(int k, int tag, double pre, double past, int n);
  void Route(const Choice& routing, int domain, int tag, double pre, double past, Phase pre_phase,
             int n);

  void Start();
  void Kills(int n);
  void EndsFromEarlier(int n);
  void Arrivals(int n);
  void SameDay(int n);
  void EndOfDay(int n);

  // Sums over days j in [a, b) of columns [c0, c0+nc) of a series times kernel columns
  // [k0, k0+nk) at n - j: for a pipe (E, M) or C, for a delay its E.
  Eigen::MatrixXd Dot(const Series& p, int table, int c0, int nc, int a, int b, int n, int k0,
                      int nk) const;
  Eigen::MatrixXd Dot(const Pipe& p, int c0, int nc, int a, int b, int n, int k0, int nk) const {
    return Dot(p, p.table, c0, nc, a, b, n, k0, nk);
  }
  void CloseBlock(Series* p, int n);
  // First day j with F(j) <= x (strict: F(j) < x).
  int FirstAtMost(const std::vector<double>& F, double x, bool strict) const;

  const Shared& sh_;
  const Model& m_;
  const BirthClass& cls_;
  AgeCalc ages_;
  ClassTotals& out_;
  const int days_;
  std::vector<LimitCurves> lim_;
  std::vector<std::vector<double>> band_share_;
  std::deque<Pipe> pipes_;  // deque: references stay valid while pipes are added
  std::deque<Point> points_;
  std::deque<Delay> delays_;
  std::vector<int> pipe_of_, delay_of_, w_of_;  // [node][tag](variant) -> index, or -1
  int variants_ = 1;
  std::vector<int> queue_, delay_queue_;
  // Today, per node: client-days of clients in care on the start date (never PGB) and of started
  // care, and starts: booked at the end of the day (BookCost).
  std::vector<double> day_initial_, day_started_, day_starts_;
  void BookCost(int n);
};

int ClassRun::FirstAtMost(const std::vector<double>& F, double x, bool strict) const {
  // F is non-increasing.
  int lo = 0, hi = days_;  // answer in [0, days]
  while (lo < hi) {
    const int mid = (lo + hi) / 2;
    if (strict ? F[mid] < x : F[mid] <= x)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

Eigen::MatrixXd ClassRun::Dot(const Series& p, int table, int c0, int nc, int a, int b, int n,
                              int k0, int nk) const {
  const KernelTable& t = sh_.tables[table];
  a = std::max({a, p.first, n - t.support + 1});
  b = std::min({b, n, p.last + 1});
  Eigen::MatrixXd r = Eigen::MatrixXd::Zero(nc, nk);
  if (b <= a) return r;
  // Days long ago in blocks (see KernelTable); the rest exactly, in plain loops (at these sizes
  // they beat Eigen's GEMM with its packing).
  int kb_lo = 0, kb_hi = 0;
  if (t.block0.size() > 0) {
    const int old_end = std::min(b, n - kExactDays);
    kb_lo = (a + kBlockDays - 1) / kBlockDays;
    kb_hi = old_end > 0 ? old_end / kBlockDays : 0;
  }
  auto exact = [&](int from, int to) {
    const long len = to - from, row = days_ - n + from;
    if (len <= 0) return;
    for (int c = 0; c < nc; ++c) {
      const double* s = p.S.col(c0 + c).data() + from;
      for (int k = 0; k < nk; ++k) {
        const double* q = t.rev.col(k0 + k).data() + row;
        double acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
        long j = 0;
        for (; j + 4 <= len; j += 4) {
          acc0 += s[j] * q[j];
          acc1 += s[j + 1] * q[j + 1];
          acc2 += s[j + 2] * q[j + 2];
          acc3 += s[j + 3] * q[j + 3];
        }
        for (; j < len; ++j) acc0 += s[j] * q[j];
        r(c, k) += (acc0 + acc1) + (acc2 + acc3);
      }
    }
  };
  if (kb_hi <= kb_lo) {
    exact(a, b);
    return r;
  }
  exact(a, kb_lo * kBlockDays);
  exact(kb_hi * kBlockDays, b);
  // Block kb covers days kb*B .. kb*B + B - 1, its first day m = n - kb*B days ago, and
  // s(kb*B + i) ~ B0 + (i - mid) B1 (normalised sums, see CloseBlock).
  const int nkc = static_cast<int>(t.rev.cols()), row0 = t.blocks - n / kBlockDays,
            phase = n % kBlockDays;
  const long len = kb_hi - kb_lo;
  for (int c = 0; c < nc; ++c) {
    const double* b0 = p.B0.col(c0 + c).data() + kb_lo;
    const double* b1 = p.B1.col(c0 + c).data() + kb_lo;
    for (int k = 0; k < nk; ++k) {
      const int col = phase * nkc + k0 + k;
      const double* q0 = t.block0.col(col).data() + row0 + kb_lo;
      const double* q1 = t.block1.col(col).data() + row0 + kb_lo;
      double acc0 = 0, acc1 = 0;
      for (long j = 0; j < len; ++j) {
        acc0 += b0[j] * q0[j];
        acc1 += b1[j] * q1[j];
      }
      r(c, k) += acc0 + acc1;
    }
  }
  return r;
}

void ClassRun::CloseBlock(Series* p, int n) {
  // Day n ends a block: its sums are final (entries only ever go to today).
  if ((n + 1) % kBlockDays != 0 || p->first > n) return;
  // Kept as the level and slope of the block's linear fit: B0 = sum / B, B1 = weighted sum / var.
  const int kb = n / kBlockDays, d0 = kb * kBlockDays;
  const double mid = (kBlockDays - 1) / 2.0,
               var = kBlockDays * (kBlockDays * kBlockDays - 1.0) / 12.0;
  for (int c = 0; c < p->S.cols(); ++c) {
    double s0 = 0, s1 = 0;
    for (int i = 0; i < kBlockDays; ++i) {
      s0 += p->S(d0 + i, c);
      s1 += (i - mid) * p->S(d0 + i, c);
    }
    p->B0(kb, c) = s0 / kBlockDays;
    p->B1(kb, c) = s1 / var;
  }
}

int ClassRun::GetPipe(int k, int tag, int n, bool w) {
  const NodeModel& node = m_.nodes[k];
  if (node.is_care() && !sh_.tags.sensitive[k]) tag = kAnyTag;
  const int variant = sh_.variant_of_day[k].empty() ? 0 : sh_.variant_of_day[k][n];
  int& idx =
      (w ? w_of_ : pipe_of_)[(static_cast<size_t>(k) * sh_.tags.count + tag) * variants_ + variant];
  if (idx >= 0) return idx;
  Pipe p;
  p.node = k;
  p.tag = tag;
  p.domain = node.domain;
  p.table = sh_.care_table[k][variant];
  if (w)
    p.kind = kCareW;
  else if (node.is_care())
    p.kind = Active(k) ? kCareP : kCarePlain;
  else
    p.kind = Active(k) ? kToegangLimit : kToegangPlain;
  p.Init(days_, 2);
  pipes_.push_back(std::move(p));
  idx = static_cast<int>(pipes_.size()) - 1;
  return idx;
}

int ClassRun::GetDelay(int k, int tag) {
  if (!sh_.tags.sensitive[k]) tag = kAnyTag;
  int& idx = delay_of_[static_cast<size_t>(k) * sh_.tags.count + tag];
  if (idx >= 0) return idx;
  const NodeModel& node = m_.nodes[k];
  const DomainModel& dm = m_.domains[node.domain];
  Delay d;
  d.node = k;
  d.tag = tag;
  d.domain = node.domain;
  d.limit = Active(k);
  d.Init(days_, 1);
  // OnReentry: a client without a stream takes the domain's toegang stream; back via the toegang
  // (routed like that stream) if the form says so and the stream came via a toegang.
  int eff = tag;
  if (tag == 2 && sh_.tags.none == 2 && dm.toegang_source >= 0)
    eff = sh_.tags.of_source[dm.toegang_source];
  const bool toegang_tag = eff >= 3;
  d.target = node.reentry_via_toegang && dm.toegang >= 0 && toegang_tag ? dm.toegang : k;
  d.target_tag = eff;
  delays_.push_back(std::move(d));
  idx = static_cast<int>(delays_.size()) - 1;
  return idx;
}

void ClassRun::Queue(int pi) {
  if (!pipes_[pi].queued) {
    pipes_[pi].queued = true;
    queue_.push_back(pi);
  }
}

void ClassRun::AddEntry(int pi, int n, double m, Phase ph) {
  Pipe& p = pipes_[pi];
  const LimitCurves& lc = Lim(p.node);
  switch (p.kind) {
    case kCarePlain:
    case kToegangPlain:
      p.S(n, 0) += m;
      break;
    case kCareP:
      p.S(n, 0) += m;
      p.S(n, 1) += m / lc.F[n];
      break;
    case kToegangLimit:
      // Entries under the limit are also kept divided by F (so that the share past the limit by
      // the end of the assessment follows); those already past it only as they are.
      p.S(n, 0) += m;
      if (ph != kPast && lc.F[n] > 0) p.S(n, 1) += m / lc.F[n];
      if (ph == kPast) {
        p.pending_past += m;
        p.first = std::min(p.first, n);
        p.last = n;
        p.entered += m;
        Queue(pi);
        return;
      }
      break;
    case kCareW: {
      const double width = lc.Fu[n] - lc.F[n];
      p.S(n, 0) += m / width;
      p.S(n, 1) += m * lc.F[n] / width;
      break;
    }
  }
  p.first = std::min(p.first, n);
  p.last = n;
  p.entered += m;
  p.pending += m;
  Queue(pi);
}

void ClassRun::EnterW(int k, int tag, double m, int n) {
  if (m <= 0) return;
  const LimitCurves& lc = Lim(k);
  if (lc.Fu[n] - lc.F[n] <= 1e-12) {
    AtUntil(k, tag, m, n);  // nobody in this class is between the limit and the verlengd age today
    return;
  }
  AddEntry(GetPipe(k, tag, n, true), n, m, kVerl);
}

void ClassRun::Enter(int k, int tag, double m, Phase ph, int od, int n, bool reentry,
                     bool shifted) {
  if (m <= 0) return;
  const NodeModel& node = m_.nodes[k];
  const int p = sh_.period_of_day[n];
  if (reentry) out_.reentries[PN(p, k)] += m;  // OnReentry counts where the client comes back
  if (!shifted && !sh_.shifts[k].empty()) {
    // Routing shift levers: a share of every entry goes to the lever's forms instead (the first
    // lever that draws it).
    double keep = 1;
    for (const Shared::Redirect& r : sh_.shifts[k]) {
      const double d = keep * r.share.RateAt(n);
      if (d <= 0) continue;
      out_.diverted[PN(p, k)] += m * d;
      for (const auto& [to, q] : r.to) Enter(to, tag, m * d * q, ph, od, n, false, true);
      keep -= d;
    }
    m *= keep;
    if (m <= 0) return;
  }
  out_.starts[PN(p, k)] += m;  // Start: every entry starts at once (no caps)
  if (!node.is_care()) {
    // The toegang: assessment starts (limit ages are checked when care starts).
    if (Active(k) && (od != node.domain || ph == kPlain)) {
      const double pre = m * Lim(k).F[n];
      if (pre > 0) AddEntry(GetPipe(k, tag, n), n, pre, kPre);
      if (m - pre > 0) AddEntry(GetPipe(k, tag, n), n, m - pre, kPast);
    } else {
      AddEntry(GetPipe(k, tag, n), n, m, ph);
    }
    return;
  }
  day_starts_[k] += m;
  if (!Active(k)) {
    AddEntry(GetPipe(k, tag, n), n, m, kPlain);
    return;
  }
  const LimitCurves& lc = Lim(k);
  if (od == node.domain && ph == kPre && lc.F[n] > 0) {
    EnterP(k, tag, m, n);
  } else if (od == node.domain && ph == kVerl) {
    EnterW(k, tag, m, n);
  } else if (od == node.domain && (ph == kPast || ph == kPre)) {
    PastLimit(k, tag, m, n, false);
  } else {
    // From another domain (LeaveDomain cleared verlengd) or of unknown age: uniform over the class.
    const double pre = m * lc.F[n], mid = m * std::max(0.0, lc.Fu[n] - lc.F[n]);
    if (pre > 0) EnterP(k, tag, pre, n);
    PastLimit(k, tag, mid, n, false);
    PastLimit(k, tag, m - pre - mid, n, true);
  }
}

void ClassRun::PastLimit(int k, int tag, double m, int n, bool beyond_until) {
  // ScheduleStretch: the limit birthday lies before now, so care ends at once (kByLimit) and the
  // at_limit choice is drawn; a verlengd client goes on until the verlengd age (or, past it too,
  // ends at once again).
  if (m <= 1e-300) return;
  const int d = m_.nodes[k].domain;
  ForEach(m_.domains[d].at_limit, [&](int32_t x, double s) {
    if (x == kChoiceVerlengd) {
      if (beyond_until)
        AtUntil(k, tag, m * s, n);
      else
        EnterW(k, tag, m * s, n);
      return;
    }
    CountEnd(k, n, m * s, ExitType::kAgeOut);
    if (x >= 0) Enter(x, tag, m * s, kPlain, d, n, false);
  });
}

void ClassRun::AtLimit(int k, int tag, double m, int n, bool) {
  const int d = m_.nodes[k].domain;
  ForEach(m_.domains[d].at_limit, [&](int32_t x, double s) {
    if (x == kChoiceVerlengd) return;  // carries on in its pipe (the P formula keeps it)
    CountEnd(k, n, m * s, ExitType::kAgeOut);
    if (x >= 0) Enter(x, tag, m * s, kPlain, d, n, false);
  });
}

void ClassRun::AtUntil(int k, int tag, double m, int n) {
  if (m <= 1e-300) return;
  const int d = m_.nodes[k].domain;
  const Choice& c = m_.domains[d].at_until;
  if (c.cum.empty() && c.rest == 0) {
    // No transfers given: the builder leaves rest = 0 (node 0); the intent is to leave.
    CountEnd(k, n, m, ExitType::kAgeOut);
    return;
  }
  ForEach(c, [&](int32_t x, double s) {
    CountEnd(k, n, m * s, ExitType::kAgeOut);
    if (x >= 0) Enter(x, tag, m * s, kPlain, d, n, false);
  });
}

void ClassRun::EndCare(int k, int tag, double m, Phase ph, int n) {
  if (m <= 1e-300) return;
  const NodeModel& node = m_.nodes[k];
  const DomainModel& dm = m_.domains[node.domain];
  ForEach(node.end, [&](int32_t x, double s) {
    const double y = m * s;
    if (x >= 0) {
      CountEnd(k, n, y, ExitType::kVervolghulp);
      Enter(x, tag, y, ph, node.domain, n, false);
      return;
    }
    const ExitType type = ExitOf(x);
    CountEnd(k, n, y, type);
    if (type == ExitType::kOvergedragen && dm.handover >= 0 && dm.handover != k) {
      Enter(dm.handover, tag, y, ph, node.domain, n, false);
      return;
    }
    // Re-entry after afgerond / voortijdig; a client past the age limit never comes back.
    if ((type == ExitType::kAfgerond || type == ExitType::kVoortijdig) &&
        node.reentry_probability > 0 && ph != kVerl) {
      const int di = GetDelay(k, tag);
      Delay& d = delays_[di];
      double p_back = node.reentry_probability;
      if (!sh_.reentry_factor[k].starts().empty())
        p_back = std::min(1.0, p_back * sh_.reentry_factor[k].RateAt(n));  // a reentry lever
      const double back = y * p_back;
      if (d.limit) {
        if (Lim(k).F[n] <= 0) return;
        d.S(n, 0) += back / Lim(k).F[n];
      } else {
        d.S(n, 0) += back;
      }
      d.first = std::min(d.first, n);
      d.last = n;
      d.pending += back;
      if (!d.queued) {
        d.queued = true;
        delay_queue_.push_back(di);
      }
    }
  });
}

void ClassRun::Route(const Choice& routing, int domain, int tag, double pre, double past,
                     Phase pre_phase, int n) {
  const int p = sh_.period_of_day[n];
  ForEach(routing, [&](int32_t x, double s) {
    if (x >= 0) {
      // Diversion levers: a share of these requests goes to the lever's form (the lokaal team;
      // without caps it always has a free place).
      double keep = 1;
      for (const Shared::Redirect& r : sh_.diversions[x]) {
        const double d = keep * r.share.RateAt(n);
        if (d <= 0) continue;
        out_.diverted[PN(p, x)] += (pre + past) * s * d;
        Enter(r.to[0].first, tag, pre * s * d, pre_phase, domain, n, false);
        Enter(r.to[0].first, tag, past * s * d, kPast, domain, n, false);
        keep -= d;
      }
      Enter(x, tag, pre * s * keep, pre_phase, domain, n, false);
      Enter(x, tag, past * s * keep, kPast, domain, n, false);
    } else if (x == kRouteNoHelp) {
      out_.no_help[static_cast<size_t>(p) * m_.domains.size() + domain] += (pre + past) * s;
    } else {
      out_.av[static_cast<size_t>(p) * m_.domains.size() + domain] += (pre + past) * s;
    }
  });
}

void ClassRun::EndToegang(int k, int tag, double pre, double past, int n) {
  if (pre + past <= 1e-300) return;
  CountEnd(k, n, pre + past, ExitType::kAfgerond);  // not a care form: only the total counts
  const int s = sh_.tags.source_of_tag[tag];
  if (s < 0) return;  // cannot happen: only toegang streams enter a toegang
  Route(m_.sources[s].routing, m_.nodes[k].domain, tag, pre, past, Active(k) ? kPre : kPlain, n);
}

void ClassRun::Start() {
  // PlaceInitialClients: the clients in care on the start date (with their remaining time), and
  // those waiting, who start at once when there is no cap.
  for (int k = 0; k < m_.num_nodes(); ++k) {
    const NodeModel& node = m_.nodes[k];
    if (!node.is_care()) continue;
    const int tag = sh_.tags.sensitive[k] ? sh_.tags.none : kAnyTag;
    if (node.initial_clients > 0) {
      double share = 0;
      if (!cls_.ages) {
        share = node.initial_age_cum.empty() ? 1.0 : 0.0;
      } else {
        for (size_t b = 0; b < node.initial_age_cum.size(); ++b) {
          const double s = node.initial_age_cum[b] - (b ? node.initial_age_cum[b - 1] : 0.0);
          const BirthWindow& w = sh_.ages.initial_window[b];
          if (s > 0 && w.size() > 0)
            share += s * static_cast<double>(cls_.Overlap(w.lo, w.hi)) / w.size();
        }
      }
      const double mass = node.initial_clients * share;
      if (mass > 0) {
        auto add = [&](PointKind kind, double x) {
          if (x <= 0) return;
          Point pt{kind, k, tag, x, false, &sh_.initial[k]};
          pt.in_care = x;
          points_.push_back(pt);
        };
        if (Active(k)) {
          // Under the limit on the start date; between the limit and the verlengd age (flagged
          // verlengd); or past both: care ends at once (kByUntil).
          const LimitCurves& lc = Lim(k);
          const double pre = lc.F[0], mid = std::max(0.0, lc.Fu[0] - lc.F[0]);
          add(kPointP, mass * pre);
          add(kPointW, mass * mid);
          const double old = mass * (1 - pre - mid);
          if (old > 1e-300) AtUntil(k, tag, old, 0);
        } else {
          add(kPointPlain, mass);
        }
      }
    }
    if (node.initial_waiting > 0 && !cls_.ages) {
      Point pt{kPointPlain, k, tag, static_cast<double>(node.initial_waiting), true, &sh_.fresh[k]};
      pt.in_care = pt.mass;
      points_.push_back(pt);
      out_.starts[PN(0, k)] += pt.mass;
      day_starts_[k] += pt.mass;
    }
  }
}

void ClassRun::Kills(int n) {
  // Birthdays at 00:00 of day n: ScheduleStretch ended care at the limit (or verlengd) birthday.
  const size_t count = pipes_.size();
  for (size_t i = 0; i < count; ++i) {
    Pipe& p = pipes_[i];
    if ((p.kind != kCareP && p.kind != kCareW) || p.first >= n) continue;
    const LimitCurves& lc = Lim(p.node);
    const double v = sh_.verlengd[p.domain];
    const std::vector<double>&F = lc.F, &Fu = lc.Fu;
    if (p.kind == kCareP) {
      const double df = F[n - 1] - F[n];
      if (df > 0 && p.icn > 0) {
        const double killed = df * p.icn;
        p.removed += killed * (1 - v);
        AtLimit(p.node, p.tag, killed, n, true);
      }
      if (v > 0 && Fu[n - 1] > Fu[n]) {
        const int j1 = FirstAtMost(F, Fu[n - 1], true),
                  j2 = std::max(j1, FirstAtMost(F, Fu[n], false));
        const double a = Dot(p, 1, 1, 0, j1, n, 2, 1)(0, 0);
        const Eigen::MatrixXd b = Dot(p, 0, 2, j1, j2, n, 2, 1);
        const double killed =
            std::max(0.0, v * ((Fu[n - 1] - Fu[n]) * a + b(0, 0) - Fu[n] * b(1, 0)));
        p.removed += killed;
        AtUntil(p.node, p.tag, killed, n);
      }
    } else if (Fu[n - 1] > Fu[n]) {
      const int ja = FirstAtMost(F, Fu[n - 1], true),
                jb = std::max(ja, FirstAtMost(F, Fu[n], true));
      const Eigen::MatrixXd x = Dot(p, 0, 2, ja, jb, n, 2, 1);
      const double y = Dot(p, 0, 1, jb, n, n, 2, 1)(0, 0);
      const double killed = std::max(0.0, Fu[n - 1] * x(0, 0) - x(1, 0) + (Fu[n - 1] - Fu[n]) * y);
      p.removed += killed;
      AtUntil(p.node, p.tag, killed, n);
    }
  }
  for (Point& pt : points_) {
    if (pt.kind == kPointPlain || pt.mass <= 0) continue;
    const LimitCurves& lc = Lim(pt.node);
    const double v = sh_.verlengd[m_.nodes[pt.node].domain];
    const double c = pt.mass * pt.ker->C[n];
    if (pt.kind == kPointP) {
      const double pre = c * (lc.F[n - 1] - lc.F[n]), verl = c * v * (lc.Fu[n - 1] - lc.Fu[n]);
      if (pre > 0) {
        pt.removed += pre * (1 - v);
        AtLimit(pt.node, pt.tag, pre, n, true);
      }
      if (verl > 0) {
        pt.removed += verl;
        AtUntil(pt.node, pt.tag, verl, n);
      }
    } else {
      const double until = c * (lc.Fu[n - 1] - lc.Fu[n]);
      if (until > 0) {
        pt.removed += until;
        AtUntil(pt.node, pt.tag, until, n);
      }
    }
  }
}

void ClassRun::EndsFromEarlier(int n) {
  const size_t count = pipes_.size();
  for (size_t i = 0; i < count; ++i) {
    Pipe& p = pipes_[i];
    if (p.first >= n) continue;
    const LimitCurves& lc = Lim(p.node);
    const double w = sh_.care[p.table].wlz;
    switch (p.kind) {
      case kCarePlain: {
        const Eigen::MatrixXd r = Dot(p, 0, 1, 0, n, n, 0, 2);
        p.e_pre = r(0, 0);
        p.m_pre = r(0, 1);
        break;
      }
      case kCareP: {
        const double v = sh_.verlengd[p.domain];
        const int j = v > 0 ? FirstAtMost(lc.F, lc.Fu[n], false) : n;
        const Eigen::MatrixXd a = Dot(p, 0, 2, j, n, n, 0, 2), b = Dot(p, 1, 1, 0, j, n, 0, 2);
        const double ne = a(1, 0) + b(0, 0), nm = a(1, 1) + b(0, 1);
        p.nrm_e = ne;
        p.e_pre = lc.F[n] * ne;
        p.m_pre = lc.F[n] * nm;
        if (v > 0) {
          p.e_verl = std::max(0.0, v * (lc.Fu[n] * b(0, 0) + a(0, 0) - lc.F[n] * ne));
          p.m_verl = std::max(0.0, v * (lc.Fu[n] * b(0, 1) + a(0, 1) - lc.F[n] * nm));
        }
        break;
      }
      case kCareW: {
        const int j = FirstAtMost(lc.F, lc.Fu[n], true);
        const Eigen::MatrixXd a = Dot(p, 0, 2, j, n, n, 0, 2);
        p.e_verl = std::max(0.0, lc.Fu[n] * a(0, 0) - a(1, 0));
        p.m_verl = std::max(0.0, lc.Fu[n] * a(0, 1) - a(1, 1));
        break;
      }
      case kToegangPlain: {
        const Eigen::MatrixXd a = Dot(p, 0, 1, 0, n, n, 0, 2);
        const double e = a(0, 0);
        day_started_[p.node] += a(0, 1);
        p.ended += e;
        EndToegang(p.node, p.tag, e, 0, n);
        continue;
      }
      case kToegangLimit: {
        const Eigen::MatrixXd a = Dot(p, 0, 2, 0, n, n, 0, 2);
        const double pre = lc.F[n] * a(1, 0), past = std::max(0.0, a(0, 0) - pre);
        day_started_[p.node] += a(0, 1);
        p.ended += pre + past;
        EndToegang(p.node, p.tag, pre, past, n);
        continue;
      }
    }
    // OnEndCare: by duration (the end choice), or the Wlz (an exit without re-entry).
    const Phase pre_phase = p.kind == kCarePlain ? kPlain : kPre;
    p.ended += p.e_pre + p.e_verl;
    EndCare(p.node, p.tag, p.e_pre - w * p.m_pre, pre_phase, n);
    EndCare(p.node, p.tag, p.e_verl - w * p.m_verl, kVerl, n);
    if (w > 0) {
      CountEnd(p.node, n, w * p.m_pre, ExitType::kWlz);
      CountEnd(p.node, n, w * p.m_verl, ExitType::kWlz);
    }
  }
  for (Point& pt : points_) {
    if (pt.mass <= 0) continue;
    const LimitCurves& lc = Lim(pt.node);
    const double v = sh_.verlengd[m_.nodes[pt.node].domain];
    double fp = 1, fv = 0;
    if (pt.kind == kPointP) {
      fp = lc.F[n];
      fv = v * (lc.Fu[n] - lc.F[n]);
    } else if (pt.kind == kPointW) {
      fp = 0;
      fv = lc.Fu[n];
    }
    const double e = pt.mass * pt.ker->E[n], md = pt.mass * pt.ker->M[n], w = pt.ker->wlz;
    pt.ended += e * (fp + fv);
    EndCare(pt.node, pt.tag, (e - w * md) * fp, pt.kind == kPointPlain ? kPlain : kPre, n);
    EndCare(pt.node, pt.tag, (e - w * md) * fv, kVerl, n);
    if (w > 0) CountEnd(pt.node, n, w * md * (fp + fv), ExitType::kWlz);
    (pt.fresh ? day_started_ : day_initial_)[pt.node] += md * (fp + fv);
  }
  const size_t dcount = delays_.size();
  for (size_t i = 0; i < dcount; ++i) {
    Delay& d = delays_[i];
    if (d.first >= n) continue;
    double back = Dot(d, sh_.delay_table[d.node], 0, 1, 0, n, n, 0, 1)(0, 0);
    if (d.limit) back *= Lim(d.node).F[n];  // OnReentry: too old for the domain now
    Enter(d.target, d.target_tag, back, d.limit ? kPre : kPlain, d.domain, n, true);
  }
}

void ClassRun::Arrivals(int n) {
  // OnArrival: requests of each stream (the class's share of its birth window), to the toegang or
  // routed at once.
  for (size_t s = 0; s < m_.sources.size(); ++s) {
    const SourceModel& src = m_.sources[s];
    const double lambda = sh_.arrivals[s][n];
    if (lambda <= 0) continue;
    double share = 0, pre = 1;
    const bool aged = src.age_hi > 0;
    if (!cls_.ages) {
      share = aged ? 0.0 : 1.0;
    } else if (aged) {
      const ArrivalBirths& w = sh_.ages.source_window[s][n];
      share = w.Mass(cls_.lo, cls_.hi - 1);
      if (share > 0 && lim_[src.domain].active) {
        const int64_t beta = sh_.ages.beta[src.domain][n];
        pre = w.Mass(std::max(cls_.lo, beta), cls_.hi - 1) / share;
      }
    }
    const double m = lambda * share;
    if (m <= 0) continue;
    const int tag = sh_.tags.of_source[s];
    const Phase ph = lim_[src.domain].active ? kPre : kPlain;
    if (src.toegang >= 0) {
      Enter(src.toegang, tag, m * pre, ph, src.domain, n, false);
      Enter(src.toegang, tag, m * (1 - pre), kPast, src.domain, n, false);
    } else {
      Route(src.routing, src.domain, tag, m * pre, m * (1 - pre), ph, n);
    }
  }
}

void ClassRun::SameDay(int n) {
  // Starts of today that also end today, and what follows from them, until nothing is left.
  long guard = 0;
  while (!queue_.empty() || !delay_queue_.empty()) {
    if (++guard > 200000) {
      for (int i : queue_) out_.unconverged += pipes_[i].pending + pipes_[i].pending_past;
      for (int i : delay_queue_) out_.unconverged += delays_[i].pending;
      for (int i : queue_) pipes_[i].pending = pipes_[i].pending_past = 0, pipes_[i].queued = false;
      for (int i : delay_queue_) delays_[i].pending = 0, delays_[i].queued = false;
      queue_.clear();
      delay_queue_.clear();
      break;
    }
    if (!queue_.empty()) {
      const int pi = queue_.back();
      queue_.pop_back();
      Pipe& p = pipes_[pi];
      p.queued = false;
      const double m = p.pending, mp = p.pending_past;
      p.pending = p.pending_past = 0;
      const CareKernel& k = sh_.care[p.table];
      if ((m + mp) * k.E[0] < kNegligible) continue;  // what would end today is negligible
      if (p.kind == kToegangPlain || p.kind == kToegangLimit) {
        p.ended += (m + mp) * k.E[0];
        EndToegang(p.node, p.tag, m * k.E[0], mp * k.E[0], n);
        continue;
      }
      const Phase ph = p.kind == kCarePlain ? kPlain : p.kind == kCareP ? kPre : kVerl;
      p.ended += m * k.E[0];
      EndCare(p.node, p.tag, m * (k.E[0] - k.wlz * k.M[0]), ph, n);
      if (k.wlz > 0) CountEnd(p.node, n, m * k.wlz * k.M[0], ExitType::kWlz);
    } else {
      const int di = delay_queue_.back();
      delay_queue_.pop_back();
      Delay& d = delays_[di];
      d.queued = false;
      const double m = d.pending;
      d.pending = 0;
      if (m * sh_.delay[d.node][0] < kNegligible) continue;
      Enter(d.target, d.target_tag, m * sh_.delay[d.node][0], d.limit ? kPre : kPlain, d.domain, n,
            true);
    }
  }
}

void ClassRun::EndOfDay(int n) {
  for (Pipe& p : pipes_) {
    const CareKernel& k = sh_.care[p.table];
    day_started_[p.node] += p.m_pre + p.m_verl + k.M[0] * p.entered;
    p.in_care += p.entered - p.ended - p.removed;
    if (p.kind == kCareP) p.icn += p.S(n, 1) - (p.nrm_e + k.E[0] * p.S(n, 1));
    CloseBlock(&p, n);
    p.e_pre = p.m_pre = p.e_verl = p.m_verl = p.nrm_e = 0;
    p.entered = p.ended = p.removed = 0;
  }
  for (Delay& d : delays_) CloseBlock(&d, n);
  for (Point& pt : points_) {
    pt.in_care -= pt.ended + pt.removed;
    pt.ended = pt.removed = 0;
  }
  // Snapshot at the end of a period: clients in care by age band (before the next day's events).
  const int p = sh_.period_of_day[n];
  if (n + 1 != static_cast<int>(m_.calendar.periods()[p].end) || !cls_.ages) return;
  const size_t domains = m_.domains.size(), bands = m_.bands.size();
  auto count = [&](int node, double x) {
    if (!m_.nodes[node].is_care() || x == 0) return;
    const int d = m_.nodes[node].domain;
    for (size_t b = 0; b < bands; ++b)
      out_.band_in_care[(static_cast<size_t>(p) * domains + d) * bands + b] +=
          x * band_share_[p][b];
  };
  for (const Pipe& q : pipes_) count(q.node, q.in_care);
  for (const Point& pt : points_) count(pt.node, pt.in_care);
}

void ClassRun::BookCost(int n) {
  // ScheduleStretch books each day of care at that day's price (a PGB client at the PGB price),
  // split at the payer switch; Start books the trajectory price and one-off costs of the start
  // date. A tariff lever scales the prices per day and per trajectory (not one-off costs).
  const int p = sh_.period_of_day[n];
  for (int k = 0; k < m_.num_nodes(); ++k) {
    const double di = day_initial_[k], ds = day_started_[k], st = day_starts_[k];
    if (di == 0 && ds == 0 && st == 0) continue;
    const NodeModel& node = m_.nodes[k];
    const size_t pk = PN(p, k);
    out_.client_days[pk] += di + ds;
    if (!node.is_care()) {  // a toegang: clients in assessment, no price per day
      day_initial_[k] = day_started_[k] = day_starts_[k] = 0;
      continue;
    }
    const int slot = n >= node.payer_switch_day ? 1 : 0;
    const double f = sh_.tariff_factor[k].starts().empty() ? 1.0 : sh_.tariff_factor[k].RateAt(n);
    const double pgb_days = node.pgb_share * ds;
    const double pgb = f * node.pgb_tariff.RateAt(n) * pgb_days;
    double once = 0;
    if (!node.per_start.starts().empty()) once += f * node.per_start.RateAt(n);
    if (!node.one_off.starts().empty()) once += node.one_off.RateAt(n);
    out_.cost[pk * 2 + slot] += f * node.tariff.RateAt(n) * (di + ds - pgb_days) + pgb + once * st;
    out_.cost_pgb[pk] += pgb;
    day_initial_[k] = day_started_[k] = day_starts_[k] = 0;
  }
}

void ClassRun::Run() {
  Start();
  for (int n = 0; n < days_; ++n) {
    if (n > 0) Kills(n);
    EndsFromEarlier(n);
    Arrivals(n);
    SameDay(n);
    EndOfDay(n);
    BookCost(n);
  }
}

}  // namespace

void RunClass(const Shared& sh, int class_index, ClassTotals* out) {
  out->Init(*sh.model);
  ClassRun run(sh, class_index, out);
  run.Run();
}

}  // namespace sdsim::expect
