// Calendar booking of cost: care that crosses year (and month) boundaries is split day-accurately,
// with monthly and yearly tariffs spread over the real number of days (2028 is a leap year).
#include "engine/booking.h"

#include <catch2/catch.hpp>

#include "core/calendar.h"
#include "scenario/build_model.h"
#include "testing.h"

namespace sdsim {
namespace {

std::vector<double> Ends(const Calendar& cal) {
  std::vector<double> e;
  for (const Period& p : cal.periods()) e.push_back(p.end);
  return e;
}

// Tariff curve of the single form of a one-form scenario with the given tariff JSON.
RateCurve TariffOf(const std::string& tariff, PeriodKind periods = PeriodKind::kYear) {
  Model m;
  BuildOptions opt;
  opt.periods = periods;
  const auto problems = testing::LoadText(
      R"({"domains": {"d": {"arrivals_per_year": 1, "forms": {"f": {
           "duration": {"type": "fixed", "value": 10}, "tariff": )" +
          tariff + "}}}}}",
      &m, opt);
  REQUIRE(problems.empty());
  return m.nodes[0].tariff;
}

}  // namespace

TEST_CASE("Booking splits a daily tariff at the year boundary", "[unit][booking]") {
  const Calendar cal(Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kYear);
  const RateCurve tariff = TariffOf(R"({"amount": 40, "per": "day"})");
  std::vector<double> cost(4, 0.0);
  // 2025-12-15 00:00 to 2026-01-10 00:00: 17 days in 2025, 9 days in 2026.
  const double from = cal.DayOf(Date{2025, 12, 15}), to = cal.DayOf(Date{2026, 1, 10});
  BookToPeriods(tariff, Ends(cal), cal.PeriodOf(from), from, to, cost.data(), 1);
  CHECK(cost[0] == Approx(17 * 40.0).epsilon(1e-15));
  CHECK(cost[1] == Approx(9 * 40.0).epsilon(1e-15));
  CHECK(cost[2] == 0);
  // A fractional stretch across three years.
  std::fill(cost.begin(), cost.end(), 0.0);
  BookToPeriods(tariff, Ends(cal), 0, 100.5, 1000.25, cost.data(), 1);
  CHECK(cost[0] == Approx((365 - 100.5) * 40));
  CHECK(cost[1] == Approx(365 * 40.0));
  CHECK(cost[2] == Approx((1000.25 - 730) * 40));
}

TEST_CASE("Monthly and yearly tariffs follow the real calendar", "[unit][booking]") {
  const Calendar cal(Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kMonth);
  const auto ends = Ends(cal);
  // A whole month costs the monthly amount, whatever its length (February 2028 has 29 days).
  const RateCurve monthly = TariffOf(R"({"amount": 3000, "per": "month"})", PeriodKind::kMonth);
  const double feb = cal.DayOf(Date{2028, 2, 1}), mar = cal.DayOf(Date{2028, 3, 1});
  CHECK(mar - feb == 29);
  std::vector<double> cost(cal.num_periods(), 0.0);
  BookToPeriods(monthly, ends, cal.PeriodOf(feb), feb, mar, cost.data(), 1);
  CHECK(cost[cal.PeriodOf(feb)] == Approx(3000));
  // Half of February 2028 (14.5 days of 29) is half the amount.
  CHECK(monthly.Integral(feb, feb + 14.5) == Approx(1500));
  // A yearly tariff: 2028 is spread over 366 days, 2027 over 365.
  const RateCurve yearly = TariffOf(R"({"amount": 36600, "per": "year"})");
  CHECK(yearly.RateAt(cal.DayOf(Date{2028, 6, 1})) == Approx(100));
  CHECK(yearly.RateAt(cal.DayOf(Date{2027, 6, 1})) == Approx(36600.0 / 365));
  CHECK(yearly.Integral(cal.DayOf(Date{2028, 1, 1}), cal.DayOf(Date{2029, 1, 1})) == Approx(36600));
  // A weekly tariff is a seventh per day.
  CHECK(TariffOf(R"({"amount": 70, "per": "week"})").RateAt(3) == Approx(10));
}

TEST_CASE("A tariff schedule changes the price on its date", "[unit][booking]") {
  const Calendar cal(Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kYear);
  const RateCurve t = TariffOf(
      R"([{"amount": 40, "per": "day"}, {"from": "2027-01-01", "amount": 50, "per": "day"}])");
  const double y27 = cal.DayOf(Date{2027, 1, 1});
  CHECK(t.RateAt(y27 - 0.5) == 40);
  CHECK(t.RateAt(y27) == 50);
  std::vector<double> cost(4, 0.0);
  BookToPeriods(t, Ends(cal), 1, y27 - 10, y27 + 10, cost.data(), 1);
  CHECK(cost[1] == Approx(400));
  CHECK(cost[2] == Approx(500));
}

}  // namespace sdsim
