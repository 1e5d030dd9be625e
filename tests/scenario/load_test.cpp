// Valid scenarios load into the expected Model (units, tariffs, capacity, extends, groups, keys).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/random.h"
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

TEST_CASE("load: start_date and end_date set the calendar; defaults 2025..2028", "[scenario]") {
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

TEST_CASE("load: an explicit afgerond share is the afgerond exit; the rest is afgerond too",
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
  CHECK(m.nodes[2].end.target ==
        std::vector<int32_t>{1, ExitTarget(ExitType::kOvergedragen), ExitTarget(ExitType::kVoortijdig)});
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
  static const char* const kKinds[] = {"form",   "toegang",  "cost_line", "domain", "domain_pillar",
                                       "pillar", "taakveld", "payer",     "band",   "total"};
  std::vector<std::string> out;
  for (const GroupModel& g : m.groups)
    out.push_back(std::string(kKinds[static_cast<int>(g.kind)]) + " " + g.domain + "/" + g.form +
                  "/" + g.pillar + "/" + g.taakveld + "/" + g.payer + "/" + g.age_band);
  return out;
}

bool InMask(const GroupMask& mask, int bit) { return (mask[bit / 64] >> (bit % 64)) & 1; }

TEST_CASE("load: output groups: forms, domain x pillar, domain; then pillar, taakveld, payer, total",
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
                             "domain jeugd/all/all/all/all/all",
                             "form wmo/begeleiding/vangnet/-/all/all",
                             "domain_pillar wmo/all/vangnet/all/all/all",
                             "domain wmo/all/all/all/all/all",
                             "pillar all/all/vangnet/all/all/all",
                             "taakveld all/all/all/-/all/all",
                             "payer all/all/all/all/gemeente/all",
                             "total all/all/all/all/all/all",
                         });
  CHECK(m.pillars == std::vector<std::string>{"vangnet"});
  CHECK(m.taakvelden == std::vector<std::string>{"-"});
  CHECK(m.payers == std::vector<std::string>{"gemeente"});
  CHECK(m.groups[4].nodes == std::vector<int>{0, 1, 2, 3});
  CHECK(m.groups[5].nodes == std::vector<int>{0, 1, 2, 3});
  CHECK(m.groups[8].nodes == std::vector<int>{4});
  for (int g : {9, 10, 11, 12}) CHECK(m.groups[g].nodes == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(m.node_group == std::vector<int>{0, 1, 2, 3, 6});
  // Every group counts unique clients (has a mask bit) except the payer row, which counts only
  // cost. Each form is in its own group, its domain x pillar, its domain, its pillar, its
  // taakveld and the total: 6 bits.
  for (int g = 0; g < m.num_groups(); ++g) {
    INFO("group " << GroupLines(m)[g]);
    CHECK((m.groups[g].mask_bit >= 0) == (m.groups[g].kind != GroupKind::kPayer));
  }
  for (int f = 0; f < m.num_nodes(); ++f) {
    INFO("form " << m.nodes[f].key());
    int count = 0;
    for (int g = 0; g < m.num_groups(); ++g) {
      const GroupModel& group = m.groups[g];
      const bool member =
          std::find(group.nodes.begin(), group.nodes.end(), f) != group.nodes.end();
      if (group.mask_bit >= 0) {
        CHECK(InMask(m.nodes[f].groups, group.mask_bit) == member);
        count += member;
      }
    }
    CHECK(count == 6);
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
  // Six forms, the domain's pillar, the domain, the pillar, the taakveld, the payer, the total.
  CHECK(m.num_groups() == 6 + 6);
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
    LoadScenario(entry.path().string(), BuildOptions{}, &resolved, &m, &problems);
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

}  // namespace
}  // namespace sdsim::testing
