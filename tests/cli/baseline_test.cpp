// Which scenario is the baseline, from the user's side (the real binary): chosen by meaning — the
// file the others extend, or the one marked "baseline": true — never by the order of the files;
// when it is not clear, an error that says what to do, and nothing is run or written.
#include <catch2/catch.hpp>
#include <filesystem>

#include "pair_testing.h"

namespace sdsim::testing {
namespace {

const char kBase[] = R"({"name": "baseline", "start_date": "2025-01-01", "end_date": "2026-12-31",
  "domains": {"jeugd": {"arrivals_per_year": 200, "routing": {"f": 1},
    "forms": {"f": {"duration": {"type": "exponential", "mean": 200},
                    "tariff": {"amount": 50, "per": "day"}, "initial": {"clients": 100}}}}}})";

std::string Lever(const std::string& name, double change) {
  return R"({"extends": "baseline.json", "name": ")" + name + R"(", "levers": {")" + name +
         R"(": {"type": "inflow", "domain": "jeugd", "change": )" + std::to_string(change) +
         R"(, "from": "2026-01-01"}}})";
}

std::string Relative(std::string out, const TempDir& dir) {
  const std::string prefix = dir.path() + "/";
  for (size_t at; (at = out.find(prefix)) != std::string::npos;) out.erase(at, prefix.size());
  return out;
}

}  // namespace

TEST_CASE("baseline: the file the others extend, whatever the order of the files",
          "[cli][baseline]") {
  TempDir dir;
  const std::string base = dir.Write("baseline.json", kBase);
  const std::string teams = dir.Write("lokale_teams.json", Lever("lokale_teams", -0.2));
  // A file extending a file extending the baseline counts too.
  const std::string both =
      dir.Write("combinatie.json", R"({"extends": "lokale_teams.json", "name": "combinatie"})");
  std::string out;
  REQUIRE(RunSdsim("run " + teams + " " + both + " " + base + " -r 5 -q --out " + dir.path() + "/o",
                   &out) == 0);
  CHECK_THAT(Relative(out, dir),
             Catch::Contains("  the baseline is baseline.json (every other file extends it)"));
  CHECK_THAT(out, Catch::Contains("lokale_teams vs baseline (paired)") &&
                      Catch::Contains("combinatie vs baseline (paired)"));
  // The cost table shows the baseline per domain and the others one line each, not the baseline
  // first because it came first on the command line.
  CHECK_THAT(
      out,
      Catch::StartsWith("sdsim:") &&
          Catch::Contains("\n  baseline: cost paid by the gemeente x EUR 1,000, mean per domain") &&
          Catch::Contains("  the other scenarios: cost paid by the gemeente x EUR 1,000, mean") &&
          !Catch::Contains("  lokale_teams: cost"));
  const CsvTable cmp = ParseCsvTable(ReadText(dir.path() + "/o/compare.csv"));
  REQUIRE(!cmp.rows.empty());
  CHECK(cmp.Where({{"baseline", "baseline"}}).size() == cmp.rows.size());
  CHECK(cmp.Where({{"scenario", "baseline"}}).empty());
}

TEST_CASE("baseline: a file marked \"baseline\": true, the mark is not inherited",
          "[cli][baseline]") {
  TempDir dir;
  std::string marked = kBase;
  marked.insert(1, R"("baseline": true, )");
  const std::string a = dir.Write("a.json", Lever("a", -0.1));
  const std::string base = dir.Write("baseline.json", marked);
  // b extends nothing the others share; the mark settles it.
  std::string other = kBase;
  other.replace(other.find("\"baseline\""), 10, "\"andere\"");
  const std::string b = dir.Write("b.json", other);
  std::string out;
  REQUIRE(RunSdsim("run " + a + " " + b + " " + base + " -r 5 -q --out " + dir.path() + "/o",
                   &out) == 0);
  CHECK_THAT(Relative(out, dir),
             Catch::Contains("  the baseline is baseline.json (marked \"baseline\": true)"));
  // a.json extends the marked file but is not a baseline itself: two files, no clash.
  const auto manifest = nlohmann::json::parse(ReadText(dir.path() + "/o/manifest.json"));
  CHECK_FALSE(manifest["scenarios"][0]["resolved"].contains("baseline"));
  CHECK(manifest["scenarios"][2]["resolved"]["baseline"] == true);
}

TEST_CASE("baseline: not clear is an error with a suggestion, and nothing runs",
          "[cli][baseline]") {
  TempDir dir;
  dir.Write("baseline.json", kBase);
  const std::string teams = dir.Write("lokale_teams.json", Lever("lokale_teams", -0.2));
  const std::string prev = dir.Write("preventie.json", Lever("preventie", -0.1));
  std::string out;
  CHECK(RunSdsim("run " + teams + " " + prev + " -r 5 -q --out " + dir.path() + "/o", &out) == 2);
  CHECK(Relative(out, dir) ==
        "sdsim run: which scenario is the baseline is not clear: none of lokale_teams.json and "
        "preventie.json is extended by all the others, and none is marked \"baseline\": true; "
        "add baseline.json (which they all extend) to the files, or name the baseline with "
        "--baseline FILE (e.g. --baseline lokale_teams.json), or add \"baseline\": true to it\n");
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/o"));
  // The suggestion works.
  CHECK(RunSdsim("run " + teams + " " + prev + " --baseline " + dir.path() + "/baseline.json" +
                     " -r 5 -q --out " + dir.path() + "/o",
                 &out) == 0);
  // Two marked files: which one?
  std::string marked = kBase;
  marked.insert(1, R"("baseline": true, )");
  const std::string m1 = dir.Write("m1.json", marked);
  marked.replace(marked.find("\"name\": \"baseline\""), 18, "\"name\": \"m2\"");
  const std::string m2 = dir.Write("m2.json", marked);
  CHECK(RunSdsim("run " + m1 + " " + m2 + " -r 5 -q --out " + dir.path() + "/m", &out) == 2);
  CHECK(Relative(out, dir) ==
        "sdsim run: m1.json and m2.json are all marked \"baseline\": true; mark one, or name it "
        "with --baseline FILE\n");
}

TEST_CASE("baseline: a back-cast over other years runs along but is not compared",
          "[cli][baseline]") {
  // `sdsim run scenarios/dronten/*.json` takes history.json (2018-2024) along with the 2025-2029
  // scenarios: it is simulated, but a difference per year between other years means nothing.
  TempDir dir;
  const std::string base = dir.Write("baseline.json", kBase);
  const std::string teams = dir.Write("lokale_teams.json", Lever("lokale_teams", -0.2));
  const std::string history =
      dir.Write("history.json",
                R"({"extends": "baseline.json", "name": "history", "start_date": "2018-01-01",
          "end_date": "2020-09-30"})");
  std::string out;
  REQUIRE(
      RunSdsim("run " + history + " " + teams + " " + base + " -r 5 -q --out " + dir.path() + "/o",
               &out) == 0);
  CHECK_THAT(out, Catch::Contains("    history covers 2018-01-01 to 2020-09-30: not compared with "
                                  "baseline (2025-01-01 to 2026-12-31); its figures are in "
                                  "summary.csv\n"));
  CHECK_THAT(out, Catch::Contains("lokale_teams vs baseline (paired)") &&
                      !Catch::Contains("history vs baseline"));
  const CsvTable cmp = ParseCsvTable(ReadText(dir.path() + "/o/compare.csv"));
  CHECK(cmp.Where({{"scenario", "history"}}).empty());
  CHECK(!cmp.Where({{"scenario", "lokale_teams"}}).empty());
  const CsvTable sum = ParseCsvTable(ReadText(dir.path() + "/o/summary.csv"));
  CHECK(sum.Where({{"scenario", "history"}, {"level", "total"}, {"metric", "cost"}}).size() == 3);
}

}  // namespace sdsim::testing
