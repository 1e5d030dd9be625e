// Ages for `sdsim expect`: calendar-exact birthdays (as the simulator computes them), the birth
// windows of new requests and of clients in care on the start date, and the classes of birth
// dates that the expected flow is computed for.
//
// A class is an interval of birth days whose bounds are the birthdays that matter: on the start
// date and on every period end the edges of the age bands (so every member of a class is in the
// same band at each period end), and on the start date and at the end of the horizon the age limit
// and verlengd age of each domain (so the infinite classes at both ends meet no age event).
// Clients without a tracked age form a class of their own.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "core/model.h"

namespace sdsim::expect {

constexpr int64_t kFarPast = std::numeric_limits<int64_t>::min() / 4;
constexpr int64_t kFarFuture = std::numeric_limits<int64_t>::max() / 4;

// Birthdays and ages exactly as engine/simulation.cpp computes them.
class AgeCalc {
 public:
  explicit AgeCalc(const Calendar& cal) : cal_(cal) {}
  // The day on which someone born on day `birth` turns `age` (29 February -> 1 March).
  int64_t Birthday(int64_t birth, int age) const;
  // Age in whole years on day t.
  int AgeAt(int64_t birth, int64_t t) const;
  // The first birth day b with AgeAt(b, t) < age: births before it are at least `age` on day t.
  int64_t Boundary(int age, int64_t t) const;

 private:
  const Calendar& cal_;
};

// Births [lo, hi] (inclusive) that the simulator draws uniformly for an age span [lo_age, hi_age)
// on day t (Simulation::DrawBirth).
struct BirthWindow {
  int64_t lo = 0, hi = -1;
  int64_t size() const { return hi >= lo ? hi - lo + 1 : 0; }
};
BirthWindow DrawWindow(const AgeCalc& ages, int64_t t, int age_lo, int age_hi);

// The birth day of a new request on day `day` with an age span [age_lo, age_hi) years, as
// Simulation::OnArrival draws it: day - floor(x) with x uniform on [age_lo, age_hi) x 365.2425
// days, a birth outside the calendar-exact window moved to the window's nearer end.
struct ArrivalBirths {
  BirthWindow w;  // the calendar-exact window
  int64_t day = 0;
  double a = 0, b = 0;  // the range of x in days
  // Probability that the birth day lies in [from, to] (inclusive).
  double Mass(int64_t from, int64_t to) const;
};
ArrivalBirths MakeArrivalBirths(const AgeCalc& ages, int64_t day, double age_lo, double age_hi);

struct BirthClass {
  int64_t lo = kFarPast, hi = kFarFuture;  // births in [lo, hi)
  bool ages = true;                        // false: clients without a tracked age
  bool finite() const { return lo > kFarPast && hi < kFarFuture; }
  // Number of births in [a, b] inside the class.
  int64_t Overlap(int64_t a, int64_t b) const;
};

// The age-limit timing of one class in one domain with an age limit, per day n = 0..days:
//   F[n]   share of the class not yet at the limit during day n (limit birthday after n)
//   Fu[n]  share not yet at the end of verlengde care (until birthday after n)
// `beta[n]` (shared by all classes): the first birth day still under the limit on day n.
struct LimitCurves {
  std::vector<double> F, Fu;
  bool active =
      false;  // some member reaches the limit or until age within the horizon, or is past it
};

struct AgeModel {
  std::vector<BirthClass> classes;  // the last one is the class without ages
  // Per domain with an age limit (else empty): the first birth under the limit on day n.
  std::vector<std::vector<int64_t>> beta;
  // Per source with ages: the birth days of its requests on each day.
  std::vector<std::vector<ArrivalBirths>> source_window;
  // Per band: the birth window of clients in care on the start date with that band.
  std::vector<BirthWindow> initial_window;
};

// `max_class_days` > 0 splits longer classes (to check that results do not depend on the classes).
AgeModel BuildAgeModel(const Model& m, int max_class_days = 0);

// Limit curves of class `c` for domain `d` (inactive for domains without a limit or the class
// without ages).
LimitCurves MakeLimitCurves(const Model& m, const AgeCalc& ages, const BirthClass& c, int d);

// Share of the class's members (uniform over its births) in each band on each period end:
// [period][band].
std::vector<std::vector<double>> BandShares(const Model& m, const AgeCalc& ages,
                                            const BirthClass& c);

}  // namespace sdsim::expect
