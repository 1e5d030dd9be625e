// Policy levers: every lever type, ramps, uncertain sizes, correlations, common random numbers.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>

#include "pair_testing.h"

namespace sdsim::testing {
namespace {

// A scenario with one domain "d" (its body: demand, forms, ...) and extra top-level keys (each
// followed by a comma).
std::string Scenario(const std::string& domain, const std::string& top = "",
                     const std::string& end = "2028-12-31") {
  return R"({"start_date": "2025-01-01", "end_date": ")" + end + "\", " + top +
         R"("domains": {"d": {)" + domain + "}}}";
}

double Se(const Stats& s) { return s.sd / std::sqrt(static_cast<double>(std::max(s.n, 1))); }

// Per replication: f(r) over the replications of a run.
std::vector<double> PerRep(int reps, const std::function<double(int)>& f) {
  std::vector<double> out;
  for (int r = 0; r < reps; ++r) out.push_back(f(r));
  return out;
}

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

std::vector<double> Ranks(const std::vector<double>& x) {
  std::vector<size_t> idx(x.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (size_t i = 0; i < idx.size(); ++i) r[idx[i]] = static_cast<double>(i);
  return r;
}

// Kolmogorov-Smirnov distance of a sample from a CDF.
double KsDistance(std::vector<double> x, const std::function<double(double)>& cdf) {
  std::sort(x.begin(), x.end());
  const double n = static_cast<double>(x.size());
  double d = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double f = cdf(x[i]);
    d = std::max({d, std::fabs((i + 1) / n - f), std::fabs(f - i / n)});
  }
  return d;
}

// A form with `n` clients in care for the whole horizon at 100 a day: its cost is known exactly.
std::string FixedForm(int n) {
  return R"({"duration": {"type": "fixed", "value": 20, "unit": "years"}, "tariff": {"amount": 100, "per": "day"},
            "initial": {"clients": )" +
         std::to_string(n) + R"(, "time_in_care": {"type": "fixed", "value": 0}}})";
}

const double kDays[4] = {365, 365, 365, 366};  // 2025 .. 2028

}  // namespace

TEST_CASE("Inflow lever: requests after `from` x (1 + change), identical before", "[levers]") {
  const int reps = 200;
  const std::string pop =
      R"("population": {"bands": {"0-17": {"count": 1000}, "18-99": {"count": 1000}}},)";
  const std::string domain =
      R"("demand": {"s1": {"band": "0-17", "per_1000": 365, "routing": {"a": 1}},
                                           "s2": {"band": "18-99", "per_1000": 365, "routing": {"b": 1}}},
    "forms": {"a": {"duration": {"type": "exponential", "mean": 60}, "tariff": {"amount": 10, "per": "day"}},
              "b": {"duration": {"type": "exponential", "mean": 60}, "tariff": {"amount": 10, "per": "day"}}})";
  const std::string lever =
      R"("levers": {"prev": {"type": "inflow", "domain": "d", "streams": ["s1"], "change": -0.3, "from": "2026-01-01"}},)";
  auto pair = RunPair(Scenario(domain, pop), Scenario(domain, pop + lever), reps, 11);
  const ModelRun &base = *pair.base, &alt = *pair.alt;
  const int ga = alt.Group("d", "a"), gb = alt.Group("d", "b"), gd = alt.Group("d", "all");
  // Before `from` nothing differs, replication by replication (common random numbers).
  CHECK(SameCell(base, alt, ga, 0));
  CHECK(SameCell(base, alt, gd, 0));
  // The stream the lever does not select is untouched in every period.
  for (int p = 0; p < 4; ++p) CHECK(SameCell(base, alt, gb, p));
  // 365 requests a year (per_1000 365 of 1,000 inhabitants), 30% fewer from 2026.
  for (int p = 0; p < 4; ++p) {
    const Stats a = alt.Get("d", "a", p, kInflow), b = base.Get("d", "a", p, kInflow);
    INFO("period " << p);
    CHECK(WithinSe(b.mean, 365, Se(b)));
    CHECK(WithinSe(a.mean, p == 0 ? 365 : 0.7 * 365, Se(a)));
    // Requests count the domain's arrivals: s1 (direct to a) + s2 (direct to b).
    const auto& req = alt.Column("d", "all", p, kRequests);
    for (int r = 0; r < reps; ++r)
      REQUIRE(req[r] == alt.Column("d", "a", p, kInflow)[r] + alt.Column("d", "b", p, kInflow)[r]);
  }
  // Selecting the stream by its age band is the same lever.
  const std::string by_band =
      R"("levers": {"prev": {"type": "inflow", "domain": "d", "age_bands": ["0-17"], "change": -0.3, "from": "2026-01-01"}},)";
  auto same = RunPair(Scenario(domain, pop + lever), Scenario(domain, pop + by_band), 40, 11);
  for (int p = 0; p < 4; ++p)
    for (int g = 0; g < same.alt->model.num_groups(); ++g)
      CHECK(SameCell(*same.base, *same.alt, g, p));
}

TEST_CASE(
    "Duration lever: the M/G/inf caseload scales by 1 + change for care starting after `from`",
    "[levers]") {
  // Fixed 100 days, 2 starts a day in f: clients in care at t = starts in (t - 100, t], Poisson
  // with mean 200; with durations x 1.5 from 2027 it is 300 by the end of 2028.
  const int reps = 200;
  const std::string domain = R"("arrivals_per_day": 4, "routing": {"f": 0.5, "g": 0.5},
    "forms": {"f": {"duration": {"type": "fixed", "value": 100}, "tariff": {"amount": 1, "per": "day"}},
              "g": {"duration": {"type": "fixed", "value": 100}, "tariff": {"amount": 1, "per": "day"}}})";
  const std::string lever =
      R"("levers": {"longer": {"type": "duration", "domain": "d", "forms": ["f"], "change": 0.5, "from": "2027-01-01"}},)";
  auto pair = RunPair(Scenario(domain), Scenario(domain, lever), reps, 13);
  const ModelRun &base = *pair.base, &alt = *pair.alt;
  const int gf = alt.Group("d", "f"), gg = alt.Group("d", "g");
  for (int p = 0; p < 2; ++p)
    CHECK(SameCell(base, alt, gf, p));  // care started before 2027 is unchanged
  for (int p = 0; p < 4; ++p) CHECK(SameCell(base, alt, gg, p));  // g is not selected
  const Stats a = alt.Get("d", "f", 3, kClientsEnd), b = base.Get("d", "f", 3, kClientsEnd);
  CHECK(WithinSe(b.mean, 200, Se(b)));
  CHECK(WithinSe(a.mean, 300, Se(a)));
  // In 2028 all of f's starts run 150 days: its cost is 1.5 x as high up to the Poisson noise of
  // the starts, which both runs share.
  const Stats ratio = Summarise(PerRep(reps, [&](int r) {
    return alt.Column("d", "f", 3, kClientsEnd)[r] / base.Column("d", "f", 3, kClientsEnd)[r];
  }));
  CHECK(WithinSe(ratio.mean, 1.5, Se(ratio) + 0.01));
}

TEST_CASE("Re-entry lever: the re-entry probability x (1 + change), at most 1", "[levers]") {
  const int reps = 200;
  auto domain = [](double p) {
    return R"("arrivals_per_day": 1, "routing": {"f": 1},
      "forms": {"f": {"duration": {"type": "exponential", "mean": 50}, "tariff": {"amount": 1, "per": "day"},
                      "reentry": {"probability": )" +
           std::to_string(p) + R"(, "delay": {"type": "fixed", "value": 0}, "via": "form"}}})";
  };
  const std::string lever =
      R"("levers": {"nazorg": {"type": "reentry", "domain": "d", "change": 0.5}},)";
  auto pair = RunPair(Scenario(domain(0.2)), Scenario(domain(0.2), lever), reps, 17);
  // Every exit is afgerond and comes back at once with the probability: re-entries / exits.
  auto share = [&](const ModelRun& run) {
    return Summarise(PerRep(reps, [&](int r) {
      double exits = 0, back = 0;
      for (int p = 0; p < 4; ++p) {
        exits += run.Column("d", "f", p, kOutflow)[r];
        back += run.Column("d", "f", p, kReentries)[r];
      }
      return back / exits;
    }));
  };
  const Stats b = share(*pair.base), a = share(*pair.alt);
  CHECK(WithinSe(b.mean, 0.2, Se(b)));
  CHECK(WithinSe(a.mean, 0.3, Se(a)));
  // 0.8 x 1.5 is capped at 1: every exit comes back, in the same period.
  auto capped = RunModelText(Scenario(domain(0.8), lever), 30, 19);
  for (int p = 0; p < 4; ++p)
    CHECK(
        SameValues(capped->Column("d", "f", p, kReentries), capped->Column("d", "f", p, kOutflow)));
}

TEST_CASE("Escalation lever: the waiting list's M/M/inf level lambda/h scales by 1/(1 + change)",
          "[levers]") {
  // f has no places: every arrival waits and escalates after Exp(h x (1 + change)); the list is
  // M/M/inf with E[waiting at t] = lambda / h' (1 - exp(-h' t)).
  const int reps = 300;
  const std::string domain = R"("arrivals_per_day": 1, "routing": {"f": 1},
    "forms": {"f": {"capacity": 0, "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"},
                    "escalation": {"hazard_per_day": 0.01, "to": "g"}},
              "g": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}})";
  const std::string lever =
      R"("levers": {"sneller": {"type": "escalation", "domain": "d", "forms": ["f"], "change": 1.0}},)";
  auto pair = RunPair(Scenario(domain), Scenario(domain, lever), reps, 41);
  for (int p = 0; p < 4; ++p) {
    const double t = pair.alt->model.calendar.periods()[p].end;
    const Stats b = pair.base->Get("d", "f", p, kWaitingEnd),
                a = pair.alt->Get("d", "f", p, kWaitingEnd);
    INFO("period " << p);
    CHECK(WithinSe(b.mean, 1 / 0.01 * (1 - std::exp(-0.01 * t)), Se(b)));
    CHECK(WithinSe(a.mean, 1 / 0.02 * (1 - std::exp(-0.02 * t)), Se(a)));
  }
}

TEST_CASE("Tariff lever: cost x (1 + change) exactly, from the date", "[levers]") {
  // A fixed caseload of 10 at 100 a day, 10% dearer from 1 July 2026 (181 days at the old price).
  const std::string domain = R"("arrivals_per_year": 0, "forms": {"f": )" + FixedForm(10) + "}";
  const std::string lever =
      R"("levers": {"duurder": {"type": "tariff", "domain": "d", "change": 0.1, "from": "2026-07-01"}},)";
  auto run = RunModelText(Scenario(domain, lever), 3, 1);
  const double expected[4] = {1000.0 * 365, 1000.0 * (181 + 184 * 1.1), 1000.0 * 365 * 1.1,
                              1000.0 * 366 * 1.1};
  for (int p = 0; p < 4; ++p)
    for (double c : run->Column("d", "f", p, kCost)) CHECK(c == Approx(expected[p]).epsilon(1e-12));
}

TEST_CASE("Tariff lever: with the same caseload every price of the selected forms scales",
          "[levers]") {
  // Day prices, PGB prices and trajectory prices of f and h x 1.25; g keeps its price; the
  // caseload is the same replication by replication.
  const int reps = 50;
  const std::string domain = R"("arrivals_per_day": 1, "routing": {"f": 0.4, "g": 0.3, "h": 0.3},
    "forms": {"f": {"duration": {"type": "exponential", "mean": 200}, "tariff": {"amount": 80, "per": "day"},
                    "pgb": {"share": 0.3, "tariff": {"amount": 50, "per": "day"}}},
              "g": {"duration": {"type": "exponential", "mean": 200}, "tariff": {"amount": 40, "per": "day"}},
              "h": {"duration": {"type": "exponential", "mean": 200}, "tariff": {"amount": 9000, "per": "trajectory"}}})";
  const std::string lever =
      R"("levers": {"duurder": {"type": "tariff", "domain": "d", "forms": ["f", "h"], "change": 0.25}},)";
  auto pair = RunPair(Scenario(domain), Scenario(domain, lever), reps, 5);
  const ModelRun &base = *pair.base, &alt = *pair.alt;
  for (int p = 0; p < 4; ++p) {
    INFO("period " << p);
    CHECK(SameCell(base, alt, alt.Group("d", "g"), p));
    for (const char* f : {"f", "h"}) {
      CHECK(SameValues(base.Column("d", f, p, kClientsEnd), alt.Column("d", f, p, kClientsEnd)));
      CHECK(SameValues(base.Column("d", f, p, kInflow), alt.Column("d", f, p, kInflow)));
      for (int m : {kCost, kCostPgb})
        for (int r = 0; r < reps; ++r)
          REQUIRE(alt.Column("d", f, p, m)[r] ==
                  Approx(1.25 * base.Column("d", f, p, m)[r]).epsilon(1e-12));
    }
    // The trajectory price is booked once per start.
    for (int r = 0; r < reps; ++r)
      REQUIRE(alt.Column("d", "h", p, kCost)[r] ==
              Approx(1.25 * 9000 * alt.Column("d", "h", p, kInflow)[r]).epsilon(1e-12));
  }
}

TEST_CASE("Capacity lever: places x (1 + change) rounded down, the waiting list appears",
          "[levers]") {
  // 1 request a day for 30 days each on 10 places: always full. From 1 July 2026 10 x 0.75 = 7.5
  // -> 7 places.
  const std::string domain = R"("arrivals_per_day": 1, "routing": {"f": 1},
    "forms": {"f": {"capacity": 10, "duration": {"type": "fixed", "value": 30}, "tariff": {"amount": 1, "per": "day"}}})";
  const std::string lever =
      R"("levers": {"krapte": {"type": "capacity", "domain": "d", "forms": ["f"], "change": -0.25, "from": "2026-07-01"}},)";
  auto pair = RunPair(Scenario(domain), Scenario(domain, lever), 20, 3);
  for (int p = 0; p < 4; ++p) {
    INFO("period " << p);
    for (double c : pair.base->Column("d", "f", p, kClientsEnd)) CHECK(c == 10);
    for (double c : pair.alt->Column("d", "f", p, kClientsEnd)) CHECK(c == (p == 0 ? 10 : 7));
  }
  CHECK(SameCell(*pair.base, *pair.alt, pair.alt->Group("d", "f"), 0));
  const Stats wb = pair.base->Get("d", "f", 3, kWaitingEnd),
              wa = pair.alt->Get("d", "f", 3, kWaitingEnd);
  CHECK(wb.mean > 500);
  // 3 places fewer for 2.5 years at 30 days a client: about 3 x 913 / 30 = 91 more waiting.
  CHECK(wa.mean - wb.mean == Approx(3 * (pair.alt->model.calendar.horizon() - 546) / 30).margin(5));

  // The toegang's slots: 1 FTE x 365.2425 assessments x 10.5 days / 365.2425 = 10.5 -> 10 slots;
  // x 0.65 = 6.5 -> 6.
  const std::string toegang = R"("toegang": {"fte": 1, "assessments_per_fte_per_year": 365.2425,
                                            "assessment_time": {"type": "fixed", "value": 10.5}},
    "demand": {"req": {"arrivals_per_day": 5, "routing": {"f": 1}}},
    "forms": {"f": {"duration": {"type": "fixed", "value": 30}, "tariff": {"amount": 1, "per": "day"}}})";
  const std::string staff =
      R"("levers": {"tekort": {"type": "capacity", "domain": "d", "forms": ["toegang"], "change": -0.35}},)";
  auto tg = RunPair(Scenario(toegang), Scenario(toegang, staff), 10, 3);
  REQUIRE(tg.alt->model.nodes[tg.alt->model.domains[0].toegang].capacity[0].places == 10);
  for (int p = 0; p < 4; ++p) {
    for (double c : tg.base->Column("d", "toegang", p, kClientsEnd)) CHECK(c == 10);
    for (double c : tg.alt->Column("d", "toegang", p, kClientsEnd)) CHECK(c == 6);
  }
}

TEST_CASE("Diversion lever: the share of routed requests goes to the team while it has room",
          "[levers]") {
  auto domain = [](const std::string& team_capacity, const std::string& team_duration) {
    return R"("arrivals_per_day": 1, "routing": {"f": 1},
      "forms": {"f": {"duration": {"type": "exponential", "mean": 100}, "tariff": {"amount": 10, "per": "day"}},
                "team": {"beschikking": false, "tariff": {"amount": 0, "per": "day"}, "duration": )" +
           team_duration + team_capacity + "}}";
  };
  const std::string lever =
      R"("levers": {"lokaal": {"type": "diversion", "domain": "d", "forms": ["f"], "to": "team", "share": 0.3}},)";
  const std::string exp30 = R"({"type": "exponential", "mean": 30})";
  const int reps = 200;
  SECTION("a team with room takes the share") {
    auto run = RunModelText(Scenario(domain("", exp30), lever), reps, 7);
    for (int p = 0; p < 4; ++p)
      for (int r = 0; r < reps; ++r) {
        const double diverted = run->Column("d", "f", p, kDiverted)[r];
        REQUIRE(run->Column("d", "f", p, kInflow)[r] + diverted ==
                run->Column("d", "all", p, kRequests)[r]);
        REQUIRE(run->Column("d", "team", p, kInflow)[r] == diverted);
      }
    const Stats share = Summarise(PerRep(reps, [&](int r) {
      double d = 0, n = 0;
      for (int p = 0; p < 4; ++p) {
        d += run->Column("d", "f", p, kDiverted)[r];
        n += run->Column("d", "all", p, kRequests)[r];
      }
      return d / n;
    }));
    CHECK(WithinSe(share.mean, 0.3, Se(share)));
  }
  SECTION("a full team takes nobody: the request takes the beschikking route") {
    // 5 places, each held for 10 years: exactly 5 requests are ever diverted.
    auto run = RunModelText(
        Scenario(domain(R"(, "capacity": 5)", R"({"type": "fixed", "value": 10, "unit": "years"})"),
                 lever),
        50, 7);
    for (int r = 0; r < 50; ++r) {
      double diverted = 0;
      for (int p = 0; p < 4; ++p) diverted += run->Column("d", "f", p, kDiverted)[r];
      CHECK(diverted == 5);
      CHECK(run->Column("d", "team", 3, kClientsEnd)[r] == 5);
    }
  }
  SECTION("a team of 0 places diverts nobody and changes nothing") {
    const std::string d0 = domain(R"(, "capacity": 0)", exp30);
    auto pair = RunPair(Scenario(d0), Scenario(d0, lever), 50, 7);
    for (int p = 0; p < 4; ++p) {
      for (double v : pair.alt->Column("d", "f", p, kDiverted)) CHECK(v == 0);
      for (int g = 0; g < pair.alt->model.num_groups(); ++g)
        CHECK(SameCell(*pair.base, *pair.alt, g, p));
    }
  }
}

TEST_CASE(
    "Routing-shift lever: entries into a form go elsewhere with the share, split by the shares of "
    "`to`",
    "[levers]") {
  // Entries into a come from routing (half the requests) and from x's transitions (the other
  // half, 10 days later); 40% of all of them go to b or c, half each.
  const int reps = 200;
  const std::string domain = R"("arrivals_per_day": 2, "routing": {"a": 0.5, "x": 0.5},
    "forms": {"a": {"duration": {"type": "exponential", "mean": 100}, "tariff": {"amount": 1, "per": "day"}},
              "x": {"duration": {"type": "fixed", "value": 10}, "tariff": {"amount": 1, "per": "day"}, "transitions": {"a": 1}},
              "b": {"duration": {"type": "exponential", "mean": 100}, "tariff": {"amount": 1, "per": "day"}},
              "c": {"duration": {"type": "exponential", "mean": 100}, "tariff": {"amount": 1, "per": "day"}}})";
  const std::string lever =
      R"("levers": {"verschuiving": {"type": "routing_shift", "domain": "d", "forms": ["a"],
                                                           "to": {"b": 0.5, "c": 0.5}, "share": 0.4}},)";
  auto run = RunModelText(Scenario(domain, lever), reps, 23);
  double to_b = 0, shifted = 0;
  for (int p = 0; p < 4; ++p)
    for (int r = 0; r < reps; ++r) {
      const double div = run->Column("d", "a", p, kDiverted)[r];
      const double b = run->Column("d", "b", p, kInflow)[r],
                   c = run->Column("d", "c", p, kInflow)[r];
      REQUIRE(div == b + c);
      // Entries into a: requests routed to it (requests - x's starts) + x's transitions.
      REQUIRE(run->Column("d", "a", p, kInflow)[r] + div ==
              run->Column("d", "all", p, kRequests)[r] - run->Column("d", "x", p, kInflow)[r] +
                  run->Column("d", "x", p, kOutVervolghulp)[r]);
      to_b += b;
      shifted += div;
    }
  const Stats share = Summarise(PerRep(reps, [&](int r) {
    double div = 0, entries = 0;
    for (int p = 0; p < 4; ++p) {
      div += run->Column("d", "a", p, kDiverted)[r];
      entries += run->Column("d", "a", p, kInflow)[r] + run->Column("d", "a", p, kDiverted)[r];
    }
    return div / entries;
  }));
  CHECK(WithinSe(share.mean, 0.4, Se(share)));
  // b's share of the shifted entries: binomial(shifted, 0.5).
  CHECK(WithinSe(to_b / shifted, 0.5, 0.5 / std::sqrt(shifted)));
}

TEST_CASE("Bekostiging lever: a trajectory price per start from the date", "[levers]") {
  const int reps = 50;
  const std::string domain = R"("arrivals_per_day": 0.5, "routing": {"f": 1},
    "forms": {"f": {"duration": {"type": "exponential", "mean": 200}, "tariff": {"amount": 100, "per": "day"}}})";
  const std::string lever =
      R"("levers": {"trajecten": {"type": "bekostiging", "domain": "d", "from": "2027-01-01",
                                                        "tariff": {"amount": 15000, "per": "trajectory"}}},)";
  auto pair = RunPair(Scenario(domain), Scenario(domain, lever), reps, 29);
  const ModelRun &base = *pair.base, &alt = *pair.alt;
  const int gf = alt.Group("d", "f");
  for (int p = 0; p < 2; ++p) CHECK(SameCell(base, alt, gf, p));
  for (int p = 2; p < 4; ++p) {
    CHECK(SameValues(base.Column("d", "f", p, kInflow), alt.Column("d", "f", p, kInflow)));
    for (int r = 0; r < reps; ++r)
      REQUIRE(alt.Column("d", "f", p, kCost)[r] ==
              Approx(15000 * alt.Column("d", "f", p, kInflow)[r]).epsilon(1e-12));
  }
}

TEST_CASE("Bekostiging lever: a lump sum from the date costs the budget and sets the places",
          "[levers]") {
  // 30 clients in care (1 a day for 30 days) until 2027; then EUR 1,000,000 a year at 80,000 a
  // place: 12 places, whatever the caseload.
  const std::string domain = R"("arrivals_per_day": 1, "routing": {"f": 1},
    "forms": {"f": {"duration": {"type": "fixed", "value": 30}, "tariff": {"amount": 100, "per": "day"}}})";
  const std::string lever =
      R"("levers": {"lumpsum": {"type": "bekostiging", "domain": "d", "from": "2027-01-01",
                                   "lump_sum": {"budget_per_year": 1000000, "cost_per_place": 80000}}},)";
  auto run = RunModelText(Scenario(domain, lever), 20, 31);
  for (int p = 2; p < 4; ++p) {
    for (double c : run->Column("d", "f", p, kCost)) CHECK(c == Approx(1000000).epsilon(1e-12));
    for (double c : run->Column("d", "f", p, kClientsEnd)) CHECK(c == 12);
  }
  CHECK(run->Get("d", "f", 1, kClientsEnd).mean > 20);  // no cap before the date
  CHECK(run->Get("d", "f", 1, kCost).mean == Approx(100 * 365 * 30).epsilon(0.05));  // P x Q before
  CHECK(run->Get("d", "f", 3, kWaitingEnd).mean > 100);
}

TEST_CASE("Payer-switch lever: the form's cost goes to the other payer from the date", "[levers]") {
  const std::string domain = R"("arrivals_per_year": 0, "forms": {"f": )" + FixedForm(10) +
                             R"(, "g": )" + FixedForm(1) + "}";
  const std::string lever =
      R"("levers": {"doordecentralisatie": {"type": "payer_switch", "domain": "d", "forms": ["f"],
                                                                  "date": "2027-01-01", "to": "centrumgemeente"}},)";
  auto run = RunModelText(Scenario(domain, lever), 2, 1);
  const int gem = run->GroupWhere("all", "all", "all", "all", "gemeente", "all");
  const int cen = run->GroupWhere("all", "all", "all", "all", "centrumgemeente", "all");
  for (int p = 0; p < 4; ++p) {
    const double f = 1000 * kDays[p], g = 100 * kDays[p];
    INFO("period " << p);
    CHECK(run->GetGroup(gem, p, kCost).mean == Approx(p < 2 ? f + g : g).epsilon(1e-12));
    CHECK(run->GetGroup(cen, p, kCost).mean == Approx(p < 2 ? 0.0 : f).margin(1e-6));
    CHECK(run->Get("d", "f", p, kCost).mean == Approx(f).epsilon(1e-12));
  }
}

TEST_CASE("Ramps: ramp_months in monthly steps, ramp per calendar year", "[levers]") {
  const std::string domain = R"("arrivals_per_year": 0, "forms": {"f": )" + FixedForm(10) + "}";
  auto cost = [&](const std::string& lever) {
    auto run = RunModelText(Scenario(domain, R"("levers": {"l": )" + lever + "},"), 2, 1);
    std::vector<double> out;
    for (int p = 0; p < 4; ++p) {
      const auto& c = run->Column("d", "f", p, kCost);
      CHECK(c[0] == c[1]);
      out.push_back(c[0]);
    }
    return out;
  };
  const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  SECTION(
      "12 months from 2026: month k of the ramp at (k + 0.5) / 12 of the effect, then in full") {
    const auto c = cost(
        R"({"type": "tariff", "domain": "d", "change": 0.12, "from": "2026-01-01", "ramp_months": 12})");
    double y2026 = 0;
    for (int k = 0; k < 12; ++k) y2026 += month_days[k] * (1 + 0.12 * (k + 0.5) / 12);
    CHECK(c[0] == Approx(1000 * 365).epsilon(1e-12));
    CHECK(c[1] == Approx(1000 * y2026).epsilon(1e-12));
    CHECK(c[2] == Approx(1000 * 365 * 1.12).epsilon(1e-12));
    CHECK(c[3] == Approx(1000 * 366 * 1.12).epsilon(1e-12));
  }
  SECTION("3 months from 1 March 2025") {
    const auto c = cost(
        R"({"type": "tariff", "domain": "d", "change": 0.3, "from": "2025-03-01", "ramp_months": 3})");
    const double y2025 =
        59 + 31 * (1 + 0.3 / 6) + 30 * (1 + 0.3 * 3 / 6) + 31 * (1 + 0.3 * 5 / 6) + 214 * 1.3;
    CHECK(c[0] == Approx(1000 * y2025).epsilon(1e-12));
    CHECK(c[1] == Approx(1000 * 365 * 1.3).epsilon(1e-12));
  }
  SECTION("per year: none before the first listed year, then the listed fraction") {
    const auto c = cost(
        R"({"type": "tariff", "domain": "d", "change": 0.2, "ramp": {"2026": 0.5, "2027": 1}})");
    CHECK(c[0] == Approx(1000 * 365).epsilon(1e-12));
    CHECK(c[1] == Approx(1000 * 365 * 1.1).epsilon(1e-12));
    CHECK(c[2] == Approx(1000 * 365 * 1.2).epsilon(1e-12));
    CHECK(c[3] == Approx(1000 * 366 * 1.2).epsilon(1e-12));
  }
  SECTION("an inflow lever follows the same ramp") {
    // 2 requests a day; -50% ramped in per year: 2026 at -25%, from 2027 at -50%.
    const int reps = 200;
    auto run = RunModelText(
        Scenario(
            R"("arrivals_per_day": 2, "routing": {"f": 1},
                    "forms": {"f": {"duration": {"type": "fixed", "value": 10}, "tariff": {"amount": 1, "per": "day"}}})",
            R"("levers": {"l": {"type": "inflow", "domain": "d", "change": -0.5, "ramp": {"2026": 0.5, "2027": 1}}},)"),
        reps, 3);
    const double factor[4] = {1, 0.75, 0.5, 0.5};
    for (int p = 0; p < 4; ++p) {
      const Stats s = run->Get("d", "all", p, kRequests);
      CHECK(WithinSe(s.mean, 2 * kDays[p] * factor[p], Se(s)));
    }
  }
}

TEST_CASE("Uncertain effect sizes: the per-replication draw follows its distribution", "[levers]") {
  // One client at 100 a day in each form for 2025: cost / 36,500 - 1 recovers each drawn change.
  const int reps = 2000;
  const std::string domain = R"("arrivals_per_year": 0, "forms": {"f": )" + FixedForm(1) +
                             R"(, "g": )" + FixedForm(1) + R"(, "h": )" + FixedForm(1) + "}";
  const std::string levers = R"("levers": {
      "u": {"type": "tariff", "domain": "d", "forms": ["f"], "change": {"distribution": "uniform", "min": -0.2, "max": 0.3}},
      "t": {"type": "tariff", "domain": "d", "forms": ["g"], "change": {"distribution": "triangular", "min": -0.1, "mode": 0, "max": 0.3}},
      "n": {"type": "tariff", "domain": "d", "forms": ["h"],
            "change": {"distribution": "normal", "mean": 0, "sd": 0.2, "min": -0.1, "max": 0.15}}},)";
  auto run = RunModelText(Scenario(domain, levers, "2025-12-31"), reps, 37);
  auto draws = [&](const char* form) {
    return PerRep(reps, [&](int r) { return run->Column("d", form, 0, kCost)[r] / 36500 - 1; });
  };
  const double n = reps;
  {
    const auto u = draws("f");
    const Stats s = Summarise(u);
    const double sd = 0.5 / std::sqrt(12.0);
    CHECK(*std::min_element(u.begin(), u.end()) >= -0.2 - 1e-12);
    CHECK(*std::max_element(u.begin(), u.end()) <= 0.3 + 1e-12);
    CHECK(WithinSe(s.mean, 0.05, sd / std::sqrt(n)));
    CHECK(WithinSe(s.sd, sd, sd * std::sqrt(0.8 / (4 * n))));  // kurtosis of a uniform: 1.8
    CHECK(KsDistance(u, [](double x) { return std::clamp((x + 0.2) / 0.5, 0.0, 1.0); }) <
          1.95 / std::sqrt(n));
  }
  {
    const auto t = draws("g");
    const Stats s = Summarise(t);
    const double a = -0.1, m = 0, b = 0.3;
    const double sd = std::sqrt((a * a + m * m + b * b - a * m - a * b - m * b) / 18);
    CHECK(WithinSe(s.mean, (a + m + b) / 3, sd / std::sqrt(n)));
    CHECK(WithinSe(s.sd, sd, sd * std::sqrt(1.4 / (4 * n))));  // kurtosis of a triangular: 2.4
    auto cdf = [&](double x) {
      if (x <= a) return 0.0;
      if (x >= b) return 1.0;
      return x <= m ? (x - a) * (x - a) / ((b - a) * (m - a))
                    : 1 - (b - x) * (b - x) / ((b - a) * (b - m));
    };
    CHECK(KsDistance(t, cdf) < 1.95 / std::sqrt(n));
  }
  {
    // Normal(0, 0.2) truncated to [-0.1, 0.15]: mean = sd (phi(lo/sd) - phi(hi/sd)) / (Phi(hi/sd) -
    // Phi(lo/sd)).
    const auto x = draws("h");
    const Stats s = Summarise(x);
    auto phi = [](double z) { return std::exp(-z * z / 2) / std::sqrt(2 * M_PI); };
    auto Phi = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
    const double mean = 0.2 * (phi(-0.5) - phi(0.75)) / (Phi(0.75) - Phi(-0.5));
    CHECK(*std::min_element(x.begin(), x.end()) >= -0.1 - 1e-12);
    CHECK(*std::max_element(x.begin(), x.end()) <= 0.15 + 1e-12);
    CHECK(WithinSe(s.mean, mean, s.sd / std::sqrt(n)));
    CHECK(KsDistance(x, [&](double v) {
            return std::clamp((Phi(v / 0.2) - Phi(-0.5)) / (Phi(0.75) - Phi(-0.5)), 0.0, 1.0);
          }) < 1.95 / std::sqrt(n));
  }
}

TEST_CASE("Correlated effect sizes: a Gaussian copula with the given rho", "[levers]") {
  // Uniform marginals: Pearson = Spearman = (6 / pi) asin(rho / 2). A normal marginal keeps the
  // rank correlation.
  const int reps = 3000;
  const std::string domain = R"("arrivals_per_year": 0, "forms": {"f": )" + FixedForm(1) +
                             R"(, "g": )" + FixedForm(1) + R"(, "h": )" + FixedForm(1) + "}";
  const std::string levers = R"("levers": {
      "a": {"type": "tariff", "domain": "d", "forms": ["f"], "change": {"distribution": "uniform", "min": 0, "max": 1}},
      "b": {"type": "tariff", "domain": "d", "forms": ["g"], "change": {"distribution": "uniform", "min": 0, "max": 1}},
      "c": {"type": "tariff", "domain": "d", "forms": ["h"], "change": {"distribution": "normal", "mean": 0, "sd": 0.1, "min": -1}}},
    "correlations": [{"between": ["a", "b"], "rho": 0.6}, {"between": ["c", "a"], "rho": -0.5}],)";
  auto run = RunModelText(Scenario(domain, levers, "2025-12-31"), reps, 43);
  auto draws = [&](const char* form) {
    return PerRep(reps, [&](int r) { return run->Column("d", form, 0, kCost)[r] / 36500 - 1; });
  };
  const auto a = draws("f"), b = draws("g"), c = draws("h");
  auto copula = [](double rho) { return 6 / M_PI * std::asin(rho / 2); };
  auto se = [&](double r) { return (1 - r * r) / std::sqrt(static_cast<double>(reps)); };
  CHECK(WithinSe(Pearson(a, b), copula(0.6), se(copula(0.6))));
  CHECK(WithinSe(Pearson(Ranks(a), Ranks(b)), copula(0.6), se(copula(0.6))));
  CHECK(WithinSe(Pearson(Ranks(a), Ranks(c)), copula(-0.5), se(copula(-0.5))));
  CHECK(WithinSe(Pearson(Ranks(b), Ranks(c)), 0.0, se(0)));
  // The marginals stay uniform.
  for (const auto* x : {&a, &b}) {
    const Stats s = Summarise(*x);
    CHECK(WithinSe(s.mean, 0.5, 1 / std::sqrt(12.0 * reps)));
  }
}

TEST_CASE("A lever's draw is keyed by its name: scenarios that share a lever share its draws",
          "[levers]") {
  const std::string domain = R"("arrivals_per_year": 0, "forms": {"f": )" + FixedForm(1) +
                             R"(, "g": )" + FixedForm(1) + "}";
  const std::string x =
      R"("x": {"type": "tariff", "domain": "d", "forms": ["f"], "change": {"distribution": "uniform", "min": -0.5, "max": 0.5}})";
  const std::string y =
      R"("y": {"type": "tariff", "domain": "d", "forms": ["g"], "change": {"distribution": "uniform", "min": -0.5, "max": 0.5}})";
  auto pair =
      RunPair(Scenario(domain, R"("levers": {)" + x + "},", "2025-12-31"),
              Scenario(domain, R"("levers": {)" + y + ", " + x + "},", "2025-12-31"), 100, 47);
  CHECK(SameValues(pair.base->Column("d", "f", 0, kCost), pair.alt->Column("d", "f", 0, kCost)));
  // ... and different levers draw independently.
  CHECK(!SameValues(pair.alt->Column("d", "f", 0, kCost), pair.alt->Column("d", "g", 0, kCost)));
  const Stats s = Summarise(pair.base->Column("d", "f", 0, kCost));
  CHECK(s.sd > 5000);  // the draw varies between replications
}

TEST_CASE("Levers do not disturb other random streams: share-0 levers change nothing", "[levers]") {
  // A scenario with a toegang, capacity, escalation, transitions and re-entry; the same with an
  // empty lever list and with diversion and routing-shift levers of share 0: every value of every
  // row, period and replication is identical.
  const std::string domain = R"(
    "toegang": {"fte": 2, "assessments_per_fte_per_year": 400, "assessment_time": {"type": "exponential", "mean": 14}},
    "demand": {"req": {"arrivals_per_day": 1.5, "routing": {"f": 0.5, "g": 0.3, "no_help": 0.2}},
               "rechter": {"arrivals_per_year": 20, "via": "direct", "routing": {"g": 1}}},
    "forms": {
      "f": {"capacity": 60, "duration": {"type": "lognormal", "mean": 120, "sd": 100}, "tariff": {"amount": 50, "per": "day"},
            "escalation": {"hazard_per_day": 0.01, "to": "g"}, "transitions": {"g": 0.2, "voortijdig": 0.1},
            "reentry": {"probability": 0.2, "delay": {"type": "exponential", "mean": 90}, "via": "toegang"}},
      "g": {"duration": {"type": "gamma", "mean": 200, "sd": 150}, "tariff": {"amount": 120, "per": "day"},
            "pgb": {"share": 0.2, "tariff": {"amount": 70, "per": "day"}}},
      "team": {"beschikking": false, "capacity": 40, "duration": {"type": "exponential", "mean": 60},
               "staff": {"fte": 2, "cost_per_fte": 80000}}})";
  const std::string zero = R"("levers": {
      "div": {"type": "diversion", "domain": "d", "forms": ["f", "g"], "to": "team", "share": 0, "from": "2026-01-01"},
      "shift": {"type": "routing_shift", "domain": "d", "forms": ["f"], "to": "g", "share": 0}},)";
  auto a = RunPair(Scenario(domain), Scenario(domain, zero), 40, 53);
  auto b = RunPair(Scenario(domain), Scenario(domain, R"("levers": {},)"), 40, 53);
  REQUIRE(a.base->model.num_groups() == a.alt->model.num_groups());
  for (int g = 0; g < a.alt->model.num_groups(); ++g)
    for (int p = 0; p < 4; ++p) {
      std::string wa, wb;
      const bool same_a = SameCell(*a.base, *a.alt, g, p, &wa),
                 same_b = SameCell(*b.base, *b.alt, g, p, &wb);
      INFO(a.alt->model.groups[g].domain << "/" << a.alt->model.groups[g].form << " period " << p
                                         << ": " << wa << wb);
      CHECK(same_a);
      CHECK(same_b);
    }
  // The scenario is not trivial: there is waiting, escalation and re-entry to disturb.
  CHECK(a.base->Get("d", "f", 3, kEscalated).mean > 0);
  CHECK(a.base->Get("d", "toegang", 3, kReentries).mean > 0);
}

TEST_CASE("Bekostiging lever keeps the one-off costs (hulpmiddelen) of the form", "[levers]") {
  // A one_off is not a tariff: a new contract price from 2027 should replace the day price but
  // not the one-off cost of each episode.
  const std::string domain = R"("arrivals_per_day": 0.5, "routing": {"f": 1},
    "forms": {"f": {"duration": {"type": "fixed", "value": 10}, "tariff": {"amount": 10, "per": "day"}, "one_off": 500}})";
  const std::string lever =
      R"("levers": {"trajecten": {"type": "bekostiging", "domain": "d", "from": "2027-01-01",
                                                        "tariff": {"amount": 2000, "per": "trajectory"}}},)";
  auto run = RunModelText(Scenario(domain, lever), 5, 3);
  for (int r = 0; r < 5; ++r)
    CHECK(run->Column("d", "f", 3, kCost)[r] ==
          Approx((2000 + 500) * run->Column("d", "f", 3, kInflow)[r]).epsilon(1e-12));
}

TEST_CASE("Bekostiging lever: cost_per_place with a budget per year is not silently ignored",
          "[levers]") {
  // For a form, lump_sum.cost_per_place with a budget per calendar year is an error ("needs a
  // single budget_per_year"); the lever accepts it and sets no places.
  const std::string domain = R"("arrivals_per_day": 1, "routing": {"f": 1},
    "forms": {"f": {"duration": {"type": "fixed", "value": 30}, "tariff": {"amount": 100, "per": "day"}}})";
  const std::string lever =
      R"("levers": {"lumpsum": {"type": "bekostiging", "domain": "d", "from": "2027-01-01",
      "lump_sum": {"budget_per_year": {"2027": 1000000, "2028": 1000000}, "cost_per_place": 80000}}},)";
  Model m;
  const auto problems = LoadText(Scenario(domain, lever), &m);
  const bool places_set = !problems.empty() || m.nodes[0].capacity.back().places == 12;
  CHECK(places_set);
}

}  // namespace sdsim::testing
