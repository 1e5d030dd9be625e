// Plausibility warnings, from the user's side: a consistent municipality file (basis.json), files
// that extend it with one typical slip each, `sdsim validate` (the real binary) and the exact line
// the user reads. Then --strict, a run that goes on with its warnings, the year without an
// indexation figure carried forward (in summary.csv and manifest.json), and the shipped scenario
// files, which must not warn.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "pair_testing.h"

namespace sdsim::testing {
namespace {

// Consistent: each form's stock equals its inflow x mean duration (jeugd: 86.45 requests a year,
// 80% begeleiding x 1 year = 69 and 20% verblijf x 2 years = 35; wmo: 180 a year x 2 years =
// 360), and every price lies within the Dutch range for its kind of care.
const char kBasis[] = R"({"name": "basis", "start_date": "2025-01-01", "end_date": "2026-12-31",
 "indexation": {"base_year": 2025, "rates": {"2026": 0.035}},
 "population": {"bands": {"0-17": {"count": 8645, "growth_per_year": 0.005},
                          "18+": {"count": 36000, "growth_per_year": 0.01}}},
 "domains": {
   "jeugd": {"band": "0-17", "volatility": 0.1,
     "demand": {"toegang": {"per_1000": 10, "trend_per_year": 0.02,
                            "routing": {"begeleiding": 0.8, "verblijf": 0.2}}},
     "forms": {
       "begeleiding": {"capacity": 100, "duration": {"type": "exponential", "mean": 1, "unit": "years"},
                       "tariff": {"amount": 8000, "per": "year"}, "initial": {"clients": 70}},
       "verblijf": {"duration": {"type": "lognormal", "mean": 2, "sd": 1.5, "unit": "years"},
                    "tariff": {"amount": 90000, "per": "year"}, "initial": {"clients": 35}}}},
   "wmo": {"band": "18+",
     "demand": {"aanvragen": {"per_1000": 5, "routing": {"begeleiding": 1}}},
     "cost_lines": {"uitvoering": {"amount_per_year": 250000}},
     "forms": {"begeleiding": {"duration": {"type": "exponential", "mean": 2, "unit": "years"},
                               "tariff": {"amount": 550, "per": "month"},
                               "initial": {"clients": 360}}}}}})";

// A file that extends basis.json with `body`.
std::string Variant(const std::string& name, const std::string& body) {
  return R"({"extends": "basis.json", "name": ")" + name + R"(", )" + body + "}";
}

std::string Relative(std::string out, const TempDir& dir) {
  const std::string prefix = dir.path() + "/";
  for (size_t at; (at = out.find(prefix)) != std::string::npos;) out.erase(at, prefix.size());
  return out;
}

struct Slip {
  const char* name;  // the file
  const char* body;  // what it changes
  const char* line;  // the warning the user reads
};

const Slip kSlips[] = {
    {"aantal", R"("population": {"bands": {"0-17": {"count": 8.645}}})",
     "aantal.json: /population/bands/0-17/count: warning: a number of inhabitants with decimals "
     "(value: 8.645); probably 8645 (in JSON a point is the decimal point, so 8.645 means 8.645, "
     "not 8645; write numbers without a thousands separator)"},
    {"duizend", R"("population": {"bands": {"18+": {"count": 36}}})",
     "duizend.json: /population/bands/18+/count: warning: fewer inhabitants than the 360 clients "
     "in "
     "care on the start date in wmo, whose demand and clients_per_1000 are counted against this "
     "band (value: 36); probably the number of inhabitants (36000 if it was typed in thousands)"},
    {"tarief", R"("domains": {"jeugd": {"forms": {"verblijf": {"tariff": {"amount": 90.000}}}}})",
     "tarief.json: /domains/jeugd/forms/verblijf/tariff: warning: costs EUR 90 per client-year in "
     "2025, far below the Dutch range for residential youth care (verblijf) of EUR 60,000-120,000 "
     "per client-year (scenarios/README.md, Dutch cost ranges) (value: "
     "{\"amount\":90.0,\"per\":\"year\"}); probably \"amount\": 90000 (in JSON a point is the "
     "decimal point, so 90.000 means 90, not 90000; write numbers without a thousands separator)"},
    {"maand", R"("domains": {"wmo": {"forms": {"begeleiding": {"tariff": {"per": "year"}}}}})",
     "maand.json: /domains/wmo/forms/begeleiding/tariff: warning: costs EUR 550 per client-year in "
     "2025, far below the Dutch range for Wmo ondersteuning thuis of EUR 6,000-7,000 per "
     "client-year (scenarios/README.md, Dutch cost ranges) (value: "
     "{\"amount\":550,\"per\":\"year\"}); probably \"per\": \"month\" (550 per month is EUR 6,600 "
     "per client-year)"},
    {"volatiliteit", R"("domains": {"jeugd": {"volatility": 10}})",
     "volatiliteit.json: /domains/jeugd/volatility: warning: a yearly demand factor with a "
     "standard deviation of 1000%; national jeugdhulp use swung about 20% in a year (value: 10); "
     "probably 0.1 if you meant 10% (a fraction: 10% is 0.1)"},
    {"groei", R"("population": {"bands": {"18+": {"growth_per_year": 0.5}}})",
     "groei.json: /population/bands/18+/growth_per_year: warning: a population growth of 50% a "
     "year; Dronten's fastest-growing band (75+) grows about 6% a year (value: 0.5); probably "
     "0.005 if you meant 0.5% (a fraction: 1.2% is 0.012)"},
    {"trend", R"("domains": {"jeugd": {"demand": {"toegang": {"trend_per_year": 1}}}})",
     "trend.json: /domains/jeugd/demand/toegang/trend_per_year: warning: a demand trend of 100% a "
     "year; national jeugdhulp use rose about 2% a year (value: 1); probably 0.01 if you meant 1% "
     "(a fraction: 1.2% is 0.012)"},
    {"index", R"("indexation": {"rates": {"2026": 0.5}})",
     "index.json: /indexation/rates/2026: warning: a price change of 50% in one year; VNG "
     "indexation peaked at 6.43% (2023) (value: 0.5); probably 0.005 if you meant 0.5%"},
    {"plaatsen",
     R"("domains": {"jeugd": {"forms": {"begeleiding": {"initial": {"clients": 250}}}}})",
     "plaatsen.json: /domains/jeugd/forms/begeleiding/initial/clients: warning: 250 clients in "
     "care "
     "on the start date, but the form has 100 places (the capacity comes from basis.json): no one "
     "starts until fewer than 100 are in care, so new clients wait from the first day and the "
     "waiting list grows (value: 250); probably \"capacity\" of at least 250 (the places you "
     "contract), or check the number of clients"},
    {"voorraad",
     R"("domains": {"jeugd": {"forms": {"verblijf": {"duration": {"mean": 4, "sd": 3}, "initial": {"clients": 22}}}}})",
     "voorraad.json: /domains/jeugd/forms/verblijf/initial/clients: warning: 22 clients in care on "
     "the start date, but about 17.3 start a year (the routing and transitions of this file) and "
     "stay 4 years on average: a steady flow keeps about 69 in care, so the caseload drifts toward "
     "69 over the first years, which looks like a trend but comes from the start (value: 22); "
     "probably about 69 clients, or check this form's inflow shares and duration"},
    {"horizon", R"("end_date": "2027-12-31")",
     "basis.json: /indexation/rates: warning: no indexation figure for 2027 inside the horizon (to "
     "2027-12-31): the 2026 rate (3.5%) is carried forward (manifest.json records this) (value: "
     "{\"2026\":0.035}); probably \"2027\": 0.035 for now; put in the VNG figure once it is "
     "published"},
    {"kosten", R"("domains": {"wmo": {"cost_lines": {"uitvoering": {"amount_per_year": 250.5}}}})",
     "kosten.json: /domains/wmo/cost_lines/uitvoering/amount_per_year: warning: a cost line of EUR "
     "250.50 a year (value: 250.5); probably 250500 (in JSON a point is the decimal point, so "
     "250.500 means 250.5, not 250500; write numbers without a thousands separator)"},
    {"fte", R"("domains": {"wmo": {"cost_lines": {"team": {"fte": 3, "cost_per_fte": 85.000}}}})",
     "fte.json: /domains/wmo/cost_lines/team/cost_per_fte: warning: a cost per FTE of EUR 85 a "
     "year; an FTE costs a municipality EUR 60,000-120,000 (value: 85.0); probably 85000 (in JSON "
     "a point is the decimal point, so 85.000 means 85, not 85000; write numbers without a "
     "thousands separator)"},
    {"hefboom",
     R"("levers": {"preventie": {"type": "inflow", "domain": "jeugd", "change": 10, "from": "2026-01-01"}})",
     "hefboom.json: /levers/preventie/change: warning: a change of +1000% (the lever multiplies by "
     "1 + change) (value: 10); probably 0.1 if you meant +10% (a fraction: 10% more is 0.10, 10% "
     "less is -0.10)"},
};

}  // namespace

TEST_CASE("plausibility: the consistent file gives no warning", "[scenario][plausibility][cli]") {
  TempDir dir;
  const std::string basis = dir.Write("basis.json", kBasis);
  std::string out;
  CHECK(RunSdsim("validate " + basis, &out) == 0);
  CHECK(Relative(out, dir) ==
        "basis.json: ok (scenario \"basis\", 2 domains, 3 care forms, 0 targets, 2025-01-01 .. "
        "2026-12-31)\n");
}

TEST_CASE("plausibility: each typical slip gives its warning, and validate still says ok",
          "[scenario][plausibility][cli]") {
  TempDir dir;
  dir.Write("basis.json", kBasis);
  for (const Slip& s : kSlips) {
    INFO(s.name);
    const std::string file = dir.Write(std::string(s.name) + ".json", Variant(s.name, s.body));
    std::string out;
    CHECK(RunSdsim("validate " + file, &out) == 0);
    const std::string expected =
        std::string(s.line) +
        "\nsdsim: 1 warning: allowed values that look mistyped; check them (--strict makes "
        "warnings errors).\n" +
        s.name + ".json: ok with 1 warning (scenario \"" + s.name + "\"";
    CHECK(Relative(out, dir).rfind(expected, 0) == 0);
  }
}

TEST_CASE("plausibility: --strict makes warnings errors, a run without it goes on",
          "[scenario][plausibility][cli]") {
  TempDir dir;
  dir.Write("basis.json", kBasis);
  const std::string file = dir.Write("volatiliteit.json", Variant("volatiliteit", kSlips[4].body));
  std::string out;
  CHECK(RunSdsim("validate --strict " + file, &out) == 1);
  CHECK(Relative(out, dir) ==
        std::string(kSlips[4].line) +
            "\nsdsim: 1 warning, errors under --strict; nothing was run or written.\n");
  CHECK(RunSdsim("run " + file + " -r 2 -q --strict --out " + dir.path() + "/strict", &out) == 1);
  CHECK_THAT(out, Catch::Contains("errors under --strict"));
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/strict"));
  REQUIRE(RunSdsim("run " + file + " -r 2 -q --out " + dir.path() + "/run", &out) == 0);
  CHECK_THAT(Relative(out, dir), Catch::Contains(kSlips[4].line));
  CHECK(std::filesystem::exists(dir.path() + "/run/summary.csv"));
}

TEST_CASE("horizon: a year without an indexation figure uses the last known one, and says so",
          "[scenario][plausibility][cli]") {
  // Prices are indexed from 2025: the fixed cost line of 250,000 costs 250,000 x 1.035 in 2026
  // and, without a 2027 figure, 250,000 x 1.035^2 in 2027 (not 0% as before).
  TempDir dir;
  dir.Write("basis.json", kBasis);
  const std::string file = dir.Write("horizon.json", Variant("horizon", kSlips[10].body));
  std::string out;
  REQUIRE(RunSdsim("run " + file + " -r 2 -q --out " + dir.path() + "/h", &out) == 0);
  const CsvTable t = ParseCsvTable(ReadText(dir.path() + "/h/summary.csv"));
  auto cost = [&](const std::string& year) {
    return CsvNumber(
        t.Get(t.One({{"form", "uitvoering"}, {"period", year}, {"metric", "cost"}}), "mean"));
  };
  CHECK(cost("2025") == 250000);
  CHECK(cost("2026") == Approx(250000 * 1.035).epsilon(1e-12));
  CHECK(cost("2027") == Approx(250000 * 1.035 * 1.035).epsilon(1e-12));
  const auto manifest = nlohmann::json::parse(ReadText(dir.path() + "/h/manifest.json"));
  const auto& ix = manifest["scenarios"][0]["indexation"];
  REQUIRE(ix.size() == 2);
  CHECK(ix[0] == nlohmann::json({{"year", 2026}, {"rate", 0.035}, {"source", "given"}}));
  CHECK(ix[1] ==
        nlohmann::json({{"year", 2027},
                        {"rate", 0.035},
                        {"source", "no figure for 2027: the 2026 rate is carried forward"}}));
}

TEST_CASE("validate --costs: each form's cost per client-year next to the Dutch range",
          "[scenario][plausibility][cli]") {
  TempDir dir;
  dir.Write("basis.json", kBasis);
  const std::string file = dir.Write("maand.json", Variant("maand", kSlips[3].body));
  std::string out;
  CHECK(RunSdsim("validate --costs " + file, &out) == 0);
  CHECK_THAT(out,
             Catch::EndsWith(
                 "cost per client-year in 2025 of scenario \"maand\" (Dutch ranges: "
                 "scenarios/README.md):\n"
                 "  jeugd.begeleiding                EUR 8,000  within ambulant jeugdhulp EUR "
                 "4,000-10,000\n"
                 "  jeugd.verblijf                  EUR 90,000  within residential youth care "
                 "(verblijf) EUR 60,000-120,000\n"
                 "  wmo.begeleiding                    EUR 550  below  Wmo ondersteuning thuis "
                 "EUR 6,000-7,000\n"));
}

TEST_CASE("plausibility: the shipped scenario files give no warning", "[scenario][plausibility]") {
  std::string files;
  // The example's back-test files start in 2022 at 2025 prices without earlier figures (a
  // back-cast: no warning) and carry fitted demand trends of up to 40% a year for small groups.
  for (const char* folder : {"scenarios/dronten", "scenarios/bench", "scenarios/example"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(SourcePath(folder)))
      if (e.path().extension() == ".json") files += " " + e.path().string();
  std::string out;
  CHECK(RunSdsim("validate --strict" + files, &out) == 0);
  CHECK_THAT(out, !Catch::Contains("warning"));
}

}  // namespace sdsim::testing
