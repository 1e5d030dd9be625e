// Unit tests for report/html_report: the sections a run's results call for, saldo and the
// boeggolf when the CSV has them, a self-contained file, the same bytes for the same results.
#include "report/html_report.h"

#include <catch2/catch.hpp>

#include "report_testing.h"

namespace sdsim {
namespace {

using testing::SyntheticOptions;
using testing::SyntheticRun;

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

TEST_CASE("report.html has a chart per domain and scenario, differences, risk and provenance",
          "[unit][report]") {
  const std::string html = ReportHtml(RunResults(SyntheticRun()), Lang::kNl);
  for (const char* id : {"kosten", "clienten", "verschillen", "risico", "doelen", "herkomst"})
    CHECK_THAT(html, Catch::Contains(std::string("id=\"") + id + "\""));
  CHECK(html.find("id=\"saldo\"") == std::string::npos);
  CHECK(html.find("id=\"boeggolf\"") == std::string::npos);
  // Cost and clients: (total + 2 domains) x 2 scenarios each; Δ cost and cumulative for the one
  // compared scenario; the baseline's budget line.
  CHECK(Count(html, "<svg class=\"chart\"") == 6 + 6 + 2 + 1);
  CHECK_THAT(html, Catch::Contains("<h3>Jeugdhulp</h3>"));  // the domain's label, not its id
  CHECK_THAT(html, Catch::Contains("Terugverdiend: vanaf 2026."));
  CHECK_THAT(html, Catch::Contains("63 on 1-10-2024 [S]"));
  CHECK_THAT(html, Catch::Contains("ab12"));  // an input file's SHA-256
  // Self-contained and script-free: nothing is fetched, nothing runs.
  for (const char* outside : {"<script", "src=", "http://", "https://", "@import", "url("})
    CHECK(html.find(outside) == std::string::npos);
  CHECK(ReportHtml(RunResults(SyntheticRun()), Lang::kNl) == html);
  const std::string en = ReportHtml(RunResults(SyntheticRun()), Lang::kEn);
  CHECK_THAT(en, Catch::Contains("Cost per domain") && Catch::Contains("lang=\"en\""));
}

TEST_CASE("report.html shows saldo and the boeggolf once the CSV has them", "[unit][report]") {
  SyntheticOptions o;
  o.saldo = o.cohorts = true;
  const std::string html = ReportHtml(RunResults(SyntheticRun(o)), Lang::kNl);
  CHECK_THAT(html, Catch::Contains("id=\"saldo\"") && Catch::Contains("id=\"boeggolf\""));
  CHECK(Count(html, "<svg class=\"chart\"") == 15 + 6 + 2);
  CHECK(Count(html, "class=\"mark column\"") == 2 * 2 * 2);     // scenarios x periods x cohorts
  CHECK_THAT(html, Catch::Contains("Saldo (baten − kosten)"));  // the saldo difference row
  // Where the effect falls: alt - base is 1,000,000 in total, 75% of it on the stock.
  CHECK(Count(html, "<td>€ 750.000</td><td>€ 250.000</td><td>€ 1,0 mln</td>") == 2);
}

}  // namespace
}  // namespace sdsim
