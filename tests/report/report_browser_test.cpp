// End-to-end: report.html from the real sdsim binary (Dronten baseline and lokale_teams with the
// begroting) opened in headless Chromium (Debian's chromium, installed by scripts/setup.sh): it
// loads without a single console message (SVG errors are reported there), every chart in the DOM
// after loading has drawn its marks, there are as many charts as the results call for, and the
// screenshot (kept in build/test-artefacts/report.png) is not blank and shows the coloured fans.
#include <catch2/catch.hpp>
#include <filesystem>

#include "begroting_testing.h"
#include "office_testing.h"
#include "report/results.h"

namespace sdsim::testing {
namespace {

TEST_CASE("report.html in headless Chromium: no console errors, every chart has its marks",
          "[browser][report]") {
  if (!Installed("chromium"))
    FAIL(
        "chromium is not installed, so report.html cannot be checked in a real browser: run "
        "scripts/setup.sh");
  TempDir dir;
  const std::string out = dir.path() + "/o";
  std::string log;
  REQUIRE(RunSdsim("run " + ShellQuote(SourcePath("scenarios/dronten/baseline.json")) + " " +
                       ShellQuote(SourcePath("scenarios/dronten/lokale_teams.json")) +
                       " --budget " + ShellQuote(SourcePath("scenarios/dronten/begroting.json")) +
                       " -r 30 -q --out " + ShellQuote(out),
                   &log) == 0);
  const std::string shot = ArtefactDir() + "/report.png", dom = dir.path() + "/dom.html";
  std::filesystem::remove(shot);
  // A fresh profile, no network, no background services: the page must stand on its own.
  const std::string cmd =
      "timeout -k 5 120 chromium --headless --no-sandbox --disable-gpu --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir=" +
      ShellQuote(dir.path() + "/chromium-profile") +
      " --enable-logging=stderr --v=0 --window-size=1280,1600 --screenshot=" + ShellQuote(shot) +
      " --dump-dom " + ShellQuote("file://" + out + "/report.html") + " 2>" +
      ShellQuote(dir.path() + "/chromium.log") + " >" + ShellQuote(dom);
  const int status = RunCommand(cmd, &log);
  const std::string messages = ReadText(dir.path() + "/chromium.log");
  INFO(log << messages);
  REQUIRE(status == 0);

  // No console output at all: the report has no scripts, and the browser reports SVG or HTML
  // errors there ("Error: <path> attribute d: Expected number").
  CHECK(messages.find(":CONSOLE") == std::string::npos);

  // Every chart drew its marks; the count follows from the results: cost and clients per row
  // (total and each domain) and scenario, two per compared scenario, one per budget line.
  const std::string html = ReadText(dom);
  int charts = 0, empty = 0;
  for (size_t p = html.find("<svg class=\"chart\""); p != std::string::npos;
       p = html.find("<svg class=\"chart\"", p + 1)) {
    ++charts;
    const std::string svg = html.substr(p, html.find("</svg>", p) - p);
    empty += svg.find("class=\"mark ") == std::string::npos;
  }
  std::vector<std::pair<std::string, std::string>> files;
  for (const char* f : {"summary.csv", "compare.csv", "budget.csv"})
    files.push_back({f, ReadText(out + "/" + f)});
  const RunResults R(files);
  int fans = 0;  // per metric shown (cost, clients; saldo, backlog when there), row and scenario
  for (const char* metric : {"cost", "saldo", "backlog_cost", "unique_clients"})
    if (R.HasMetric(metric))
      fans += static_cast<int>(R.Rows(RowLevel::kTotal, metric).size() +
                               R.Rows(RowLevel::kDomain, metric).size()) *
              2;
  CHECK(R.Rows(RowLevel::kDomain, "cost").size() == 3);  // jeugd, wmo, bw
  int budget_lines = 0;
  for (size_t r = 0; r < R.budget().rows(); ++r)
    budget_lines += R.budget().Text(r, 0) == "baseline" && R.budget().Text(r, 4) == "2026";
  CHECK(budget_lines == DrontenBegroting().lines_in("2026"));
  CHECK(R.cohorts() == std::vector<std::string>{"stock", "new"});
  const int boeggolf = 2;  // a stacked chart per scenario
  CHECK(charts == fans + 2 * 1 + budget_lines + boeggolf);
  CHECK(empty == 0);
  CHECK(html.find("<script") == std::string::npos);

  // The screenshot shows the page: mostly white paper, with text and coloured fans on it.
  const Image img = ReadPng(ReadText(shot));
  REQUIRE(img.width == 1280);
  REQUIRE(img.height == 1600);
  const long pixels = 1280L * 1600;
  CHECK(img.NonWhite() > pixels / 50);
  CHECK(img.Coloured(40) > pixels / 100);
}

}  // namespace
}  // namespace sdsim::testing
