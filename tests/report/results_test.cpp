// Unit tests for report/results and report/labels: the queries the workbook and the report are
// built from, on synthetic run outputs written by the real CSV writers.
#include "report/results.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "core/model.h"
#include "report/labels.h"
#include "report_testing.h"

namespace sdsim {
namespace {

using testing::SyntheticOptions;
using testing::SyntheticRun;
using testing::Value;

std::vector<std::string> Taakvelden(const std::vector<RowKey>& rows) {
  std::vector<std::string> out;
  for (const RowKey& k : rows) out.push_back(k.taakveld + (k.payer == "all" ? "" : "/" + k.payer));
  return out;
}

TEST_CASE("RunResults finds each row's values by scenario, row and metric name", "[unit][report]") {
  for (const CsvDialect dialect : {CsvDialect::kIntl, CsvDialect::kNl}) {
    SyntheticOptions o;
    o.dialect = dialect;
    const RunResults R(SyntheticRun(o));
    CHECK(R.scenarios() == std::vector<std::string>{"base", "alt"});
    CHECK(R.periods() == std::vector<std::string>{"2025", "2026"});
    CHECK(R.baseline() == "base");
    CHECK(R.compared() == std::vector<std::string>{"alt"});
    CHECK(R.replications() == 50);
    const std::vector<Band> total = R.Series("alt", RowKey{}, "cost");
    REQUIRE(total.size() == 2);
    CHECK(total[1].mean == Value(1, 0, 1, 0));
    CHECK(total[1].p5 == Value(1, 0, 1, 0) * 0.9);
    CHECK(total[1].p95 == Value(1, 0, 1, 0) * 1.1);
    RowKey jeugd;
    jeugd.domain = "jeugd";
    CHECK(R.Series("base", jeugd, "unique_clients")[0].mean == Value(0, 1, 0, 1));
    // A row or metric that is not there reads as undefined, not as 0.
    CHECK_FALSE(R.Series("base", jeugd, "saldo")[0].defined());
    RowKey nowhere;
    nowhere.domain = "bw";
    CHECK_FALSE(R.Series("base", nowhere, "cost")[1].defined());
  }
}

TEST_CASE("RunResults: rows per begroting level, taakvelden in BBV order", "[unit][report]") {
  const RunResults R(SyntheticRun());
  CHECK(Taakvelden(R.Rows(RowLevel::kTaakveld, "cost")) ==
        std::vector<std::string>{"6.1", "6.72", "6.81", "6.82"});
  CHECK(Taakvelden(R.Rows(RowLevel::kTaakveldPayer, "cost")) ==
        std::vector<std::string>{"6.81/centrumgemeente"});
  CHECK(R.Rows(RowLevel::kDomain, "cost").size() == 2);
  CHECK(R.Rows(RowLevel::kPayer, "cost").at(0).payer == "gemeente");
  CHECK(R.Rows(RowLevel::kTotal, "cost").size() == 1);
  CHECK(R.Rows(RowLevel::kTotal, "no_such_metric").empty());
  CHECK(TaakveldBefore("0.9", "0.10"));
  CHECK(TaakveldBefore("6.6", "6.71"));
  CHECK(TaakveldBefore("6.82", "7.1"));
  CHECK_FALSE(TaakveldBefore("6.72", "6.72"));
}

TEST_CASE("RunResults: saldo and the cohort split appear when the CSV has them", "[unit][report]") {
  const RunResults plain(SyntheticRun());
  CHECK_FALSE(plain.HasMetric("saldo"));
  CHECK(plain.cohorts().empty());
  SyntheticOptions o;
  o.saldo = o.cohorts = true;
  const RunResults R(SyntheticRun(o));
  CHECK(R.HasMetric("saldo"));
  CHECK(R.Series("base", RowKey{}, "saldo")[1].mean == Value(0, 0, 1, 3));
  CHECK(R.cohorts() == std::vector<std::string>{"stock", "new"});
  RowKey stock;
  stock.cohort = "stock";
  CHECK(R.Series("alt", stock, "cost")[0].mean == Value(1, 0, 0, 0) * 0.75);
  CHECK(R.Series("alt", RowKey{}, "cost")[0].mean == Value(1, 0, 0, 0));
  CHECK(R.Rows(RowLevel::kTotal, "cost").size() == 1);  // the cohort rows are not levels
  CHECK(std::find(R.compare_metrics().begin(), R.compare_metrics().end(), "saldo") !=
        R.compare_metrics().end());
}

TEST_CASE("RunResults: paired differences, payback and provenance", "[unit][report]") {
  const RunResults R(SyntheticRun());
  const std::vector<Diff> cum = R.Differences("alt", "cost_cumulative");
  CHECK(cum[1].mean == -2000);
  CHECK(cum[1].p5 == -2300);
  CHECK(cum[1].p_lower == 0.8);
  CHECK(cum[1].payback == "2026");
  CHECK(std::isnan(R.Differences("alt", "no_such_metric")[0].mean));
  CHECK(R.compare_metrics() ==
        std::vector<std::string>{"cost", "cost_cumulative", "investment", "unique_clients"});
  const Provenance& p = R.provenance();
  CHECK(p.seed == "7");
  CHECK(p.command_line == "sdsim run a.json");
  REQUIRE(p.inputs.size() == 1);
  CHECK(p.inputs[0].sha256 == "ab12");
  CHECK(R.DomainLabel("jeugd") == "Jeugdhulp");
  CHECK(R.DomainLabel("wmo") == "wmo");
  // Without the files nothing breaks: an empty view.
  const RunResults none({});
  CHECK(none.scenarios().empty());
  CHECK(none.provenance().seed.empty());
}

TEST_CASE("Labels write numbers the Dutch and the English way, without the C locale",
          "[unit][report]") {
  const Labels nl{Lang::kNl}, en{Lang::kEn};
  CHECK(nl.Number(1234567.891, 2) == "1.234.567,89");
  CHECK(en.Number(1234567.891, 2) == "1,234,567.89");
  CHECK(nl.Number(-0.4, 0) == "0");
  CHECK(nl.Number(-1500, 0) == "−1.500");
  CHECK(nl.EuroShort(17529746) == "€ 17,5 mln");
  CHECK(en.EuroShort(17529746) == "€17.5m");
  CHECK(nl.EuroShort(611650) == "€ 612.000");
  CHECK(nl.Euro(-2500) == "€ −2.500");
  CHECK(nl.Percent(0.823) == "82%");
  CHECK(nl.EuroRange(29.96e6, 31.55e6) == "€ 30,0 – 31,6 mln");
  CHECK(en.EuroRange(29.96e6, 31.55e6) == "€30.0–31.6m");
  CHECK(nl.EuroRange(-65000, 1.2e6) == "€ −65.000 – € 1,2 mln");
  CHECK(nl.Metric("cost") == "Kosten");
  CHECK(en.Metric("saldo") == "Balance (income − cost)");
  CHECK(nl.Metric("new_metric") == "new_metric");
  CHECK(Labels::TaakveldName("6.72") == "Maatwerkdienstverlening 18-");
  Lang lang;
  CHECK(ParseLang("en", &lang));
  CHECK(lang == Lang::kEn);
  CHECK_FALSE(ParseLang("de", &lang));
}

}  // namespace
}  // namespace sdsim
