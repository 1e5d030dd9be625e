// Valid scenarios load into the expected Model (units, tariffs, capacity, extends, groups, keys).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/random.h"
#include "engine/metrics.h"
#include "scenario/budget_file.h"
#include "testing.h"

namespace sdsim::testing {
namespace {

constexpr double kMonthDays = 365.2425 / 12;
constexpr double kYearDays = 365.2425;

// Two domains, four forms: one of each kind of key the builder converts.
const char kScenario[] = R"({
  "name": "begroting 2026",
  "description": "bron: https://example.nl/cbs // tabel 1 /* niet weglaten */",
  "start_date": "2025-01-01",
  "end_date": "2028-12-31",
  "domains": {
    "jeugd": {
      "label": "Jeugdhulp",
      "arrivals_per_year": 730,
      "routing": {"ambulant": 0.5, "verblijf": 0.3, "pleegzorg": 0, "bescherming": 0.2},
      "forms": {
        "ambulant": {
          "label": "Ambulante jeugdhulp",
          "duration": {"type": "fixed", "value": 2, "unit": "months"},
          "tariff": {"amount": 40, "per": "day"},
          "transitions": {"verblijf": 0.05, "pleegzorg": 0, "wmo.begeleiding": 0.1}
        },
        "verblijf": {
          "capacity": [{"places": 10}, {"from": "2026-07-01", "places": 12}],
          "duration": {"type": "exponential", "mean": 1, "unit": "years"},
          "tariff": {"amount": 91500, "per": "year"},
          "transitions": {"ambulant": 0.25}
        },
        "pleegzorg": {
          "capacity": 0,
          "duration": {"type": "lognormal", "mean": 2, "sd": 1, "unit": "weeks"},
          "tariff": {"amount": 70, "per": "week"}
        },
        "bescherming": {
          "duration": {"type": "weibull", "mean": 300, "sd": 150},
          "tariff": {"amount": 3000, "per": "month"}
        }
      }
    },
    "wmo": {
      "arrivals_per_day": 0.5,
      "forms": {
        "begeleiding": {
          "capacity": [{"from": "2026-01-01", "places": 5}],
          "duration": {"type": "gamma", "mean": 1, "sd": 0.5, "unit": "years"},
          "tariff": [
            {"amount": 900, "per": "month"},
            {"from": "2027-01-01", "amount": 950, "per": "month"},
            {"from": "2027-07-15", "amount": 35, "per": "day"}
          ]
        }
      }
    }
  }
}
)";

Model Load(const std::string& text, BuildOptions options = {}) {
  Model model;
  const auto problems = LoadText(text, &model, options);
  INFO("problems: " << Catch::Detail::stringify(problems));
  REQUIRE(problems.empty());
  return model;
}

int FormIndex(const Model& m, const std::string& key) {
  for (int f = 0; f < m.num_nodes(); ++f)
    if (m.nodes[f].key() == key) return f;
  FAIL("no form " << key);
  return -1;
}

const NodeModel& Form(const Model& m, const std::string& key) { return m.nodes[FormIndex(m, key)]; }

// The rate in force during the civil day `d`.
double RateOn(const Model& m, const RateCurve& curve, Date d) {
  return curve.RateAt(m.calendar.DayOf(d) + 0.5);
}

// One domain with one form whose duration is `duration` (a JSON object).
std::string WithDuration(const std::string& duration) {
  return R"({"domains": {"d": {"arrivals_per_year": 10, "forms": {"f": {"duration": )" + duration +
         R"(, "tariff": {"amount": 1, "per": "day"}}}}}})";
}

TEST_CASE("load: forms, domains and labels in file order", "[scenario]") {
  const Model m = Load(kScenario);
  CHECK(m.name == "begroting 2026");
  REQUIRE(m.domains.size() == 2);
  CHECK(m.domains[0].id == "jeugd");
  CHECK(m.domains[0].label == "Jeugdhulp");
  CHECK(m.domains[1].id == "wmo");
  CHECK(m.domains[1].label == "wmo");  // label defaults to the id
  REQUIRE(m.num_nodes() == 5);
  std::vector<std::string> keys;
  for (const NodeModel& f : m.nodes) keys.push_back(f.key());
  CHECK(keys == std::vector<std::string>{"jeugd.ambulant", "jeugd.verblijf", "jeugd.pleegzorg",
                                         "jeugd.bescherming", "wmo.begeleiding"});
  CHECK(m.domains[0].nodes == std::vector<int>{0, 1, 2, 3});
  CHECK(m.domains[1].nodes == std::vector<int>{4});
  CHECK(m.nodes[0].label == "Ambulante jeugdhulp");
  CHECK(m.nodes[1].label == "verblijf");
  CHECK(m.nodes[4].domain == 1);
}

TEST_CASE("load: start_date and end_date set the calendar, defaults 2025..2028", "[scenario]") {
  const Model def = Load(WithDuration(R"({"type": "fixed", "value": 1})"));
  CHECK(def.calendar.start() == Date{2025, 1, 1});
  CHECK(def.calendar.last() == Date{2028, 12, 31});
  CHECK(def.calendar.horizon() == 1461.0);
  CHECK(def.calendar.num_periods() == 4);

  BuildOptions monthly;
  monthly.periods = PeriodKind::kMonth;
  const Model m = Load(R"({"start_date": "2026-07-01", "end_date": "2027-06-30",
    "domains": {"d": {"arrivals_per_year": 10, "forms": {"f": {
      "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}}})",
                       monthly);
  CHECK(m.calendar.horizon() == 365.0);
  REQUIRE(m.calendar.num_periods() == 12);
  CHECK(m.calendar.periods().front().label == "2026-07");
  CHECK(m.calendar.periods().back().label == "2027-06");
}

TEST_CASE("load: duration units are converted to days (a month is 365.2425/12 days)",
          "[scenario]") {
  struct Row {
    const char* unit;
    double days;
  };
  for (const Row& row :
       {Row{"days", 1.0}, Row{"weeks", 7.0}, Row{"months", kMonthDays}, Row{"years", kYearDays}}) {
    INFO("unit: " << row.unit);
    const Model m = Load(WithDuration(R"({"type": "fixed", "value": 3, "unit": ")" +
                                      std::string(row.unit) + R"("})"));
    CHECK(m.nodes[0].duration.kind() == DistKind::kFixed);
    CHECK(m.nodes[0].duration.a() == Approx(3 * row.days).epsilon(1e-14));
  }
  // Without a unit, durations are in days.
  CHECK(Load(WithDuration(R"({"type": "fixed", "value": 3})")).nodes[0].duration.a() == 3.0);
  CHECK(kMonthDays == Approx(30.436875).epsilon(1e-15));
}

TEST_CASE("load: each distribution type, by mean and sd or by natural parameters", "[scenario]") {
  const Model m = Load(kScenario);
  const Distribution& fixed = Form(m, "jeugd.ambulant").duration;
  CHECK(fixed.kind() == DistKind::kFixed);
  CHECK(fixed.Mean() == Approx(2 * kMonthDays));

  const Distribution& expo = Form(m, "jeugd.verblijf").duration;
  CHECK(expo.kind() == DistKind::kExponential);
  CHECK(expo.Mean() == Approx(kYearDays));

  const Distribution& logn = Form(m, "jeugd.pleegzorg").duration;
  CHECK(logn.kind() == DistKind::kLognormal);
  CHECK(logn.Mean() == Approx(14.0));
  CHECK(std::sqrt(logn.Variance()) == Approx(7.0));

  const Distribution& weib = Form(m, "jeugd.bescherming").duration;
  CHECK(weib.kind() == DistKind::kWeibull);
  CHECK(weib.Mean() == Approx(300.0).epsilon(1e-9));
  CHECK(std::sqrt(weib.Variance()) == Approx(150.0).epsilon(1e-9));

  const Distribution& gamma = Form(m, "wmo.begeleiding").duration;
  CHECK(gamma.kind() == DistKind::kGamma);
  CHECK(gamma.a() == Approx(4.0));  // shape = (mean/sd)^2
  CHECK(gamma.Mean() == Approx(kYearDays));
  CHECK(std::sqrt(gamma.Variance()) == Approx(kYearDays / 2));

  // Natural parameters: the unit scales the variable, so mu shifts by log(unit) and a scale
  // multiplies; sigma and shape do not change.
  const Distribution ln =
      Load(WithDuration(R"({"type": "lognormal", "mu": 1.5, "sigma": 0.5, "unit": "weeks"})"))
          .nodes[0]
          .duration;
  CHECK(ln.a() == Approx(1.5 + std::log(7.0)));
  CHECK(ln.b() == 0.5);
  const Distribution ga =
      Load(WithDuration(R"({"type": "gamma", "shape": 2, "scale": 3, "unit": "months"})"))
          .nodes[0]
          .duration;
  CHECK(ga.a() == 2.0);
  CHECK(ga.b() == Approx(3 * kMonthDays));
  const Distribution wb =
      Load(WithDuration(R"({"type": "weibull", "shape": 1.5, "scale": 2, "unit": "years"})"))
          .nodes[0]
          .duration;
  CHECK(wb.a() == 1.5);
  CHECK(wb.b() == Approx(2 * kYearDays));
}

TEST_CASE("load: empirical buckets in the distribution's unit, contiguous, open tail",
          "[scenario]") {
  const Distribution d = Load(WithDuration(R"({"type": "empirical", "unit": "months", "buckets": [
        {"from": 1, "upto": 6, "share": 0.25},
        {"upto": 12, "share": 0.5},
        {"share": 0.25, "tail_mean": 12}
      ]})"))
                             .nodes[0]
                             .duration;
  REQUIRE(d.kind() == DistKind::kEmpirical);
  REQUIRE(d.buckets().size() == 3);
  CHECK(d.buckets()[0].lower == Approx(1 * kMonthDays));
  CHECK(d.buckets()[0].upper == Approx(6 * kMonthDays));
  CHECK(d.buckets()[1].lower == d.buckets()[0].upper);
  CHECK(d.buckets()[1].upper == Approx(12 * kMonthDays));
  CHECK(d.buckets()[2].lower == d.buckets()[1].upper);
  CHECK(std::isinf(d.buckets()[2].upper));
  CHECK(d.buckets()[2].tail_mean == Approx(12 * kMonthDays));
  CHECK(d.buckets()[1].share == 0.5);
  // Mean: 0.25 * 3.5 + 0.5 * 9 + 0.25 * (12 + 12) months.
  CHECK(d.Mean() == Approx((0.25 * 3.5 + 0.5 * 9 + 0.25 * 24) * kMonthDays));
}

TEST_CASE("load: tariffs become euros per day per calendar month and year", "[scenario]") {
  const Model m = Load(kScenario);
  SECTION("per day: the amount") {
    const RateCurve& t = Form(m, "jeugd.ambulant").tariff;
    CHECK(t.is_constant());
    CHECK(RateOn(m, t, {2025, 1, 1}) == 40.0);
    CHECK(RateOn(m, t, {2028, 12, 31}) == 40.0);
  }
  SECTION("per week: amount / 7") {
    const RateCurve& t = Form(m, "jeugd.pleegzorg").tariff;
    CHECK(t.is_constant());
    CHECK(RateOn(m, t, {2026, 5, 5}) == Approx(10.0));
  }
  SECTION("per month: amount / days in that month (29 in February 2028)") {
    const RateCurve& t = Form(m, "jeugd.bescherming").tariff;
    CHECK(RateOn(m, t, {2025, 1, 31}) == Approx(3000.0 / 31));
    CHECK(RateOn(m, t, {2025, 2, 1}) == Approx(3000.0 / 28));
    CHECK(RateOn(m, t, {2025, 4, 30}) == Approx(3000.0 / 30));
    CHECK(RateOn(m, t, {2028, 2, 10}) == Approx(3000.0 / 29));
    CHECK(RateOn(m, t, {2028, 2, 29}) == Approx(3000.0 / 29));
    CHECK(RateOn(m, t, {2028, 3, 1}) == Approx(3000.0 / 31));
    // A full month costs the monthly amount, whatever its length.
    const double feb = m.calendar.DayOf({2028, 2, 1}), mar = m.calendar.DayOf({2028, 3, 1});
    CHECK(t.Integral(feb, mar) == Approx(3000.0));
  }
  SECTION("per year: amount / 365, or / 366 in 2028") {
    const RateCurve& t = Form(m, "jeugd.verblijf").tariff;
    CHECK(RateOn(m, t, {2025, 6, 1}) == Approx(91500.0 / 365));
    CHECK(RateOn(m, t, {2027, 12, 31}) == Approx(91500.0 / 365));
    CHECK(RateOn(m, t, {2028, 1, 1}) == Approx(91500.0 / 366));
    CHECK(RateOn(m, t, {2028, 6, 1}) == Approx(91500.0 / 366));
    const double y2028 = m.calendar.DayOf({2028, 1, 1});
    CHECK(t.Integral(y2028, m.calendar.horizon()) == Approx(91500.0));
    CHECK(t.Integral(0, m.calendar.DayOf({2026, 1, 1})) == Approx(91500.0));
  }
  SECTION("a schedule changes the price on its from date, and may change the unit") {
    const RateCurve& t = Form(m, "wmo.begeleiding").tariff;
    CHECK(RateOn(m, t, {2025, 2, 14}) == Approx(900.0 / 28));
    CHECK(RateOn(m, t, {2026, 12, 31}) == Approx(900.0 / 31));
    CHECK(RateOn(m, t, {2027, 1, 1}) == Approx(950.0 / 31));
    CHECK(RateOn(m, t, {2027, 2, 1}) == Approx(950.0 / 28));
    CHECK(RateOn(m, t, {2027, 7, 14}) == Approx(950.0 / 31));
    CHECK(RateOn(m, t, {2027, 7, 15}) == 35.0);
    CHECK(RateOn(m, t, {2028, 2, 29}) == 35.0);
    const double change = m.calendar.DayOf({2027, 1, 1});
    CHECK(std::find(t.starts().begin(), t.starts().end(), change) != t.starts().end());
    CHECK(std::find(t.starts().begin(), t.starts().end(), m.calendar.DayOf({2027, 7, 15})) !=
          t.starts().end());
  }
  SECTION("a tariff of 0 is allowed (free care)") {
    const Model free = Load(R"({"domains": {"d": {"arrivals_per_year": 1, "forms": {"f": {
      "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 0, "per": "year"}}}}}})");
    CHECK(free.nodes[0].tariff.Integral(free.calendar.horizon()) == 0.0);
  }
}

TEST_CASE("load: capacity as a number, a schedule, or absent (no cap)", "[scenario]") {
  const Model m = Load(kScenario);
  SECTION("schedule steps on their dates") {
    const NodeModel& f = Form(m, "jeugd.verblijf");
    REQUIRE(f.capacity.size() == 2);
    CHECK(f.capacity[0].day == 0.0);
    CHECK(f.capacity[0].places == 10);
    CHECK(f.capacity[1].day == m.calendar.DayOf({2026, 7, 1}));
    CHECK(f.capacity[1].day == 546.0);
    CHECK(f.capacity[1].places == 12);
    CHECK(f.capped());
  }
  SECTION("a schedule starting later has no cap until its first date") {
    const NodeModel& f = Form(m, "wmo.begeleiding");
    REQUIRE(f.capacity.size() == 2);
    CHECK(f.capacity[0].day == 0.0);
    CHECK(f.capacity[0].places == kUnlimited);
    CHECK(f.capacity[1].day == 365.0);
    CHECK(f.capacity[1].places == 5);
  }
  SECTION("a schedule whose first date is start_date has no uncapped step") {
    const Model one = Load(R"({"domains": {"d": {"arrivals_per_year": 1, "forms": {"f": {
      "capacity": [{"from": "2025-01-01", "places": 3}, {"from": "2025-01-02", "places": 4}],
      "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}}})");
    const auto& cap = one.nodes[0].capacity;
    REQUIRE(cap.size() == 2);
    CHECK(cap[0].day == 0.0);
    CHECK(cap[0].places == 3);
    CHECK(cap[1].day == 1.0);
    CHECK(cap[1].places == 4);
  }
  SECTION("0 places is a cap (everyone waits)") {
    const NodeModel& f = Form(m, "jeugd.pleegzorg");
    REQUIRE(f.capacity.size() == 1);
    CHECK(f.capacity[0].places == 0);
    CHECK(f.capped());
  }
  SECTION("absent: unlimited") {
    const NodeModel& f = Form(m, "jeugd.bescherming");
    REQUIRE(f.capacity.size() == 1);
    CHECK(f.capacity[0].day == 0.0);
    CHECK(f.capacity[0].places == kUnlimited);
    CHECK_FALSE(f.capped());
  }
}

TEST_CASE("load: routing becomes cumulative shares ending exactly at 1", "[scenario]") {
  const Model m = Load(kScenario);
  REQUIRE(m.sources.size() == 2);
  const SourceModel& s = m.sources[0];
  CHECK(s.id == "jeugd.new");  // the domain's arrivals_per_year and routing: one stream "new"
  CHECK(s.domain == 0);
  // The zero share (pleegzorg) is left out.
  CHECK(s.routing.target == std::vector<int>{FormIndex(m, "jeugd.ambulant"),
                                             FormIndex(m, "jeugd.verblijf"),
                                             FormIndex(m, "jeugd.bescherming")});
  REQUIRE(s.routing.cum.size() == 3);
  CHECK(s.routing.cum[0] == Approx(0.5));
  CHECK(s.routing.cum[1] == Approx(0.8));
  CHECK(s.routing.cum[2] == 1.0);
  // One form and no routing: everyone goes to it.
  CHECK(m.sources[1].routing.target == std::vector<int>{FormIndex(m, "wmo.begeleiding")});
  CHECK(m.sources[1].routing.cum == std::vector<double>{1.0});
  // Shares that sum to 1 only up to rounding (0.7 + 0.1 + 0.1 + 0.1 is 0.9999999999999999 in
  // floating point) still end at exactly 1, so no client falls off the end.
  const std::string form =
      R"({"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}})";
  const Model r = Load(R"({"domains": {"d": {"arrivals_per_year": 1,
    "routing": {"a": 0.7, "b": 0.1, "c": 0.1, "e": 0.1},
    "forms": {"a": )" + form +
                       R"(, "b": )" + form + R"(, "c": )" + form + R"(, "e": )" + form + "}}}}");
  REQUIRE(0.7 + 0.1 + 0.1 + 0.1 != 1.0);
  REQUIRE(r.sources[0].routing.cum.size() == 4);
  CHECK(r.sources[0].routing.cum[2] == Approx(0.9));
  CHECK(r.sources[0].routing.cum.back() == 1.0);
}

TEST_CASE("load: arrivals per calendar year (fewer per day in 2028) or per day", "[scenario]") {
  const Model m = Load(kScenario);
  REQUIRE(m.sources.size() == 2);
  const RateCurve& year = m.sources[0].intensity;
  CHECK(RateOn(m, year, {2025, 3, 1}) == Approx(730.0 / 365));
  CHECK(RateOn(m, year, {2028, 3, 1}) == Approx(730.0 / 366));
  CHECK(year.Integral(m.calendar.DayOf({2028, 1, 1}), m.calendar.horizon()) == Approx(730.0));
  const RateCurve& day = m.sources[1].intensity;
  CHECK(day.is_constant());
  CHECK(day.RateAt(0) == 0.5);
  CHECK(day.Integral(m.calendar.horizon()) == Approx(0.5 * 1461));
  // A domain with no arrivals has no source.
  const Model none = Load(R"({"domains": {"d": {"arrivals_per_year": 0, "forms": {"f": {
    "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}}})");
  CHECK(none.sources.empty());
}

TEST_CASE("load: transitions within the domain and to another domain's form", "[scenario]") {
  const Model m = Load(kScenario);
  const NodeModel& amb = Form(m, "jeugd.ambulant");
  // The zero probability (pleegzorg) is left out; the rest (85%) leaves care.
  CHECK(amb.end.target ==
        std::vector<int>{FormIndex(m, "jeugd.verblijf"), FormIndex(m, "wmo.begeleiding")});
  REQUIRE(amb.end.cum.size() == 2);
  CHECK(amb.end.cum[0] == Approx(0.05));
  CHECK(amb.end.cum[1] == Approx(0.15));
  const NodeModel& verblijf = Form(m, "jeugd.verblijf");
  CHECK(verblijf.end.target == std::vector<int>{FormIndex(m, "jeugd.ambulant")});
  CHECK(verblijf.end.cum == std::vector<double>{0.25});
  // No transitions: everyone leaves.
  CHECK(Form(m, "jeugd.bescherming").end.target.empty());
  CHECK(Form(m, "jeugd.bescherming").end.cum.empty());
}

TEST_CASE("load: an explicit afgerond share is the afgerond exit, the rest is afgerond too",
          "[scenario]") {
  const Model m = Load(R"({"domains": {"d": {"arrivals_per_year": 1, "routing": {"a": 1},
    "forms": {"a": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"},
                    "transitions": {"b": 0.25, "afgerond": 0.75}},
              "b": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"},
                    "transitions": {"afgerond": 1}},
              "c": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"},
                    "transitions": {"b": 0.25, "overgedragen": 0.1, "voortijdig": 0.05}}}}}})");
  const int32_t afgerond = ExitTarget(ExitType::kAfgerond);
  CHECK(m.nodes[0].end.target == std::vector<int32_t>{1, afgerond});
  CHECK(m.nodes[0].end.cum == std::vector<double>{0.25, 1.0});
  CHECK(m.nodes[0].end.rest == afgerond);
  CHECK(m.nodes[1].end.target == std::vector<int32_t>{afgerond});
  CHECK(m.nodes[1].end.cum == std::vector<double>{1.0});
  // Typed exits without "afgerond": the row may sum to less than 1 and the rest is afgerond.
  CHECK(m.nodes[2].end.target == std::vector<int32_t>{1, ExitTarget(ExitType::kOvergedragen),
                                                      ExitTarget(ExitType::kVoortijdig)});
  REQUIRE(m.nodes[2].end.cum.size() == 3);
  CHECK(m.nodes[2].end.cum[1] == Approx(0.35));
  CHECK(m.nodes[2].end.cum[2] == Approx(0.4));
  CHECK(m.nodes[2].end.rest == afgerond);
  // No transitions: everyone leaves as afgerond.
  const Model none = Load(R"({"domains": {"d": {"arrivals_per_year": 1, "forms": {"a": {
    "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}}})");
  CHECK(none.nodes[0].end.cum.empty());
  CHECK(none.nodes[0].end.rest == afgerond);
}

// One line per output group: "kind domain/form/pillar/taakveld/payer/age_band".
std::vector<std::string> GroupLines(const Model& m) {
  static const char* const kKinds[] = {"form",
                                       "toegang",
                                       "cost_line",
                                       "income_line",
                                       "domain",
                                       "domain_pillar",
                                       "domain_taakveld",
                                       "pillar",
                                       "taakveld",
                                       "payer",
                                       "band",
                                       "total"};
  std::vector<std::string> out;
  for (const GroupModel& g : m.groups)
    out.push_back(std::string(kKinds[static_cast<int>(g.kind)]) + " " + g.domain + "/" + g.form +
                  "/" + g.pillar + "/" + g.taakveld + "/" + g.payer + "/" + g.age_band);
  return out;
}

bool InMask(const GroupMask& mask, int bit) { return (mask[bit / 64] >> (bit % 64)) & 1; }

TEST_CASE(
    "load: output groups: forms, domain x pillar / taakveld / payer, domain, then pillar, "
    "taakveld (x payer), payer, total",
    "[scenario]") {
  const Model m = Load(kScenario);
  // Without taakveld, pillar or payer keys: every form is vangnet (a beschikking), taakveld "-"
  // and paid by the gemeente.
  CHECK(GroupLines(m) == std::vector<std::string>{
                             "form jeugd/ambulant/vangnet/-/all/all",
                             "form jeugd/verblijf/vangnet/-/all/all",
                             "form jeugd/pleegzorg/vangnet/-/all/all",
                             "form jeugd/bescherming/vangnet/-/all/all",
                             "domain_pillar jeugd/all/vangnet/all/all/all",
                             "domain_taakveld jeugd/all/all/-/all/all",
                             "payer jeugd/all/all/all/gemeente/all",
                             "domain jeugd/all/all/all/all/all",
                             "form wmo/begeleiding/vangnet/-/all/all",
                             "domain_pillar wmo/all/vangnet/all/all/all",
                             "domain_taakveld wmo/all/all/-/all/all",
                             "payer wmo/all/all/all/gemeente/all",
                             "domain wmo/all/all/all/all/all",
                             "pillar all/all/vangnet/all/all/all",
                             "taakveld all/all/all/-/all/all",
                             "payer all/all/all/-/gemeente/all",
                             "payer all/all/all/all/gemeente/all",
                             "total all/all/all/all/all/all",
                         });
  CHECK(m.pillars == std::vector<std::string>{"vangnet"});
  CHECK(m.taakvelden == std::vector<std::string>{"-"});
  CHECK(m.payers == std::vector<std::string>{"gemeente"});
  for (int g : {4, 5, 6, 7}) CHECK(m.groups[g].nodes == std::vector<int>{0, 1, 2, 3});
  for (int g : {9, 10, 11, 12}) CHECK(m.groups[g].nodes == std::vector<int>{4});
  for (int g : {13, 14, 15, 16, 17}) CHECK(m.groups[g].nodes == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(m.node_group == std::vector<int>{0, 1, 2, 3, 8});
  // Every group counts unique clients (has a mask bit) except the payer rows, which count only
  // cost. Each form is in its own group, its domain x pillar, its domain x taakveld, its domain,
  // its pillar, its taakveld and the total: 7 bits.
  for (int g = 0; g < m.num_groups(); ++g) {
    INFO("group " << GroupLines(m)[g]);
    CHECK((m.groups[g].mask_bit >= 0) == (m.groups[g].kind != GroupKind::kPayer));
  }
  for (int f = 0; f < m.num_nodes(); ++f) {
    INFO("form " << m.nodes[f].key());
    int count = 0;
    for (int g = 0; g < m.num_groups(); ++g) {
      const GroupModel& group = m.groups[g];
      const bool member = std::find(group.nodes.begin(), group.nodes.end(), f) != group.nodes.end();
      if (group.mask_bit >= 0) {
        CHECK(InMask(m.nodes[f].groups, group.mask_bit) == member);
        count += member;
      }
    }
    CHECK(count == 7);
  }
}

TEST_CASE("load: random stream keys are distinct and depend on names, not positions",
          "[scenario]") {
  const Model m = Load(kScenario);
  std::set<uint64_t> keys;
  size_t n = 0;
  for (const NodeModel& f : m.nodes) {
    keys.insert(f.duration_key);
    keys.insert(f.events_key);
    n += 2;
    CHECK(f.duration_key == PurposeKey("duration/" + f.key()));
    CHECK(f.events_key == PurposeKey("events/" + f.key()));
    keys.insert(f.stock_key);
    ++n;
    CHECK(f.stock_key == PurposeKey("stock/" + f.key()));
  }
  // A domain's arrivals_per_year/routing stream draws from the domain's streams (as before
  // demand streams existed); a named demand stream from its own.
  for (const SourceModel& s : m.sources) {
    keys.insert(s.arrival_key);
    keys.insert(s.routing_key);
    n += 2;
    const std::string domain = m.domains[s.domain].id;
    CHECK(s.arrival_key == PurposeKey("arrivals/" + domain));
    CHECK(s.routing_key == PurposeKey("routing/" + domain));
  }
  CHECK(keys.size() == n);
  CHECK(n == 19);

  // The same form in another scenario, at another position, draws from the same streams
  // (common random numbers between scenarios).
  const Model other = Load(R"({"domains": {
    "wmo": {"arrivals_per_day": 0.5, "forms": {"begeleiding": {
      "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}}})");
  CHECK(other.nodes[0].duration_key == Form(m, "wmo.begeleiding").duration_key);
  CHECK(other.sources[0].arrival_key == m.sources[1].arrival_key);
}

TEST_CASE("load: // and /* */ comments are accepted and text containing // is kept", "[scenario]") {
  Model m;
  ResolvedScenario resolved;
  TempDir dir;
  const std::string path = dir.Write("commented.json", R"(// Begroting 2026, versie 3
/* Bronnen:
   - CBS jeugdmonitor, tabel 1 // met slash
*/
{
  "description": "zie https://example.nl/a//b", // regel-commentaar na een waarde
  "domains": { /* blok */ "d": {
    "arrivals_per_year": 10, // per jaar
    "forms": {"f": {
      "duration": {"type": "fixed", /* dagen */ "value": 1},
      "tariff": {"amount": 1, "per": "day"}}}
  }}
} // einde
)");
  Problems problems;
  REQUIRE(LoadScenario(path, BuildOptions{}, &resolved, &m, &problems));
  CHECK(problems.empty());
  CHECK(resolved.doc["description"] == "zie https://example.nl/a//b");
  const Model full = Load(kScenario);
  CHECK(full.num_nodes() == 5);  // kScenario's description has // and /* inside the text
}

TEST_CASE("load: the scenario name is the name key, or else the file name without .json",
          "[scenario]") {
  CHECK(Load(kScenario).name == "begroting 2026");
  // LoadText writes scenario.json.
  CHECK(Load(WithDuration(R"({"type": "fixed", "value": 1})")).name == "scenario");
  TempDir dir;
  const std::string path =
      dir.Write("wmo-laag.json", WithDuration(R"({"type": "fixed", "value": 1})"));
  ResolvedScenario resolved;
  Model m;
  Problems problems;
  REQUIRE(LoadScenario(path, BuildOptions{}, &resolved, &m, &problems));
  CHECK(resolved.name == "wmo-laag");
  CHECK(m.name == "wmo-laag");
}

TEST_CASE("load: extends merges the child over its base", "[scenario]") {
  TempDir dir;
  dir.Write("base.json", kScenario);
  const std::string child = dir.Write("hoog.json", R"({
    // Scenario "hoog": 20% more youth clients, verblijf without a cap.
    "extends": "base.json",
    "name": "hoog",
    "domains": {"jeugd": {
      "arrivals_per_year": 876,
      "forms": {"verblijf": {"capacity": null, "tariff": {"amount": 95000}}}
    }}
  })");
  ResolvedScenario resolved;
  Model m;
  Problems problems;
  REQUIRE(LoadScenario(child, BuildOptions{}, &resolved, &m, &problems));
  CHECK(problems.empty());
  CHECK(resolved.name == "hoog");
  CHECK(m.name == "hoog");
  REQUIRE(resolved.chain.size() == 2);
  CHECK(resolved.chain[0].path == child);
  CHECK(resolved.chain[1].path == dir.path() + "/base.json");
  CHECK(resolved.chain[0].sha256.size() == 64);
  CHECK_FALSE(resolved.doc.contains("extends"));
  CHECK(resolved.doc["domains"]["jeugd"]["arrivals_per_year"] == 876);
  // Overridden: the arrival rate, one key of the tariff; removed: the cap.
  CHECK(RateOn(m, m.sources[0].intensity, {2025, 3, 1}) == Approx(876.0 / 365));
  CHECK(RateOn(m, Form(m, "jeugd.verblijf").tariff, {2025, 3, 1}) == Approx(95000.0 / 365));
  CHECK_FALSE(Form(m, "jeugd.verblijf").capped());
  // Inherited: everything else.
  CHECK(resolved.doc["domains"]["jeugd"]["forms"]["verblijf"]["tariff"]["per"] == "year");
  CHECK(resolved.doc["description"] ==
        "bron: https://example.nl/cbs // tabel 1 /* niet weglaten */");
  CHECK(m.num_nodes() == 5);
  CHECK(RateOn(m, Form(m, "jeugd.bescherming").tariff, {2028, 2, 1}) == Approx(3000.0 / 29));
  CHECK(Form(m, "jeugd.pleegzorg").capacity[0].places == 0);
  CHECK(m.sources[1].intensity.RateAt(0) == 0.5);
  // Keys keep the base's order; a key new in the child comes after them.
  std::vector<std::string> forms;
  for (const NodeModel& f : m.nodes) forms.push_back(f.id);
  CHECK(forms == std::vector<std::string>{"ambulant", "verblijf", "pleegzorg", "bescherming",
                                          "begeleiding"});
}

TEST_CASE("load: a three-file chain resolves relative to each file", "[scenario]") {
  TempDir dir;
  dir.Write("shared/base.json", kScenario);
  dir.Write("shared/mid.json",
            R"({"extends": "base.json", "domains": {"wmo": {"arrivals_per_day": 0.75}}})");
  const std::string top = dir.Write(
      "2026/laag.json",
      R"({"extends": "../shared/mid.json", "name": "laag", "domains": {"jeugd": {"arrivals_per_year": 365}}})");
  ResolvedScenario resolved;
  Model m;
  Problems problems;
  REQUIRE(LoadScenario(top, BuildOptions{}, &resolved, &m, &problems));
  REQUIRE(resolved.chain.size() == 3);
  CHECK(resolved.chain[2].path == dir.path() + "/shared/base.json");
  CHECK(m.sources[0].intensity.RateAt(0) == Approx(1.0));
  CHECK(m.sources[1].intensity.RateAt(0) == 0.75);
}

TEST_CASE("load: the reference benchmark scenario is valid", "[scenario]") {
  ResolvedScenario resolved;
  Model m;
  Problems problems;
  const bool ok = LoadScenario(SourcePath("scenarios/bench/reference.json"), BuildOptions{},
                               &resolved, &m, &problems);
  std::vector<std::string> lines;
  for (const Problem& p : problems) lines.push_back(p.ToString());
  CHECK(lines.empty());
  REQUIRE(ok);
  CHECK(m.name == "reference");
  CHECK(m.calendar.horizon() == 1461.0);
  REQUIRE(m.domains.size() == 1);
  REQUIRE(m.num_nodes() == 6);
  CHECK(Form(m, "ref.jeugd_verblijf").capacity[0].places == 60);
  CHECK(Form(m, "ref.wmo_huishoudelijk").capacity[0].places == 450);
  CHECK_FALSE(Form(m, "ref.jeugd_ambulant").capped());
  // Six forms; the domain's pillar, taakveld and payer rows and the domain; the pillar, the
  // taakveld, the taakveld's payer, the payer, the total.
  CHECK(m.num_groups() == 6 + 4 + 5);
  REQUIRE(m.sources.size() == 1);
  CHECK(m.sources[0].intensity.RateAt(0) == Approx(3000.0 / 365).epsilon(1e-15));
}

TEST_CASE("load: every scenario file shipped in scenarios/ is valid", "[scenario]") {
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourcePath("scenarios"))) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    INFO("file: " << entry.path().string());
    ResolvedScenario resolved;
    Model m;
    Problems problems;
    // A begroting file is checked against the scenario it names (scenario/budget_file.h).
    const bool budget = IsBudgetFile(entry.path().string());
    const std::string scenario =
        budget ? BudgetScenario(entry.path().string(), &problems) : entry.path().string();
    if (LoadScenario(scenario, BuildOptions{}, &resolved, &m, &problems) && budget)
      ApplyBudgetFile(entry.path().string(), &m, &problems);
    std::vector<std::string> lines;
    for (const Problem& p : problems) lines.push_back(p.ToString());
    CHECK(lines.empty());
  }
  CHECK(files >= 1);
}

// A variant runs side by side with its base, so it never inherits the base's "name".
TEST_CASE("load: a child without its own name is named after its file, not its base",
          "[scenario]") {
  TempDir dir;
  dir.Write("basis.json", kScenario);  // "name": "begroting 2026"
  const std::string child =
      dir.Write("hoog.json",
                R"({"extends": "basis.json", "domains": {"jeugd": {"arrivals_per_year": 876}}})");
  ResolvedScenario resolved;
  Model m;
  Problems problems;
  REQUIRE(LoadScenario(child, BuildOptions{}, &resolved, &m, &problems));
  CHECK(resolved.name == "hoog");
  CHECK(m.name == "hoog");
  CHECK(resolved.doc["name"] == "hoog");
}

// --- the v3 schema ---------------------------------------------------------------------------

// Every part of the sociaal-domein schema, with round numbers so the expected values are easy to
// work out by hand. Node order: the care forms of all domains in file order, then per domain its
// toegang and its cost lines.
const char kV3[] = R"({
  "name": "v3",
  "start_date": "2025-01-01",
  "end_date": "2028-12-31",
  "indexation": {"base_year": 2025, "rates": {"2026": 0.035, "2027": 0.03}},
  "population": {"bands": {
    "0-17": {"count": 8000, "growth_per_year": 0.01},
    "18-22": {"count": 3000},
    "65+": {"count": 5000, "growth_per_year": 0.04}
  }},
  "domains": {
    "jeugd": {
      "label": "Jeugdhulp",
      "band": "0-17",
      "taakveld": "6.72",
      "volatility": 0.1,
      "handover_to": "lokaal_team",
      "toegang": {"fte": 4, "assessments_per_fte_per_year": 120, "cost_per_fte": 85000,
                  "assessment_time": {"type": "fixed", "value": 4, "unit": "weeks"}},
      "demand": {
        "toegang": {"per_1000": 40, "trend_per_year": 0.02,
                    "routing": {"no_help": 0.1, "algemene_voorziening": 0.1, "lokaal_team": 0.5, "ambulant": 0.3}},
        "huisarts": {"arrivals_per_year": 100, "via": "direct", "ages": [4, 11], "routing": {"ambulant": 1}}
      },
      "age_limit": {"age": 18, "verlengd": {"share": 0.2, "until_age": 21},
                    "transfer": {"wmo.begeleiding": 0.1}},
      "cost_lines": {
        "voorliggend_veld": {"amount_per_year": 365000, "taakveld": "6.1"},
        "subsidie": {"label": "Subsidie", "amount_per_year": 36500, "pillar": "meedoen", "taakveld": "6.1",
                     "payer": "rijk"}
      },
      "forms": {
        "lokaal_team": {"beschikking": false, "taakveld": "6.2",
                        "capacity": {"fte": 5, "clients_per_fte": 30},
                        "staff": {"fte": 5, "cost_per_fte": 73000},
                        "duration": {"type": "exponential", "mean": 6, "unit": "months"}},
        "ambulant": {"tariff": {"amount": 100, "per": "day"},
                     "pgb": {"share": 0.1, "tariff": {"amount": 30, "per": "day"}},
                     "duration": {"type": "lognormal", "mean": 300, "sd": 250},
                     "transitions": {"verblijf": 0.05, "overgedragen": 0.2, "voortijdig": 0.1},
                     "reentry": {"probability": 0.1, "via": "form",
                                 "delay": {"type": "exponential", "mean": 9, "unit": "months"}},
                     "escalation": {"hazard_per_day": 0.001, "to": "verblijf"},
                     "initial": {"clients": 100, "waiting": 5, "ages": {"0-17": 0.9, "18-22": 0.1}}},
        "verblijf": {"lump_sum": {"budget_per_year": 365000, "cost_per_place": 36500},
                     "duration": {"type": "exponential", "mean": 1, "unit": "years"},
                     "initial": {"clients": 8, "time_in_care": {"type": "fixed", "value": 3, "unit": "months"}}}
      }
    },
    "wmo": {
      "demand": {"ouderen": {"band": "65+", "per_1000": 50,
                             "routing": {"begeleiding": 0.7, "hulpmiddelen": 0.3}}},
      "forms": {
        "begeleiding": {"duration": {"type": "gamma", "mean": 1, "sd": 0.5, "unit": "years"},
                        "tariff": {"amount": 900, "per": "month"}, "wlz_exit_per_year": 0.05,
                        "payer": "centrumgemeente",
                        "payer_switch": {"date": "2026-07-01", "to": "gemeente"}},
        "hulpmiddelen": {"duration": {"type": "fixed", "value": 3, "unit": "years"},
                         "tariff": {"amount": 1200, "per": "trajectory"}, "one_off": 900}
      }
    }
  },
  "targets": {
    "uithuisplaatsingen": {"source": "CBS", "metric": "clients_start", "domain": "jeugd",
                           "form": ["verblijf", "ambulant"], "year": 2025, "range": [0, 60]},
    "wmo kosten": {"metric": "cost", "domain": "wmo", "year": 2026, "min": 1000},
    "lokaal team": {"metric": "unique_clients", "domain": "jeugd", "pillar": "meedoen", "year": 2027, "max": 500},
    "verlengd": {"metric": "clients_per_1000", "domain": "jeugd", "age_band": "18-22", "year": 2028, "range": [0, 5]},
    "centrumgemeente": {"metric": "cost", "payer": "centrumgemeente", "year": 2026, "max": 1e7},
    "6.72": {"metric": "cost", "taakveld": "6.72", "year": 2026, "max": 1e7},
    "wachttijd": {"metric": "mean_wait_days", "domain": "jeugd", "form": "verblijf", "year": 2026, "max": 90}
  }
}
)";

constexpr int kLokaalTeam = 0, kAmbulant = 1, kVerblijf = 2, kBegeleiding = 3, kHulpmiddelen = 4,
              kToegang = 5, kVoorliggendVeld = 6, kSubsidie = 7;

TEST_CASE("load v3: node order and kinds", "[scenario]") {
  const Model m = Load(kV3);
  std::vector<std::string> keys;
  for (const NodeModel& n : m.nodes) keys.push_back(n.key());
  CHECK(keys == std::vector<std::string>{"jeugd.lokaal_team", "jeugd.ambulant", "jeugd.verblijf",
                                         "wmo.begeleiding", "wmo.hulpmiddelen", "jeugd.toegang",
                                         "jeugd.voorliggend_veld", "jeugd.subsidie"});
  CHECK(m.nodes[kToegang].kind == NodeKind::kToegang);
  CHECK(m.nodes[kVoorliggendVeld].kind == NodeKind::kCostLine);
  CHECK(m.nodes[kAmbulant].kind == NodeKind::kCare);
  // A domain's nodes are its care forms and cost lines; its toegang is separate.
  CHECK(m.domains[0].nodes == std::vector<int>{0, 1, 2, 6, 7});
  CHECK(m.domains[0].toegang == kToegang);
  CHECK(m.domains[1].nodes == std::vector<int>{3, 4});
  CHECK(m.domains[1].toegang == -1);
  CHECK(m.domains[0].label == "Jeugdhulp");
  CHECK(m.domains[0].band == 0);
  CHECK(m.domains[1].band == -1);
  CHECK(m.domains[0].volatility == 0.1);
  CHECK(m.domains[1].volatility == 0.0);
  CHECK(m.domains[0].handover == kLokaalTeam);
  CHECK(m.domains[1].handover == -1);
  CHECK(m.nodes[kSubsidie].label == "Subsidie");
  CHECK(m.nodes[kVoorliggendVeld].label == "voorliggend_veld");
  CHECK(m.nodes[kToegang].label == "toegang");
}

TEST_CASE("load v3: population bands", "[scenario]") {
  const Model m = Load(kV3);
  REQUIRE(m.bands.size() == 3);
  CHECK(m.bands[0].id == "0-17");
  CHECK(m.bands[0].lo == 0);
  CHECK(m.bands[0].hi == 17);
  CHECK(m.bands[0].count == 8000);
  CHECK(m.bands[0].growth == 0.01);
  CHECK(m.bands[1].growth == 0.0);  // growth_per_year defaults to 0
  CHECK(m.bands[2].id == "65+");
  CHECK(m.bands[2].lo == 65);
  CHECK(m.bands[2].hi == 200);  // open band
  // Growth compounds per calendar year from the start date.
  CHECK(m.Population(0, 2025) == 8000.0);
  CHECK(m.Population(0, 2027) == Approx(8000 * 1.01 * 1.01));
  CHECK(m.Population(2, 2028) == Approx(5000 * std::pow(1.04, 3)));
  CHECK(m.PopulationAtAge(10, 2025) == Approx(8000.0 / 18));
  CHECK(m.PopulationAtAge(20, 2026) == Approx(3000.0 / 5));
}

TEST_CASE("load v3: indexation multiplies prices by (1 + rate) per year after the base year",
          "[scenario]") {
  const Model m = Load(kV3);
  // 100 per day in 2025 prices: 103.5 in 2026, 103.5 x 1.03 = 106.605 in 2027; no rate for 2028,
  // so 2028 carries the 2027 rate forward: 106.605 x 1.03 = 109.80315.
  const RateCurve& t = m.nodes[kAmbulant].tariff;
  CHECK(RateOn(m, t, {2025, 12, 31}) == Approx(100.0).epsilon(1e-12));
  CHECK(RateOn(m, t, {2026, 1, 1}) == Approx(103.5).epsilon(1e-12));
  CHECK(RateOn(m, t, {2027, 6, 30}) == Approx(106.605).epsilon(1e-12));
  CHECK(RateOn(m, t, {2028, 12, 31}) == Approx(109.80315).epsilon(1e-12));
  // A monthly price: indexed, then spread over the days of the month.
  const RateCurve& month = m.nodes[kBegeleiding].tariff;
  CHECK(RateOn(m, month, {2025, 2, 1}) == Approx(900.0 / 28));
  CHECK(RateOn(m, month, {2026, 2, 1}) == Approx(900.0 * 1.035 / 28));
  CHECK(RateOn(m, month, {2028, 2, 1}) == Approx(900.0 * 1.035 * 1.03 * 1.03 / 29));
  // Yearly amounts (cost lines, budgets, staff) too: 365,000 a year is 1,000 a day in 2025.
  const RateCurve& line = m.nodes[kVoorliggendVeld].fixed;
  CHECK(RateOn(m, line, {2025, 3, 1}) == Approx(1000.0));
  CHECK(RateOn(m, line, {2026, 3, 1}) == Approx(1035.0));
  CHECK(RateOn(m, line, {2028, 3, 1}) == Approx(365000 * 1.035 * 1.03 * 1.03 / 366));
  CHECK(line.Integral(m.calendar.DayOf({2026, 1, 1}), m.calendar.DayOf({2027, 1, 1})) ==
        Approx(365000 * 1.035));

  SECTION("a base year after the start deflates the earlier years") {
    const Model later =
        Load(R"({"indexation": {"base_year": 2026, "rates": {"2026": 0.035, "2027": 0.03}},
      "domains": {"d": {"arrivals_per_year": 1, "forms": {"f": {
        "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 100, "per": "day"}}}}}})");
    const RateCurve& t2 = later.nodes[0].tariff;
    CHECK(RateOn(later, t2, {2025, 6, 1}) == Approx(100.0 / 1.035));
    CHECK(RateOn(later, t2, {2026, 6, 1}) == Approx(100.0));
    CHECK(RateOn(later, t2, {2027, 6, 1}) == Approx(103.0));
  }
  SECTION("without indexation prices stay as written") {
    const Model plain = Load(R"({"domains": {"d": {"arrivals_per_year": 1, "forms": {"f": {
        "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 100, "per": "day"}}}}}})");
    CHECK(RateOn(plain, plain.nodes[0].tariff, {2028, 12, 31}) == 100.0);
  }
}

TEST_CASE("load v3: per_1000 demand follows the band's population and the trend", "[scenario]") {
  const Model m = Load(kV3);
  REQUIRE(m.sources.size() == 3);
  CHECK(m.sources[0].id == "jeugd.toegang");
  CHECK(m.sources[1].id == "jeugd.huisarts");
  CHECK(m.sources[2].id == "wmo.ouderen");
  // Requests per day = per_1000 x count x (1 + growth)^(y - 2025) / 1000 x (1 + trend)^(y - 2025)
  // / days in the year.
  const RateCurve& toegang = m.sources[0].intensity;
  auto expected = [](int year, int days) {
    const int k = year - 2025;
    return 40 * 8000 * std::pow(1.01, k) / 1000 * std::pow(1.02, k) / days;
  };
  CHECK(RateOn(m, toegang, {2025, 7, 1}) == Approx(expected(2025, 365)).epsilon(1e-12));
  CHECK(RateOn(m, toegang, {2026, 7, 1}) == Approx(expected(2026, 365)).epsilon(1e-12));
  CHECK(RateOn(m, toegang, {2027, 7, 1}) == Approx(expected(2027, 365)).epsilon(1e-12));
  CHECK(RateOn(m, toegang, {2028, 7, 1}) == Approx(expected(2028, 366)).epsilon(1e-12));
  // A band of the stream's own; no trend.
  const RateCurve& ouderen = m.sources[2].intensity;
  CHECK(RateOn(m, ouderen, {2027, 1, 1}) == Approx(50 * 5000 * 1.04 * 1.04 / 1000 / 365));
  CHECK(m.sources[2].band == 2);
  // arrivals_per_year in a stream: absolute, per calendar year.
  CHECK(RateOn(m, m.sources[1].intensity, {2028, 1, 1}) == Approx(100.0 / 366));
  CHECK(m.sources[1].band == 0);  // the domain's band
}

TEST_CASE("load v3: demand streams: ages, via and routing outcomes", "[scenario]") {
  const Model m = Load(kV3);
  REQUIRE(m.sources.size() == 3);
  const SourceModel& toegang = m.sources[0];
  const SourceModel& huisarts = m.sources[1];
  const SourceModel& ouderen = m.sources[2];
  // Ages at arrival: the band's (0-17: [0, 18)), an explicit range [4, 11] is [4, 12), an open
  // band ends at 100.
  CHECK(toegang.age_lo == 0.0);
  CHECK(toegang.age_hi == 18.0);
  CHECK(huisarts.age_lo == 4.0);
  CHECK(huisarts.age_hi == 12.0);
  CHECK(ouderen.age_lo == 65.0);
  CHECK(ouderen.age_hi == 101.0);
  // Via the toegang when the domain has one, unless "direct"; a domain without toegang: direct.
  CHECK(toegang.toegang == kToegang);
  CHECK(huisarts.toegang == -1);
  CHECK(ouderen.toegang == -1);
  // Routing: no_help and algemene_voorziening are outcomes, not forms.
  CHECK(toegang.routing.target ==
        std::vector<int32_t>{kRouteNoHelp, kRouteAv, kLokaalTeam, kAmbulant});
  REQUIRE(toegang.routing.cum.size() == 4);
  CHECK(toegang.routing.cum[0] == Approx(0.1));
  CHECK(toegang.routing.cum[1] == Approx(0.2));
  CHECK(toegang.routing.cum[2] == Approx(0.7));
  CHECK(toegang.routing.cum[3] == 1.0);
  CHECK(huisarts.routing.target == std::vector<int32_t>{kAmbulant});
  CHECK(ouderen.routing.target == std::vector<int32_t>{kBegeleiding, kHulpmiddelen});
  // Named streams draw from their own random streams.
  CHECK(toegang.arrival_key == PurposeKey("arrivals/jeugd.toegang"));
  CHECK(huisarts.routing_key == PurposeKey("routing/jeugd.huisarts"));
}

TEST_CASE("load v3: toegang: capacity from staff and assessment time, staff cost, defaults",
          "[scenario]") {
  const Model m = Load(kV3);
  const NodeModel& t = m.nodes[kToegang];
  // Assessments running at once = floor(fte x assessments per FTE per year x mean assessment
  // days / 365.2425) = floor(4 x 120 x 28 / 365.2425) = floor(36.797...) = 36.
  REQUIRE(t.capacity.size() == 1);
  CHECK(t.capacity[0].places == 36);
  CHECK(t.capacity[0].places == static_cast<int>(std::floor(4 * 120 * 28 / 365.2425)));
  CHECK(t.duration.Mean() == 28.0);
  // Staff cost: fte x cost_per_fte a year, indexed.
  CHECK(RateOn(m, t.fixed, {2025, 5, 1}) == Approx(4 * 85000.0 / 365));
  CHECK(RateOn(m, t.fixed, {2026, 5, 1}) == Approx(4 * 85000.0 * 1.035 / 365));
  CHECK(t.tariff.Integral(m.calendar.horizon()) == 0.0);
  CHECK_FALSE(t.beschikking);
  CHECK(m.pillars[t.pillar] == "meedoen");
  CHECK(m.taakvelden[t.taakveld] == "6.2");  // BBV taakveld toegang
  CHECK(m.payers[t.payer] == "gemeente");
  CHECK(t.duration_key == PurposeKey("duration/jeugd.toegang"));

  SECTION("no staff: no capacity") {
    const Model none = Load(R"({"domains": {"d": {"toegang": {"fte": 0,
        "assessments_per_fte_per_year": 100, "assessment_time": {"type": "fixed", "value": 10}},
      "demand": {"s": {"arrivals_per_year": 10}},
      "forms": {"f": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}}})");
    const NodeModel& t0 = none.nodes[none.domains[0].toegang];
    REQUIRE(t0.capacity.size() == 1);
    CHECK(t0.capacity[0].places == 0);
    REQUIRE(none.sources.size() == 1);
    CHECK(none.sources[0].toegang == none.domains[0].toegang);  // one form: routed to it
    CHECK(none.sources[0].routing.target == std::vector<int32_t>{0});
  }
  SECTION("very little staff still assesses one at a time") {
    const Model one = Load(R"({"domains": {"d": {"toegang": {"fte": 0.1,
        "assessments_per_fte_per_year": 10, "assessment_time": {"type": "fixed", "value": 10}},
      "demand": {"s": {"arrivals_per_year": 10}},
      "forms": {"f": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}}})");
    CHECK(one.nodes[one.domains[0].toegang].capacity[0].places == 1);
  }
}

TEST_CASE("load v3: contracts: lump sum, staff, one-off, trajectory price, PGB", "[scenario]") {
  const Model m = Load(kV3);
  SECTION("lump sum: places = floor(budget / cost_per_place), the budget a fixed cost per day") {
    const NodeModel& v = m.nodes[kVerblijf];
    REQUIRE(v.capacity.size() == 1);
    CHECK(v.capacity[0].places == 10);  // 365,000 / 36,500
    CHECK(RateOn(m, v.fixed, {2025, 1, 1}) == Approx(1000.0));
    CHECK(RateOn(m, v.fixed, {2027, 1, 1}) == Approx(1000.0 * 1.035 * 1.03));
    CHECK(v.tariff.Integral(m.calendar.horizon()) == 0.0);  // no tariff needed
    const Model odd = Load(R"({"domains": {"d": {"arrivals_per_year": 1, "forms": {"f": {
        "lump_sum": {"budget_per_year": 250000, "cost_per_place": 30000},
        "duration": {"type": "fixed", "value": 1}}}}}})");
    CHECK(odd.nodes[0].capacity[0].places == 8);  // 8.33 places: 8
  }
  SECTION("staff: fte x cost_per_fte a year as a fixed cost; staffed capacity") {
    const NodeModel& l = m.nodes[kLokaalTeam];
    CHECK(RateOn(m, l.fixed, {2025, 6, 1}) == Approx(5 * 73000.0 / 365));  // 1,000 a day
    CHECK(RateOn(m, l.fixed, {2028, 6, 1}) == Approx(5 * 73000.0 * 1.035 * 1.03 * 1.03 / 366));
    REQUIRE(l.capacity.size() == 1);
    CHECK(l.capacity[0].places == 150);  // 5 FTE x 30 clients
  }
  SECTION("trajectory price and one-off: once per start, indexed at the start date") {
    const NodeModel& h = m.nodes[kHulpmiddelen];
    // The trajectory price and the one-off cost are kept apart (a bekostiging lever replaces the
    // first, not the second); both are booked at each start.
    CHECK(RateOn(m, h.per_start, {2025, 6, 1}) == Approx(1200.0));
    CHECK(RateOn(m, h.one_off, {2025, 6, 1}) == Approx(900.0));
    CHECK(RateOn(m, h.per_start, {2026, 6, 1}) + RateOn(m, h.one_off, {2026, 6, 1}) ==
          Approx(2100.0 * 1.035));
    CHECK(RateOn(m, h.per_start, {2028, 6, 1}) + RateOn(m, h.one_off, {2028, 6, 1}) ==
          Approx(2100.0 * 1.035 * 1.03 * 1.03));
    CHECK(h.tariff.Integral(m.calendar.horizon()) == 0.0);
    // A price per day has no per-start part.
    CHECK(m.nodes[kAmbulant].per_start.Integral(m.calendar.horizon()) == 0.0);
  }
  SECTION("PGB: share and tariff; without pgb the PGB tariff is the tariff") {
    const NodeModel& a = m.nodes[kAmbulant];
    CHECK(a.pgb_share == 0.1);
    CHECK(RateOn(m, a.pgb_tariff, {2025, 6, 1}) == Approx(30.0));
    CHECK(RateOn(m, a.pgb_tariff, {2026, 6, 1}) == Approx(31.05));
    const NodeModel& b = m.nodes[kBegeleiding];
    CHECK(b.pgb_share == 0.0);
    CHECK(RateOn(m, b.pgb_tariff, {2026, 2, 1}) == RateOn(m, b.tariff, {2026, 2, 1}));
  }
  SECTION("payer and payer switch") {
    const NodeModel& b = m.nodes[kBegeleiding];
    CHECK(m.payers[b.payer] == "centrumgemeente");
    CHECK(m.payers[b.payer_after] == "gemeente");
    CHECK(b.payer_switch_day == m.calendar.DayOf({2026, 7, 1}));
    CHECK(b.payer_switch_day == 546.0);
    const NodeModel& a = m.nodes[kAmbulant];
    CHECK(m.payers[a.payer] == "gemeente");
    CHECK(a.payer_after == a.payer);
    CHECK(std::isinf(a.payer_switch_day));
  }
}

TEST_CASE("load v3: after care: typed exits, re-entry, escalation, Wlz", "[scenario]") {
  const Model m = Load(kV3);
  const NodeModel& a = m.nodes[kAmbulant];
  CHECK(a.end.target == std::vector<int32_t>{kVerblijf, ExitTarget(ExitType::kOvergedragen),
                                             ExitTarget(ExitType::kVoortijdig)});
  REQUIRE(a.end.cum.size() == 3);
  CHECK(a.end.cum[0] == Approx(0.05));
  CHECK(a.end.cum[1] == Approx(0.25));
  CHECK(a.end.cum[2] == Approx(0.35));
  CHECK(a.end.rest == ExitTarget(ExitType::kAfgerond));
  CHECK(a.reentry_probability == 0.1);
  CHECK(a.reentry_delay.Mean() == Approx(9 * kMonthDays));
  CHECK_FALSE(a.reentry_via_toegang);  // "via": "form"
  CHECK(a.escalation_per_day == 0.001);
  CHECK(a.escalation_to == kVerblijf);
  // Wlz: a yearly probability p becomes the hazard -ln(1 - p) / 365.2425 per day.
  CHECK(m.nodes[kBegeleiding].wlz_per_day == Approx(-std::log(0.95) / kYearDays));
  CHECK(a.wlz_per_day == 0.0);
  // Defaults: no re-entry, via the toegang, no escalation.
  const NodeModel& v = m.nodes[kVerblijf];
  CHECK(v.reentry_probability == 0.0);
  CHECK(v.escalation_to == -1);
  CHECK(v.escalation_per_day == 0.0);
  const Model def = Load(R"({"domains": {"d": {"arrivals_per_year": 1, "forms": {"f": {
      "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"},
      "reentry": {"probability": 0.2, "delay": {"type": "fixed", "value": 30}}}}}}})");
  CHECK(def.nodes[0].reentry_via_toegang);
}

TEST_CASE("load v3: clients on the start date: counts, ages, time in care", "[scenario]") {
  const Model m = Load(kV3);
  const NodeModel& a = m.nodes[kAmbulant];
  CHECK(a.initial_clients == 100);
  CHECK(a.initial_waiting == 5);
  // Cumulative shares over the bands in declaration order: 0-17, 18-22, 65+.
  REQUIRE(a.initial_age_cum.size() == 3);
  CHECK(a.initial_age_cum[0] == Approx(0.9));
  CHECK(a.initial_age_cum[1] == 1.0);
  CHECK(a.initial_age_cum[2] == 1.0);
  // Steady state by default: the elapsed time is drawn from the tabulated equilibrium.
  CHECK(a.initial_elapsed_steady);
  CHECK(a.equilibrium_quantiles.size() == 1025);
  CHECK(a.equilibrium_quantiles.front() == 0.0);
  // An explicit distribution of the time already in care.
  const NodeModel& v = m.nodes[kVerblijf];
  CHECK(v.initial_clients == 8);
  CHECK_FALSE(v.initial_elapsed_steady);
  CHECK(v.initial_elapsed.Mean() == Approx(3 * kMonthDays));
  CHECK(v.initial_age_cum.empty());
  // No initial clients: nothing tabulated.
  CHECK(m.nodes[kBegeleiding].initial_clients == 0);
  CHECK(m.nodes[kBegeleiding].equilibrium_quantiles.empty());
}

TEST_CASE("load v3: age limit: verlengd first, then transfers, the rest leaves", "[scenario]") {
  const Model m = Load(kV3);
  const DomainModel& j = m.domains[0];
  CHECK(j.limit_age == 18);
  CHECK(j.until_age == 21);
  // At 18: 20% verlengd, 10% to wmo.begeleiding, 70% leave (age-out).
  CHECK(j.at_limit.target == std::vector<int32_t>{kChoiceVerlengd, kBegeleiding});
  REQUIRE(j.at_limit.cum.size() == 2);
  CHECK(j.at_limit.cum[0] == Approx(0.2));
  CHECK(j.at_limit.cum[1] == Approx(0.3));
  CHECK(j.at_limit.rest == ExitTarget(ExitType::kAgeOut));
  // At 21 (end of verlengde jeugdhulp): the transfers in the same proportion as among those who
  // were not extended at 18 (0.1 / 0.8), the rest leaves.
  CHECK(j.at_until.target == std::vector<int32_t>{kBegeleiding});
  REQUIRE(j.at_until.cum.size() == 1);
  CHECK(j.at_until.cum[0] == Approx(0.125));
  CHECK(j.at_until.rest == ExitTarget(ExitType::kAgeOut));
  // No age_limit: no limit.
  CHECK(m.domains[1].limit_age == 0);

  SECTION("only a limit: everyone leaves at 18") {
    const Model only = Load(R"({"domains": {"d": {"arrivals_per_year": 1, "age_limit": {},
      "forms": {"f": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}}})");
    CHECK(only.domains[0].limit_age == 18);  // the default age
    CHECK(only.domains[0].until_age == 0);
    CHECK(only.domains[0].at_limit.cum.empty());
    CHECK(only.domains[0].at_limit.rest == ExitTarget(ExitType::kAgeOut));
  }
}

TEST_CASE("load v3: cost lines: a yearly amount, pillar samenleving by default", "[scenario]") {
  const Model m = Load(kV3);
  const NodeModel& v = m.nodes[kVoorliggendVeld];
  CHECK(m.pillars[v.pillar] == "samenleving");
  CHECK(m.taakvelden[v.taakveld] == "6.1");
  CHECK(m.payers[v.payer] == "gemeente");
  CHECK_FALSE(v.capped());
  CHECK(v.tariff.Integral(m.calendar.horizon()) == 0.0);
  const NodeModel& s = m.nodes[kSubsidie];
  CHECK(m.pillars[s.pillar] == "meedoen");
  CHECK(m.payers[s.payer] == "rijk");
  CHECK(s.payer_after == s.payer);
  CHECK(RateOn(m, s.fixed, {2025, 1, 1}) == Approx(100.0));
}

TEST_CASE("load v3: a yearly amount by calendar year, years not listed are 0", "[scenario]") {
  const Model m = Load(R"({"indexation": {"rates": {"2026": 0.035, "2027": 0.03}},
    "domains": {"d": {"arrivals_per_year": 1,
      "cost_lines": {"programma": {"amount_per_year": {"2026": 365000, "2027": 730000}}},
      "forms": {"f": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}}})");
  const NodeModel& line = Form(m, "d.programma");
  CHECK(RateOn(m, line.fixed, {2025, 6, 1}) == 0.0);
  CHECK(RateOn(m, line.fixed, {2026, 6, 1}) == Approx(1000.0 * 1.035));
  CHECK(RateOn(m, line.fixed, {2027, 6, 1}) == Approx(2000.0 * 1.035 * 1.03));
  CHECK(RateOn(m, line.fixed, {2028, 6, 1}) == 0.0);
}

TEST_CASE("load v3: pillars and taakvelden: defaults and overrides", "[scenario]") {
  const Model m = Load(kV3);
  auto pillar = [&](int n) { return m.pillars[m.nodes[n].pillar]; };
  auto taakveld = [&](int n) { return m.taakvelden[m.nodes[n].taakveld]; };
  CHECK(pillar(kLokaalTeam) == "meedoen");  // beschikking false
  CHECK(pillar(kAmbulant) == "vangnet");    // a beschikking
  CHECK(pillar(kBegeleiding) == "vangnet");
  CHECK(taakveld(kLokaalTeam) == "6.2");  // the form's own
  CHECK(taakveld(kAmbulant) == "6.72");   // the domain's
  CHECK(taakveld(kBegeleiding) == "-");   // neither
  CHECK(taakveld(kToegang) == "6.2");
  CHECK(m.pillars == std::vector<std::string>{"meedoen", "vangnet", "samenleving"});
  CHECK(m.payers == std::vector<std::string>{"gemeente", "rijk", "centrumgemeente"});
  const Model own = Load(R"({"domains": {"d": {"arrivals_per_year": 1, "forms": {"f": {
      "pillar": "samenleving", "beschikking": false, "gedwongen_kader": true,
      "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}}})");
  CHECK(own.pillars[own.nodes[0].pillar] == "samenleving");
  CHECK_FALSE(own.nodes[0].beschikking);
  CHECK(own.nodes[0].gedwongen_kader);
}

TEST_CASE("load v3: output groups", "[scenario]") {
  const Model m = Load(kV3);
  CHECK(GroupLines(m) == std::vector<std::string>{
                             "form jeugd/lokaal_team/meedoen/6.2/all/all",
                             "form jeugd/ambulant/vangnet/6.72/all/all",
                             "form jeugd/verblijf/vangnet/6.72/all/all",
                             "cost_line jeugd/voorliggend_veld/samenleving/6.1/all/all",
                             "cost_line jeugd/subsidie/meedoen/6.1/all/all",
                             "toegang jeugd/toegang/meedoen/6.2/all/all",
                             "domain_pillar jeugd/all/meedoen/all/all/all",
                             "domain_pillar jeugd/all/vangnet/all/all/all",
                             "domain_pillar jeugd/all/samenleving/all/all/all",
                             // Per taakveld (BBV order) and per payer within the domain.
                             "domain_taakveld jeugd/all/all/6.1/all/all",
                             "domain_taakveld jeugd/all/all/6.2/all/all",
                             "domain_taakveld jeugd/all/all/6.72/all/all",
                             "payer jeugd/all/all/all/gemeente/all",
                             "payer jeugd/all/all/all/rijk/all",
                             "domain jeugd/all/all/all/all/all",
                             "form wmo/begeleiding/vangnet/-/all/all",
                             "form wmo/hulpmiddelen/vangnet/-/all/all",
                             "domain_pillar wmo/all/vangnet/all/all/all",
                             "domain_taakveld wmo/all/all/-/all/all",
                             "payer wmo/all/all/all/gemeente/all",
                             "payer wmo/all/all/all/centrumgemeente/all",
                             "domain wmo/all/all/all/all/all",
                             // Age bands of a domain: its streams' arrival ages, its initial
                             // clients' bands, and verlengd (18..21).
                             "band jeugd/all/all/all/all/0-17",
                             "band jeugd/all/all/all/all/18-22",
                             "band wmo/all/all/all/all/65+",
                             "pillar all/all/meedoen/all/all/all",
                             "pillar all/all/vangnet/all/all/all",
                             "pillar all/all/samenleving/all/all/all",
                             // Taakvelden in BBV order (names that are not numbers last), each
                             // followed by what each payer pays of it.
                             "taakveld all/all/all/6.1/all/all",
                             "payer all/all/all/6.1/gemeente/all",
                             "payer all/all/all/6.1/rijk/all",
                             "taakveld all/all/all/6.2/all/all",
                             "payer all/all/all/6.2/gemeente/all",
                             "taakveld all/all/all/6.72/all/all",
                             "payer all/all/all/6.72/gemeente/all",
                             "taakveld all/all/all/-/all/all",
                             "payer all/all/all/-/gemeente/all",
                             "payer all/all/all/-/centrumgemeente/all",
                             "payer all/all/all/all/gemeente/all",
                             "payer all/all/all/all/rijk/all",
                             "payer all/all/all/all/centrumgemeente/all",
                             "total all/all/all/all/all/all",
                         });
  auto group = [&](const std::string& line) {
    const auto lines = GroupLines(m);
    const auto it = std::find(lines.begin(), lines.end(), line);
    REQUIRE(it != lines.end());
    return m.groups[it - lines.begin()];
  };
  // The domain's meedoen row holds the lokaal team, the subsidie and the toegang; the domain row
  // all its nodes with the toegang.
  CHECK(group("domain_pillar jeugd/all/meedoen/all/all/all").nodes ==
        std::vector<int>{kLokaalTeam, kSubsidie, kToegang});
  CHECK(group("domain jeugd/all/all/all/all/all").nodes ==
        std::vector<int>{kLokaalTeam, kAmbulant, kVerblijf, kVoorliggendVeld, kSubsidie, kToegang});
  // A payer row holds the forms paid by that payer before or after a switch.
  CHECK(group("payer all/all/all/all/centrumgemeente/all").nodes == std::vector<int>{kBegeleiding});
  CHECK(group("payer all/all/all/all/gemeente/all").nodes ==
        std::vector<int>{kLokaalTeam, kAmbulant, kVerblijf, kBegeleiding, kHulpmiddelen, kToegang,
                         kVoorliggendVeld});
  // Within a domain or a taakveld too; the switching form counts for both of its payers.
  CHECK(group("payer wmo/all/all/all/centrumgemeente/all").nodes == std::vector<int>{kBegeleiding});
  CHECK(group("payer wmo/all/all/all/gemeente/all").nodes ==
        std::vector<int>{kBegeleiding, kHulpmiddelen});
  CHECK(group("payer all/all/all/6.1/rijk/all").nodes == std::vector<int>{kSubsidie});
  CHECK(group("domain_taakveld jeugd/all/all/6.2/all/all").nodes ==
        std::vector<int>{kLokaalTeam, kToegang});
  CHECK(group("band jeugd/all/all/all/all/18-22").band_index == 1);
  CHECK(group("band jeugd/all/all/all/all/18-22").nodes.empty());
  CHECK(group("form jeugd/ambulant/vangnet/6.72/all/all").band_index == 0);
  // Cost lines, bands and payers count no clients; forms count in their rows; a toegang counts
  // requests in assessment only in its own row (not in the domain's).
  for (const char* line : {"cost_line jeugd/voorliggend_veld/samenleving/6.1/all/all",
                           "band jeugd/all/all/all/all/0-17", "payer all/all/all/all/rijk/all"})
    CHECK(group(line).mask_bit == -1);
  const GroupModel& domain = group("domain jeugd/all/all/all/all/all");
  CHECK(InMask(m.nodes[kAmbulant].groups, domain.mask_bit));
  CHECK_FALSE(InMask(m.nodes[kToegang].groups, domain.mask_bit));
  CHECK(InMask(m.nodes[kToegang].groups,
               group("toegang jeugd/toegang/meedoen/6.2/all/all").mask_bit));
  CHECK(m.nodes[kVoorliggendVeld].groups == GroupMask{});
  for (int n = 0; n < m.num_nodes(); ++n)
    CHECK(m.groups[m.node_group[n]].nodes == std::vector<int>{n});
}

TEST_CASE("load v3: targets resolve to output rows and a period", "[scenario]") {
  const Model m = Load(kV3);
  REQUIRE(m.targets.size() == 7);
  auto row = [&](int g) { return GroupLines(m)[g]; };
  const TargetModel& t0 = m.targets[0];
  CHECK(t0.name == "uithuisplaatsingen");
  CHECK(t0.source == "CBS");
  CHECK(t0.metric == kClientsStart);
  CHECK(t0.period == 0);
  CHECK(t0.groups == std::vector<int>{m.node_group[kVerblijf], m.node_group[kAmbulant]});
  CHECK(t0.selection == "jeugd / verblijf+ambulant");
  CHECK(t0.lower == 0.0);
  CHECK(t0.upper == 60.0);
  const TargetModel& t1 = m.targets[1];
  CHECK(t1.name == "wmo kosten");
  CHECK(t1.source.empty());
  CHECK(t1.metric == kCost);
  CHECK(t1.period == 1);
  REQUIRE(t1.groups.size() == 1);
  CHECK(row(t1.groups[0]) == "domain wmo/all/all/all/all/all");
  CHECK(t1.selection == "wmo / all");
  CHECK(t1.lower == 1000.0);
  CHECK(std::isinf(t1.upper));
  const TargetModel& t2 = m.targets[2];
  CHECK(row(t2.groups[0]) == "domain_pillar jeugd/all/meedoen/all/all/all");
  CHECK(t2.selection == "jeugd / all / pillar meedoen");
  CHECK(t2.period == 2);
  CHECK(std::isinf(t2.lower));
  CHECK(t2.upper == 500.0);
  CHECK(row(m.targets[3].groups[0]) == "band jeugd/all/all/all/all/18-22");
  CHECK(m.targets[3].selection == "jeugd / all / age_band 18-22");
  CHECK(m.targets[3].period == 3);
  CHECK(row(m.targets[4].groups[0]) == "payer all/all/all/all/centrumgemeente/all");
  CHECK(row(m.targets[5].groups[0]) == "taakveld all/all/all/6.72/all/all");
  CHECK(m.targets[6].metric == kMeanWaitDays);
  CHECK(m.targets[6].groups == std::vector<int>{m.node_group[kVerblijf]});

  SECTION("a year is the first period of that year when reporting per month or half year") {
    BuildOptions monthly;
    monthly.periods = PeriodKind::kMonth;
    const Model mm = Load(kV3, monthly);
    CHECK(mm.targets[1].period == 12);
    CHECK(mm.calendar.periods()[12].label == "2026-01");
    BuildOptions halves;
    halves.periods = PeriodKind::kHalf;
    const Model hm = Load(kV3, halves);
    CHECK(hm.targets[3].period == 6);
    CHECK(hm.calendar.periods()[6].label == "2028-H1");
  }
  SECTION("a period label") {
    BuildOptions halves;
    halves.periods = PeriodKind::kHalf;
    std::string text = kV3;
    const std::string from = R"("domain": "wmo", "year": 2026,)";
    text.replace(text.find(from), from.size(), R"("domain": "wmo", "period": "2026-H2",)");
    const Model hm = Load(text, halves);
    CHECK(hm.targets[1].period == 3);
  }
}

// The default taakveld of a cost line is the taakveld of the domain's first care form, so it
// changes with the order of the forms. A cost line without its own taakveld should get the
// domain's (here "6.72"), like a care form without one.
TEST_CASE("load v3: a cost line without taakveld gets the domain's", "[scenario]") {
  const Model m = Load(R"({"domains": {"jeugd": {"taakveld": "6.72", "arrivals_per_year": 1,
    "routing": {"lokaal_team": 1},
    "cost_lines": {"voorliggend_veld": {"amount_per_year": 1000}},
    "forms": {
      "lokaal_team": {"beschikking": false, "taakveld": "6.2", "staff": {"fte": 1, "cost_per_fte": 1},
                      "duration": {"type": "fixed", "value": 1}},
      "ambulant": {"tariff": {"amount": 1, "per": "day"}, "duration": {"type": "fixed", "value": 1}}}}}})");
  CHECK(m.taakvelden[Form(m, "jeugd.voorliggend_veld").taakveld] == "6.72");
}

}  // namespace
}  // namespace sdsim::testing
