// WriteFittedScenario: the fitted baseline as a commented scenario file that `sdsim validate`
// accepts and `sdsim run` runs from the day after the extract date.
//
// Durations, transitions, re-entry, Wlz exits, the age limit, demand streams (per form and age
// group, from the fitted rates and trends) and the clients in care on the extract date (with
// their real time in care) come from the fit; prices, capacities, the toegang, levers and cost
// lines come from the base scenario named with --extends, which the file extends. What the fit
// replaces in the base is switched off there explicitly (null), so nothing is counted twice.
// Parameter uncertainty becomes levers whose effect sizes are drawn once per replication.
#pragma once

#include <string>

#include "fit/estimate.h"
#include "scenario/json_file.h"

namespace sdsim {

struct ScenarioWriterInput {
  const RecordSet* records = nullptr;
  const PopulationTable* population = nullptr;
  const FitResult* fit = nullptr;
  std::string name = "fitted";
  std::string extends;         // path written in "extends" (relative to the output file), or ""
  const Json* base = nullptr;  // the resolved base document when extending
  bool parameter_uncertainty = true;
  std::string generated_by;  // a line for the header comment (command, date)
};

std::string WriteFittedScenario(const ScenarioWriterInput& in);

// The JSON of a distribution as a scenario writes it ({"type": "lognormal", "mu": .., ...}).
Json DistributionJson(const Distribution& d);

}  // namespace sdsim
