// Building the engine's Model from a resolved scenario document: every key is read, checked and
// converted (units to days, tariffs to euros per day per calendar period, ids to indices). All
// problems are collected; the Model is only usable when the returned problem list is empty.
// The meaning, unit and default of every key is documented in scenarios/README.md.
#pragma once

#include "core/model.h"
#include "scenario/problems.h"
#include "scenario/resolve.h"

namespace sdsim {

struct BuildOptions {
  PeriodKind periods = PeriodKind::kYear;  // reporting periods of the results
};

// Returns true if the scenario is valid; otherwise fills *problems (with file names attached).
bool BuildModel(const ResolvedScenario& scenario, const BuildOptions& options, Model* model,
                Problems* problems);

// Reads a begroting from its own file ({"budget": {"line": {"domain": .., "amounts": {..}}}}) and
// adds its lines to `model` (replacing any budget the scenario declares).
bool ApplyBudgetFile(const std::string& path, Model* model, Problems* problems);

// An age band id: "0-17" -> (0, 17); "75+" -> (75, 200). False if `id` is not one.
bool ParseBandId(const std::string& id, int* lo, int* hi);

// Resolve + build in one step (what `sdsim validate` and `sdsim run` do per file).
bool LoadScenario(const std::string& path, const BuildOptions& options, ResolvedScenario* resolved,
                  Model* model, Problems* problems);

}  // namespace sdsim
