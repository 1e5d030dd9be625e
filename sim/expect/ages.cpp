// Birthdays, birth windows and the birth classes of `sdsim expect`.
#include "expect/ages.h"

#include <algorithm>
#include <set>

namespace sdsim::expect {
namespace {
constexpr int kVerlengdClassDays = 92;
}  // namespace

int64_t AgeCalc::Birthday(int64_t birth, int age) const {
  Date d = cal_.DateOf(static_cast<double>(birth));
  d.year += age;
  if (d.month == 2 && d.day == 29 && !IsLeapYear(d.year)) d = Date{d.year, 3, 1};
  return static_cast<int64_t>(cal_.DayOf(d));
}

int AgeCalc::AgeAt(int64_t birth, int64_t t) const {
  const Date b = cal_.DateOf(static_cast<double>(birth)), d = cal_.DateOf(static_cast<double>(t));
  return d.year - b.year - (d.month < b.month || (d.month == b.month && d.day < b.day));
}

int64_t AgeCalc::Boundary(int age, int64_t t) const {
  int64_t b = Birthday(t, -age) - 3;
  while (AgeAt(b, t) >= age) ++b;
  while (AgeAt(b - 1, t) < age) --b;
  return b;
}

BirthWindow DrawWindow(const AgeCalc& ages, int64_t t, int age_lo, int age_hi) {
  // Simulation::DrawBirth: uniform over the whole days [Birthday(t, -hi) + 1, Birthday(t, -lo)].
  return BirthWindow{ages.Birthday(t, -age_hi) + 1, ages.Birthday(t, -age_lo)};
}

ArrivalBirths MakeArrivalBirths(const AgeCalc& ages, int64_t day, double age_lo, double age_hi) {
  ArrivalBirths ab;
  ab.w = DrawWindow(ages, day, static_cast<int>(age_lo), static_cast<int>(age_hi));
  ab.day = day;
  ab.a = age_lo * kDaysPerYear;
  ab.b = age_hi * kDaysPerYear;
  return ab;
}

double ArrivalBirths::Mass(int64_t from, int64_t to) const {
  from = std::max(from, w.lo);
  to = std::min(to, w.hi);
  if (to < from) return 0;
  // The raw birth day - floor(x) lies in [from, to] when x is in [day - to, day - from + 1); the
  // window's ends also take every raw birth beyond them.
  const double lo = to == w.hi ? a : std::max(a, static_cast<double>(day - to));
  const double hi = from == w.lo ? b : std::min(b, static_cast<double>(day - from + 1));
  return hi > lo ? (hi - lo) / (b - a) : 0.0;
}

int64_t BirthClass::Overlap(int64_t a, int64_t b) const {
  const int64_t from = std::max(a, lo), to = std::min(b + 1, hi);
  return to > from ? to - from : 0;
}

AgeModel BuildAgeModel(const Model& m, int max_class_days) {
  const AgeCalc ages(m.calendar);
  const int64_t horizon = static_cast<int64_t>(m.calendar.horizon());
  AgeModel am;
  // Birth windows of the streams (per day) and of the start-date stock (per band).
  am.source_window.resize(m.sources.size());
  for (size_t s = 0; s < m.sources.size(); ++s) {
    const SourceModel& src = m.sources[s];
    if (src.age_hi <= 0) continue;
    am.source_window[s].resize(horizon);
    for (int64_t n = 0; n < horizon; ++n)
      am.source_window[s][n] = MakeArrivalBirths(ages, n, src.age_lo, src.age_hi);
  }
  for (const BandModel& b : m.bands)
    am.initial_window.push_back(DrawWindow(ages, 0, b.lo, b.lo + std::min(b.width(), 100)));

  // Class bounds: band edges on the start date and every period end; limit ages on the start date
  // and at the end of the horizon.
  std::set<int64_t> bounds;
  std::vector<int64_t> times{0};
  for (const Period& p : m.calendar.periods()) times.push_back(static_cast<int64_t>(p.end));
  for (const BandModel& b : m.bands) {
    std::vector<int> edges;
    if (b.lo > 0) edges.push_back(b.lo);
    if (b.hi < 200) edges.push_back(b.hi + 1);
    edges.push_back(b.lo + std::min(b.width(), 100));
    for (int e : edges)
      for (int64_t t : times) bounds.insert(ages.Boundary(e, t));
  }
  for (const DomainModel& d : m.domains) {
    if (d.limit_age <= 0) continue;
    for (int e : {d.limit_age, d.until_age})
      if (e > 0)
        for (int64_t t : {int64_t{0}, horizon}) bounds.insert(ages.Boundary(e, t));
  }
  am.beta.resize(m.domains.size());
  for (size_t d = 0; d < m.domains.size(); ++d) {
    if (m.domains[d].limit_age <= 0) continue;
    am.beta[d].resize(horizon + 1);
    for (int64_t n = 0; n <= horizon; ++n) am.beta[d][n] = ages.Boundary(m.domains[d].limit_age, n);
  }

  // Classes between the bounds; keep those that can hold clients.
  std::vector<int64_t> b(bounds.begin(), bounds.end());
  std::vector<BirthClass> all;
  int64_t lo = kFarPast;
  // Births that reach an age limit and also the end of verlengde care within the horizon get
  // classes of at most kVerlengdClassDays: clients who move to another form while in verlengde
  // care have birth dates skewed within their class (towards recent birthdays), which a class
  // takes as uniform. The error falls with the square of the width: in a test with much verlengde
  // vervolghulp the age-outs of the last year were 1.3% too high with one-year classes, 0.3% with
  // half-year and 0.05% with quarter-year classes.
  auto fine = [&](int64_t from, int64_t to) {
    for (const DomainModel& d : m.domains) {
      if (d.limit_age <= 0 || d.until_age <= d.limit_age) continue;
      if (ages.Birthday(to - 1, d.limit_age) > 0 && ages.Birthday(from, d.limit_age) < horizon &&
          ages.Birthday(from, d.until_age) < horizon)
        return true;
    }
    return false;
  };
  for (int64_t x : b) {
    int width = max_class_days;
    if (lo > kFarPast && fine(lo, x) && (width == 0 || width > kVerlengdClassDays))
      width = kVerlengdClassDays;
    if (width > 0 && lo > kFarPast)
      while (x - lo > width) {
        all.push_back(BirthClass{lo, lo + width, true});
        lo += width;
      }
    all.push_back(BirthClass{lo, x, true});
    lo = x;
  }
  all.push_back(BirthClass{lo, kFarFuture, true});
  for (const BirthClass& c : all) {
    bool used = false;
    for (size_t s = 0; s < m.sources.size() && !used; ++s) {
      if (am.source_window[s].empty()) continue;
      // Windows move forward in time: the union over the horizon is [first.lo, last.hi].
      if (c.Overlap(am.source_window[s].front().w.lo, am.source_window[s].back().w.hi) > 0)
        used = true;
    }
    for (const NodeModel& node : m.nodes) {
      if (used || node.initial_clients == 0) continue;
      for (size_t band = 0; band < node.initial_age_cum.size(); ++band) {
        const double share =
            node.initial_age_cum[band] - (band ? node.initial_age_cum[band - 1] : 0.0);
        if (share > 0 && c.Overlap(am.initial_window[band].lo, am.initial_window[band].hi) > 0)
          used = true;
      }
    }
    if (used) am.classes.push_back(c);
  }
  am.classes.push_back(BirthClass{kFarPast, kFarFuture, false});
  return am;
}

LimitCurves MakeLimitCurves(const Model& m, const AgeCalc& ages, const BirthClass& c, int d) {
  LimitCurves lc;
  const DomainModel& dm = m.domains[d];
  if (!c.ages || dm.limit_age <= 0) return lc;
  const int days = static_cast<int>(m.calendar.horizon());
  // Number of members whose limit (until) birthday falls on each day; earlier ones on day 0.
  std::vector<double> at_limit(days + 2, 0.0), at_until(days + 2, 0.0);
  double members = 0;
  auto count = [&](int64_t birth, double weight) {
    const int64_t l = ages.Birthday(birth, dm.limit_age), u = ages.Birthday(birth, dm.until_age);
    if (l <= days) at_limit[std::max<int64_t>(l, 0)] += weight;
    if (u <= days) at_until[std::max<int64_t>(u, 0)] += weight;
    members += weight;
  };
  if (c.finite()) {
    for (int64_t b = c.lo; b < c.hi; ++b) count(b, 1.0);
  } else {
    // An open class meets no age event within the horizon (see BuildAgeModel): one member stands
    // for all.
    count(c.lo > kFarPast ? c.lo : c.hi - 1, 1.0);
  }
  lc.F.assign(days + 1, 1.0);
  lc.Fu.assign(days + 1, 1.0);
  double gone = 0, gone_u = 0;
  for (int n = 0; n <= days; ++n) {
    gone += at_limit[n];
    gone_u += at_until[n];
    lc.F[n] = std::max(0.0, 1.0 - gone / members);
    lc.Fu[n] = std::max(0.0, 1.0 - gone_u / members);
  }
  for (int n = 0; n <= days; ++n)
    if (lc.F[n] != 1.0 || lc.Fu[n] != 1.0) lc.active = true;
  return lc;
}

std::vector<std::vector<double>> BandShares(const Model& m, const AgeCalc& ages,
                                            const BirthClass& c) {
  const auto& periods = m.calendar.periods();
  std::vector<std::vector<double>> share(periods.size(), std::vector<double>(m.bands.size(), 0.0));
  if (!c.ages) return share;
  for (size_t p = 0; p < periods.size(); ++p) {
    const int64_t t = static_cast<int64_t>(periods[p].end);
    auto add = [&](int64_t birth, double w) {
      const int age = ages.AgeAt(birth, t);
      for (size_t b = 0; b < m.bands.size(); ++b)
        if (age >= m.bands[b].lo && age <= m.bands[b].hi) {
          share[p][b] += w;
          break;
        }
    };
    if (c.finite()) {
      const double w = 1.0 / static_cast<double>(c.hi - c.lo);
      // Members are in one band by construction; count the two ends and the middle to be safe.
      if (ages.AgeAt(c.lo, t) == ages.AgeAt(c.hi - 1, t)) {
        add(c.lo, 1.0);
      } else {
        for (int64_t b = c.lo; b < c.hi; ++b) add(b, w);
      }
    } else {
      add(c.lo > kFarPast ? c.lo : c.hi - 1, 1.0);
    }
  }
  return share;
}

}  // namespace sdsim::expect
