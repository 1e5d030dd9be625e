// sdsim sweep (real binary): grid sweep.csv, skipped points, missing parent keys, nl dialect.
#include <catch2/catch.hpp>
#include <filesystem>

#include "pair_testing.h"

namespace sdsim::testing {
namespace {

const char kBase[] = R"({"name": "basis", "start_date": "2025-01-01", "end_date": "2026-12-31",
  "domains": {"d": {"arrivals_per_year": 100, "routing": {"f": 1},
    "forms": {"f": {"capacity": 10, "duration": {"type": "exponential", "mean": 60},
                    "tariff": {"amount": 50, "per": "day"}}}}},
  "levers": {"x": {"type": "inflow", "domain": "d", "change": -0.1, "from": "2026-01-01"}}})";

const std::vector<std::string>& SummaryColumns() {
  static const std::vector<std::string> cols = {
      "scenario", "domain", "form",   "pillar", "taakveld",     "payer", "age_band",
      "cohort",   "year",   "period", "metric", "replications", "mean",  "sd",
      "p5",       "p25",    "p50",    "p75",    "p95"};
  return cols;
}

std::vector<std::string> Tail(const std::vector<std::string>& row, size_t skip) {
  return std::vector<std::string>(row.begin() + static_cast<long>(skip), row.end());
}

}  // namespace

TEST_CASE("sweep: a 2 x 2 grid, one lead column per key, the same numbers as plain runs",
          "[sweep][cli][threads]") {
  TempDir dir;
  const std::string base = dir.Write("base.json", kBase);
  const std::string args = " -r 20 -s 3 -t 2 -q";
  std::string out;
  REQUIRE(RunSdsim("sweep " + base +
                       " --vary domains.d.forms.f.capacity=5,10 --vary "
                       "/domains/d/arrivals_per_year=100,200" +
                       args + " --out " + dir.path() + "/sw",
                   &out) == 0);
  CHECK_THAT(out, Catch::Contains("4 of 4 points finished"));
  const CsvTable sweep = ParseCsvTable(ReadText(dir.path() + "/sw/sweep.csv"));
  std::vector<std::string> header = {"domains.d.forms.f.capacity", "/domains/d/arrivals_per_year"};
  header.insert(header.end(), SummaryColumns().begin(), SummaryColumns().end());
  CHECK(sweep.header == header);
  // Each point has as many rows as summary.csv of one run; points in grid order, last key fastest.
  REQUIRE(RunSdsim("run " + base + args + " --out " + dir.path() + "/plain", &out) == 0);
  const CsvTable plain = ParseCsvTable(ReadText(dir.path() + "/plain/summary.csv"));
  const size_t n = plain.rows.size();
  REQUIRE(n > 50);
  REQUIRE(sweep.rows.size() == 4 * n);
  const std::pair<std::string, std::string> points[4] = {
      {"5", "100"}, {"5", "200"}, {"10", "100"}, {"10", "200"}};
  for (size_t i = 0; i < sweep.rows.size(); ++i) {
    const auto& row = sweep.rows[i];
    INFO("row " << i);
    REQUIRE(row.size() == header.size());
    CHECK(row[0] == points[i / n].first);
    CHECK(row[1] == points[i / n].second);
    CHECK(row[2] == "basis");
  }
  // The point (10, 100) is the base itself; (5, 200) equals a run of that variant.
  for (size_t i = 0; i < n; ++i) CHECK(Tail(sweep.rows[2 * n + i], 2) == plain.rows[i]);
  std::string variant = kBase;
  variant.replace(variant.find(R"("capacity": 10)"), 14, R"("capacity": 5)");
  variant.replace(variant.find(R"("arrivals_per_year": 100)"), 24, R"("arrivals_per_year": 200)");
  REQUIRE(
      RunSdsim("run " + dir.Write("v/basis.json", variant) + args + " --out " + dir.path() + "/v5",
               &out) == 0);
  const CsvTable v5 = ParseCsvTable(ReadText(dir.path() + "/v5/summary.csv"));
  REQUIRE(v5.rows.size() == n);
  for (size_t i = 0; i < n; ++i) CHECK(Tail(sweep.rows[n + i], 2) == v5.rows[i]);
  const auto manifest = nlohmann::json::parse(ReadText(dir.path() + "/sw/manifest.json"));
  CHECK(manifest["sweep"]["points"] == 4);
  CHECK(manifest["sweep"]["finished"] == 4);
  CHECK(manifest["sweep"]["failed"].empty());
}

TEST_CASE("sweep: a lever's size on common random numbers", "[sweep][cli][levers]") {
  // All points use the same seed: 2025, before the lever, is identical in every point.
  TempDir dir;
  const std::string base = dir.Write("base.json", kBase);
  std::string out;
  REQUIRE(RunSdsim("sweep " + base + " --vary levers.x.change=0,-0.5 -r 30 -s 4 -q --out " +
                       dir.path() + "/sw",
                   &out) == 0);
  const CsvTable t = ParseCsvTable(ReadText(dir.path() + "/sw/sweep.csv"));
  auto value = [&](const std::string& change, const std::string& year, const std::string& col) {
    return t.Get(t.One({{"levers.x.change", change},
                        {"domain", "d"},
                        {"form", "all"},
                        {"pillar", "all"},
                        {"taakveld", "all"},
                        {"payer", "all"},
                        {"age_band", "all"},
                        {"period", year},
                        {"metric", "requests"}}),
                 col);
  };
  for (const char* col : {"mean", "sd", "p5", "p95"})
    CHECK(value("0", "2025", col) == value("-0.5", "2025", col));
  const double full = CsvNumber(value("0", "2026", "mean")),
               half = CsvNumber(value("-0.5", "2026", "mean"));
  CHECK(half / full == Approx(0.5).margin(0.08));
}

TEST_CASE("sweep: a point with an invalid value is skipped and named, the others are kept",
          "[sweep][cli]") {
  TempDir dir;
  const std::string base = dir.Write("base.json", kBase);
  std::string out;
  const int rc =
      RunSdsim("sweep " + base + " --vary domains.d.forms.f.capacity=5,-1,10 -r 10 -q --out " +
                   dir.path() + "/sw",
               &out);
  INFO(out);
  CHECK(rc == 1);
  CHECK_THAT(out, Catch::Contains("point 2") && Catch::Contains("skipped") &&
                      Catch::Contains("--vary domains.d.forms.f.capacity"));
  CHECK_THAT(out, Catch::Contains("2 of 3 points finished, 1 skipped"));
  const CsvTable t = ParseCsvTable(ReadText(dir.path() + "/sw/sweep.csv"));
  REQUIRE(!t.rows.empty());
  CHECK(t.Where({{"domains.d.forms.f.capacity", "5"}}).size() == t.Where({}).size() / 2);
  CHECK(t.Where({{"domains.d.forms.f.capacity", "10"}}).size() == t.Where({}).size() / 2);
  CHECK(t.Where({{"domains.d.forms.f.capacity", "-1"}}).empty());
  const auto manifest = nlohmann::json::parse(ReadText(dir.path() + "/sw/manifest.json"));
  CHECK(manifest["sweep"]["finished"] == 2);
  REQUIRE(manifest["sweep"]["failed"].size() == 1);
  CHECK(manifest["sweep"]["failed"][0]["point"] == 2);
}

TEST_CASE("sweep: a key whose parent does not exist is rejected before running", "[sweep][cli]") {
  TempDir dir;
  const std::string base = dir.Write("base.json", kBase);
  for (const std::string key :
       {"domains.d.forms.nope.capacity", "/domains/e/forms/f/capacity", "levers.y.change"}) {
    std::string out;
    const int rc = RunSdsim(
        "sweep " + base + " --vary " + key + "=1,2 -r 5 -q --out " + dir.path() + "/sw", &out);
    INFO(key << ": " << out);
    CHECK(rc == 1);
    CHECK_THAT(out, Catch::Contains("--vary " + key) && Catch::Contains("does not exist"));
    CHECK_THAT(out, !Catch::Contains("point 1"));  // nothing was run
    CHECK_FALSE(std::filesystem::exists(dir.path() + "/sw"));
  }
  // A new key under an existing parent is fine (a key the form did not have).
  std::string out;
  CHECK(RunSdsim("sweep " + base +
                     " --vary domains.d.forms.f.wlz_exit_per_year=0,0.1 -r 5 -q --out " +
                     dir.path() + "/ok",
                 &out) == 0);
}

TEST_CASE("sweep: the nl dialect", "[sweep][cli]") {
  TempDir dir;
  const std::string base = dir.Write("base.json", kBase);
  std::string out;
  REQUIRE(RunSdsim("sweep " + base +
                       " --vary domains.d.forms.f.tariff.amount=50.5,60 -r 10 -q --csv nl --out " +
                       dir.path() + "/sw",
                   &out) == 0);
  const std::string text = ReadText(dir.path() + "/sw/sweep.csv");
  REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);  // byte-order mark, once
  CHECK(text.find("\xEF\xBB\xBF", 3) == std::string::npos);
  CHECK(text.rfind("\xEF\xBB\xBF"
                   "domains.d.forms.f.tariff.amount;scenario;domain;form;",
                   0) == 0);
  const CsvTable t = ParseCsvTable(text, ';');
  REQUIRE(t.rows.size() % 2 == 0);
  const size_t n = t.rows.size() / 2;
  CHECK(t.rows[0][0] == "50,5");
  CHECK(t.rows[n][0] == "60");
  // Costs scale with the tariff (the same clients at both points): 60 / 50.5.
  auto cost = [&](const std::string& v) {
    return CsvNumber(t.Get(t.One({{"domains.d.forms.f.tariff.amount", v},
                                  {"domain", "d"},
                                  {"form", "f"},
                                  {"period", "2026"},
                                  {"metric", "cost"}}),
                           "mean"),
                     ',');
  };
  CHECK(cost("60") / cost("50,5") == Approx(60 / 50.5).epsilon(1e-12));
}

}  // namespace sdsim::testing
