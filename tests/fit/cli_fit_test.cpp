// The real sdsim binary: fit on the example municipality gives a scenario that validate accepts
// and run runs; backtest writes backtest.csv; bad inputs and flags are refused with nothing
// written.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "testing.h"

namespace sdsim::testing {
namespace {

namespace fs = std::filesystem;

std::string Example(const char* file) {
  return "'" + SourcePath(std::string("scenarios/example/") + file) + "'";
}

TEST_CASE("sdsim fit: the fitted baseline validates and runs", "[fit][cli]") {
  TempDir dir;
  const std::string out = dir.path() + "/fitted/baseline.json";
  std::string output;
  REQUIRE(RunSdsim("fit " + Example("records.csv") + " --population " + Example("population.csv") +
                       " --from 2019-01-01 --extends " + Example("contracts.json") + " --out '" +
                       out + "'",
                   &output) == 0);
  CHECK(output.find("jeugd.ambulant") != std::string::npos);
  CHECK(output.find("age limit 18") != std::string::npos);
  REQUIRE(fs::exists(dir.path() + "/fitted/fit_report.csv"));
  CHECK(ReadText(dir.path() + "/fitted/fit_report.csv")
            .rfind("domain,form,section,parameter,value,se,ci_low,ci_high,n,note\n", 0) == 0);
  const std::string text = ReadText(out);
  CHECK(text.find("\"extends\": \"") != std::string::npos);
  CHECK(text.find("\"start_date\": \"2025-01-01\"") != std::string::npos);
  CHECK(text.find("fit: inflow jeugd.ambulant") != std::string::npos);
  REQUIRE(RunSdsim("validate '" + out + "'", &output) == 0);
  REQUIRE(RunSdsim("run '" + out + "' -r 20 -q --out '" + dir.path() + "/run'", &output) == 0);
  // A second fit to the same file is refused (an output error, like run's existing --out);
  // --force replaces it.
  CHECK(RunSdsim("fit " + Example("records.csv") + " --population " + Example("population.csv") +
                     " --out '" + out + "'",
                 &output) == 3);
  CHECK(output.find("exists; choose another --out or add --force") != std::string::npos);
  REQUIRE(RunSdsim("fit " + Example("records.csv") + " --population " + Example("population.csv") +
                       " --no-parameter-uncertainty --force --out '" + out + "'",
                   &output) == 0);
  CHECK(ReadText(out).find("\"levers\"") == std::string::npos);
}

TEST_CASE("sdsim fit: bad records or flags, nothing written", "[fit][cli]") {
  TempDir dir;
  const std::string records =
      dir.Write("records.csv",
                "client_id,birth_date,domain,form,start_date,end_date,end_reason\n"
                "a,2010-01-01,jeugd,ambulant,2021-02-01,2021-13-01,afgerond\n");
  const std::string out = dir.path() + "/out/baseline.json";
  std::string output;
  CHECK(RunSdsim("fit '" + records + "' --population " + Example("population.csv") + " --out '" +
                     out + "'",
                 &output) == 1);
  CHECK(output.find("records.csv:2: column 6 (end_date): value \"2021-13-01\": is not a date") !=
        std::string::npos);
  CHECK(!fs::exists(dir.path() + "/out"));
  CHECK(RunSdsim("fit '" + records + "'", &output) == 2);
  CHECK(output.find("sdsim fit: --population FILE is required") != std::string::npos);
  CHECK(RunSdsim("fit '" + records + "' --population x.csv --from 2021-02-30", &output) == 2);
  CHECK(output.find("--from \"2021-02-30\" is not a date") != std::string::npos);
}

TEST_CASE("sdsim backtest: backtest.csv compares the fitted projection with the records",
          "[fit][cli]") {
  TempDir dir;
  const std::string out = dir.path() + "/bt";
  std::string output;
  REQUIRE(RunSdsim("backtest " + Example("records.csv") + " --population " +
                       Example("population.csv") + " --from 2019-01-01 --origins 2024-01-01 " +
                       "--horizon 1 -r 100 -q --extends " + Example("contracts.json") + " --out '" +
                       out + "'",
                   &output) == 0);
  CHECK(output.find("MAPE") != std::string::npos);
  const std::string csv = ReadText(out + "/backtest.csv");
  CHECK(csv.rfind("origin,year,domain,form,metric,realised,mean,p5,p95,error,within_band\n", 0) ==
        0);
  CHECK(csv.find("2024-01-01,2024,jeugd,ambulant,clients_end,") != std::string::npos);
  CHECK(csv.find("2024-01-01,2024,wmo,all,cost_error_price,") != std::string::npos);
  CHECK(fs::exists(out + "/origin_2024-01-01/baseline.json"));
  // An origin after the records' end: nothing to compare, said so.
  CHECK(RunSdsim("backtest " + Example("records.csv") + " --population " +
                     Example("population.csv") + " --origins 2025-01-01 -r 5 -q --out '" +
                     dir.path() + "/bt2'",
                 &output) == 0);
  CHECK(output.find("nothing to compare") != std::string::npos);
  CHECK(RunSdsim("backtest " + Example("records.csv") + " --population x.csv", &output) == 2);
  CHECK(output.find("--origins is required") != std::string::npos);
}

}  // namespace
}  // namespace sdsim::testing
