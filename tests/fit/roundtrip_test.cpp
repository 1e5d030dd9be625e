// Round trip: records generated from known parameters (scripts/gen_records.py) are fitted; the
// parameters come back within their intervals, and the fitted model's projection matches the
// generator's own continuation of the process after the extract date.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <sstream>

#include "engine/simulation.h"
#include "fit/estimate.h"
#include "fit/scenario_writer.h"
#include "runner/batch.h"
#include "runner/stats.h"
#include "testing.h"

namespace sdsim::testing {
namespace {

TEST_CASE("round trip: generated records give their parameters and continuation back",
          "[fit][slow]") {
  TempDir dir;
  const std::string cmd = "python3 '" + SourcePath("scripts/gen_records.py") + "' '" + dir.path() +
                          "' --seed 5 --scale 2 --continuations 10 " +
                          "--until 2026-12-31 > /dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  RecordSet r;
  PopulationTable pop;
  std::vector<InputError> errors;
  REQUIRE(ReadRecords(dir.path() + "/records.csv", {}, {}, &r, &errors));
  REQUIRE(ReadPopulation(dir.path() + "/population.csv", &pop, &errors));
  FitOptions o;
  ParseDay("2019-01-01", false, &o.from);
  FitResult fit;
  std::string err;
  REQUIRE(FitRecords(r, pop, o, &fit, &err));
  auto form = [&](const char* key) {
    for (size_t f = 0; f < r.forms.size(); ++f)
      if (r.forms[f].key == key) return static_cast<int>(f);
    FAIL("no form " << key);
    return -1;
  };
  // The generator's truth (scripts/gen_records.py FORMS): mean durations in days; a 99.9%
  // interval (3.29 standard errors) per parameter.
  const std::map<std::string, double> mean_days = {{"jeugd.ambulant", 330},
                                                   {"jeugd.dagbehandeling", 420},
                                                   {"jeugd.pleegzorg", 1100},
                                                   {"wmo.begeleiding", 700},
                                                   {"wmo.hbh", 900}};
  for (const auto& [key, truth] : mean_days) {
    INFO(key);
    const DurationFit& d = fit.durations[form(key.c_str())];
    CHECK(std::fabs(d.mean - truth) <= 3.29 * d.mean_se);
  }
  const ExitFit& amb = fit.exits[form("jeugd.ambulant")];
  CHECK(std::fabs(amb.reentry_probability - 0.15) <= 3.29 * amb.reentry_se);
  const double p_over = amb.share[static_cast<int>(EndReason::kOvergedragen)];
  const int ends = amb.ended[0] + amb.ended[1] + amb.ended[2] + amb.ended[3];
  CHECK(std::fabs(p_over - 0.15) <= 3.29 * std::sqrt(0.15 * 0.85 / ends));
  const AgeLimitFit& al =
      fit.age_limit[std::find(r.domains.begin(), r.domains.end(), "jeugd") - r.domains.begin()];
  CHECK(al.age == 18);
  CHECK(std::fabs(al.verlengd - 0.2) <= 3.29 * std::sqrt(0.2 * 0.8 / al.reaching));
  // Inflow of ambulant: 22 per 1,000 of 0-17 in 2020 with a 3% trend (scale 2 doubles the
  // population, not the rate).
  const InflowFit& in = fit.inflow[form("jeugd.ambulant")];
  const double truth_2025 = 22 * std::pow(1.03, 5);
  CHECK(std::fabs(std::log(in.rate / truth_2025)) <= 3.29 * in.log_rate_se + 0.05);
  const ExitFit& hbh = fit.exits[form("wmo.hbh")];
  CHECK(std::fabs(hbh.wlz_per_year - 0.06) <= 3.29 * std::sqrt(0.06 / hbh.care_years));

  // The projection against the generator's 10 continuations: clients at the end of 2025 and
  // 2026 per form. The projection's spread includes the estimation uncertainty (levers).
  ScenarioWriterInput wi;
  wi.records = &r;
  wi.population = &pop;
  wi.fit = &fit;
  fit.until_year = 2026;
  const std::string path = dir.Write("baseline.json", WriteFittedScenario(wi));
  ResolvedScenario resolved;
  Model model;
  Problems problems;
  REQUIRE(LoadScenario(path, BuildOptions{}, &resolved, &model, &problems));
  Aggregator agg(Simulation(model).layout().size());
  BatchOptions b;
  b.replications = 300;
  RunBatch({&model}, b, [&](int, const std::vector<RepResult>& res) { agg.Add(res[0].values); });
  std::map<std::pair<std::string, int>, double> cont;  // (form key, year) -> mean clients_end
  std::istringstream future(ReadText(dir.path() + "/future.csv"));
  std::string line;
  std::getline(future, line);
  while (std::getline(future, line)) {
    std::stringstream ss(line);
    std::string k, year, dom, f, stock;
    std::getline(ss, k, ',');
    std::getline(ss, year, ',');
    std::getline(ss, dom, ',');
    std::getline(ss, f, ',');
    std::getline(ss, stock, ',');
    cont[{dom + "." + f, std::stoi(year)}] += std::stod(stock) / 10;
  }
  const ResultLayout layout = Simulation(model).layout();
  int checked = 0;
  for (int g = 0; g < model.num_groups(); ++g) {
    const GroupModel& gm = model.groups[g];
    if (gm.kind != GroupKind::kForm) continue;
    for (int p = 0; p < layout.periods; ++p) {
      const int year = model.calendar.periods()[p].year;
      const Stats s = agg.Get(layout.Index(p, g, kClientsEnd));
      const double c = cont.at({gm.domain + "." + gm.form, year});
      INFO(gm.domain << "." << gm.form << " " << year << ": projection " << s.mean << " (sd "
                     << s.sd << "), continuation " << c);
      CHECK(std::fabs(s.mean - c) <= 2.5 * s.sd);
      ++checked;
    }
  }
  CHECK(checked == 10);
}

}  // namespace
}  // namespace sdsim::testing
