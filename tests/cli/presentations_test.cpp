// sdsim run's views beside the CSV files (real binary): report.html by default, results.xlsx with
// --xlsx, neither half-written when the run is interrupted or a view cannot be made, and the
// options that choose them.
#include <signal.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "office_testing.h"

namespace sdsim::testing {
namespace {

namespace fs = std::filesystem;

std::string Reference() { return ShellQuote(SourcePath("scenarios/bench/reference.json")); }

TEST_CASE("run: report.html by default, results.xlsx with --xlsx, --no-report, --labels",
          "[cli][report]") {
  TempDir dir;
  std::string out;
  REQUIRE(RunSdsim("run " + Reference() + " -r 5 -q --xlsx --out " + dir.path() + "/a", &out) == 0);
  CHECK(fs::file_size(dir.path() + "/a/report.html") > 10000);
  const std::string xlsx = ReadText(dir.path() + "/a/results.xlsx");
  CHECK(xlsx.rfind("PK\x03\x04", 0) == 0);  // a zip container, as .xlsx files are
  CHECK_THAT(out, Catch::Contains("results.xlsx report.html manifest.json"));
  CHECK_THAT(ReadText(dir.path() + "/a/manifest.json"),
             Catch::Contains("\"results.xlsx\"") && Catch::Contains("\"report.html\""));
  CHECK_THAT(ReadText(dir.path() + "/a/report.html"), Catch::Contains("lang=\"nl\""));

  REQUIRE(
      RunSdsim("run " + Reference() + " -r 5 -q --no-report --labels en --out " + dir.path() + "/b",
               &out) == 0);
  CHECK_FALSE(fs::exists(dir.path() + "/b/report.html"));
  CHECK_FALSE(fs::exists(dir.path() + "/b/results.xlsx"));
  REQUIRE(RunSdsim("run " + Reference() + " -r 5 -q --labels en --out " + dir.path() + "/c",
                   &out) == 0);
  CHECK_THAT(ReadText(dir.path() + "/c/report.html"),
             Catch::Contains("lang=\"en\"") && Catch::Contains("Cost per domain"));

  CHECK(RunSdsim("run " + Reference() + " -r 5 --labels de --out " + dir.path() + "/d", &out) == 2);
  CHECK_THAT(out, Catch::Contains("--labels must be nl or en"));
  CHECK_FALSE(fs::exists(dir.path() + "/d"));
}

TEST_CASE("run: a workbook that cannot be made stops the run before anything is written",
          "[cli][report]") {
  TempDir dir;
  std::string out;
  // The workbook is built in the temporary folder: make that impossible.
  const std::string cmd = "TMPDIR=" + ShellQuote(dir.path() + "/no-such-folder") + " " +
                          SDSIM_BINARY + " run " + Reference() + " -r 5 -q --xlsx --out " +
                          ShellQuote(dir.path() + "/o");
  std::string log;
  const int status = RunCommand(cmd, &log);
  INFO(log);
  CHECK(status == 3);
  CHECK_THAT(log, Catch::Contains("workbook") && Catch::Contains("nothing was written"));
  CHECK_FALSE(fs::exists(dir.path() + "/o"));
}

TEST_CASE("run: Ctrl-C leaves no workbook, report or temporary file behind", "[cli][report]") {
  TempDir dir;
  const std::string o = dir.path() + "/o";
  // Interrupt a run that would take minutes, once it is under way.
  const std::string cmd = std::string(SDSIM_BINARY) + " run " + Reference() +
                          " -r 5000000 -q --xlsx --out " + ShellQuote(o) + " & pid=$!; sleep 2; " +
                          "kill -INT $pid; wait $pid; echo exit=$?";
  std::string log;
  RunCommand("sh -c " + ShellQuote(cmd), &log);
  INFO(log);
  CHECK_THAT(log, Catch::Contains("exit=130") && Catch::Contains("nothing was written"));
  CHECK_FALSE(fs::exists(o));  // the folder is only made once the results are complete
  int leftovers = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) leftovers += e.path().filename() != "o";
  CHECK(leftovers == 0);
}

}  // namespace
}  // namespace sdsim::testing
