// ClassRun: the day-by-day expected flow of one birth class (internal to sim/expect; see flow.h).
// Its members are split by concern: class_run_pipes.cpp (series, pipes and kernel sums),
// class_run_moves.cpp (entries, the age limit, ends and routing), class_run_day.cpp (the steps of
// one day, mirroring engine/simulation.cpp event for event).
#pragma once

#include <climits>
#include <deque>
#include <vector>

#include "expect/flow.h"

namespace sdsim::expect::detail {

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

inline bool ViaToegang(const Model& m, const NodeModel& n) {
  return n.is_care() && n.reentry_probability > 0 && n.reentry_via_toegang &&
         m.domains[n.domain].toegang >= 0;
}

inline double Share(const Choice& c, size_t i) { return c.cum[i] - (i ? c.cum[i - 1] : 0.0); }

// Calls f(target, share) for every outcome of a choice with a positive share.
template <class F>
void ForEach(const Choice& c, F f) {
  for (size_t i = 0; i < c.cum.size(); ++i)
    if (Share(c, i) > 0) f(c.target[i], Share(c, i));
  const double rest = 1.0 - (c.cum.empty() ? 0.0 : c.cum.back());
  if (rest > 1e-15) f(c.rest, rest);
}

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

}  // namespace sdsim::expect::detail
